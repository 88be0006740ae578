import type { ChurnByReasonReport, ChurnToCompetitorsReport, CompetitorChurnRow, PlanVsActualReport } from '@retention/contracts';
import { competitorBars, MOVED_OUT_ID, planShare, planTotals, reasonBars, reasonNorm, trendSeries, UNKNOWN_ID } from './report-views';

const months = ['2026-09', '2026-10'];
const row = (id: string | null, name: string, subscribers: number, trend: number[]): CompetitorChurnRow => ({
  competitorId: id,
  competitor: name,
  subscribers,
  monthlyRevenue: subscribers * 500,
  byService: [],
  byRegion: [],
  topReasons: [],
  trend: months.map((month, i) => ({ month, subscribers: trend[i], monthlyRevenue: trend[i] * 500 })),
});

const competitors: ChurnToCompetitorsReport = {
  filter: { from: '2026-10', to: '2026-10' },
  rows: [row('a', 'CityCom', 13, [4, 13]), row(null, 'Unknown competitor', 7, [9, 7]), row('b', 'FastNet', 8, [10, 8]), row('c', 'Quiet', 0, [0, 0])],
  total: { subscribers: 28, monthlyRevenue: 14000 },
  movedOutOfCoverage: { subscribers: 9, monthlyRevenue: 3468 },
};

describe('churn to competitors as chart rows', () => {
  it('lists named competitors with churn, then the unknown one, then “moved out” beside them', () => {
    const bars = competitorBars(competitors, 'Not named', 'Moved out');
    expect(bars.map((b) => [b.id, b.kind, b.label])).toEqual([
      ['a', 'competitor', 'CityCom'],
      ['b', 'competitor', 'FastNet'],
      [UNKNOWN_ID, 'unknown', 'Not named'],
      [MOVED_OUT_ID, 'moved-out', 'Moved out'],
    ]);
    expect(bars[3]).toMatchObject({ subscribers: 9, revenue: 3468 });
  });

  it('leaves “moved out” away when nobody moved', () => {
    const bars = competitorBars({ ...competitors, movedOutOfCoverage: { subscribers: 0, monthlyRevenue: 0 } }, 'x', 'y');
    expect(bars.some((b) => b.kind === 'moved-out')).toBe(false);
  });

  it('stacks the trend by 12-month total with the unknown competitor on top, silent ones left out', () => {
    const { months: m, series } = trendSeries(competitors, 'Not named');
    expect(m).toEqual(months);
    expect(series.map((s) => s.id)).toEqual(['b', 'a', UNKNOWN_ID]);
    expect(series[2]).toMatchObject({ label: 'Not named', values: [9, 7] });
  });
});

describe('churn by reason as chart rows', () => {
  const report = {
    months: 3,
    averageBase: 10000,
    rows: [
      { reasonCode: 'slow', managed: true, subscribers: 20, threshold: 0.0005 },
      { reasonCode: 'moved', managed: false, subscribers: 30, threshold: 0.001 },
      { reasonCode: 'none', managed: true, subscribers: 0, threshold: 0.001 },
    ],
  } as unknown as ChurnByReasonReport;

  it('puts the norm over the whole period: threshold × base × months', () => {
    expect(reasonNorm(report, 0.0005)).toBeCloseTo(15);
  });

  it('sorts reasons with churn largest first and keeps the top ones', () => {
    const bars = reasonBars(report, (c) => c.toUpperCase());
    expect(bars.map((b) => [b.code, b.label, b.managed, b.norm])).toEqual([
      ['moved', 'MOVED', false, 30],
      ['slow', 'SLOW', true, 15],
    ]);
    expect(reasonBars(report, (c) => c, 1).map((b) => b.code)).toEqual(['moved']);
  });
});

describe('plan versus actual per service', () => {
  const r = (month: string, service: string, plan: number | null, managed: number): PlanVsActualReport['rows'][number] => ({
    month,
    service,
    managedMax: plan,
    unmanagedMax: plan === null ? null : 10,
    actualManaged: managed,
    actualUnmanaged: 5,
    actualNonPayment: 2,
    targetSaveRate: null,
    actualSaveRate: null,
  });

  it('adds the months up, with a plan total only when every month had a plan', () => {
    const report: PlanVsActualReport = {
      filter: { from: '2026-09', to: '2026-10' },
      rows: [r('2026-09', 'internet', 40, 30), r('2026-10', 'internet', 50, 60), r('2026-09', 'iptv', null, 3), r('2026-10', 'iptv', 10, 4)],
    };
    const totals = planTotals(report, (s) => s.toUpperCase());
    expect(totals).toEqual([
      { service: 'internet', label: 'INTERNET', managed: 90, unmanaged: 10, nonPayment: 4, managedMax: 90, unmanagedMax: 20, plan: 110 },
      { service: 'iptv', label: 'IPTV', managed: 7, unmanaged: 10, nonPayment: 4, managedMax: null, unmanagedMax: null, plan: null },
    ]);
  });

  it('gives the share of the plan, none without a plan', () => {
    expect(planShare(45, 50)).toBeCloseTo(0.9);
    expect(planShare(5, null)).toBeNull();
    expect(planShare(5, 0)).toBeNull();
  });
});
