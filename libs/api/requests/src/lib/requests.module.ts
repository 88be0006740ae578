import { Module } from '@nestjs/common';
import { ClassifierModule } from '@retention/api-classifier';
import { ChurnDataModule } from '@retention/api-churn-data';
import { BillingController } from './billing.controller';
import { DraftsService } from './drafts.service';
import { EventsController } from './events.controller';
import { ApprovalsController, DraftsController, RequestsController } from './requests.controller';
import { RequestsService } from './requests.service';

@Module({
  imports: [ClassifierModule, ChurnDataModule],
  controllers: [RequestsController, DraftsController, ApprovalsController, EventsController, BillingController],
  providers: [RequestsService, DraftsService],
  exports: [RequestsService],
})
export class RequestsModule {}
