import { Body, Controller, Post } from '@nestjs/common';
import { ApiConflictResponse, ApiCreatedResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { RequirePermission } from '@retention/api-core';
import { Permission, RecordedSurveyAnswer } from '@retention/contracts';
import { RecordSurveyDto } from './motivation.dto';
import { MotivationService } from './motivation.service';

@ApiTags('surveys')
@Controller('surveys')
export class SurveysController {
  constructor(private readonly motivation: MotivationService) {}

  @Post()
  @RequirePermission(Permission.SurveysRecord)
  @ApiOperation({ summary: "Record a subscriber's NPS (0-10, the why required below 9) or CSAT (1-5) answer; it counts for their representative" })
  @ApiCreatedResponse({ description: 'The answer, with who it counts for' })
  @ApiConflictResponse({ description: 'The request named already has an answer of this kind (the exit survey is asked once)' })
  record(@Body() dto: RecordSurveyDto): Promise<RecordedSurveyAnswer> {
    return this.motivation.recordSurvey(dto);
  }
}
