import { TestBed } from '@angular/core/testing';
import type { KeyFigure } from '@retention/contracts';
import { I18nService } from '../../core/i18n';
import { FIGURES } from '../data/key-figures';
import { KpiTileComponent } from './kpi-tile.component';

describe('KpiTileComponent', () => {
  async function render(figure: KeyFigure) {
    const fixture = TestBed.createComponent(KpiTileComponent);
    fixture.componentRef.setInput('figure', figure);
    fixture.componentRef.setInput('meta', FIGURES[figure.key as keyof typeof FIGURES]);
    await fixture.whenStable();
    const el = fixture.nativeElement as HTMLElement;
    return { fixture, el, change: el.querySelector('[data-testid="kpi-change"]') as HTMLElement };
  }

  beforeEach(() => {
    localStorage.clear();
    TestBed.configureTestingModule({ imports: [KpiTileComponent] });
    TestBed.inject(I18nService).use('en');
  });

  it('shows a fall in churn as good news, with the value, the change and the previous value', async () => {
    const { el, change } = await render({ key: 'churn_rate', value: 0.0139, previous: 0.0183, change: -0.0044 });
    expect(el.getAttribute('data-testid')).toBe('kpi-churn_rate');
    expect(el.querySelector('[data-testid="kpi-value"]')?.textContent?.trim()).toBe('1.39%');
    expect(change.textContent).toContain('−0.44 pp');
    expect(change.classList).toContain('tone-good');
    expect(el.textContent).toContain('Before: 1.83%');
  });

  it('shows a fall in retention as bad news', async () => {
    const { change } = await render({ key: 'retention_rate', value: 0.95, previous: 0.96, change: -0.01 });
    expect(change.classList).toContain('tone-bad');
  });

  it('shows the NPS band and drills only where the drill-down means something', async () => {
    const nps = await render({ key: 'nps', value: 26.9, previous: 18, change: 8.9, rating: 'good' });
    expect(nps.el.textContent).toContain('Good');
    expect(nps.el.getAttribute('role')).toBe('button');
    // ARPU is revenue over the whole base: no list of requests or subscribers explains it.
    const arpu = await render({ key: 'arpu', value: 575.5, previous: 566.2, change: 9.3 });
    expect(arpu.el.getAttribute('role')).toBeNull();

    const churn = await render({ key: 'churn_rate', value: 0.0139, previous: 0.0183, change: -0.0044 });
    let drilled = 0;
    churn.fixture.componentInstance.drill.subscribe(() => drilled++);
    churn.el.click();
    expect(churn.el.getAttribute('role')).toBe('button');
    expect(drilled).toBe(1);
  });
});
