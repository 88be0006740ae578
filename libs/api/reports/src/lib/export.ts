import { Workbook } from 'exceljs';
import {
  localName,
  type ChurnByReasonReport,
  type ChurnToCompetitorsReport,
  type KeyFiguresReport,
  type LangCode,
  type NpsByOperatorReport,
  type PlanVsActualReport,
} from '@retention/contracts';
import { EXPORT_TEXTS, type ExportTextKey } from './export-texts';

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
  // A byte order mark: spreadsheets then read the UTF-8 (Cyrillic names and headers) as UTF-8.
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

/** Reference and classifier names in the export's language, by code (ReportsService.exportNames). */
export interface ExportNames {
  service: ReadonlyMap<string, string>;
  region: ReadonlyMap<string, string>;
  reason: ReadonlyMap<string, string>;
}

/**
 * What an export writes instead of a code, in one language: its texts (sheet names, headers, fixed rows),
 * reference and reason names, and the labels of figures, ratings and reason groups. A code nothing names
 * stays visible as itself.
 */
export class ExportLabels {
  private readonly texts: Readonly<Record<string, string>>;
  constructor(
    readonly lang: LangCode,
    private readonly names: ExportNames = { service: new Map(), region: new Map(), reason: new Map() },
  ) {
    this.texts = EXPORT_TEXTS[lang];
  }
  t(key: ExportTextKey, params: Readonly<Record<string, string | number>> = {}): string {
    return this.texts[key].replace(/\{(\w+)\}/g, (m, k: string) => (k in params ? String(params[k]) : m));
  }
  private code(prefix: string, code: string | null | undefined): string {
    return code ? (this.texts[`${prefix}.${code}`] ?? code) : '';
  }
  service(code: string | null | undefined): string {
    return code ? (this.names.service.get(code) ?? code) : '';
  }
  region(code: string | null | undefined): string {
    return code ? (this.names.region.get(code) ?? code) : '';
  }
  reason(code: string | null | undefined): string {
    return code ? (this.names.reason.get(code) ?? code) : '';
  }
  group(code: string | null | undefined): string {
    return this.code('reasonGroup', code);
  }
  figure(key: string): string {
    return this.code('figure', key);
  }
  rating(code: string | null | undefined): string {
    return this.code('rating', code);
  }
}

const ENGLISH = new ExportLabels('en');

/** Columns the competitor and reason sheets share. */
const competitorColumn = (l: ExportLabels): Column => ({ header: l.t('col.competitor'), key: 'competitor', format: 'text' });
const subscribersLost = (l: ExportLabels): Column => ({ header: l.t('col.subscribersLost'), key: 'subscribers', format: 'int' });
const revenueLost = (l: ExportLabels): Column => ({ header: l.t('col.revenueLost'), key: 'monthlyRevenue', format: 'money' });

export function competitorsSheets(r: ChurnToCompetitorsReport, l: ExportLabels = ENGLISH): Sheet[] {
  const COMPETITOR = competitorColumn(l);
  const SUBSCRIBERS_LOST = subscribersLost(l);
  const REVENUE_LOST = revenueLost(l);
  const nameOf = (x: ChurnToCompetitorsReport['rows'][number]) =>
    x.competitorId === null ? l.t('row.unknownCompetitor') : localName(x.competitor, x.competitorNames, l.lang);
  const main: Sheet = {
    name: l.t('sheet.competitors'),
    columns: [
      COMPETITOR,
      SUBSCRIBERS_LOST,
      REVENUE_LOST,
      { header: l.t('col.topReason'), key: 'topReason', format: 'text' },
    ],
    rows: [
      ...r.rows.map((x) => ({ competitor: nameOf(x), subscribers: x.subscribers, monthlyRevenue: x.monthlyRevenue, topReason: l.reason(x.topReasons[0]?.reasonCode) })),
      { competitor: l.t('row.movedOut'), subscribers: r.movedOutOfCoverage.subscribers, monthlyRevenue: r.movedOutOfCoverage.monthlyRevenue, topReason: '' },
    ],
    total: { competitor: l.t('row.totalToCompetitors'), subscribers: r.total.subscribers, monthlyRevenue: r.total.monthlyRevenue },
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
      x[key].map((p) => ({
        competitor: nameOf(x),
        part: 'service' in p ? l.service(p.service) : l.region((p as { region: string }).region),
        subscribers: p.subscribers,
        monthlyRevenue: p.monthlyRevenue,
      })),
    ),
  });
  const months = r.rows[0]?.trend.map((t) => t.month) ?? [];
  const trend: Sheet = {
    name: l.t('sheet.trend'),
    columns: [COMPETITOR, ...months.map((m) => ({ header: m, key: m, format: 'int' as const }))],
    rows: r.rows.map((x) => ({ competitor: nameOf(x), ...Object.fromEntries(x.trend.map((t) => [t.month, t.subscribers])) })),
  };
  const names = new Map(r.rows.map((x) => [x.competitorId, nameOf(x)]));
  const cells: Sheet = {
    name: l.t('sheet.cells'),
    columns: [
      COMPETITOR,
      { header: l.t('col.reason'), key: 'reason', format: 'text' },
      { header: l.t('col.service'), key: 'service', format: 'text' },
      { header: l.t('col.region'), key: 'region', format: 'text' },
      SUBSCRIBERS_LOST,
      REVENUE_LOST,
    ],
    rows: r.cells.map((c) => ({
      ...c,
      competitor: names.get(c.competitorId) ?? c.competitorId ?? l.t('row.unknownCompetitor'),
      reason: l.reason(c.reasonCode),
      service: l.service(c.service),
      region: l.region(c.region),
    })),
  };
  return [main, split(l.t('sheet.byService'), 'byService', l.t('col.service')), split(l.t('sheet.byRegion'), 'byRegion', l.t('col.region')), cells, trend];
}

