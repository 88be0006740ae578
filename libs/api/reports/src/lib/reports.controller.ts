import { Controller, Get, Query, Res } from '@nestjs/common';
import { ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { RequirePermission } from '@retention/api-core';
import { Page, DrillRow, Permission, SubscriberDrillRow } from '@retention/contracts';
import type { Response } from 'express';
import { competitorsSheets, ExportLabels, keyFiguresSheets, npsByOperatorSheets, planSheets, reasonsSheets, Sheet, toCsv, toXlsx } from './export';
import { DrillQueryDto, ReportQueryDto, SubscriberDrillQueryDto } from './reports.dto';
import { ReportsService } from './reports.service';

@ApiTags('reports')
@Controller('reports')
export class ReportsController {
  constructor(private readonly reports: ReportsService) {}

  /** JSON by default; `format=xlsx` or `format=csv` returns the same report as a file, its texts and names in `lang`. */
  private async send<T>(q: ReportQueryDto, name: string, report: T, sheets: (r: T, l: ExportLabels) => Sheet[], res: Response): Promise<T | void> {
    const file = `${name}-${q.from}-${q.to}`;
    if (q.format !== 'xlsx' && q.format !== 'csv') return report;
    const lang = q.lang ?? 'en';
    const labels = new ExportLabels(lang, await this.reports.exportNames(lang));
    if (q.format === 'xlsx') {
      res.setHeader('Content-Type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
      res.setHeader('Content-Disposition', `attachment; filename="${file}.xlsx"`);
      res.send(await toXlsx(sheets(report, labels)));
      return;
    }
    res.setHeader('Content-Type', 'text/csv; charset=utf-8');
    res.setHeader('Content-Disposition', `attachment; filename="${file}.csv"`);
    res.send(toCsv(sheets(report, labels)[0]));
  }

  @Get('churn-to-competitors')
  @RequirePermission(Permission.ReportsRead)
  @ApiProduces('application/json', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', 'text/csv')
  @ApiOperation({ summary: 'Subscribers and monthly revenue lost to each competitor, by service, region and reason, with a 12-month trend' })
  async competitors(@Query() q: ReportQueryDto, @Res({ passthrough: true }) res: Response) {
    return this.send(q, 'churn-to-competitors', await this.reports.churnToCompetitors(q), competitorsSheets, res);
  }

  @Get('churn-by-reason')
  @RequirePermission(Permission.ReportsRead)
  @ApiOperation({ summary: 'Each reason, managed or not, against its norm, with the economic effect of bringing it down' })
  async reasons(@Query() q: ReportQueryDto, @Res({ passthrough: true }) res: Response) {
    return this.send(q, 'churn-by-reason', await this.reports.churnByReason(q), reasonsSheets, res);
  }

  @Get('plan-vs-actual')
  @RequirePermission(Permission.ReportsRead)
  @ApiOperation({ summary: 'Plan versus actual per service and month' })
  async plan(@Query() q: ReportQueryDto, @Res({ passthrough: true }) res: Response) {
    return this.send(q, 'plan-vs-actual', await this.reports.planVsActual(q), planSheets, res);
  }

  @Get('key-figures')
  @RequirePermission(Permission.ReportsRead)
  @ApiOperation({ summary: 'Churn, retention, revenue churn and retention, ARPU, new-subscriber share, lifetime, LTV, saves, NPS, with the previous period' })
  async keyFigures(@Query() q: ReportQueryDto, @Res({ passthrough: true }) res: Response) {
    return this.send(q, 'key-figures', await this.reports.keyFigures(q), keyFiguresSheets, res);
  }

  @Get('nps-by-operator')
  @RequirePermission(Permission.ReportsRead)
  @ApiOperation({ summary: 'NPS per operator: each answer counts for who resolved the subscriber’s latest request in the 30 days before it' })
  async npsByOperator(@Query() q: ReportQueryDto, @Res({ passthrough: true }) res: Response) {
    return this.send(q, 'nps-by-operator', await this.reports.npsByOperator(q), npsByOperatorSheets, res);
  }

  @Get('drill')
  @RequirePermission(Permission.ReportsRead)
  @ApiOperation({ summary: 'The requests and subscribers behind a chart or total (filter by competitor, reason, month, ...)' })
  drill(@Query() q: DrillQueryDto): Promise<Page<DrillRow>> {
    return this.reports.drill(q);
  }

  @Get('drill/subscribers')
  @RequirePermission(Permission.ReportsRead)
  @ApiOperation({ summary: 'The subscribers behind a key figure: who left (or dropped the service), who was saved (by save state), who answered the NPS survey (by class)' })
  drillSubscribers(@Query() q: SubscriberDrillQueryDto): Promise<Page<SubscriberDrillRow>> {
    return this.reports.drillSubscribers(q);
  }
}
