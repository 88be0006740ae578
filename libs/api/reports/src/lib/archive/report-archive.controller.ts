import { Body, Controller, Get, HttpCode, Post, Query, Res } from '@nestjs/common';
import { ApiAcceptedResponse, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { AuthenticatedUser, conflict, CurrentUser, RequirePermission, UuidParam } from '@retention/api-core';
import { ArchivedReport, ArchivedReportSummary, GenerateArchivedReportResult, Permission } from '@retention/contracts';
import type { Response } from 'express';
import { toCsv, toXlsx } from '../export';
import { ArchiveFileQueryDto, GenerateArchivedReportDto } from './report-archive.dto';
import { ReportArchiveService } from './report-archive.service';
import { archiveHtml, archiveSheets } from './report-render';

@ApiTags('report archive')
@Controller('report-archive')
export class ReportArchiveController {
  constructor(private readonly archive: ReportArchiveService) {}

  @Get()
  @RequirePermission(Permission.ReportArchiveRead)
  @ApiOperation({ summary: 'The monthly churn-to-competitor reports as produced, newest month first' })
  @ApiOkResponse({ description: 'Each month’s report: status, when it was produced and e-mailed, its totals' })
  list(): Promise<ArchivedReportSummary[]> {
    return this.archive.list();
  }

  @Post()
  @HttpCode(202)
  @RequirePermission(Permission.ReportArchiveGenerate)
  @ApiOperation({ summary: 'Produce a month’s churn-to-competitor report for the archive now (default the previous month); once per month' })
  @ApiAcceptedResponse({ description: 'The month’s row; queued is false when the archive already holds it or it is on its way' })
  generate(@Body() dto: GenerateArchivedReportDto, @CurrentUser() user: AuthenticatedUser): Promise<GenerateArchivedReportResult> {
    return this.archive.request(dto.month ?? this.archive.previousMonth(), user.id, 'manual');
  }

  @Get(':id')
  @RequirePermission(Permission.ReportArchiveRead)
  @ApiOperation({ summary: 'One archived report with the report as it was produced' })
  @ApiOkResponse({ description: 'The archived report' })
  get(@UuidParam('id') id: string): Promise<ArchivedReport> {
    return this.archive.get(id);
  }

  @Get(':id/file')
  @RequirePermission(Permission.ReportArchiveRead)
  @ApiProduces('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', 'text/csv', 'text/html')
  @ApiOperation({ summary: 'Download an archived report as XLSX, CSV or HTML in English, Russian or Ukrainian' })
  @ApiOkResponse({ description: 'The file' })
  async file(@UuidParam('id') id: string, @Query() q: ArchiveFileQueryDto, @Res() res: Response): Promise<void> {
    const a = await this.archive.get(id);
    if (!a.report || !a.generatedAt) throw conflict(`The report of ${a.month} is not ready yet.`, 'report_not_ready');
    const lang = q.lang ?? 'en';
    const format = q.format ?? 'xlsx';
    const name = `churn-to-competitors-${a.month}-${lang}`;
    if (format === 'html') {
      res.setHeader('Content-Type', 'text/html; charset=utf-8');
      res.setHeader('Content-Disposition', `attachment; filename="${name}.html"`);
      res.send(archiveHtml(a.report, a.month, a.generatedAt, lang));
    } else if (format === 'csv') {
      res.setHeader('Content-Type', 'text/csv; charset=utf-8');
      res.setHeader('Content-Disposition', `attachment; filename="${name}.csv"`);
      res.send(toCsv(archiveSheets(a.report, lang)[0]));
    } else {
      res.setHeader('Content-Type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
      res.setHeader('Content-Disposition', `attachment; filename="${name}.xlsx"`);
      res.send(await toXlsx(archiveSheets(a.report, lang)));
    }
  }
}
