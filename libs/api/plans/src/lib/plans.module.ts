import { Module } from '@nestjs/common';
import { PlanAlertsController } from './plan-alerts.controller';
import { PlanAlertsService } from './plan-alerts.service';
import { PlansController } from './plans.controller';
import { PlansService } from './plans.service';

@Module({ controllers: [PlansController, PlanAlertsController], providers: [PlansService, PlanAlertsService], exports: [PlansService, PlanAlertsService] })
export class PlansModule {}
