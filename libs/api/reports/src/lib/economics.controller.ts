import { Body, Controller, Get, Param, Put, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AuthenticatedUser, CurrentUser, RequirePermission } from '@retention/api-core';
import { Permission, RetentionCostsView, RetentionEconomicsReport, RiskSegmentsReport } from '@retention/contracts';
import { CostsMonthParamDto, EconomicsQueryDto, RiskSegmentsQueryDto, SetRetentionCostsDto } from './economics.dto';
import { EconomicsService } from './economics.service';
import { SegmentsService } from './segments.service';

@ApiTags('retention economics')
@Controller()
export class EconomicsController {
  constructor(
    private readonly economics: EconomicsService,
    private readonly segments: SegmentsService,
  ) {}

  @Get('retention-costs/:month')
  @RequirePermission(Permission.ReportsRead)
  @ApiOperation({ summary: 'The operator’s own costs as they hold in a month: acquisition per service and staff per hour, each with the month that set it' })
  @ApiOkResponse({ description: 'The costs in force' })
  costs(@Param() { month }: CostsMonthParamDto): Promise<RetentionCostsView> {
    return this.economics.costs(month);
  }

  @Put('retention-costs/:month')
  @RequirePermission(Permission.CostsManage)
  @ApiOperation({ summary: 'Set the cost of acquisition of services and the staff cost per hour from a month on (what is not named stays)' })
  @ApiOkResponse({ description: 'The costs in force in that month after the change' })
  setCosts(@Param() { month }: CostsMonthParamDto, @Body() dto: SetRetentionCostsDto, @CurrentUser() user: AuthenticatedUser): Promise<RetentionCostsView> {
    return this.economics.setCosts(month, dto, user);
  }

  @Get('reports/retention-economics')
  @RequirePermission(Permission.ReportsRead)
  @ApiOperation({ summary: 'Cost of saves (offers given and staff time) against the revenue they keep over the expected lifetime; cost per save against cost per acquisition' })
  @ApiOkResponse({ description: 'The operator’s and each service’s retention economics' })
  report(@Query() q: EconomicsQueryDto): Promise<RetentionEconomicsReport> {
    return this.economics.report(q);
  }

  @Get('reports/risk-segments')
  @RequirePermission(Permission.ReportsRead)
  @ApiOperation({ summary: 'Churn among those present at the start by contract type, spend quartile, tenure band, region and service, each with its ratio to the best segment and its drill-down' })
  @ApiOkResponse({ description: 'The segments of each dimension' })
  riskSegments(@Query() q: RiskSegmentsQueryDto): Promise<RiskSegmentsReport> {
    return this.segments.report(q);
  }
}
