import { Module } from '@nestjs/common';
import { PlansModule } from '@retention/api-plans';
import { MotivationController } from './motivation.controller';
import { MotivationService } from './motivation.service';
import { SurveysController } from './surveys.controller';

@Module({ imports: [PlansModule], controllers: [MotivationController, SurveysController], providers: [MotivationService], exports: [MotivationService] })
export class MotivationModule {}
