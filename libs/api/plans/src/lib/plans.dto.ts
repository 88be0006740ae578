import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { FitsColumn, IsCalendarDate, IsCode, IsMonthKey } from '@retention/api-core';
import type { PlanLineRequest, SetChurnPlanRequest } from '@retention/contracts';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsIn, IsOptional, IsString, Max, MaxLength, Min, ValidateIf, ValidateNested } from 'class-validator';

export class MonthParamDto {
  @ApiProperty({ example: '2026-11', description: 'The plan month, YYYY-MM (1900-01 to 2199-12)' }) @IsMonthKey() month!: string;
}

export class PlanLineDto implements PlanLineRequest {
  @ApiProperty({ example: 'internet' }) @IsCode('service.code') service!: string;
  @ApiProperty({ nullable: true, example: null, description: 'A region code, or null for all regions' })
  @ValidateIf((_, v) => v !== null) @IsCode('region.code') region!: string | null;
  @ApiProperty({ example: 40 }) @FitsColumn('churn_plan_line.managed_max') @Min(0) @Max(10_000_000) managedMax!: number;
  @ApiProperty({ example: 15 }) @FitsColumn('churn_plan_line.unmanaged_max') @Min(0) @Max(10_000_000) unmanagedMax!: number;
  @ApiProperty({ example: 0.35 }) @FitsColumn('churn_plan_line.target_save_rate') @Min(0) @Max(1) targetSaveRate!: number;
  @ApiPropertyOptional({ nullable: true, example: 8, description: 'The most confirmed hidden churn allowed (null or absent: not planned)' })
  @IsOptional() @FitsColumn('churn_plan_line.hidden_max') @Min(0) @Max(10_000_000) hiddenMax?: number | null;
}

export class SetChurnPlanDto implements SetChurnPlanRequest {
  @ApiProperty({ type: [PlanLineDto] }) @IsArray() @ArrayMaxSize(500) @ValidateNested({ each: true }) @Type(() => PlanLineDto) lines!: PlanLineDto[];
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(500) note?: string;
  @ApiPropertyOptional({
    example: 3,
    description: 'The version edited (0 or absent for a month without a plan); or send it as If-Match. A save on a month whose newest version is another one is a 409.',
  })
  @IsOptional() @FitsColumn('churn_plan.version') @Min(0) baseVersion?: number;
}

export class DraftQueryDto {
  @ApiPropertyOptional({ enum: ['last', 'average3'], default: 'last' }) @IsOptional() @IsIn(['last', 'average3']) from?: 'last' | 'average3';
}

export class PlanQueryDto {
  @ApiPropertyOptional({ description: 'Compute the figures as of this day (what-if; default today)', example: '2026-11-15' })
  @IsOptional() @IsCalendarDate() asOf?: string;
}
