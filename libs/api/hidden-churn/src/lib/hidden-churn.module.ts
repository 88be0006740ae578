import { Module } from '@nestjs/common';
import { HiddenChurnController } from './hidden-churn.controller';
import { HiddenChurnService } from './hidden-churn.service';

@Module({
  controllers: [HiddenChurnController],
  providers: [HiddenChurnService],
  exports: [HiddenChurnService],
})
export class HiddenChurnModule {}
