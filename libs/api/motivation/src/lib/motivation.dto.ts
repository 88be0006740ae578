import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { FitsColumn, IsCalendarDate, IsMonthKey } from '@retention/api-core';
import { SATISFACTION_GROUPINGS, type RecordSurveyRequest, type SatisfactionGrouping, type SetBonusSchemeRequest, type SetSubscriberLinksRequest } from '@retention/contracts';
import { Type } from 'class-transformer';
import { IsIn, IsOptional, IsString, IsUUID, Max, MaxLength, Min, MinLength, ValidateIf } from 'class-validator';

export class MonthParamDto {
  @ApiProperty({ example: '2026-11', description: 'The month, YYYY-MM (1900-01 to 2199-12)' }) @IsMonthKey() month!: string;
}

export class StatementParamDto extends MonthParamDto {
  @ApiProperty({ description: "The person's user id" }) @IsUUID() userId!: string;
}

export class SetBonusSchemeDto implements SetBonusSchemeRequest {
  @ApiProperty({ example: 0.3, description: 'Save rate an operator must reach for any bonus (0..1)' })
  @FitsColumn('bonus_scheme.target_save_rate') @Min(0) @Max(1) targetSaveRate!: number;
  @ApiProperty({ example: 150, description: 'Paid per percentage point of save rate above the target' })
  @FitsColumn('bonus_scheme.per_point_above') @Min(0) perPointAbove!: number;
  @ApiProperty({ example: 0.25, description: 'Share of the monthly revenue kept by the saves paid as bonus (0..1)' })
  @FitsColumn('bonus_scheme.saved_revenue_share') @Min(0) @Max(1) savedRevenueShare!: number;
  @ApiProperty({ example: 0.15, description: 'The month\'s bonus is at most this share of salary (0..1; 0.15 by default)' })
  @FitsColumn('bonus_scheme.cap_share') @Min(0) @Max(1) capShare!: number;
  @ApiProperty({ example: 0.5, description: 'Share cut from the bonus when the churn plan of the month was exceeded (0..1)' })
  @FitsColumn('bonus_scheme.plan_exceeded_cut') @Min(0) @Max(1) planExceededCut!: number;
  @ApiProperty({ example: 0.4, description: 'Share held back, half paid after 3 months and half after 6 for the saves still connected (0..1)' })
  @FitsColumn('bonus_scheme.deferred_share') @Min(0) @Max(1) deferredShare!: number;
  @ApiProperty({ example: 150, description: 'Paid to a sales agent per subscriber still connected 6 months after sign-up' })
  @FitsColumn('bonus_scheme.sales_bonus_6m') @Min(0) salesBonus6m!: number;
  @ApiProperty({ example: 300, description: 'Paid to a sales agent per subscriber still connected 12 months after sign-up' })
  @FitsColumn('bonus_scheme.sales_bonus_12m') @Min(0) salesBonus12m!: number;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(500) note?: string;
  @ApiPropertyOptional({ example: 1, description: "The version of this month's scheme edited (0 or absent when it has none); or If-Match" })
  @IsOptional() @FitsColumn('bonus_scheme.version') @Min(0) baseVersion?: number;
}

