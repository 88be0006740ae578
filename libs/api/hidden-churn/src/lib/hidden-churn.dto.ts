import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { FitsColumn, IsCode, IsDecimal, IsPageLimit, IsPageOffset, IsReasonCode } from '@retention/api-core';
import type { CreateCallList, HiddenChurnCaseFilter, HiddenChurnSignalCode, ResolveHiddenChurnCase } from '@retention/contracts';
import { CASE_OUTCOMES, DEFAULT_HIDDEN_CHURN_RULES, HIDDEN_CHURN_CASE_STATUSES, HIDDEN_CHURN_PARAMETER_BOUNDS, HIDDEN_CHURN_SIGNALS, type HiddenChurnParameterBound, MAX_SIGNAL_WEIGHT } from '@retention/domain';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsObject,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateNested,
} from 'class-validator';

const STATUS_LIST = new RegExp(`^(${HIDDEN_CHURN_CASE_STATUSES.join('|')})(,(${HIDDEN_CHURN_CASE_STATUSES.join('|')}))*$`);
const Weight = () => (t: object, k: string | symbol) => {
  ApiProperty({ minimum: 0, maximum: MAX_SIGNAL_WEIGHT })(t, k);
  IsInt()(t, k);
  Min(0)(t, k);
  Max(MAX_SIGNAL_WEIGHT)(t, k);
};
const Int = (min: number, max: number) => (t: object, k: string | symbol) => {
  ApiProperty({ minimum: min, maximum: max })(t, k);
  IsInt()(t, k);
  Min(min)(t, k);
  Max(max)(t, k);
};
const Num = (min: number, max: number) => (t: object, k: string | symbol) => {
  ApiProperty({ minimum: min, maximum: max })(t, k);
  IsDecimal(2)(t, k);
  Min(min)(t, k);
  Max(max)(t, k);
};
const Enabled = () => (t: object, k: string | symbol) => {
  ApiProperty()(t, k);
  IsBoolean()(t, k);
};

/** A rule's parameter within the domain's bounds (HIDDEN_CHURN_PARAMETER_BOUNDS: one table for the API and the console's editor). */
const Param = (b: HiddenChurnParameterBound) => (b.integer ? Int(b.min, b.max) : Num(b.min, b.max));
const B = HIDDEN_CHURN_PARAMETER_BOUNDS;

class NoPaymentRuleDto { @Enabled() enabled!: boolean; @Weight() weight!: number; @Param(B.no_payment.days) days!: number; @Param(B.no_payment.minDebt) minDebt!: number; }
class BalanceFallingRuleDto { @Enabled() enabled!: boolean; @Weight() weight!: number; @Param(B.balance_falling.months) months!: number; }
class DowngradeRuleDto { @Enabled() enabled!: boolean; @Weight() weight!: number; @Param(B.downgrade.withinDays) withinDays!: number; }
class ServiceDroppedRuleDto { @Enabled() enabled!: boolean; @Weight() weight!: number; @Param(B.service_dropped.withinDays) withinDays!: number; }
class UsageDropRuleDto { @Enabled() enabled!: boolean; @Weight() weight!: number; @Param(B.usage_drop.share) share!: number; @Param(B.usage_drop.months) months!: number; }
class LongSuspensionRuleDto { @Enabled() enabled!: boolean; @Weight() weight!: number; @Param(B.long_suspension.days) days!: number; }
class NpsFallRuleDto { @Enabled() enabled!: boolean; @Weight() weight!: number; @Param(B.nps_fall.points) points!: number; @Param(B.nps_fall.withinDays) withinDays!: number; }

export class HiddenChurnRulesDto {
  @ApiProperty({ type: NoPaymentRuleDto, example: DEFAULT_HIDDEN_CHURN_RULES.no_payment }) @IsObject() @ValidateNested() @Type(() => NoPaymentRuleDto) no_payment!: NoPaymentRuleDto;
  @ApiProperty({ type: BalanceFallingRuleDto }) @IsObject() @ValidateNested() @Type(() => BalanceFallingRuleDto) balance_falling!: BalanceFallingRuleDto;
  @ApiProperty({ type: DowngradeRuleDto }) @IsObject() @ValidateNested() @Type(() => DowngradeRuleDto) downgrade!: DowngradeRuleDto;
  @ApiProperty({ type: ServiceDroppedRuleDto }) @IsObject() @ValidateNested() @Type(() => ServiceDroppedRuleDto) service_dropped!: ServiceDroppedRuleDto;
  @ApiProperty({ type: UsageDropRuleDto }) @IsObject() @ValidateNested() @Type(() => UsageDropRuleDto) usage_drop!: UsageDropRuleDto;
  @ApiProperty({ type: LongSuspensionRuleDto }) @IsObject() @ValidateNested() @Type(() => LongSuspensionRuleDto) long_suspension!: LongSuspensionRuleDto;
  @ApiProperty({ type: NpsFallRuleDto }) @IsObject() @ValidateNested() @Type(() => NpsFallRuleDto) nps_fall!: NpsFallRuleDto;
}

