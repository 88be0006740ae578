import { Module } from '@nestjs/common';
import { JobsModule } from '@retention/api-core';
import { ClassifierController } from './classifier.controller';
import { ClassifierService } from './classifier.service';
import { ReasonLearningService } from './reason-learning.service';
import { ReasonModelsController } from './reason-models.controller';

@Module({
  imports: [JobsModule],
  controllers: [ClassifierController, ReasonModelsController],
  providers: [ClassifierService, ReasonLearningService],
  exports: [ClassifierService],
})
export class ClassifierModule {}
