import { Module } from '@nestjs/common';
import { ClassifierModule } from '@retention/api-classifier';
import { ApprovalsController, RequestsController } from './requests.controller';
import { RequestsService } from './requests.service';

@Module({
  imports: [ClassifierModule],
  controllers: [RequestsController, ApprovalsController],
  providers: [RequestsService],
  exports: [RequestsService],
})
export class RequestsModule {}
