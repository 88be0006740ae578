import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { FitsColumn, IsPageLimit, IsPageOffset, IsQueryBoolean } from '@retention/api-core';
import { IMPORT_COLUMNS, IMPORT_ENTITIES, IMPORT_KINDS, ImportEntity, ImportKind, ImportMappingEntry } from '@retention/contracts';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsBoolean, IsIn, IsOptional, IsString, MaxLength, MinLength, ValidateBy, ValidateNested } from 'class-validator';

const ALL_COLUMNS = new Set(Object.values(IMPORT_COLUMNS).flatMap((cs) => cs.map((c) => c.name)));

/** A JSON object mapping our column names to the file's headers: {"account_number": "Acct no"}. */
function IsColumnMap(): PropertyDecorator {
  return ValidateBy({
    name: 'isColumnMap',
    validator: {
      validate: (value: unknown) => {
        if (typeof value !== 'string') return false;
        try {
          const parsed: unknown = JSON.parse(value);
          return (
            parsed !== null &&
            typeof parsed === 'object' &&
            !Array.isArray(parsed) &&
            Object.entries(parsed).every(([k, v]) => ALL_COLUMNS.has(k) && typeof v === 'string' && v.length > 0 && v.length <= 240)
          );
        } catch {
          return false;
        }
      },
      defaultMessage: () => 'columns must be a JSON object of our column names to the file’s headers',
    },
  });
}

export class StartImportQueryDto {
  @ApiProperty({ enum: IMPORT_KINDS }) @IsIn(IMPORT_KINDS) kind!: ImportKind;
  @ApiPropertyOptional({ description: 'Check the file and report, write nothing' }) @IsQueryBoolean() dryRun?: boolean;
  @ApiPropertyOptional({ description: 'JSON object: our column name -> the file’s header, when they differ', example: '{"account_number":"Acct"}' })
  @IsOptional() @IsString() @MaxLength(4000) @IsColumnMap()
  columns?: string;
}

export class ListImportsQueryDto {
  @ApiPropertyOptional() @IsPageLimit(200) limit?: number;
  @ApiPropertyOptional() @IsPageOffset() offset?: number;
}

export class ImportMappingEntryDto implements ImportMappingEntry {
  @ApiProperty({ enum: [...IMPORT_ENTITIES, 'reason'] }) @IsIn([...IMPORT_ENTITIES, 'reason']) entity!: ImportEntity | 'reason';
  @ApiProperty({ description: 'Billing’s name (compared case-insensitively)' }) @FitsColumn('import_mapping.source') @MinLength(1) source!: string;
  @ApiProperty({ description: 'Our code' }) @FitsColumn('import_mapping.target') @MinLength(1) target!: string;
  @ApiPropertyOptional({ description: 'Create a region, service or competitor with this code, named `source`' }) @IsOptional() @IsBoolean() create?: boolean;
}

export class SaveMappingsDto {
  @ApiProperty({ type: [ImportMappingEntryDto] })
  @IsArray() @ArrayMinSize(1) @ArrayMaxSize(1000) @ValidateNested({ each: true }) @Type(() => ImportMappingEntryDto)
  entries!: ImportMappingEntryDto[];
}
