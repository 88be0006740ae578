import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { FitsColumn, IsCode } from '@retention/api-core';
import type {
  NameTranslations,
  UpsertCompetitorRequest,
  UpsertCompetitorTariffRequest,
  UpsertRegionRequest,
  UpsertServiceRequest,
  UpsertTariffRequest,
} from '@retention/contracts';
import { Type } from 'class-transformer';
import { IsBoolean, IsObject, IsOptional, IsString, Max, MaxLength, Min, MinLength, ValidateNested } from 'class-validator';

/** A name in Russian and Ukrainian; a missing or blank one falls back to the English `name`. */
export class NameTranslationsDto implements NameTranslations {
  @ApiPropertyOptional({ example: 'Север' }) @IsOptional() @IsString() @MaxLength(120) ru?: string;
  @ApiPropertyOptional({ example: 'Північ' }) @IsOptional() @IsString() @MaxLength(120) uk?: string;
}

export class UpsertRegionDto implements UpsertRegionRequest {
  @ApiProperty({ example: 'north' }) @IsCode('region.code') code!: string;
  @ApiProperty() @FitsColumn('region.name') @MinLength(1) name!: string;
  @ApiPropertyOptional({ type: NameTranslationsDto }) @IsOptional() @IsObject() @ValidateNested() @Type(() => NameTranslationsDto) names?: NameTranslationsDto;
  @ApiPropertyOptional() @IsOptional() @IsBoolean() active?: boolean;
}

export class UpsertServiceDto implements UpsertServiceRequest {
  @ApiProperty({ example: 'internet' }) @IsCode('service.code') code!: string;
  @ApiProperty() @FitsColumn('service.name') @MinLength(1) name!: string;
  @ApiPropertyOptional({ type: NameTranslationsDto }) @IsOptional() @IsObject() @ValidateNested() @Type(() => NameTranslationsDto) names?: NameTranslationsDto;
  @ApiPropertyOptional() @IsOptional() @IsBoolean() active?: boolean;
}

export class UpsertTariffDto implements UpsertTariffRequest {
  @ApiProperty() @IsCode('tariff.code') code!: string;
  @ApiProperty() @FitsColumn('tariff.name') @MinLength(1) name!: string;
  @ApiPropertyOptional({ type: NameTranslationsDto }) @IsOptional() @IsObject() @ValidateNested() @Type(() => NameTranslationsDto) names?: NameTranslationsDto;
  @ApiProperty() @IsCode('service.code') serviceCode!: string;
  @ApiProperty() @FitsColumn('tariff.monthly_price') @Min(0) @Max(1_000_000) monthlyPrice!: number;
  @ApiPropertyOptional() @IsOptional() @FitsColumn('tariff.speed_mbps') @Min(0) speedMbps?: number | null;
  @ApiPropertyOptional() @IsOptional() @FitsColumn('tariff.channels') @Min(0) channels?: number | null;
  @ApiPropertyOptional() @IsOptional() @IsBoolean() active?: boolean;
}

export class UpsertCompetitorDto implements UpsertCompetitorRequest {
  @ApiProperty() @IsCode('competitor.code') code!: string;
  @ApiProperty() @FitsColumn('competitor.name') @MinLength(1) name!: string;
  @ApiPropertyOptional({ type: NameTranslationsDto }) @IsOptional() @IsObject() @ValidateNested() @Type(() => NameTranslationsDto) names?: NameTranslationsDto;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(4000) strengths?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(4000) weaknesses?: string;
  @ApiPropertyOptional() @IsOptional() @IsBoolean() active?: boolean;
}

export class UpsertCompetitorTariffDto implements UpsertCompetitorTariffRequest {
  @ApiProperty() @IsCode('region.code') regionCode!: string;
  @ApiProperty() @IsCode('service.code') serviceCode!: string;
  @ApiProperty() @FitsColumn('competitor_tariff.name') @MinLength(1) name!: string;
  @ApiProperty() @FitsColumn('competitor_tariff.monthly_price') @Min(0) @Max(1_000_000) monthlyPrice!: number;
  @ApiPropertyOptional() @IsOptional() @FitsColumn('competitor_tariff.speed_mbps') @Min(0) speedMbps?: number | null;
  @ApiPropertyOptional() @IsOptional() @FitsColumn('competitor_tariff.channels') @Min(0) channels?: number | null;
}
