import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { FitsColumn } from '@retention/api-core';
import { ActivitySegment, SetSegmentRequest, Temperament } from '@retention/contracts';
import { IsIn, IsOptional, IsString } from 'class-validator';

const TEMPERAMENTS = Object.values(Temperament);
const ACTIVITY_SEGMENTS = Object.values(ActivitySegment);

export class SetSegmentDto implements SetSegmentRequest {
  @ApiProperty({ enum: TEMPERAMENTS, example: 'choleric' })
  @IsIn(TEMPERAMENTS, { message: `temperament must be one of ${TEMPERAMENTS.join(', ')}` }) temperament!: Temperament;
  @ApiProperty({ enum: ACTIVITY_SEGMENTS, example: 'passive' })
  @IsIn(ACTIVITY_SEGMENTS, { message: `activitySegment must be one of ${ACTIVITY_SEGMENTS.join(', ')}` }) activitySegment!: ActivitySegment;
  @ApiPropertyOptional({ example: 'Asked the same question three times', description: 'Why, up to 500 characters' })
  @IsOptional() @IsString() @FitsColumn('subscriber_segment_change.note') note?: string;
}
