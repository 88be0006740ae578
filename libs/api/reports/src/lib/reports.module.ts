import { Module } from '@nestjs/common';
import { ChurnDataModule } from '@retention/api-churn-data';
import { ReportsController } from './reports.controller';
import { ReportsService } from './reports.service';

@Module({ imports: [ChurnDataModule], controllers: [ReportsController], providers: [ReportsService], exports: [ReportsService] })
export class ReportsModule {}
