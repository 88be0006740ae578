import { Body, Controller, Get, Headers, Param, Put, Query, Res } from '@nestjs/common';
import { ApiConflictResponse, ApiHeader, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AuthenticatedUser, CurrentUser, RequirePermission } from '@retention/api-core';
import { ChurnPlanView, Permission, PlanLineRequest, PlanVersionView } from '@retention/contracts';
import type { Response } from 'express';
import { DraftQueryDto, MonthParamDto, PlanQueryDto, SetChurnPlanDto } from './plans.dto';
import { baseVersionOf, planETag, PlansService } from './plans.service';

@ApiTags('churn plans')
@Controller('churn-plans')
export class PlansController {
  constructor(private readonly plans: PlansService) {}

  @Put(':month')
  @RequirePermission(Permission.PlansManage)
  @ApiOperation({
    summary: "Set a month's plan (YYYY-MM): a new version with who changed what",
    description:
      'Optimistic concurrency: name the version you edited with baseVersion in the body or with If-Match (the ETag of GET, e.g. "3"). ' +
      'A month without a plan needs neither (or baseVersion 0). Without either on a month that has a plan, or with a version that is ' +
      'not the newest: 409 (plan_version_required, plan_version_conflict) naming baseVersion and saying who saved the newest and when.',
  })
  @ApiHeader({ name: 'If-Match', required: false, description: 'The ETag of the version edited, e.g. "3" (instead of baseVersion)' })
  @ApiOkResponse({ description: 'The new version', headers: { ETag: { description: 'The new version, e.g. "4"', schema: { type: 'string' } } } })
  @ApiConflictResponse({ description: 'The month has a newer version than the one edited, or the save named none' })
  async set(
    @Param() { month }: MonthParamDto,
    @Body() dto: SetChurnPlanDto,
    @Headers('if-match') ifMatch: string | undefined,
    @CurrentUser() user: AuthenticatedUser,
    @Res({ passthrough: true }) res: Response,
  ): Promise<ChurnPlanView> {
    const view = await this.plans.set(month, dto, baseVersionOf(dto.baseVersion, ifMatch), user.id);
    res.setHeader('ETag', planETag(view.version));
    return view;
  }

  @Get(':month')
  @RequirePermission(Permission.ReportsRead)
  @ApiOperation({ summary: "The month's plan with actuals, fulfilment, month-end forecast and the reasons behind it" })
  @ApiOkResponse({ headers: { ETag: { description: 'The plan version, e.g. "3": send it back as If-Match (or baseVersion) to save an edit of it', schema: { type: 'string' } } } })
  async get(@Param() { month }: MonthParamDto, @Query() q: PlanQueryDto, @Res({ passthrough: true }) res: Response): Promise<ChurnPlanView> {
    const view = await this.plans.get(month, q.asOf);
    res.setHeader('ETag', planETag(view.version));
    // The ETag names the plan version, not the actuals beside it: no cache may answer a later read with 304.
    res.setHeader('Cache-Control', 'no-store');
    return view;
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
