import { Module } from '@nestjs/common';
import { PlansModule } from '@retention/api-plans';
import { MotivationController } from './motivation.controller';
import { MotivationService } from './motivation.service';

@Module({ imports: [PlansModule], controllers: [MotivationController], providers: [MotivationService], exports: [MotivationService] })
export class MotivationModule {}
