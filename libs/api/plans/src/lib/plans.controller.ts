import { Body, Controller, Get, Param, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AuthenticatedUser, CurrentUser, RequirePermission } from '@retention/api-core';
import { ChurnPlanView, Permission, PlanLineRequest, PlanVersionView } from '@retention/contracts';
import { DraftQueryDto, MonthParamDto, PlanQueryDto, SetChurnPlanDto } from './plans.dto';
import { PlansService } from './plans.service';

@ApiTags('churn plans')
@ApiBearerAuth()
@Controller('churn-plans')
export class PlansController {
  constructor(private readonly plans: PlansService) {}

  @Put(':month')
  @RequirePermission(Permission.PlansManage)
  @ApiOperation({ summary: "Set a month's plan (YYYY-MM): a new version with who changed what" })
  set(@Param() { month }: MonthParamDto, @Body() dto: SetChurnPlanDto, @CurrentUser() user: AuthenticatedUser): Promise<ChurnPlanView> {
    return this.plans.set(month, dto, user.id);
  }

  @Get(':month')
  @RequirePermission(Permission.ReportsRead)
  @ApiOperation({ summary: "The month's plan with actuals, fulfilment, month-end forecast and the reasons behind it" })
  get(@Param() { month }: MonthParamDto, @Query() q: PlanQueryDto): Promise<ChurnPlanView> {
    return this.plans.get(month, q.asOf);
  }

  @Get(':month/versions')
  @RequirePermission(Permission.ReportsRead)
  @ApiOperation({ summary: "Every version of the month's plan, newest first" })
  versions(@Param() { month }: MonthParamDto): Promise<PlanVersionView[]> {
    return this.plans.versions(month);
  }

  @Get(':month/draft')
  @RequirePermission(Permission.PlansManage)
  @ApiOperation({ summary: 'A proposal from the last plan or the average of the last three (not saved)' })
  draft(@Param() { month }: MonthParamDto, @Query() q: DraftQueryDto): Promise<PlanLineRequest[]> {
    return this.plans.draft(month, q.from ?? 'last');
  }
}
