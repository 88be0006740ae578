import type { ChurnToCompetitorsReport, ReportLanguage } from '@retention/contracts';
import { DEFAULT_CHURN_REASONS } from '@retention/domain';
import { competitorsSheets, type Sheet } from '../export';

/** The archived report's own words in the console's languages (the XLSX, CSV, HTML and e-mail). */
const TEXTS = {
  en: {
    title: 'Churn to competitors', subject: 'Churn to competitors, {month}', competitor: 'Competitor', subscribers: 'Subscribers lost',
    revenue: 'Monthly revenue lost', topReason: 'Top reason', reason: 'Reason', service: 'Service', region: 'Region',
    byService: 'By service', byRegion: 'By region', cells: 'Competitor × reason × service × region', trend: 'Trend (12 months)',
    unknown: 'Unknown competitor', movedOut: 'Moved out of the coverage area', total: 'Total to competitors',
    lead: '{subscribers} subscribers went to a competitor in {month}, taking {revenue} of monthly revenue.',
    generated: 'Produced {at}.', none: 'Nobody went to a competitor this month.',
  },
  ru: {
    title: 'Отток к конкурентам', subject: 'Отток к конкурентам, {month}', competitor: 'Конкурент', subscribers: 'Ушло абонентов',
    revenue: 'Потерянная выручка в месяц', topReason: 'Главная причина', reason: 'Причина', service: 'Услуга', region: 'Регион',
    byService: 'По услугам', byRegion: 'По регионам', cells: 'Конкурент × причина × услуга × регион', trend: 'Динамика (12 месяцев)',
    unknown: 'Конкурент не назван', movedOut: 'Переезд из зоны покрытия', total: 'Всего к конкурентам',
    lead: 'За {month} к конкурентам ушло абонентов: {subscribers}, с ними ежемесячная выручка {revenue}.',
    generated: 'Сформирован {at}.', none: 'В этом месяце к конкурентам никто не ушёл.',
  },
  uk: {
    title: 'Відтік до конкурентів', subject: 'Відтік до конкурентів, {month}', competitor: 'Конкурент', subscribers: 'Пішло абонентів',
    revenue: 'Втрачений виторг на місяць', topReason: 'Головна причина', reason: 'Причина', service: 'Послуга', region: 'Регіон',
    byService: 'За послугами', byRegion: 'За регіонами', cells: 'Конкурент × причина × послуга × регіон', trend: 'Динаміка (12 місяців)',
    unknown: 'Конкурента не названо', movedOut: 'Переїзд із зони покриття', total: 'Усього до конкурентів',
    lead: 'За {month} до конкурентів пішло абонентів: {subscribers}, з ними щомісячний виторг {revenue}.',
    generated: 'Сформовано {at}.', none: 'Цього місяця до конкурентів ніхто не пішов.',
  },
} satisfies Record<ReportLanguage, Record<string, string>>;
type Texts = Record<keyof (typeof TEXTS)['en'], string>;

const fill = (text: string, values: Record<string, string | number>) => text.replace(/\{(\w+)\}/g, (_, k: string) => String(values[k] ?? ''));
const REASON_TITLES = new Map(DEFAULT_CHURN_REASONS.map((r) => [r.code, r.title]));
const LOCALE: Record<ReportLanguage, string> = { en: 'en-GB', ru: 'ru-RU', uk: 'uk-UA' };

export function reasonTitle(code: string, lang: ReportLanguage): string {
  return REASON_TITLES.get(code)?.[lang] ?? code;
}

