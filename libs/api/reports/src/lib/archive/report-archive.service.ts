import { Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { InjectDataSource } from '@nestjs/typeorm';
import { type AppConfig, appClock, DomainException, JobQueue, notFound } from '@retention/api-core';
import type { ArchivedReport, ArchivedReportSummary, ChurnToCompetitorsReport, GenerateArchivedReportResult, ReportLanguage } from '@retention/contracts';
import { addMonths, monthKeyOf, monthStart } from '@retention/domain';
import { createTransport } from 'nodemailer';
import { DataSource } from 'typeorm';
import { ReportsService } from '../reports.service';
import { archiveHtml, subjectOf } from './report-render';

export const ARCHIVE_JOB = 'reports.competitor-archive';
export const ARCHIVE_SCHEDULE_JOB = 'reports.competitor-archive.schedule';
const ARCHIVE_RETRIES = 3;

interface Row {
  id: string;
  month: string;
  status: ArchivedReportSummary['status'];
  trigger: ArchivedReportSummary['trigger'];
  requested_by: string | null;
  generated_at: Date | null;
  mailed_to: string[];
  mailed_at: Date | null;
  mail_error: string | null;
  error: string | null;
  created_at: Date;
  report?: ChurnToCompetitorsReport | null;
  total: { subscribers: number; monthlyRevenue: number } | null;
}

const COLUMNS = `r.id, to_char(r.month, 'YYYY-MM') AS month, r.status, r.trigger, u.display_name AS requested_by, r.generated_at,
  r.mailed_to, r.mailed_at, r.mail_error, r.error, r.created_at, r.report -> 'total' AS total`;
const iso = (d: Date | null) => (d ? d.toISOString() : null);

/**
 * The report archive (docs/methodology.md, "The monthly churn-to-competitor report"): on the 1st of each month
 * (REPORT_CRON) the previous month's churn-to-competitor report is produced by a job and kept, frozen, one row per
 * month (a unique month and the job's singleton key make it once per month however often it is asked for);
 * administrators may ask for a past month now. When SMTP_URL is set it is e-mailed to the active executives with an
 * e-mail address, once (a retried job does not mail twice).
 */
@Injectable()
export class ReportArchiveService implements OnModuleInit {
  private readonly log = new Logger('ReportArchive');

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly jobs: JobQueue,
    private readonly config: ConfigService<AppConfig, true>,
    private readonly reports: ReportsService,
  ) {}

  async onModuleInit(): Promise<void> {
    await this.jobs.define<{ month: string }>({
      name: ARCHIVE_JOB,
      retryLimit: ARCHIVE_RETRIES,
      retryDelaySeconds: 30,
      handle: (data, job) => this.produce(data.month, job.retryCount >= ARCHIVE_RETRIES),
    });
    const cron = this.config.get('REPORT_CRON', { infer: true }) as string;
    if (cron !== 'off') {
      await this.jobs.define<object>({ name: ARCHIVE_SCHEDULE_JOB, cron, retryLimit: 0, handle: async () => void (await this.request(this.previousMonth(), null, 'schedule')) });
    }
  }

  /** The month before today's (the application's clock). */
  previousMonth(): string {
    return addMonths(monthKeyOf(appClock().today()), -1);
  }

  /**
   * Queues a month's report unless the archive holds it already (or it is on its way); a failed one is queued
   * again. Only a month that has ended can be reported.
   */
  async request(month: string, userId: string | null, trigger: 'schedule' | 'manual'): Promise<GenerateArchivedReportResult> {
    if (month >= monthKeyOf(appClock().today())) {
      throw new DomainException(422, 'month_not_over', `month: ${month} has not ended yet; the archive keeps months that have.`, [
        { field: 'month', problems: ['must be a month before the current one'] },
      ]);
    }
    const queued: { id: string }[] = await this.db.query(
      `INSERT INTO competitor_report (month, status, trigger, requested_by) VALUES ($1::date, 'queued', $2, $3)
       ON CONFLICT (month) DO UPDATE SET status = 'queued', error = NULL, trigger = EXCLUDED.trigger, requested_by = EXCLUDED.requested_by
        WHERE competitor_report.status = 'failed'
       RETURNING id`,
      [monthStart(month), trigger, userId],
    );
    if (queued.length) await this.jobs.send(ARCHIVE_JOB, { month }, { singletonKey: month });
    return { queued: queued.length > 0, report: await this.summaryOfMonth(month) };
  }

  /** The job: produces the report (unless already produced), then mails it (unless already mailed). */
  async produce(month: string, lastAttempt: boolean): Promise<void> {
    const key = monthStart(month);
    try {
      // An UPDATE … RETURNING answers [rows, count] through TypeORM.
      const [claimed]: [unknown[], number] = await this.db.query(
        `UPDATE competitor_report SET status = 'running', error = NULL WHERE month = $1::date AND status IN ('queued', 'running') RETURNING id`,
        [key],
      );
      if (claimed.length) {
        const report = await this.reports.churnToCompetitors({ from: month, to: month });
        await this.db.query(`UPDATE competitor_report SET status = 'ready', report = $2::jsonb, generated_at = app_now() WHERE month = $1::date`, [key, JSON.stringify(report)]);
      }
    } catch (e) {
      if (lastAttempt) await this.db.query(`UPDATE competitor_report SET status = 'failed', error = $2 WHERE month = $1::date`, [key, (e as Error).message]);
      throw e;
    }
    await this.mail(month, lastAttempt);
  }

  private async mail(month: string, lastAttempt: boolean): Promise<void> {
    const smtp = this.config.get('SMTP_URL', { infer: true }) as string;
    if (!smtp) return;
    const key = monthStart(month);
    const to: string[] = (await this.db.query(`SELECT email FROM app_user WHERE role = 'executive' AND active AND email IS NOT NULL ORDER BY email`)).map(
      (r: { email: string }) => r.email,
    );
    if (!to.length) return;
    // Claimed before sending, in one statement: two processes (or a retry beside a slow first attempt) never both send.
    const [[row]]: [{ report: ChurnToCompetitorsReport; generated_at: Date }[], number] = await this.db.query(
      `UPDATE competitor_report SET mailed_at = app_now(), mailed_to = $2, mail_error = NULL
        WHERE month = $1::date AND status = 'ready' AND mailed_at IS NULL RETURNING report, generated_at`,
      [key, to],
    );
    if (!row) return;
    const lang = this.config.get('REPORT_LANGUAGE', { infer: true }) as ReportLanguage;
    const from = this.config.get('REPORT_MAIL_FROM', { infer: true }) as string;
    const transport = createTransport(smtp);
    try {
      const html = archiveHtml(row.report, month, row.generated_at.toISOString(), lang);
      // Each executive sees only their own address (blind copies).
      await transport.sendMail({
        from,
        to: from,
        bcc: to,
        subject: subjectOf(month, lang),
        html,
        attachments: [{ filename: `churn-to-competitors-${month}-${lang}.html`, content: html, contentType: 'text/html; charset=utf-8' }],
      });
    } catch (e) {
      this.log.warn(`mailing the report of ${month} failed: ${(e as Error).message}`);
      // Not sent: unclaimed, so that the job's next attempt sends it.
      await this.db.query(`UPDATE competitor_report SET mailed_at = NULL, mailed_to = '{}', mail_error = $2 WHERE month = $1::date`, [key, (e as Error).message]);
      if (!lastAttempt) throw e;
    } finally {
      transport.close();
    }
  }

  async list(): Promise<ArchivedReportSummary[]> {
    const rows: Row[] = await this.db.query(`SELECT ${COLUMNS} FROM competitor_report r LEFT JOIN app_user u ON u.id = r.requested_by ORDER BY r.month DESC`);
    return rows.map((r) => this.view(r));
  }

  async get(id: string): Promise<ArchivedReport> {
    const [row]: Row[] = await this.db.query(
      `SELECT ${COLUMNS}, r.report AS full_report FROM competitor_report r LEFT JOIN app_user u ON u.id = r.requested_by WHERE r.id = $1`,
      [id],
    );
    if (!row) throw notFound('Archived report', id);
    return { ...this.view(row), report: (row as unknown as { full_report: ChurnToCompetitorsReport | null }).full_report };
  }

  private async summaryOfMonth(month: string): Promise<ArchivedReportSummary> {
    const [row]: Row[] = await this.db.query(
      `SELECT ${COLUMNS} FROM competitor_report r LEFT JOIN app_user u ON u.id = r.requested_by WHERE r.month = $1::date`,
      [monthStart(month)],
    );
    return this.view(row);
  }

  private view(r: Row): ArchivedReportSummary {
    return {
      id: r.id,
      month: r.month,
      status: r.status,
      trigger: r.trigger,
      requestedBy: r.requested_by,
      generatedAt: iso(r.generated_at),
      mailedTo: r.mailed_to,
      mailedAt: iso(r.mailed_at),
      mailError: r.mail_error,
      error: r.error,
      createdAt: r.created_at.toISOString(),
      total: r.total ?? null,
    };
  }
}