/** The settings a preview tries; each one left out is the scheme's in effect for the month. */
export class SchemePreviewQueryDto {
  @ApiPropertyOptional({ example: 0.3 }) @IsOptional() @Type(() => Number) @FitsColumn('bonus_scheme.target_save_rate') @Min(0) @Max(1) targetSaveRate?: number;
  @ApiPropertyOptional({ example: 150 }) @IsOptional() @Type(() => Number) @FitsColumn('bonus_scheme.per_point_above') @Min(0) perPointAbove?: number;
  @ApiPropertyOptional({ example: 0.25 }) @IsOptional() @Type(() => Number) @FitsColumn('bonus_scheme.saved_revenue_share') @Min(0) @Max(1) savedRevenueShare?: number;
  @ApiPropertyOptional({ example: 0.15 }) @IsOptional() @Type(() => Number) @FitsColumn('bonus_scheme.cap_share') @Min(0) @Max(1) capShare?: number;
  @ApiPropertyOptional({ example: 0.5 }) @IsOptional() @Type(() => Number) @FitsColumn('bonus_scheme.plan_exceeded_cut') @Min(0) @Max(1) planExceededCut?: number;
  @ApiPropertyOptional({ example: 0.4 }) @IsOptional() @Type(() => Number) @FitsColumn('bonus_scheme.deferred_share') @Min(0) @Max(1) deferredShare?: number;
  @ApiPropertyOptional({ example: 150 }) @IsOptional() @Type(() => Number) @FitsColumn('bonus_scheme.sales_bonus_6m') @Min(0) salesBonus6m?: number;
  @ApiPropertyOptional({ example: 300 }) @IsOptional() @Type(() => Number) @FitsColumn('bonus_scheme.sales_bonus_12m') @Min(0) salesBonus12m?: number;
}

export class StatementsQueryDto {
  @ApiPropertyOptional({ enum: ['json', 'xlsx'], default: 'json', description: 'xlsx: the team\'s statements as a spreadsheet' })
  @IsOptional() @IsIn(['json', 'xlsx']) format?: 'json' | 'xlsx';
}

export class WorkloadQueryDto {
  @ApiProperty({ example: '2026-10-01', description: 'First day (inclusive)' }) @IsCalendarDate() from!: string;
  @ApiProperty({ example: '2026-10-31', description: 'Last day (inclusive)' }) @IsCalendarDate() to!: string;
}

export class SetSubscriberLinksDto implements SetSubscriberLinksRequest {
  @ApiPropertyOptional({ type: String, format: 'uuid', nullable: true, description: 'The operator who serves the subscriber; null clears it' })
  @IsOptional() @ValidateIf((_, v) => v !== null) @IsUUID() representativeId?: string | null;
  @ApiPropertyOptional({ type: String, format: 'uuid', nullable: true, description: 'The sales agent who signed the subscriber up; null clears it' })
  @IsOptional() @ValidateIf((_, v) => v !== null) @IsUUID() salesAgentId?: string | null;
  @ApiPropertyOptional({ type: String, nullable: true, enum: ['office', 'phone', 'online', 'field', 'partner'] })
  @IsOptional() @ValidateIf((_, v) => v !== null) @IsIn(['office', 'phone', 'online', 'field', 'partner']) salesChannel?: SetSubscriberLinksRequest['salesChannel'];
}

export class RecordSurveyDto implements RecordSurveyRequest {
  @ApiProperty({ example: 'A1234567' }) @FitsColumn('subscriber.account_number') @MinLength(1) accountNumber!: string;
  @ApiProperty({ enum: ['nps', 'csat'] }) @IsIn(['nps', 'csat']) kind!: 'nps' | 'csat';
  @ApiProperty({ example: 8, description: 'NPS 0..10, CSAT 1..5' }) @FitsColumn('survey_answer.score') @Min(0) @Max(10) score!: number;
  @ApiPropertyOptional({ description: 'Why: required for an NPS below 9' }) @IsOptional() @IsString() @MaxLength(2000) comment?: string;
  @ApiPropertyOptional({ format: 'uuid', description: 'The request the exit survey followed' }) @IsOptional() @IsUUID() requestId?: string;
}

export class SatisfactionQueryDto {
  @ApiPropertyOptional({ enum: SATISFACTION_GROUPINGS, default: 'operator', description: "Group the month's answers by the representative, their team, the subscriber's region, each service they had, or the churn reason (or its group) of the request or case the answer follows" })
  @IsOptional() @IsIn(SATISFACTION_GROUPINGS) by?: SatisfactionGrouping;
}

export class FollowUpQueryDto {
  @ApiPropertyOptional({ enum: ['detractor', 'promoter'], default: 'detractor', description: 'detractor (0-6) to call back, promoter (9-10) to ask for a referral' })
  @IsOptional() @IsIn(['detractor', 'promoter']) class?: 'detractor' | 'promoter';
}