export function monthTitle(month: string, lang: ReportLanguage): string {
  return new Intl.DateTimeFormat(LOCALE[lang], { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${month}-01T00:00:00Z`));
}

export function subjectOf(month: string, lang: ReportLanguage): string {
  return fill(TEXTS[lang].subject, { month: monthTitle(month, lang) });
}

/** The report's sheets with the language's headers and names (the same sheets as the live report's export). */
export function archiveSheets(r: ChurnToCompetitorsReport, lang: ReportLanguage): Sheet[] {
  const t: Texts = TEXTS[lang];
  const header: Record<string, string> = {
    Competitor: t.competitor, 'Subscribers lost': t.subscribers, 'Monthly revenue lost': t.revenue, 'Top reason': t.topReason,
    Reason: t.reason, Service: t.service, Region: t.region,
  };
  const sheetName: Record<string, string> = {
    'Churn to competitors': t.title, 'By service': t.byService, 'By region': t.byRegion,
    'Competitor × reason × service × region': t.cells, 'Trend (12 months)': t.trend,
  };
  const words: Record<string, string> = { 'Unknown competitor': t.unknown, 'Moved out of the coverage area': t.movedOut, 'Total to competitors': t.total };
  const word = (v: unknown) => (typeof v === 'string' && words[v] ? words[v] : v);
  const row = (x: Record<string, unknown>) => ({
    ...x,
    competitor: word(x['competitor']),
    ...(typeof x['topReason'] === 'string' && x['topReason'] ? { topReason: reasonTitle(x['topReason'], lang) } : {}),
    ...(typeof x['reasonCode'] === 'string' ? { reasonCode: reasonTitle(x['reasonCode'], lang) } : {}),
  });
  return competitorsSheets(r).map((s) => ({
    ...s,
    name: sheetName[s.name] ?? s.name,
    columns: s.columns.map((c) => ({ ...c, header: header[c.header] ?? c.header })),
    rows: s.rows.map(row),
    ...(s.total ? { total: row(s.total) } : {}),
  }));
}

const escape = (s: unknown) => String(s ?? '').replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** A standalone HTML page of the report (the download and the e-mail's body), in one language. */
export function archiveHtml(r: ChurnToCompetitorsReport, month: string, generatedAt: string, lang: ReportLanguage): string {
  const t: Texts = TEXTS[lang];
  const num = new Intl.NumberFormat(LOCALE[lang], { maximumFractionDigits: 0 });
  const money = new Intl.NumberFormat(LOCALE[lang], { minimumFractionDigits: 2, maximumFractionDigits: 2 });
  const table = (s: Sheet) => {
    const cell = (v: unknown, format: string) => (typeof v === 'number' ? (format === 'money' ? money.format(v) : num.format(v)) : escape(v));
    const head = s.columns.map((c) => `<th>${escape(c.header)}</th>`).join('');
    const rows = [...s.rows, ...(s.total ? [s.total] : [])]
      .map((x, i) => `<tr${s.total && i === s.rows.length ? ' class="total"' : ''}>${s.columns.map((c) => `<td class="${c.format === 'text' ? '' : 'num'}">${cell(x[c.key], c.format)}</td>`).join('')}</tr>`)
      .join('');
    return `<h2>${escape(s.name)}</h2><table><thead><tr>${head}</tr></thead><tbody>${rows}</tbody></table>`;
  };
  const [main, byService, byRegion, cells] = archiveSheets(r, lang);
  const title = `${t.title} · ${monthTitle(month, lang)}`;
  const lead = r.total.subscribers
    ? fill(t.lead, { month: monthTitle(month, lang), subscribers: num.format(r.total.subscribers), revenue: money.format(r.total.monthlyRevenue) })
    : t.none;
  return `<!doctype html><html lang="${lang}"><head><meta charset="utf-8"><title>${escape(title)}</title>
<style>body{font:14px/1.4 system-ui,sans-serif;margin:24px;color:#1b1b1f}table{border-collapse:collapse;margin:8px 0 16px}
th,td{border-bottom:1px solid #ccc;padding:4px 10px;text-align:left}td.num{text-align:right;font-variant-numeric:tabular-nums}
tr.total td{font-weight:600;border-top:2px solid #999}h2{font-size:16px;margin:16px 0 4px}.muted{color:#666}</style></head>
<body><h1>${escape(title)}</h1><p>${escape(lead)}</p><p class="muted">${escape(fill(t.generated, { at: new Date(generatedAt).toISOString().slice(0, 16).replace('T', ' ') + ' UTC' }))}</p>
${[main, byService, byRegion, cells].map(table).join('\n')}</body></html>`;
}
