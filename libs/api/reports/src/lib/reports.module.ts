import { Module } from '@nestjs/common';
import { ChurnDataModule } from '@retention/api-churn-data';
import { DiagnosisController } from './diagnosis.controller';
import { DiagnosisService } from './diagnosis.service';
import { EconomicsController } from './economics.controller';
import { EconomicsService } from './economics.service';
import { ReportsController } from './reports.controller';
import { ReportsService } from './reports.service';
import { SegmentsService } from './segments.service';

@Module({
  imports: [ChurnDataModule],
  controllers: [ReportsController, EconomicsController, DiagnosisController],
  providers: [ReportsService, EconomicsService, SegmentsService, DiagnosisService],
  exports: [ReportsService],
})
export class ReportsModule {}
