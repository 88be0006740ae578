import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { FitsColumn, IsCode, IsPageLimit, IsReasonCode } from '@retention/api-core';
import type { ActivateReasonModelRequest, LangCode, LocalizedText, ScriptView, UpdateChurnReasonRequest, UpdateOfferRequest } from '@retention/contracts';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsBoolean, IsIn, IsOptional, IsString, Max, MaxLength, Min, MinLength, ValidateIf, ValidateNested } from 'class-validator';

export class LangQueryDto {
  @ApiPropertyOptional({ enum: ['en', 'ru', 'uk'], default: 'en' })
  @IsOptional() @IsIn(['en', 'ru', 'uk'])
  lang?: LangCode;
}

export class ListReasonsQueryDto extends LangQueryDto {
  @ApiPropertyOptional({ description: 'A past classifier version; the active one by default' })
  @IsOptional() @Type(() => Number) @FitsColumn('classifier_version.version') @Min(1)
  version?: number;
}

export class SuggestQueryDto extends LangQueryDto {
  @ApiPropertyOptional({ description: "The subscriber's words, or a reason string from billing" })
  @IsString() @MinLength(1) @MaxLength(2000)
  text!: string;

  @ApiPropertyOptional({ default: 5 })
  @IsPageLimit(33)
  limit?: number;
}

export class LocalizedTextDto implements LocalizedText {
  @IsString() @MinLength(1) @MaxLength(4000) en!: string;
  @IsString() @MinLength(1) @MaxLength(4000) ru!: string;
  @IsString() @MinLength(1) @MaxLength(4000) uk!: string;
}

class ObjectionDto {
  @ValidateNested() @Type(() => LocalizedTextDto) objection!: LocalizedTextDto;
  @ValidateNested() @Type(() => LocalizedTextDto) answer!: LocalizedTextDto;
}

export class ScriptDto implements ScriptView {
  @IsArray() @ArrayMaxSize(20) @ValidateNested({ each: true }) @Type(() => LocalizedTextDto) questions!: LocalizedTextDto[];
  @IsArray() @ArrayMaxSize(20) @ValidateNested({ each: true }) @Type(() => LocalizedTextDto) arguments!: LocalizedTextDto[];
  @IsArray() @ArrayMaxSize(20) @ValidateNested({ each: true }) @Type(() => ObjectionDto) objections!: ObjectionDto[];
  @IsArray() @ArrayMaxSize(20) @ValidateNested({ each: true }) @Type(() => LocalizedTextDto) closing!: LocalizedTextDto[];
}

export class UpdateChurnReasonDto implements UpdateChurnReasonRequest {
  @ApiPropertyOptional({ description: 'Why the change was made (shown in the version history)' })
  @IsOptional() @IsString() @MaxLength(500) note?: string;

  @ApiPropertyOptional({ description: 'Monthly norm as a share of the active base, e.g. 0.002' })
  @IsOptional() @FitsColumn('churn_reason.threshold') @Min(0) @Max(1) threshold?: number;

  @IsOptional() @IsBoolean() managed?: boolean;
  @IsOptional() @IsBoolean() impliesCompetitor?: boolean;
  @IsOptional() @ValidateNested() @Type(() => LocalizedTextDto) titles?: LocalizedTextDto;
  @IsOptional() @ValidateNested() @Type(() => LocalizedTextDto) descriptions?: LocalizedTextDto;
  @IsOptional() @IsArray() @ArrayMaxSize(50) @ValidateNested({ each: true }) @Type(() => LocalizedTextDto) typicalPhrases?: LocalizedTextDto[];
  @IsOptional() @IsArray() @ArrayMaxSize(20) @IsCode('offer.code', { each: true }) offerCodes?: string[];
  @IsOptional() @ValidateNested() @Type(() => ScriptDto) script?: ScriptDto;
}

export class UpdateOfferDto implements UpdateOfferRequest {
  @IsOptional() @FitsColumn('offer.discount_percent') @Min(0) @Max(100) discountPercent?: number | null;
  @IsOptional() @FitsColumn('offer.months') @Min(0) @Max(36) months?: number | null;
  @IsOptional() @FitsColumn('offer.monthly_cost') @Min(0) monthlyCost?: number;
  @IsOptional() @FitsColumn('offer.one_off_cost') @Min(0) oneOffCost?: number;
  @IsOptional() @FitsColumn('offer.min_tenure_months') @Min(0) minTenureMonths?: number;
  @IsOptional() @FitsColumn('offer.min_monthly_revenue') @Min(0) minMonthlyRevenue?: number;
  @IsOptional() @IsArray() @ArrayMaxSize(33) @IsReasonCode({ each: true }) reasonCodes?: string[] | null;
  @IsOptional() @IsBoolean() active?: boolean;
}

export class ActivateReasonModelDto implements ActivateReasonModelRequest {
  @ApiProperty({ description: 'The version to switch on; null for the synonym table alone', nullable: true, type: Number })
  @ValidateIf((_o, v) => v !== null) @FitsColumn('reason_model.version') @Min(1)
  version!: number | null;
}
