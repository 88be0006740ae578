import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import type { DisconnectRequestView } from '@retention/contracts';
import { I18nService } from '../../core/i18n';
import { Catalogue } from '../../shared/data-access/catalogue';
import { Notifier } from '../../shared/ui/notifier.service';
import { DeskStore } from './desk.store';
import { acceptedCode } from './reason/suggestions';

const view = (patch: Partial<DisconnectRequestView> = {}): DisconnectRequestView => ({
  id: 'r1',
  status: 'new',
  subscriberId: 's1',
  accountNumber: 'A1',
  subscriberName: 'Ivan Petrenko',
  regionCode: 'north',
  services: ['internet'],
  allServices: true,
  channel: 'phone',
  kind: 'voluntary',
  statedReason: 'too expensive after the price went up',
  assignee: null,
  assigneeName: null,
  claimedAt: null,
  callbackAt: null,
  outcome: null,
  reasonCode: null,
  reasonVersion: null,
  competitorId: null,
  offerCode: null,
  offerCost: null,
  keptServices: null,
  effectiveDate: null,
  resolvedAt: null,
  mrrAtRisk: 500,
  mrrLost: null,
  isNewSubscriber: false,
  saveState: null,
  note: '',
  createdAt: '2026-11-23T10:00:00Z',
  waitingMinutes: 5,
  slaBreached: false,
  callbackDue: false,
  actions: ['claim'],
  events: [],
  ...patch,
});

describe('DeskStore', () => {
  let http: HttpTestingController;
  let store: DeskStore;
  const shown: string[] = [];

  /** Lets effects, timers and the requests they start run. */
  async function settle(ms = 0): Promise<void> {
    TestBed.tick();
    await jest.advanceTimersByTimeAsync(ms);
    TestBed.tick();
  }

  /** Answers every open request to `url` (the queue and lookups are not the subject here). */
  function answer(url: string | RegExp, body: unknown): void {
    http.match((r) => (typeof url === 'string' ? r.url === url : url.test(r.urlWithParams))).forEach((r) => r.flush(body));
  }

  beforeEach(async () => {
    jest.useFakeTimers();
    localStorage.clear();
    shown.length = 0;
    TestBed.configureTestingModule({
      providers: [
        provideHttpClient(),
        provideHttpClientTesting(),
        DeskStore,
        Catalogue,
        { provide: Notifier, useValue: { show: (m: string) => shown.push(m) } },
      ],
    });
    TestBed.inject(I18nService).use('en');
    http = TestBed.inject(HttpTestingController);
    store = TestBed.inject(DeskStore);
    await settle();
    answer('/api/disconnect-requests', { items: [view()], total: 1, limit: 100, offset: 0 });
    answer(/churn-reasons\?lang=en/, []);
    answer(/offers\?lang=en/, []);
    answer('/api/competitors', []);
    answer('/api/services', []);
  });

  afterEach(() => jest.useRealTimers());

  it('loads the selected request and suggests reasons for its words, the first one ready for Enter', async () => {
    store.select('r1');
    await settle();
    http.expectOne('/api/disconnect-requests/r1').flush(view());
    await settle(300);
    // The intake words stay apart; the refined words start empty and the suggestions read the intake text.
    expect(store.intakeText()).toBe('too expensive after the price went up');
    expect(store.statedText()).toBe('');
    const suggest = http.expectOne((r) => r.url === '/api/churn-reasons/suggest');
    expect(suggest.request.params.get('text')).toBe('too expensive after the price went up');
    suggest.flush([
      { code: 'price_increase', score: 0.8, title: 'Price increase' },
      { code: 'price_too_high', score: 0.5, title: 'Price too high' },
    ]);
    await settle();
    expect(acceptedCode(store.suggestions())).toBe('price_increase');
  });

  it('claims the request and asks for the focus on the stated-reason box', async () => {
    store.select('r1');
    await settle();
    http.expectOne('/api/disconnect-requests/r1').flush(view());
    await settle();
    const focusBefore = store.focusReason();
    store.claim();
    http.expectOne({ method: 'POST', url: '/api/disconnect-requests/r1/claim' }).flush(view({ status: 'in_progress', actions: ['release', 'postpone', 'resolve'] }));
    await settle();
    expect(store.working()).toBe(true);
    expect(store.focusReason()).toBe(focusBefore + 1);
  });

  it('explains a 409 in words and fetches the request again', async () => {
    store.select('r1');
    await settle();
    http.expectOne('/api/disconnect-requests/r1').flush(view());
    await settle();
    store.claim();
    http
      .expectOne({ method: 'POST', url: '/api/disconnect-requests/r1/claim' })
      .flush(
        { statusCode: 409, error: 'illegal_transition', message: 'The request cannot be claimed: it is already being handled by another operator.' },
        { status: 409, statusText: 'Conflict' },
      );
    await settle();
    expect(shown).toEqual(['The request has changed meanwhile (another operator may have taken it). The screen is up to date now.']);
    http.expectOne('/api/disconnect-requests/r1').flush(view({ status: 'in_progress', assigneeName: 'Petro', actions: [] }));
    await settle();
    expect(store.request()?.assigneeName).toBe('Petro');
    expect(store.working()).toBe(false);
  });

  it('refuses to resolve before the reason and the outcome are known, and says what is missing', async () => {
    store.select('r1');
    await settle();
    http.expectOne('/api/disconnect-requests/r1').flush(view({ status: 'in_progress', actions: ['resolve'] }));
    await settle();
    expect(store.resolve()).toBe(false);
    expect(shown).toEqual(['Choose the true reason']);
    expect(store.showBlockers()).toBe(true);
    http.expectNone((r) => r.url.endsWith('/resolve'));
  });
});
