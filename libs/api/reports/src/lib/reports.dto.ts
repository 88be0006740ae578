import { ApiProperty, ApiPropertyOptional, IntersectionType, OmitType, PickType } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsOptional, IsString, IsUUID, MaxLength, Min } from 'class-validator';
import { FitsColumn, IsCode, IsMonthKey, IsPageLimit, IsPageOffset, IsQueryBoolean, IsReasonCode } from '@retention/api-core';
import { type LangCode, LifetimeRating, NpsClass, SaveStateCode, SUBSCRIBER_DRILL_FIGURES, SubscriberDrillFigure } from '@retention/contracts';

export class ReportQueryDto {
  @ApiProperty({ example: '2026-01' }) @IsMonthKey() from!: string;
  @ApiProperty({ example: '2026-11' }) @IsMonthKey() to!: string;
  @ApiPropertyOptional() @IsOptional() @IsCode('service.code') service?: string;
  @ApiPropertyOptional() @IsOptional() @IsCode('region.code') region?: string;
  @ApiPropertyOptional({ enum: ['json', 'xlsx', 'csv'], default: 'json' }) @IsOptional() @IsIn(['json', 'xlsx', 'csv']) format?: 'json' | 'xlsx' | 'csv';
  @ApiPropertyOptional({ enum: ['en', 'ru', 'uk'], default: 'en', description: "Language of an export's sheet names, headers and names (the console sends its own)" })
  @IsOptional() @IsIn(['en', 'ru', 'uk']) lang?: LangCode;
}

export class DrillQueryDto extends OmitType(ReportQueryDto, ['lang'] as const) {
  @ApiPropertyOptional() @IsOptional() @IsUUID() competitorId?: string;
  @ApiPropertyOptional({ description: 'Went to a competitor without it being named' })
  @IsQueryBoolean() unknownCompetitor?: boolean;
  @ApiPropertyOptional({ description: 'Went to a competitor, named or not, whatever the reason' })
  @IsQueryBoolean() toCompetitor?: boolean;
  @ApiPropertyOptional({ description: 'Moved out of the coverage area, not known to have gone to a competitor' })
  @IsQueryBoolean() movedOut?: boolean;
  @ApiPropertyOptional() @IsOptional() @IsReasonCode() reasonCode?: string;
  @ApiPropertyOptional({ enum: ['managed', 'unmanaged'] }) @IsOptional() @IsIn(['managed', 'unmanaged']) churnType?: 'managed' | 'unmanaged';
  @ApiPropertyOptional() @IsOptional() @IsMonthKey() month?: string;
  @ApiPropertyOptional() @IsQueryBoolean() newSubscribers?: boolean;
  @ApiPropertyOptional({ default: 50 }) @IsPageLimit(1000) limit?: number;
  @ApiPropertyOptional({ default: 0 }) @IsPageOffset() offset?: number;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(16) sort?: string;
}

export class SubscriberDrillQueryDto extends IntersectionType(OmitType(ReportQueryDto, ['format', 'lang'] as const), PickType(DrillQueryDto, ['limit', 'offset'] as const)) {
  @ApiProperty({ enum: SUBSCRIBER_DRILL_FIGURES, description: 'left: who was there at the start and left voluntarily, the churn rate’s losses (with a service: who dropped it); saves: saved requests; nps: survey answers' })
  @IsIn([...SUBSCRIBER_DRILL_FIGURES], { message: `figure must be one of ${SUBSCRIBER_DRILL_FIGURES.join(', ')}` })
  figure!: SubscriberDrillFigure;
  @ApiPropertyOptional({ enum: ['pending', 'confirmed', 'lost'], description: 'saves only' })
  @IsOptional() @IsIn(['pending', 'confirmed', 'lost']) saveState?: SaveStateCode;
  @ApiPropertyOptional({ enum: ['promoter', 'passive', 'detractor'], description: 'nps only' })
  @IsOptional() @IsIn(['promoter', 'passive', 'detractor']) npsClass?: NpsClass;
  @ApiPropertyOptional({ enum: ['month_to_month', '12m', '24m'], description: 'left without a service only: the contract type (a risk segment)' })
  @IsOptional() @IsIn(['month_to_month', '12m', '24m']) contractType?: string;
  @ApiPropertyOptional({ enum: Object.values(LifetimeRating), description: 'left without a service only: the lifetime rating at the period’s start (a risk segment)' })
  @IsOptional() @IsIn(Object.values(LifetimeRating)) tenureRating?: LifetimeRating;
  @ApiPropertyOptional({ description: 'left without a service only: monthly spend at the period’s start above this (a spend quartile)' })
  @IsOptional() @Type(() => Number) @FitsColumn('subscription.monthly_fee') @Min(0) spendAbove?: number;
  @ApiPropertyOptional({ description: 'left without a service only: monthly spend at the period’s start up to this (a spend quartile)' })
  @IsOptional() @Type(() => Number) @FitsColumn('subscription.monthly_fee') @Min(0) spendTo?: number;
}