export function reasonsSheets(r: ChurnByReasonReport, l: ExportLabels = ENGLISH): Sheet[] {
  return [
    {
      name: l.t('sheet.reasons'),
      columns: [
        { header: l.t('col.reason'), key: 'reason', format: 'text' },
        { header: l.t('col.group'), key: 'group', format: 'text' },
        { header: l.t('col.managed'), key: 'managed', format: 'text' },
        { header: l.t('col.subscribers'), key: 'subscribers', format: 'int' },
        revenueLost(l),
        { header: l.t('col.arpu'), key: 'arpu', format: 'money' },
        { header: l.t('col.actualRate'), key: 'actualRate', format: 'percent' },
        { header: l.t('col.threshold'), key: 'threshold', format: 'percent' },
        { header: l.t('col.excess'), key: 'excessPerMonth', format: 'decimal' },
        { header: l.t('col.effectMonthly'), key: 'effectMonthly', format: 'money' },
        { header: l.t('col.effectYearly'), key: 'effectYearly', format: 'money' },
      ],
      rows: r.rows.map((x) => ({ ...x, reason: l.reason(x.reasonCode), group: l.group(x.group), managed: l.t(x.managed ? 'row.managed' : 'row.unmanaged') })),
      total: { reason: l.t('row.total'), subscribers: r.total.subscribers, monthlyRevenue: r.total.monthlyRevenue, effectMonthly: r.total.effectMonthly, effectYearly: r.total.effectYearly },
    },
    {
      name: l.t('sheet.assumptions'),
      columns: [
        { header: l.t('col.figure'), key: 'k', format: 'text' },
        { header: l.t('col.value'), key: 'v', format: 'decimal' },
      ],
      rows: [
        { k: l.t('assume.months'), v: r.months },
        { k: l.t('assume.averageBase'), v: r.averageBase },
        { k: l.t('assume.lostArpu'), v: r.lostArpu },
        { k: l.t('assume.lifetime'), v: r.expectedLifetimeMonths },
        { k: r.formula, v: null },
        { k: l.t('assume.nonPayment'), v: r.nonPayment.subscribers },
        { k: l.t('assume.technical'), v: r.technicalClosures.subscribers },
      ],
    },
    {
      name: l.t('sheet.notFound'),
      columns: [
        { header: l.t('col.operator'), key: 'operator', format: 'text' },
        { header: l.t('col.resolved'), key: 'resolved', format: 'int' },
        { header: l.t('col.notFound'), key: 'notFound', format: 'int' },
        { header: l.t('col.share'), key: 'share', format: 'percent' },
      ],
      rows: r.reasonNotFoundByOperator as unknown as Record<string, unknown>[],
    },
  ];
}

export function planSheets(r: PlanVsActualReport, l: ExportLabels = ENGLISH): Sheet[] {
  return [
    {
      name: l.t('sheet.plan'),
      columns: [
        { header: l.t('col.month'), key: 'month', format: 'text' },
        { header: l.t('col.service'), key: 'service', format: 'text' },
        { header: l.t('col.managedPlan'), key: 'managedMax', format: 'int' },
        { header: l.t('col.managedActual'), key: 'actualManaged', format: 'int' },
        { header: l.t('col.unmanagedPlan'), key: 'unmanagedMax', format: 'int' },
        { header: l.t('col.unmanagedActual'), key: 'actualUnmanaged', format: 'int' },
        { header: l.t('col.nonPayment'), key: 'actualNonPayment', format: 'int' },
        { header: l.t('col.targetSaveRate'), key: 'targetSaveRate', format: 'percent' },
        { header: l.t('col.actualSaveRate'), key: 'actualSaveRate', format: 'percent' },
      ],
      rows: r.rows.map((x) => ({ ...x, service: l.service(x.service) })),
    },
  ];
}

export function keyFiguresSheets(r: KeyFiguresReport, l: ExportLabels = ENGLISH): Sheet[] {
  return [
    {
      name: l.t('sheet.keyFigures'),
      columns: [
        { header: l.t('col.figure'), key: 'figure', format: 'text' },
        { header: `${r.filter.from} – ${r.through ?? r.filter.to}`, key: 'value', format: 'decimal' },
        { header: `${r.previous.from} – ${r.previous.through ?? r.previous.to}`, key: 'previous', format: 'decimal' },
        { header: l.t('col.change'), key: 'change', format: 'decimal' },
        { header: l.t('col.rating'), key: 'rating', format: 'text' },
      ],
      rows: r.figures.map((x) => ({ ...x, figure: l.figure(x.key), rating: l.rating(x.rating) })),
    },
  ];
}

export function npsByOperatorSheets(r: NpsByOperatorReport, l: ExportLabels = ENGLISH): Sheet[] {
  return [
    {
      name: l.t('sheet.nps'),
      columns: [
        { header: l.t('col.operator'), key: 'operator', format: 'text' },
        { header: l.t('col.answers'), key: 'answers', format: 'int' },
        { header: l.t('col.promoters'), key: 'promoters', format: 'int' },
        { header: l.t('col.passives'), key: 'passives', format: 'int' },
        { header: l.t('col.detractors'), key: 'detractors', format: 'int' },
        { header: 'NPS', key: 'nps', format: 'decimal' },
        { header: l.t('col.band'), key: 'band', format: 'text' },
      ],
      rows: r.rows.map((x) => ({ ...x, band: l.rating(x.band) })),
      total: { ...r.total, operator: l.t('row.allAttributed'), band: l.rating(r.total.band) },
    },
  ];
}
