import { Module } from '@nestjs/common';
import { ClassifierModule } from '@retention/api-classifier';
import { ReportsModule } from '@retention/api-reports';
import { BillingController } from './billing.controller';
import { ApprovalsController, RequestsController } from './requests.controller';
import { RequestsService } from './requests.service';

@Module({
  imports: [ClassifierModule, ReportsModule],
  controllers: [RequestsController, ApprovalsController, BillingController],
  providers: [RequestsService],
  exports: [RequestsService],
})
export class RequestsModule {}
