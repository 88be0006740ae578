import type { DiagnosisPoint, DiagnosisStatus, LifetimeRating } from '@retention/contracts';
import { monthsBetween } from '@retention/domain';
import type { I18nService, TranslationKey } from '../../core/i18n';
import { lifetimeKey } from '../../core/i18n';
import type { ChipTone } from '../../shared/ui/status-chip.component';

export const STATUS_TONE: Record<DiagnosisStatus, ChipTone> = { ok: 'success', problem: 'error', not_measured: 'neutral' };

/** One point of the checklist worded in the console's language from its live figures. */
export function pointAnswer(p: DiagnosisPoint, i18n: I18nService): string {
  const f = p.figures as Record<string, never>;
  const pct = (v: number | null) => (v === null || v === undefined ? '—' : `${i18n.number(v * 100, '1.0-2')}%`);
  const num = (v: number | null) => (v === null || v === undefined ? '—' : i18n.number(v, '1.0-1'));
  const list = (v: string[] | null) => (v && v.length ? v.join(', ') : i18n.t('diagnosis.none'));
  if (p.status === 'not_measured') {
    if (p.key === 'economics') return i18n.t('diagnosis.economics.notMeasured');
    if (p.key === 'hidden_churn') return i18n.t('diagnosis.hidden_churn.notMeasured');
    return i18n.t('diagnosis.notMeasured');
  }
  const t = (key: TranslationKey, params: Record<string, string>) => i18n.t(key, params);
  switch (p.key) {
    case 'churn_counted':
      return t('diagnosis.churn_counted.answer', { churnRate: pct(f['churnRate']), subscribers: num(f['subscribersStart']), revenueChurn: pct(f['revenueChurn']) });
    case 'managed_split':
      return t('diagnosis.managed_split.answer', { managed: num(f['managed']), unmanaged: num(f['unmanaged']) });
    case 'classifier':
      return t('diagnosis.classifier.answer', { version: num(f['version']), reasons: num(f['reasons']), share: pct(f['reasonNotFoundShare']), threshold: pct(f['threshold']) });
    case 'scripts':
      return t('diagnosis.scripts.answer', { without: list(f['withoutScript']), compared: num(f['competitorsCompared']), competitors: num(f['competitors']) });
    case 'new_subscriber_churn':
      return t('diagnosis.new_subscriber_churn.answer', { months: num(f['months']), share: pct(f['newSubscriberShare']), joinedAndLeft: num(f['joinedAndLeft']) });
    case 'plan': {
      const missing = (f['missingServices'] as string[] | null) ?? [];
      const month = i18n.month(f['month']);
      return missing.length ? t('diagnosis.plan.answer', { month, missing: missing.join(', ') }) : t('diagnosis.plan.complete', { month });
    }
    case 'lifetime':
      return t('diagnosis.lifetime.answer', {
        average: num(f['averageLifetime']),
        rating: f['rating'] ? i18n.t(lifetimeKey(f['rating'] as LifetimeRating)).toLowerCase() : '—',
        expected: num(f['expectedLifetime']),
      });
    case 'economics':
      return t('diagnosis.economics.answer', { costPerSave: i18n.money(f['costPerSave']), costPerAcquisition: i18n.money(f['costPerAcquisition']), returnOnSaves: num(f['returnOnSaves']) });
    case 'competitors_report':
      return t('diagnosis.competitors_report.answer', { month: i18n.month(f['month']), toCompetitors: num(f['toCompetitors']), lost: num(f['lost']), unknown: num(f['destinationUnknown']) });
    case 'hidden_churn':
      return t('diagnosis.hidden_churn.answer', {
        lastScan: f['lastScanOn'] ? i18n.date(f['lastScanOn']) : '—', days: num(f['daysSinceScan']), open: num(f['openCases']),
        waiting: num(f['waitingCases']), waitingDays: num(f['waitingAfterDays']), revenue: i18n.money(f['revenueAtStake']),
        hidden: num(f['hiddenChurn']), share: pct(f['hiddenShare']),
      });
    case 'processes':
      return t('diagnosis.processes.answer', { open: num(f['open']), breached: num(f['breached']), sla: num(f['slaMinutes']) });
    default:
      return i18n.t('diagnosis.notMeasured');
  }
}

/** A report period of the API (from, to) as the reports' query string has it (the last month and a span of 1, 3 or 12). */
export function consoleQuery(q: Record<string, string> | undefined): Record<string, string> {
  if (!q?.['from'] || !q['to']) return {};
  const months = monthsBetween(q['from'], q['to']) + 1;
  return { month: q['to'], span: String([1, 3, 12].includes(months) ? months : 12) };
}
