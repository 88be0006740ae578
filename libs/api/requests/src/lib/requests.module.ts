import { Module } from '@nestjs/common';
import { ClassifierModule } from '@retention/api-classifier';
import { ChurnDataModule } from '@retention/api-churn-data';
import { ApprovalsController, RequestsController } from './requests.controller';
import { RequestsService } from './requests.service';

@Module({
  imports: [ClassifierModule, ChurnDataModule],
  controllers: [RequestsController, ApprovalsController],
  providers: [RequestsService],
  exports: [RequestsService],
})
export class RequestsModule {}
