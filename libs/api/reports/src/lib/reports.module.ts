import { Module } from '@nestjs/common';
import { ChurnDataModule } from '@retention/api-churn-data';
import { ReportArchiveController } from './archive/report-archive.controller';
import { ReportArchiveService } from './archive/report-archive.service';
import { DiagnosisController } from './diagnosis.controller';
import { DiagnosisService } from './diagnosis.service';
import { EconomicsController } from './economics.controller';
import { EconomicsService } from './economics.service';
import { ReportsController } from './reports.controller';
import { ReportsService } from './reports.service';
import { SegmentsService } from './segments.service';

@Module({
  imports: [ChurnDataModule],
  controllers: [ReportsController, EconomicsController, DiagnosisController, ReportArchiveController],
  providers: [ReportsService, EconomicsService, SegmentsService, DiagnosisService, ReportArchiveService],
  exports: [ReportsService],
})
export class ReportsModule {}
