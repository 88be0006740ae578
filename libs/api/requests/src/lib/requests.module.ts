import { Module } from '@nestjs/common';
import { ClassifierModule } from '@retention/api-classifier';
import { ReportsModule } from '@retention/api-reports';
import { DraftsService } from './drafts.service';
import { EventsController } from './events.controller';
import { ApprovalsController, DraftsController, RequestsController } from './requests.controller';
import { RequestsService } from './requests.service';

@Module({
  imports: [ClassifierModule, ReportsModule],
  controllers: [RequestsController, DraftsController, ApprovalsController, EventsController],
  providers: [RequestsService, DraftsService],
  exports: [RequestsService],
})
export class RequestsModule {}
