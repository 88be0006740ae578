import { ApiProperty, ApiPropertyOptional, OmitType, PickType } from '@nestjs/swagger';
import { FitsColumn, IsCode, IsMonthKey } from '@retention/api-core';
import type { SetRetentionCostsRequest } from '@retention/contracts';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsOptional, Min, ValidateNested } from 'class-validator';
import { ReportQueryDto } from './reports.dto';

export class CostsMonthParamDto {
  @ApiProperty({ example: '2026-11', description: 'The month the costs hold from, YYYY-MM (1900-01 to 2199-12)' }) @IsMonthKey() month!: string;
}

export class AcquisitionCostDto {
  @ApiProperty({ example: 'internet' }) @IsCode('service.code') service!: string;
  @ApiProperty({ example: 120, description: 'What acquiring one subscriber to the service costs' })
  @FitsColumn('acquisition_cost.cost') @Min(0) cost!: number;
}

export class SetRetentionCostsDto implements SetRetentionCostsRequest {
  @ApiPropertyOptional({ example: 15, description: 'The cost of an hour of the desk’s staff from this month on' })
  @IsOptional() @FitsColumn('staff_cost.cost_per_hour') @Min(0) staffCostPerHour?: number;
  @ApiPropertyOptional({ type: [AcquisitionCostDto] })
  @IsOptional() @IsArray() @ArrayMaxSize(100) @ValidateNested({ each: true }) @Type(() => AcquisitionCostDto) acquisitionCosts?: AcquisitionCostDto[];
}

export class EconomicsQueryDto extends OmitType(ReportQueryDto, ['format'] as const) {}

export class RiskSegmentsQueryDto extends PickType(ReportQueryDto, ['from', 'to', 'region'] as const) {}
