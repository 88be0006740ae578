import { Module } from '@nestjs/common';
import { PlansModule } from '@retention/api-plans';
import { MotivationController } from './motivation.controller';
import { MotivationService } from './motivation.service';
import { SatisfactionController } from './satisfaction.controller';
import { SatisfactionService } from './satisfaction.service';
import { SurveysController } from './surveys.controller';

@Module({
  imports: [PlansModule],
  controllers: [MotivationController, SatisfactionController, SurveysController],
  providers: [MotivationService, SatisfactionService],
  exports: [MotivationService],
})
export class MotivationModule {}