export class UpdateHiddenChurnRulesDto {
  @ApiProperty({ type: HiddenChurnRulesDto }) @IsObject() @ValidateNested() @Type(() => HiddenChurnRulesDto) rules!: HiddenChurnRulesDto;
  @ApiPropertyOptional({ description: 'Why the rules changed' }) @IsOptional() @FitsColumn('hidden_churn_rules_version.note') note?: string;
}

class CaseFilterFieldsDto {
  @ApiPropertyOptional({ enum: HIDDEN_CHURN_SIGNALS }) @IsOptional() @IsIn(HIDDEN_CHURN_SIGNALS) signal?: HiddenChurnSignalCode;
  @ApiPropertyOptional({ example: 'centre' }) @IsOptional() @IsCode('region.code') region?: string;
  @ApiPropertyOptional({ example: 'internet' }) @IsOptional() @IsCode('service.code') service?: string;
}

/** A case filter in a JSON body: the risk is a number as sent (no conversion). */
export class CaseFilterDto extends CaseFilterFieldsDto implements HiddenChurnCaseFilter {
  @ApiPropertyOptional({ minimum: 0, maximum: 100 }) @IsOptional() @IsInt() @Min(0) @Max(100) minRisk?: number;
}

/** The same filter in a query string, where the risk arrives as text. */
export class ListCasesQueryDto extends CaseFilterFieldsDto implements HiddenChurnCaseFilter {
  @ApiPropertyOptional({ minimum: 0, maximum: 100 }) @IsOptional() @Type(() => Number) @IsInt() @Min(0) @Max(100) minRisk?: number;

  @ApiPropertyOptional({ description: 'Comma-separated statuses; the open ones (new, assigned, contacted) by default', example: 'new,assigned' })
  @IsOptional() @IsString() @MaxLength(64)
  @Matches(STATUS_LIST, { message: `status must be a comma-separated list of ${HIDDEN_CHURN_CASE_STATUSES.join(', ')}` })
  status?: string;

  @ApiPropertyOptional({ enum: ['risk', 'revenue'], default: 'risk' }) @IsOptional() @IsIn(['risk', 'revenue']) sort?: 'risk' | 'revenue';
  @ApiPropertyOptional({ default: 50 }) @IsPageLimit(500) limit?: number;
  @ApiPropertyOptional({ default: 0 }) @IsPageOffset() offset?: number;
}

export class ResolveCaseDto implements ResolveHiddenChurnCase {
  @ApiProperty({ enum: CASE_OUTCOMES }) @IsIn(CASE_OUTCOMES) outcome!: 'returned' | 'lost' | 'false_alarm';
  @ApiPropertyOptional({ example: 'price_increase', description: 'The true reason from the classifier; required for returned and lost' })
  @IsOptional() @IsReasonCode() reasonCode?: string;
  @ApiPropertyOptional({ example: 'discount_10_3m', description: 'The offer the subscriber took (returned only), as the desk ranks them for the reason' })
  @IsOptional() @IsCode('offer.code') offerCode?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(2000) note?: string;
}

export class ContactCaseDto {
  @ApiPropertyOptional({ description: 'What the call gave' }) @IsOptional() @IsString() @MaxLength(2000) note?: string;
}

export class CreateCallListDto implements CreateCallList {
  @ApiProperty({ example: 'Silent payers, Kyiv' }) @FitsColumn('hidden_churn_call_list.name') @MinLength(1) name!: string;
  @ApiProperty({ type: CaseFilterDto }) @IsObject() @ValidateNested() @Type(() => CaseFilterDto) filter!: CaseFilterDto;
  @ApiProperty({ minimum: 1, maximum: 1000, description: 'How many new cases, riskiest first' }) @IsInt() @Min(1) @Max(1000) size!: number;
  @ApiProperty({ type: [String], description: 'Operators the cases are shared among, in turn' })
  @IsArray() @ArrayMinSize(1) @ArrayMaxSize(50) @IsUUID('all', { each: true }) operatorIds!: string[];
}
