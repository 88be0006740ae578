import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { IsQueryBoolean, RequirePermission } from '@retention/api-core';
import { Permission, PlanAlertView } from '@retention/contracts';
import { PlanAlertsService } from './plan-alerts.service';

export class PlanAlertsQueryDto {
  @ApiPropertyOptional({ description: 'Also those cleared in the last day', example: false }) @IsQueryBoolean() includeCleared?: boolean;
}

@ApiTags('churn plans')
@Controller('plan-alerts')
export class PlanAlertsController {
  constructor(private readonly alerts: PlanAlertsService) {}

  @Get()
  @RequirePermission(Permission.PlansManage)
  @ApiOperation({
    summary: 'Plan alerts for managers: churn above the plan’s pace, a save rate under target, approvals waiting too long',
    description: 'Open alerts first, newest first. Raised and cleared alerts are also pushed as plan_alert events on GET /api/events.',
  })
  @ApiOkResponse({ description: 'The alerts (at most 200)' })
  list(@Query() q: PlanAlertsQueryDto): Promise<PlanAlertView[]> {
    return this.alerts.list(q.includeCleared ?? false);
  }
}
