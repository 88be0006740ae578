import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { RequirePermission } from '@retention/api-core';
import { Permission, SatisfactionFollowUp, SatisfactionReport } from '@retention/contracts';
import { FollowUpQueryDto, MonthParamDto, SatisfactionQueryDto } from './motivation.dto';
import { SatisfactionService } from './satisfaction.service';

@ApiTags('motivation')
@Controller('motivation/satisfaction')
export class SatisfactionController {
  constructor(private readonly satisfaction: SatisfactionService) {}

  @Get(':month')
  @RequirePermission(Permission.MotivationManage)
  @ApiOperation({
    summary: "The month's NPS (with its band) and CSAT per operator, team, region or service, the coverage, and the twelve months to it",
    description: 'An answer counts for the representative stored on it: who served the subscriber when it was given.',
  })
  @ApiOkResponse({ description: 'The report' })
  report(@Param() { month }: MonthParamDto, @Query() q: SatisfactionQueryDto): Promise<SatisfactionReport> {
    return this.satisfaction.report(month, q.by ?? 'operator');
  }

  @Get(':month/follow-up')
  @RequirePermission(Permission.MotivationManage)
  @ApiOperation({ summary: "The month's detractors to call back (or promoters to ask for a referral), with their representative and latest request" })
  @ApiOkResponse({ description: 'The answers, newest first (at most 200)' })
  followUp(@Param() { month }: MonthParamDto, @Query() q: FollowUpQueryDto): Promise<SatisfactionFollowUp[]> {
    return this.satisfaction.followUps(month, q.class ?? 'detractor');
  }
}
