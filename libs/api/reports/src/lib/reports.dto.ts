import { ApiProperty, ApiPropertyOptional, IntersectionType, OmitType, PickType } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { IsBoolean, IsIn, IsInt, IsOptional, IsString, IsUUID, Matches, Max, MaxLength, Min } from 'class-validator';
import { NpsClass, SaveStateCode, SUBSCRIBER_DRILL_FIGURES, SubscriberDrillFigure } from '@retention/contracts';

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;
const CODE = /^[a-z0-9][a-z0-9_-]{0,47}$/;

export class ReportQueryDto {
  @ApiProperty({ example: '2026-01' }) @IsString() @Matches(MONTH, { message: 'from must be YYYY-MM' }) from!: string;
  @ApiProperty({ example: '2026-11' }) @IsString() @Matches(MONTH, { message: 'to must be YYYY-MM' }) to!: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @Matches(CODE, { message: 'service must be a service code' }) service?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @Matches(CODE, { message: 'region must be a region code' }) region?: string;
  @ApiPropertyOptional({ enum: ['json', 'xlsx', 'csv'], default: 'json' }) @IsOptional() @IsIn(['json', 'xlsx', 'csv']) format?: 'json' | 'xlsx' | 'csv';
}

export class DrillQueryDto extends ReportQueryDto {
  @ApiPropertyOptional() @IsOptional() @IsUUID() competitorId?: string;
  @ApiPropertyOptional({ description: 'Went to a competitor without it being named' })
  @IsOptional() @Transform(({ value }) => value === 'true' || value === true) @IsBoolean() unknownCompetitor?: boolean;
  @ApiPropertyOptional({ description: 'Went to a competitor, named or not, whatever the reason' })
  @IsOptional() @Transform(({ value }) => value === 'true' || value === true) @IsBoolean() toCompetitor?: boolean;
  @ApiPropertyOptional({ description: 'Moved out of the coverage area, not known to have gone to a competitor' })
  @IsOptional() @Transform(({ value }) => value === 'true' || value === true) @IsBoolean() movedOut?: boolean;
  @ApiPropertyOptional() @IsOptional() @IsString() @Matches(/^[a-z0-9_]{1,48}$/, { message: 'reasonCode must be a classifier code' }) reasonCode?: string;
  @ApiPropertyOptional({ enum: ['managed', 'unmanaged'] }) @IsOptional() @IsIn(['managed', 'unmanaged']) churnType?: 'managed' | 'unmanaged';
  @ApiPropertyOptional() @IsOptional() @IsString() @Matches(MONTH, { message: 'month must be YYYY-MM' }) month?: string;
  @ApiPropertyOptional() @IsOptional() @Transform(({ value }) => value === 'true' || value === true) @IsBoolean() newSubscribers?: boolean;
  @ApiPropertyOptional({ default: 50 }) @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(1000) limit?: number;
  @ApiPropertyOptional({ default: 0 }) @IsOptional() @Type(() => Number) @IsInt() @Min(0) offset?: number;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(16) sort?: string;
}

export class SubscriberDrillQueryDto extends IntersectionType(OmitType(ReportQueryDto, ['format'] as const), PickType(DrillQueryDto, ['limit', 'offset'] as const)) {
  @ApiProperty({ enum: SUBSCRIBER_DRILL_FIGURES, description: 'left: who was there at the start and left voluntarily, the churn rate’s losses (with a service: who dropped it); saves: saved requests; nps: survey answers' })
  @IsIn([...SUBSCRIBER_DRILL_FIGURES], { message: `figure must be one of ${SUBSCRIBER_DRILL_FIGURES.join(', ')}` })
  figure!: SubscriberDrillFigure;
  @ApiPropertyOptional({ enum: ['pending', 'confirmed', 'lost'], description: 'saves only' })
  @IsOptional() @IsIn(['pending', 'confirmed', 'lost']) saveState?: SaveStateCode;
  @ApiPropertyOptional({ enum: ['promoter', 'passive', 'detractor'], description: 'nps only' })
  @IsOptional() @IsIn(['promoter', 'passive', 'detractor']) npsClass?: NpsClass;
}
