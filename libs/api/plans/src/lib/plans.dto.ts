import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { PlanLineRequest, SetChurnPlanRequest } from '@retention/contracts';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsIn, IsInt, IsNumber, IsOptional, IsString, Matches, Max, MaxLength, Min, ValidateIf, ValidateNested } from 'class-validator';

export class PlanLineDto implements PlanLineRequest {
  @ApiProperty({ example: 'internet' }) @IsString() @Matches(/^[a-z0-9][a-z0-9_-]{0,47}$/, { message: 'service must be a service code' }) service!: string;
  @ApiProperty({ nullable: true, example: null }) @ValidateIf((_, v) => v !== null) @IsString() @Matches(/^[a-z0-9][a-z0-9_-]{0,47}$/, { message: 'region must be a region code or null' }) region!: string | null;
  @ApiProperty({ example: 40 }) @IsInt() @Min(0) @Max(10_000_000) managedMax!: number;
  @ApiProperty({ example: 15 }) @IsInt() @Min(0) @Max(10_000_000) unmanagedMax!: number;
  @ApiProperty({ example: 0.35 }) @IsNumber({ maxDecimalPlaces: 4 }) @Min(0) @Max(1) targetSaveRate!: number;
}

export class SetChurnPlanDto implements SetChurnPlanRequest {
  @ApiProperty({ type: [PlanLineDto] }) @IsArray() @ArrayMaxSize(500) @ValidateNested({ each: true }) @Type(() => PlanLineDto) lines!: PlanLineDto[];
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(500) note?: string;
  @ApiPropertyOptional({
    example: 3,
    description: 'The version edited (0 or absent for a month without a plan); or send it as If-Match. A save on a month whose newest version is another one is a 409.',
  })
  @IsOptional() @IsInt() @Min(0) @Max(1_000_000_000) baseVersion?: number;
}

export class DraftQueryDto {
  @ApiPropertyOptional({ enum: ['last', 'average3'], default: 'last' }) @IsOptional() @IsIn(['last', 'average3']) from?: 'last' | 'average3';
}

export class PlanQueryDto {
  @ApiPropertyOptional({ description: 'Compute the figures as of this day (what-if; default today)', example: '2026-11-15' })
  @IsOptional() @IsString() @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'asOf must be YYYY-MM-DD' }) asOf?: string;
}
