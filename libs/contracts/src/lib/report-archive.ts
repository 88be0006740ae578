import type { ChurnToCompetitorsReport } from './plans-reports';

/** The languages an archived report is rendered in (the console's). */
export const REPORT_LANGUAGES = ['en', 'ru', 'uk'] as const;
export type ReportLanguage = (typeof REPORT_LANGUAGES)[number];

/** The formats an archived report downloads as. */
export const ARCHIVE_FORMATS = ['html', 'xlsx', 'csv'] as const;
export type ArchiveFormat = (typeof ARCHIVE_FORMATS)[number];

export type ArchivedReportStatus = 'queued' | 'running' | 'ready' | 'failed';

/** One month's churn-to-competitor report in the archive (GET /api/report-archive). */
export interface ArchivedReportSummary {
  id: string;
  /** The month it covers (YYYY-MM). */
  month: string;
  status: ArchivedReportStatus;
  /** schedule: produced on the 1st of the next month; manual: an administrator asked for it. */
  trigger: 'schedule' | 'manual';
  requestedBy: string | null;
  generatedAt: string | null;
  /** The executives it was e-mailed to (empty when no SMTP server is configured). */
  mailedTo: string[];
  mailedAt: string | null;
  mailError: string | null;
  error: string | null;
  createdAt: string;
  /** Subscribers and monthly revenue that went to a competitor, once ready. */
  total: { subscribers: number; monthlyRevenue: number } | null;
}

/** The report as it was produced, frozen: later corrections of the data do not change it. */
export interface ArchivedReport extends ArchivedReportSummary {
  report: ChurnToCompetitorsReport | null;
}

export interface GenerateArchivedReportRequest {
  /** A month before the current one; default the previous month. */
  month?: string;
}

/** What POST /api/report-archive answers: the month's row, and whether this call queued it. */
export interface GenerateArchivedReportResult {
  queued: boolean;
  report: ArchivedReportSummary;
}
