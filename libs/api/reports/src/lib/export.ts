import { Workbook } from 'exceljs';
import type { ChurnByReasonReport, ChurnToCompetitorsReport, KeyFiguresReport, NpsByOperatorReport, PlanVsActualReport } from '@retention/contracts';

type Format = 'text' | 'int' | 'money' | 'percent' | 'decimal';
export interface Column {
  header: string;
  key: string;
  format: Format;
}
export interface Sheet {
  name: string;
  columns: Column[];
  rows: Record<string, unknown>[];
  total?: Record<string, unknown>;
}

const NUMBER_FORMATS: Record<Format, string | undefined> = {
  text: undefined,
  int: '#,##0',
  money: '#,##0.00',
  percent: '0.00%',
  decimal: '#,##0.0',
};

/**
 * A cell as an export writes it: text that a spreadsheet would read as a formula (starting with =, +, -, @,
 * a tab or a carriage return; OWASP's CSV injection list) gets a leading single quote, so that a competitor
 * named "=HYPERLINK(...)" stays text. Numbers stay numbers: a negative number is not text.
 */
export function exportCell(value: unknown): unknown {
  return typeof value === 'string' && /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

/** A row with each of the sheet's columns as an export writes it. */
function exportRow(columns: Column[], row: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(columns.map((c) => [c.key, exportCell(row[c.key])]));
}

/** An XLSX workbook: a bold, frozen header row, number formats per column, a bold total row. */
export async function toXlsx(sheets: Sheet[]): Promise<Buffer> {
  const wb = new Workbook();
  wb.creator = 'Retention console';
  for (const s of sheets) {
    const ws = wb.addWorksheet(s.name.slice(0, 31), { views: [{ state: 'frozen', ySplit: 1 }] });
    ws.columns = s.columns.map((c) => ({
      header: exportCell(c.header) as string,
      key: c.key,
      width: Math.max(12, c.header.length + 2),
      style: { numFmt: NUMBER_FORMATS[c.format] },
    }));
    ws.getRow(1).font = { bold: true };
    for (const r of s.rows) ws.addRow(exportRow(s.columns, r));
    if (s.total) ws.addRow(exportRow(s.columns, s.total)).font = { bold: true };
    ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: s.columns.length } };
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** CSV of the first sheet (RFC 4180 quoting; plain numbers, so spreadsheets read them as numbers; text as exportCell writes it). */
export function toCsv(sheet: Sheet): string {
  const cell = (v: unknown) => {
    if (v === null || v === undefined) return '';
    const s = String(v);
    return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
  };
  const lines = [sheet.columns.map((c) => cell(exportCell(c.header))).join(',')];
  for (const r of [...sheet.rows, ...(sheet.total ? [sheet.total] : [])]) lines.push(sheet.columns.map((c) => cell(exportCell(r[c.key]))).join(','));
  return `${lines.join('\r\n')}\r\n`;
}

/** Columns the competitor and reason sheets share. */
const COMPETITOR: Column = { header: 'Competitor', key: 'competitor', format: 'text' };
const SUBSCRIBERS_LOST: Column = { header: 'Subscribers lost', key: 'subscribers', format: 'int' };
const REVENUE_LOST: Column = { header: 'Monthly revenue lost', key: 'monthlyRevenue', format: 'money' };

export function competitorsSheets(r: ChurnToCompetitorsReport): Sheet[] {
  const main: Sheet = {
    name: 'Churn to competitors',
    columns: [
      COMPETITOR,
      SUBSCRIBERS_LOST,
      REVENUE_LOST,
      { header: 'Top reason', key: 'topReason', format: 'text' },
    ],
    rows: [
      ...r.rows.map((x) => ({ competitor: x.competitor, subscribers: x.subscribers, monthlyRevenue: x.monthlyRevenue, topReason: x.topReasons[0]?.reasonCode ?? '' })),
      { competitor: 'Moved out of the coverage area', subscribers: r.movedOutOfCoverage.subscribers, monthlyRevenue: r.movedOutOfCoverage.monthlyRevenue, topReason: '' },
    ],
    total: { competitor: 'Total to competitors', subscribers: r.total.subscribers, monthlyRevenue: r.total.monthlyRevenue },
  };
  const split = (name: string, key: 'byService' | 'byRegion', label: string): Sheet => ({
    name,
    columns: [
      COMPETITOR,
      { header: label, key: 'part', format: 'text' },
      SUBSCRIBERS_LOST,
      REVENUE_LOST,
    ],
    rows: r.rows.flatMap((x) =>
      x[key].map((p) => ({ competitor: x.competitor, part: 'service' in p ? p.service : (p as { region: string }).region, subscribers: p.subscribers, monthlyRevenue: p.monthlyRevenue })),
    ),
  });
  const months = r.rows[0]?.trend.map((t) => t.month) ?? [];
  const trend: Sheet = {
    name: 'Trend (12 months)',
    columns: [COMPETITOR, ...months.map((m) => ({ header: m, key: m, format: 'int' as const }))],
    rows: r.rows.map((x) => ({ competitor: x.competitor, ...Object.fromEntries(x.trend.map((t) => [t.month, t.subscribers])) })),
  };
  const names = new Map(r.rows.map((x) => [x.competitorId, x.competitor]));
  const cells: Sheet = {
    name: 'Competitor × reason × service × region',
    columns: [
      COMPETITOR,
      { header: 'Reason', key: 'reasonCode', format: 'text' },
      { header: 'Service', key: 'service', format: 'text' },
      { header: 'Region', key: 'region', format: 'text' },
      SUBSCRIBERS_LOST,
      REVENUE_LOST,
    ],
    rows: r.cells.map((c) => ({ ...c, competitor: names.get(c.competitorId) ?? c.competitorId ?? 'Unknown competitor' })),
  };
  return [main, split('By service', 'byService', 'Service'), split('By region', 'byRegion', 'Region'), cells, trend];
}

export function reasonsSheets(r: ChurnByReasonReport): Sheet[] {
  return [
    {
      name: 'Churn by reason',
      columns: [
        { header: 'Reason', key: 'reasonCode', format: 'text' },
        { header: 'Group', key: 'group', format: 'text' },
        { header: 'Managed', key: 'managed', format: 'text' },
        { header: 'Subscribers', key: 'subscribers', format: 'int' },
        REVENUE_LOST,
        { header: 'Paid a month by those lost', key: 'arpu', format: 'money' },
        { header: 'Actual per month (share of base)', key: 'actualRate', format: 'percent' },
        { header: 'Norm per month (share of base)', key: 'threshold', format: 'percent' },
        { header: 'Excess per month', key: 'excessPerMonth', format: 'decimal' },
        { header: 'Effect per month', key: 'effectMonthly', format: 'money' },
        { header: 'Effect per year', key: 'effectYearly', format: 'money' },
      ],
      rows: r.rows.map((x) => ({ ...x, managed: x.managed ? 'managed' : 'unmanaged' })),
      total: { reasonCode: 'Total', subscribers: r.total.subscribers, monthlyRevenue: r.total.monthlyRevenue, effectMonthly: r.total.effectMonthly, effectYearly: r.total.effectYearly },
    },
    {
      name: 'Assumptions',
      columns: [
        { header: 'Figure', key: 'k', format: 'text' },
        { header: 'Value', key: 'v', format: 'decimal' },
      ],
      rows: [
        { k: 'Months', v: r.months },
        { k: 'Average active base', v: r.averageBase },
        { k: 'Paid a month by the subscribers lost', v: r.lostArpu },
        { k: 'Expected lifetime, months (as for LTV)', v: r.expectedLifetimeMonths },
        { k: r.formula, v: null },
        { k: 'Disconnected for non-payment (apart, not in the reasons)', v: r.nonPayment.subscribers },
        { k: 'Technical closures: duplicate, merged or test accounts (not churn)', v: r.technicalClosures.subscribers },
      ],
    },
    {
      name: 'Reason not found per operator',
      columns: [
        { header: 'Operator', key: 'operator', format: 'text' },
        { header: 'Requests resolved', key: 'resolved', format: 'int' },
        { header: 'Reason not found', key: 'notFound', format: 'int' },
        { header: 'Share', key: 'share', format: 'percent' },
      ],
      rows: r.reasonNotFoundByOperator as unknown as Record<string, unknown>[],
    },
  ];
}

export function planSheets(r: PlanVsActualReport): Sheet[] {
  return [
    {
      name: 'Plan versus actual',
      columns: [
        { header: 'Month', key: 'month', format: 'text' },
        { header: 'Service', key: 'service', format: 'text' },
        { header: 'Managed plan', key: 'managedMax', format: 'int' },
        { header: 'Managed actual', key: 'actualManaged', format: 'int' },
        { header: 'Unmanaged plan', key: 'unmanagedMax', format: 'int' },
        { header: 'Unmanaged actual', key: 'actualUnmanaged', format: 'int' },
        { header: 'Non-payment', key: 'actualNonPayment', format: 'int' },
        { header: 'Target save rate', key: 'targetSaveRate', format: 'percent' },
        { header: 'Actual save rate', key: 'actualSaveRate', format: 'percent' },
      ],
      rows: r.rows as unknown as Record<string, unknown>[],
    },
  ];
}

export function keyFiguresSheets(r: KeyFiguresReport): Sheet[] {
  return [
    {
      name: 'Key figures',
      columns: [
        { header: 'Figure', key: 'key', format: 'text' },
        { header: `${r.filter.from} – ${r.through ?? r.filter.to}`, key: 'value', format: 'decimal' },
        { header: `${r.previous.from} – ${r.previous.through ?? r.previous.to}`, key: 'previous', format: 'decimal' },
        { header: 'Change', key: 'change', format: 'decimal' },
        { header: 'Rating', key: 'rating', format: 'text' },
      ],
      rows: r.figures as unknown as Record<string, unknown>[],
    },
  ];
}

export function npsByOperatorSheets(r: NpsByOperatorReport): Sheet[] {
  return [
    {
      name: 'NPS per operator',
      columns: [
        { header: 'Operator', key: 'operator', format: 'text' },
        { header: 'Answers', key: 'answers', format: 'int' },
        { header: 'Promoters', key: 'promoters', format: 'int' },
        { header: 'Passives', key: 'passives', format: 'int' },
        { header: 'Detractors', key: 'detractors', format: 'int' },
        { header: 'NPS', key: 'nps', format: 'decimal' },
        { header: 'Band', key: 'band', format: 'text' },
      ],
      rows: r.rows as unknown as Record<string, unknown>[],
      total: { operator: `All attributed answers (within ${r.attributionDays} days of a resolution)`, ...r.total },
    },
  ];
}
