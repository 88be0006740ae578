import { Module } from '@nestjs/common';
import { RequestsModule } from '@retention/api-requests';
import { HiddenChurnController } from './hidden-churn.controller';
import { HiddenChurnService } from './hidden-churn.service';

@Module({
  imports: [RequestsModule],
  controllers: [HiddenChurnController],
  providers: [HiddenChurnService],
  exports: [HiddenChurnService],
})
export class HiddenChurnModule {}
