import {
  CATCH_ALL_REASON_CODE,
  ChurnReasonDefinition,
  DEFAULT_CHURN_REASONS,
  type Destination,
  DEFAULT_OFFERS,
  isNewSubscriber,
  isSave,
  OfferDefinition,
  type RequestOutcome,
  offerCost,
  operatorDiscountLimit,
  TECHNICAL_CLOSURE_GROUP,
  tenureMonths,
} from '@retention/domain';
import { cumulative, Rng, streamSeed } from './prng';
import { COMPETITORS, REGIONS, SERVICES, SERVICE_CABLE_TV, SERVICE_INTERNET, SERVICE_IPTV, SERVICE_MOBILE, SERVICE_TELEPHONY } from './reference-data';
import type { Operator } from './staff';
import { feeOn, money, NO_DAY, SubscriberModel, SubscriberPlan, Subscription } from './subscriber-model';

/**
 * Disconnect requests derived from each subscriber's simulated life, with their audit trail:
 * - every voluntary disconnection: a request resolved `disconnected`, effective that day;
 * - every dropped service: `partially_retained`; every downgrade: `retained_with_offer` (tariff_downgrade);
 * - saves: subscribers who asked to leave and stayed (`retained`, `retained_with_offer`), and voluntary
 *   suspensions that began as a `pause` offer;
 * - every technical closure (a duplicate, merged or test account): a request with the closure reason;
 * - some disconnections for debt: a request of kind non_payment that billing sent to the desk; the
 *   rest have none. Both stay apart from voluntary churn;
 * - today's open work: new requests waiting, some in progress (a few waiting for a manager's approval),
 *   call-backs due.
 * Every loss records where the subscriber went, for any reason (a competitor sometimes hides behind
 * price, quality or a move). The true reason is drawn from the
 * classifier with weights that depend on what happened and on the subscriber; the operator is drawn
 * knowing the outcome, in proportion to workload × skill for saves and workload × (1 − skill) for
 * losses, so that each operator's save rate comes out near their skill.
 */

export interface CompetitorCoverage {
  /** Database ids, in the order of COMPETITORS. */
  ids: readonly string[];
  /** [competitor][region][service]: whether the competitor sells a tariff for the service in the region. */
  sells: readonly (readonly (readonly boolean[])[])[];
}

export interface RequestModelOptions {
  seed: number;
  subscribers: number;
  model: SubscriberModel;
  competitors: CompetitorCoverage;
  /** The demo 'operator' first when it exists, then the generated ones. */
  operators: readonly Operator[];
  /** Id of classifier version 1, and the reason and offer codes the database has. */
  reasonVersionId: number;
  reasonCodes: ReadonlySet<string>;
  offerCodes: ReadonlySet<string>;
  /** The moment today's open work is relative to, in seconds since 1970 (a time on asOf). */
  now: number;
  /** The schema has disconnect_request.service_fees (each requested service's fee when asked). */
  withServiceFees: boolean;
}

export interface RequestRows {
  requests: string;
  requestCount: number;
  events: string;
  eventCount: number;
  approvals: string;
  approvalCount: number;
  /** Each resolved request's resolution, in the order emitted: who resolved it and when (seconds since 1970). */
  resolutions: { at: number; by: string }[];
}

export const REQUEST_COLUMNS = [
  'id', 'subscriber_id', 'services', 'all_services', 'channel', 'stated_reason', 'kind', 'status', 'assignee_id',
  'claimed_at', 'callback_at', 'outcome', 'reason_version_id', 'reason_code', 'competitor_id', 'offer_code', 'offer_cost',
  'kept_services', 'effective_date', 'resolved_at', 'resolved_by', 'mrr_at_risk', 'mrr_lost', 'is_new_subscriber', 'note',
  'created_by', 'created_at', 'updated_at', 'destination', 'region_id',
];
export const EVENT_COLUMNS = ['request_id', 'at', 'actor_id', 'action', 'from_status', 'to_status', 'data'];
export const APPROVAL_COLUMNS = ['id', 'request_id', 'offer_code', 'discount_percent', 'requested_by', 'requested_at', 'status', 'note'];

const STREAM_REQUESTS = 7;
const STREAM_OPEN_PICK = 8;
const STREAM_OPEN = 9;
const STREAM_WORDING = 11;
/** Share of stated reasons worded in the operator's own local words, where the reason has such wording. */
const LOCAL_WORDING_SHARE = 0.5;
/** Towns outside the operator's footprint, where a move ends the service. */
const TOWNS_ELSEWHERE = ['Ashby', 'Fernhill', 'Kingsbury'];
const OWN_CITIES = REGIONS.flatMap((r) => r.cities);
const FAST_TARIFFS = ['FastNet 1000', 'NovaFiber 1000', 'CityCom Fiber 500'];
const CHEAP_TARIFFS = ['FastNet 200', 'CityCom Home 100'];
const BUNDLE_TARIFFS = ['SkyLink Cinema & Sport', 'MobiWave Unlimited'];
/**
 * How the demo operator's subscribers name a reason in local words no synonym table carries: towns beyond
 * the network, the operator's own cities, the local competitors' tariffs. Per reason code, per language
 * (en, ru, uk as LANGS), templates over one of the listed places or tariffs. These are what a model learnt
 * from the operator's resolutions can know and the table cannot (docs/methodology.md, "Reason suggestions").
 */
export const LOCAL_WORDING: Record<string, { words: readonly string[]; templates: readonly (readonly string[])[] }> = {
  move_out_of_coverage: {
    words: TOWNS_ELSEWHERE,
    templates: [
      ['moving to {}', 'we are off to {} for good', 'relocating to {} in spring'],
      ['переезжаем в {}', 'уезжаем жить в {}', 'перебираемся в {}'],
      ['переїжджаємо в {}', 'їдемо жити в {}', 'перебираємося до {}'],
    ],
  },
  move_within_coverage: {
    words: OWN_CITIES,
    templates: [
      ['moving to {}', 'new flat in {}'],
      ['переезжаем в {}', 'новая квартира в {}'],
      ['переїжджаємо в {}', 'нова квартира в {}'],
    ],
  },
  competitor_faster: {
    words: FAST_TARIFFS,
    templates: [
      ['taking {}', 'the neighbour has {}, want the same'],
      ['берем {}', 'у соседа {}, хочу так же'],
      ['беремо {}', 'у сусіда {}, хочу так само'],
    ],
  },
  competitor_bundle: {
    words: BUNDLE_TARIFFS,
    templates: [
      ['taking {} with the home line', '{} together with home internet'],
      ['берем {} вместе с домашним', '{} и домашний вместе'],
      ['беремо {} разом з домашнім', '{} і домашній разом'],
    ],
  },
  competitor_cheaper: {
    words: CHEAP_TARIFFS,
    templates: [
      ['{} costs less', 'switching to {}'],
      ['{} дешевле', 'переходим на {}'],
      ['{} дешевше', 'переходимо на {}'],
    ],
  },
};

/** Every wording LOCAL_WORDING can produce for a code. */
export function localWordings(code: string): string[] {
  const local = LOCAL_WORDING[code];
  if (!local) return [];
  return local.templates.flat().flatMap((t) => local.words.map((w) => t.replace('{}', w)));
}

const DAY = 86_400;
const HOUR = 3_600;
const MINUTE = 60;

/**
 * Monthly chance that a subscriber asks to leave and is talked out of it. With downgrades (saves with
 * an offer) and pauses it gives an overall save rate of about 30 % of resolved requests.
 */
const SAVE_MONTHLY = 0.0019;
const OFFER_SAVE_SHARE = 0.65;
const PAUSE_SAVE_CHANCE = 0.6;
const HISTORY_POSTPONE_CHANCE = 0.08;
/** Lifetime used to tier an operator's discount authority (about 1 / 2 % monthly churn). */
const LIFETIME_MONTHS_FOR_AUTHORITY = 48;
const UNKNOWN_COMPETITOR = 0.1;
const IN_REGION_COMPETITOR = 0.92;
/** Open work per 20,000 subscribers, and its caps. */
const OPEN_PER = 20_000;
const OPEN_NEW_CAP = 60;
const OPEN_IN_PROGRESS_PER = 5;
const OPEN_POSTPONED_PER = 4;
const OPEN_POSTPONED_CAP = 10;
const OPEN_APPROVALS_CAP = 6;

const CHANNELS = ['phone', 'office', 'web', 'email'] as const;
const CHANNEL_WEIGHTS = cumulative([52, 26, 14, 8]);
const LANGS = ['uk', 'ru', 'en'] as const;
const LANG_WEIGHTS = cumulative([45, 40, 15]);

/**
 * What happened: a voluntary disconnection, a dropped service, a downgrade, a save, a pause, today's
 * open work; a technical closure (a duplicate, merged or test account); a disconnection for debt that
 * billing sent to the desk (a request of kind non_payment).
 */
type Kind = 'disconnect' | 'partial' | 'downgrade' | 'save' | 'pause' | 'open' | 'closure' | 'debt';
const KINDS: readonly Kind[] = ['disconnect', 'partial', 'downgrade', 'save', 'pause', 'open', 'closure', 'debt'];
/** Of the disconnections for debt, the share that billing sends to the desk as a request (the rest are cut off by billing alone). */
const NON_PAYMENT_REQUEST_SHARE = 0.3;
/** Why those billing sends to the desk leave, by reason group (the catch-all aside). */
const DEBT_FACTORS: Record<string, number> = { financial: 3, price: 0.5, life: 0.3 };
type Outcome = RequestOutcome;
type OpenKind = 'new' | 'in_progress' | 'postponed';

/** How often each reason is the true one, before the factors below (a share of all requests, roughly). */
const BASE_WEIGHTS: Record<string, number> = {
  price_increase: 9, price_too_high: 7, equipment_rental_cost: 2,
  competitor_cheaper: 16, competitor_faster: 7, competitor_bundle: 5,
  network_outages: 7, slow_speed: 7, tv_picture_quality: 3, voice_quality: 1.5,
  wifi_router: 3, long_repair: 2.5,
  channel_lineup: 2, contract_terms: 2, privacy_security: 0.3,
  billing_errors: 2, rude_support: 1, support_wait_time: 1, unresolved_complaint: 1.5,
  service_not_needed: 3.5, mobile_only: 2.5, streaming_switch: 2.5,
  move_within_coverage: 2.5, move_out_of_coverage: 5, emigration: 1,
  financial_hardship: 3.5, job_loss: 1.5, business_closure: 0.5,
  temporary_absence: 1, death: 0.6, health_moving_to_relatives: 0.5,
  duplicate_account: 0.3, other_unknown: 6,
};

const HOME_SERVICES = [SERVICE_INTERNET, SERVICE_CABLE_TV, SERVICE_IPTV, SERVICE_TELEPHONY];
const TV_SERVICES = [SERVICE_CABLE_TV, SERVICE_IPTV];
/** Reasons that only make sense for some services (the request must include one of them). */
const REASON_SERVICES: Record<string, readonly number[]> = {
  equipment_rental_cost: [SERVICE_INTERNET, SERVICE_CABLE_TV, SERVICE_IPTV],
  competitor_faster: [SERVICE_INTERNET, SERVICE_MOBILE],
  network_outages: HOME_SERVICES,
  slow_speed: [SERVICE_INTERNET, SERVICE_MOBILE],
  tv_picture_quality: TV_SERVICES,
  voice_quality: [SERVICE_TELEPHONY, SERVICE_MOBILE],
  wifi_router: [SERVICE_INTERNET],
  long_repair: HOME_SERVICES,
  channel_lineup: TV_SERVICES,
  privacy_security: [SERVICE_INTERNET, SERVICE_MOBILE],
  mobile_only: HOME_SERVICES,
  streaming_switch: TV_SERVICES,
};

/**
 * Low payers leave over price and money, the top quartile less so
 * (docs/methodology.md, "Lifetime ratings and value").
 */
const PAYER_FACTORS: readonly Record<string, number>[] = [
  { price: 1.7, financial: 2, competitor: 1.1 },
  {},
  { price: 0.6, financial: 0.4, quality: 1.3, technical: 1.2 },
];
/** Subscribers connected under six months ago leave over the service itself more often. */
const NEW_SUBSCRIBER_FACTORS: Record<string, number> = {
  quality: 1.8, technical: 1.8, service: 1.5, product: 1.3, relocation: 0.6, life: 0.3,
};
/** What subscribers give up one service of several for. */
const PARTIAL_FACTORS: Record<string, number> = {
  need: 1.8, product: 2, price: 1.4, competitor: 0.7, quality: 1, technical: 0.8, service: 0.7, financial: 1,
  relocation: 0, life: 0, other: 0.6,
};
const NO_PARTIAL = new Set(['business_closure', 'duplicate_account']);
const DOWNGRADE_FACTORS: Record<string, number> = { price: 2, financial: 2, need: 1.3 };
/** Outside the tariff_downgrade chains, but a cheaper tariff is what keeps them. */
const DOWNGRADE_ALSO = new Set(['competitor_cheaper']);
const SAVE_FACTORS: Record<string, number> = { competitor: 1.2, price: 1.2 };
/**
 * Reasons that resist retention, with how often a save still happens: the unmanaged ones (death
 * never), and the reason not found (a subscriber who will not say why is hard to keep, though the
 * loss counts as managed).
 */
const SAVE_RESISTANT: Record<string, number> = {
  other_unknown: 0.6, health_moving_to_relatives: 0.2, emigration: 0.15, move_out_of_coverage: 0.05, business_closure: 0.05,
};

/**
 * Where those who left for a reason that does not name a competitor went: how often to a competitor
 * anyway (the methodology's warning: a move out of the coverage area, slow speed or price often
 * hide one), by reason group and, where it differs, by reason...
 */
const HIDDEN_COMPETITOR: Record<string, number> = { price: 0.3, quality: 0.3, technical: 0.25, service: 0.2, product: 0.2, need: 0.1, relocation: 0.1 };
const HIDDEN_COMPETITOR_REASON: Record<string, number> = { move_out_of_coverage: 0.25, emigration: 0, other_unknown: 0.15 };
/** ...and how often nowhere (the service given up); the rest are unknown. */
const GOES_NOWHERE: Record<string, number> = { need: 0.6, life: 0.7, financial: 0.6, relocation: 0.4, closure: 1, other: 0.1 };

/** How often subscribers name each competitor, where it sells. */
const COMPETITOR_WEIGHTS: Record<string, number> = { fastnet: 3, skylink_tv: 1.5, citycom: 3, mobiwave: 2, novafiber: 2.5 };

/** Words an operator leaves on a call-back (the console shows the subscriber's language). */
const CALLBACK_NOTES: readonly string[] = [
  'Asked to call back in the evening',
  'Will decide with the family first',
  'Wants to compare with the competitor’s offer first',
  'Call back after the technician’s visit',
  'Просил перезвонить вечером',
  'Посоветуется с семьёй и перезвоним',
  'Перезвонить после визита мастера',
  'Просив передзвонити ввечері',
  'Порадиться з родиною, передзвонити',
  'Передзвонити після візиту майстра',
  'Хоче порівняти з пропозицією конкурента',
];
const APPROVAL_NOTES: readonly string[] = [
  'Long-standing subscriber; the competitor offers about 30% less',
  'Pays on time for years; a bigger discount keeps the whole bundle',
  'Абонент понад 5 років, конкурент пропонує дешевше',
  'Родина з трьома послугами, просять знижку як у конкурента',
  'Абонент давно с нами, конкурент предлагает на треть дешевле',
];
const APPROVAL_OFFERS = ['discount_30_6m', 'discount_20_3m'];

interface ReasonInfo {
  code: string;
  group: string;
  managed: boolean;
  impliesCompetitor: boolean;
  offerCodes: readonly string[];
  /** Typical phrases by language (index in LANGS). */
  phrases: readonly (readonly string[])[];
  serviceMask: number;
  /** Weight per Kind (base weight × what-happened factor), before the subscriber's factors. */
  weight: readonly number[];
}

interface Draft {
  kind: Kind;
  day: number;
  services: number[];
  allServices: boolean;
  /** Fee in cents of each requested service (aligned with services). */
  fees: number[];
  outcome: Outcome;
  kept: number[] | null;
  effective: number | null;
  mrrLost: number;
  offer: string | null;
  /** Latest second the request may be resolved at. */
  limit: number;
  revenue: number;
  tenure: number;
}

interface Timeline {
  created: number;
  claimed: number;
  postponed: number | null;
  callback: number | null;
  reclaimed: number | null;
  resolved: number;
}

export class RequestModel {
  private readonly model: SubscriberModel;
  private readonly seed: number;
  private readonly asOf: number;
  private readonly now: number;
  private readonly reasons: ReasonInfo[];
  private readonly reasonIndex = new Map<string, number>();
  private readonly offers = new Map<string, OfferDefinition>();
  private readonly operators: readonly Operator[];
  private readonly saveOperators: number[];
  private readonly lossOperators: number[];
  private readonly anyOperator: number[];
  private readonly generated: readonly Operator[];
  private readonly competitorWeights: number[];
  private readonly weights: Float64Array;
  private readonly busyOperators = new Set<string>();
  private approvalsLeft: number;
  private readonly demoOperator: Operator | undefined;
  /** Kinds of today's open requests, handed to qualifying candidates in index order. */
  private readonly pendingKinds: OpenKind[];
  private readonly candidates: Set<number>;
  private nextKind = 0;

  constructor(private readonly options: RequestModelOptions) {
    this.model = options.model;
    this.seed = options.seed;
    this.asOf = options.model.asOf;
    this.now = options.now;
    this.operators = options.operators;
    if (this.operators.length === 0) throw new Error('The requests need at least one operator');

    this.reasons = DEFAULT_CHURN_REASONS.filter((r) => options.reasonCodes.has(r.code)).map((r) => reasonInfo(r));
    if (this.reasons.length === 0) throw new Error('Classifier version 1 has none of the default churn reasons');
    this.reasons.forEach((r, i) => this.reasonIndex.set(r.code, i));
    this.weights = new Float64Array(this.reasons.length);
    for (const o of DEFAULT_OFFERS) if (options.offerCodes.has(o.code)) this.offers.set(o.code, o);

    this.saveOperators = cumulative(this.operators.map((o) => o.weight * o.skill));
    this.lossOperators = cumulative(this.operators.map((o) => o.weight * (1 - o.skill)));
    this.anyOperator = cumulative(this.operators.map((o) => o.weight));
    this.generated = this.operators.filter((o) => o.generated);
    this.demoOperator = this.operators.find((o) => !o.generated);
    this.competitorWeights = COMPETITORS.map((c) => COMPETITOR_WEIGHTS[c.code] ?? 1);

    // Today's open work: how much, and which subscribers (candidates drawn once, used in index order).
    const rng = new Rng(streamSeed(this.seed, STREAM_OPEN_PICK, 0));
    const scale = options.subscribers / OPEN_PER;
    const nNew = Math.min(OPEN_NEW_CAP, Math.round(scale * rng.int(20, 30)));
    const nProgress = Math.min(this.generated.length, Math.round(scale * OPEN_IN_PROGRESS_PER));
    const nPostponed = Math.min(OPEN_POSTPONED_CAP, Math.round(scale * OPEN_POSTPONED_PER));
    const approvalOffers = APPROVAL_OFFERS.filter((c) => this.offers.has(c));
    this.approvalsLeft =
      nProgress === 0 || approvalOffers.length === 0
        ? 0
        : Math.min(nProgress, OPEN_APPROVALS_CAP, Math.max(1, Math.round(scale * rng.int(2, 3))));
    const kinds: OpenKind[] = [
      ...Array<OpenKind>(nNew).fill('new'),
      ...Array<OpenKind>(nProgress).fill('in_progress'),
      ...Array<OpenKind>(nPostponed).fill('postponed'),
    ];
    for (let i = kinds.length - 1; i > 0; i--) {
      const j = rng.int(0, i);
      [kinds[i], kinds[j]] = [kinds[j], kinds[i]];
    }
    this.pendingKinds = kinds;
    const n = options.subscribers;
    const wanted = Math.min(n, 4 * kinds.length + 16);
    let candidates: number[];
    if (kinds.length === 0) candidates = [];
    else if (wanted * 2 >= n) candidates = Array.from({ length: n }, (_, i) => i);
    else {
      const picked = new Set<number>();
      while (picked.size < wanted) picked.add(rng.int(0, n - 1));
      candidates = [...picked].sort((a, b) => a - b);
    }
    this.candidates = new Set(candidates);
  }

  /**
   * The COPY rows of one subscriber's requests, events and approvals. Call it once per subscriber,
   * in index order: today's open work is handed out as qualifying subscribers come.
   */
  rowsFor(plan: SubscriberPlan): RequestRows {
    const out: RequestRows = { requests: '', requestCount: 0, events: '', eventCount: 0, approvals: '', approvalCount: 0, resolutions: [] };
    const rng = new Rng(streamSeed(this.seed, STREAM_REQUESTS, plan.index));
    const payer = this.payerClass(plan);
    let slot = 0;
    const emit = (draft: Draft | null) => {
      if (draft) this.emitResolved(out, plan, rng, draft, payer, slot++);
    };

    for (const s of plan.subscriptions) {
      if (s.endReason === 'downgrade') emit(this.downgrade(plan, rng, s));
      else if (s.endReason === 'dropped') emit(this.dropped(plan, rng, s));
    }
    if (plan.disconnectKind === 'voluntary') emit(this.disconnection(plan, rng, 'disconnect'));
    else if (plan.disconnectKind === 'technical') emit(this.disconnection(plan, rng, 'closure'));
    else if (plan.disconnectKind === 'non_payment' && rng.chance(NON_PAYMENT_REQUEST_SHARE)) emit(this.disconnection(plan, rng, 'debt'));
    emit(this.save(plan, rng));
    if (plan.status === 'suspended' && rng.chance(PAUSE_SAVE_CHANCE)) emit(this.pause(plan, rng));

    if (this.candidates.has(plan.index) && this.nextKind < this.pendingKinds.length && this.qualifiesForOpenWork(plan)) {
      this.emitOpen(out, plan, this.pendingKinds[this.nextKind++], payer, slot++);
    }
    return out;
  }

  // ---------------------------------------------------------------------------------------------
  // What happened: one draft per request
  // ---------------------------------------------------------------------------------------------

  /** The request behind a subscriber's disconnection: voluntary, a technical closure, or for debt. */
  private disconnection(plan: SubscriberPlan, rng: Rng, kind: 'disconnect' | 'closure' | 'debt'): Draft {
    const d = plan.disconnected;
    const notice = rng.chance(0.4) ? rng.int(0, 2) : rng.int(3, 14);
    const day = Math.max(d - notice, plan.connected);
    const [services, fees] = this.servicesOn(plan.subscriptions, day);
    return this.draft(plan, kind, day, services, fees, true, 'disconnected', null, d, sum(fees), null, this.endOf(d));
  }

  private dropped(plan: SubscriberPlan, rng: Rng, dropped: Subscription): Draft | null {
    const end = dropped.end;
    let day = Math.max(end - (rng.chance(0.4) ? 0 : rng.int(1, 10)), dropped.start);
    let [services, fees] = this.servicesOn(plan.subscriptions, day, end);
    if (!services.includes(dropped.service) || services.length < 2) {
      day = end;
      [services, fees] = this.servicesOn(plan.subscriptions, day, end);
      if (!services.includes(dropped.service) || services.length < 2) return null;
    }
    const all = this.servicesOn(plan.subscriptions, day)[0].length === services.length;
    const kept = services.filter((s) => s !== dropped.service);
    return this.draft(plan, 'partial', day, services, fees, all, 'partially_retained', kept, end, dropped.fee, null, this.endOf(end));
  }

  private downgrade(plan: SubscriberPlan, rng: Rng, old: Subscription): Draft {
    const end = old.end;
    const day = Math.max(end - (rng.chance(0.5) ? 0 : rng.int(1, 7)), old.start);
    const active = this.servicesOn(plan.subscriptions, day)[0];
    const offer = this.offers.has('tariff_downgrade') ? 'tariff_downgrade' : null;
    return this.draft(
      plan, 'downgrade', day, [old.service], [old.fee], active.length === 1, offer ? 'retained_with_offer' : 'retained',
      null, null, 0, offer, this.endOf(end),
    );
  }

  /** Asked to leave and stayed: at a monthly rate over the time the subscriber was with us. */
  private save(plan: SubscriberPlan, rng: Rng): Draft | null {
    const lo = Math.max(plan.from, plan.connected + 10);
    let hi = plan.disconnected !== NO_DAY ? plan.disconnected - 45 : this.asOf - 1;
    if (plan.suspendedFrom !== NO_DAY) hi = Math.min(hi, plan.suspendedFrom - 20);
    if (plan.silentFromMonth !== NO_DAY) hi = Math.min(hi, this.model.calendar.monthStart(plan.silentFromMonth) - 1);
    if (hi <= lo || !rng.chance(Math.min(0.9, (SAVE_MONTHLY * (hi - lo)) / 30.44))) return null;
    const day = rng.int(lo, hi);
    let [services, fees] = this.servicesOn(plan.subscriptions, day);
    if (services.length === 0) return null;
    const all = services.length;
    if (services.length > 1 && rng.chance(0.35)) {
      const k = rng.int(0, services.length - 1);
      services = [services[k]];
      fees = [fees[k]];
    }
    return this.draft(plan, 'save', day, services, fees, services.length === all, 'retained', null, null, 0, null, this.now - MINUTE);
  }

  /** A voluntary suspension that began as a pause offered instead of a disconnection. */
  private pause(plan: SubscriberPlan, rng: Rng): Draft | null {
    if (!this.offers.has('pause')) return null;
    const start = plan.suspendedFrom;
    const day = Math.max(start - rng.int(0, 3), plan.connected + 1);
    const [services, fees] = this.servicesOn(plan.subscriptions, day);
    if (services.length === 0) return null;
    return this.draft(plan, 'pause', day, services, fees, true, 'retained_with_offer', null, null, 0, 'pause', this.endOf(start));
  }

  private draft(
    plan: SubscriberPlan, kind: Kind, day: number, services: number[], fees: number[], allServices: boolean, outcome: Outcome,
    kept: number[] | null, effective: number | null, mrrLost: number, offer: string | null, limit: number,
  ): Draft {
    const cal = this.model.calendar;
    return {
      kind, day, services, fees, allServices, outcome, kept, effective, mrrLost, offer,
      limit: Math.min(limit, this.now - MINUTE),
      revenue: feeOn(plan.subscriptions, day) / 100,
      tenure: tenureMonths(cal.format(plan.connected), cal.format(day)),
    };
  }

  // ---------------------------------------------------------------------------------------------
  // Rows
  // ---------------------------------------------------------------------------------------------

  private emitResolved(out: RequestRows, plan: SubscriberPlan, rng: Rng, d: Draft, payer: number, slot: number): void {
    const cal = this.model.calendar;
    const id = rng.orderedUuid(this.model.idPrefix(plan.index, (slot + 1) / 64 + 0.5));
    const channel = CHANNELS[rng.weighted(CHANNEL_WEIGHTS)];
    const isNew = isNewSubscriber(cal.format(plan.connected), cal.format(d.day));
    const reason = this.pickReason(rng, d.kind, d.services, payer, isNew);
    const stated = this.statedReason(rng, reason, channel, plan.index * 64 + slot);

    // Saves: with an offer from the reason's chain the subscriber is eligible for, or talked round without one.
    let outcome = d.outcome;
    let offer = d.offer;
    if (d.kind === 'save' && rng.chance(OFFER_SAVE_SHARE)) {
      offer = this.chooseOffer(rng, reason, d);
      if (offer) outcome = 'retained_with_offer';
    }
    const cost = offer ? offerCost(this.offers.get(offer) as OfferDefinition, d.revenue) : null;
    const saved = isSave(outcome);
    // Where a leaver went, for every reason; a save stays (a competitor reason still names who tempted them).
    const destination: Destination | null = saved ? null : reason.impliesCompetitor ? 'competitor' : this.destinationOf(rng, reason);
    const competitor =
      reason.impliesCompetitor || destination === 'competitor' ? this.pickCompetitor(rng, reason, plan.region, d.services) : null;

    const handler = this.operators[rng.weighted(saved ? this.saveOperators : this.lossOperators)];
    const creator =
      (channel === 'phone' || channel === 'office') && rng.chance(0.6) ? handler : this.operators[rng.weighted(this.anyOperator)];
    const t = this.timeline(rng, d.day, channel, d.limit);
    const note = t.postponed !== null ? rng.pick(CALLBACK_NOTES) : '';

    const codes = d.services.map((s) => SERVICES[s].code);
    const kept = d.kept ? d.kept.map((s) => SERVICES[s].code) : null;
    const competitorId = competitor === null ? null : this.options.competitors.ids[competitor];
    const effective = d.effective === null ? null : cal.format(d.effective);
    const resolved = this.stamp(t.resolved);
    out.requests +=
      `${id}\t${plan.id}\t{${codes.join(',')}}\t${d.allServices ? 't' : 'f'}\t${channel}\t${copyText(stated)}\t${d.kind === 'debt' ? 'non_payment' : 'voluntary'}\tresolved\t` +
      `${handler.id}\t${this.stamp(t.reclaimed ?? t.claimed)}\t\\N\t${outcome}\t${this.options.reasonVersionId}\t${reason.code}\t` +
      `${competitorId ?? '\\N'}\t${offer ?? '\\N'}\t${cost === null ? '\\N' : cost.toFixed(2)}\t${kept ? `{${kept.join(',')}}` : '\\N'}\t` +
      `${effective ?? '\\N'}\t${resolved}\t${handler.id}\t${money(sum(d.fees))}\t${money(d.mrrLost)}\t${isNew ? 't' : 'f'}\t` +
      `${copyText(note)}\t${creator.id}\t${this.stamp(t.created)}\t${resolved}\t${destination ?? '\\N'}\t${this.model.regionId(plan)}${this.serviceFees(codes, d.fees)}\n`;
    out.requestCount++;
    out.resolutions.push({ at: t.resolved, by: handler.id });

    this.event(out, id, t.created, creator.id, 'create', null, 'new', { channel, services: codes, statedReason: stated });
    this.event(out, id, t.claimed, handler.id, 'claim', 'new', 'in_progress', {});
    if (t.postponed !== null && t.callback !== null && t.reclaimed !== null) {
      this.event(out, id, t.postponed, handler.id, 'postpone', 'in_progress', 'postponed', { callbackAt: this.iso(t.callback), note });
      this.event(out, id, t.reclaimed, handler.id, 'claim', 'postponed', 'in_progress', {});
    }
    this.event(out, id, t.resolved, handler.id, 'resolve', 'in_progress', 'resolved', {
      outcome,
      reasonCode: reason.code,
      reasonVersionId: this.options.reasonVersionId,
      destination,
      competitorId,
      offerCode: offer,
      offerCost: cost,
      keptServices: kept ?? [],
      effectiveDate: effective,
      mrrLost: d.mrrLost / 100,
    });
  }

  /** An active subscriber with services, connected before yesterday, not silently gone. */
  private qualifiesForOpenWork(plan: SubscriberPlan): boolean {
    return (
      plan.status === 'active' &&
      plan.disconnected === NO_DAY &&
      plan.silentFromMonth === NO_DAY &&
      plan.connected <= this.asOf - 2 &&
      this.servicesOn(plan.subscriptions, this.asOf)[0].length > 0
    );
  }

  private emitOpen(out: RequestRows, plan: SubscriberPlan, kind: OpenKind, payer: number, slot: number): void {
    const rng = new Rng(streamSeed(this.seed, STREAM_OPEN, plan.index));
    const cal = this.model.calendar;
    const now = this.now;
    const id = rng.orderedUuid(this.model.idPrefix(plan.index, (slot + 1) / 64 + 0.5));
    let [services, fees] = this.servicesOn(plan.subscriptions, this.asOf);
    const all = services.length;
    if (services.length > 1 && rng.chance(0.3)) {
      const k = rng.int(0, services.length - 1);
      services = [services[k]];
      fees = [fees[k]];
    }
    const codes = services.map((s) => SERVICES[s].code);
    const channel = CHANNELS[rng.weighted(CHANNEL_WEIGHTS)];
    const isNew = isNewSubscriber(cal.format(plan.connected), cal.format(this.asOf));
    const stated = this.statedReason(rng, this.pickReason(rng, 'open', services, payer, isNew), channel, -1 - plan.index);
    const creator = this.operators[rng.weighted(this.anyOperator)];

    let created: number;
    let assignee: Operator | null = null;
    let claimed: number | null = null;
    let postponed: number | null = null;
    let callback: number | null = null;
    let note = '';
    if (kind === 'new') {
      // Waiting 5 minutes to 3 hours; about 40 % beyond the 30-minute SLA.
      created = now - (rng.chance(0.6) ? rng.int(5 * MINUTE, 30 * MINUTE) : rng.int(31 * MINUTE, 180 * MINUTE));
    } else if (kind === 'in_progress') {
      created = now - rng.int(15 * MINUTE, 150 * MINUTE);
      claimed = Math.min(created + rng.int(MINUTE, 12 * MINUTE), now - 2 * MINUTE);
      const free = this.generated.filter((o) => !this.busyOperators.has(o.id));
      assignee = free.length > 0 ? free[rng.int(0, free.length - 1)] : this.generated[rng.int(0, this.generated.length - 1)];
      this.busyOperators.add(assignee.id);
    } else {
      created = now - rng.int(3 * HOUR, 20 * HOUR);
      claimed = created + rng.int(MINUTE, 15 * MINUTE);
      postponed = claimed + rng.int(3 * MINUTE, 12 * MINUTE);
      if (rng.chance(0.5)) {
        // Due: the promised time has passed.
        const lo = Math.max(postponed + 30 * MINUTE, now - 150 * MINUTE);
        callback = lo < now - 5 * MINUTE ? rng.int(lo, now - 5 * MINUTE) : now - 5 * MINUTE;
      } else {
        callback = now + rng.int(20 * MINUTE, 4 * HOUR);
      }
      assignee = this.demoOperator ?? this.generated[rng.weighted(cumulative(this.generated.map((o) => o.weight)))];
      note = rng.pick(CALLBACK_NOTES);
    }
    const updated = postponed ?? claimed ?? created;
    const status = kind;
    out.requests +=
      `${id}\t${plan.id}\t{${codes.join(',')}}\t${services.length === all ? 't' : 'f'}\t${channel}\t${copyText(stated)}\tvoluntary\t` +
      `${status}\t${assignee?.id ?? '\\N'}\t${claimed === null ? '\\N' : this.stamp(claimed)}\t` +
      `${callback === null ? '\\N' : this.stamp(callback)}\t\\N\t\\N\t\\N\t\\N\t\\N\t\\N\t\\N\t\\N\t\\N\t\\N\t` +
      `${money(sum(fees))}\t\\N\t${isNew ? 't' : 'f'}\t${copyText(note)}\t${creator.id}\t${this.stamp(created)}\t` +
      `${this.stamp(updated)}\t\\N\t${this.model.regionId(plan)}${this.serviceFees(codes, fees)}\n`;
    out.requestCount++;

    this.event(out, id, created, creator.id, 'create', null, 'new', { channel, services: codes, statedReason: stated });
    if (assignee && claimed !== null) this.event(out, id, claimed, assignee.id, 'claim', 'new', 'in_progress', {});
    if (assignee && postponed !== null && callback !== null) {
      this.event(out, id, postponed, assignee.id, 'postpone', 'in_progress', 'postponed', { callbackAt: this.iso(callback), note });
    }
    if (kind === 'in_progress' && assignee && claimed !== null && this.approvalsLeft > 0) {
      // Asked a manager for a discount above the operator's own limit; the manager has not answered yet.
      this.approvalsLeft--;
      const offer = this.offers.get(rng.pick(APPROVAL_OFFERS.filter((c) => this.offers.has(c)))) as OfferDefinition;
      const at = Math.min(claimed + rng.int(2 * MINUTE, 10 * MINUTE), now - MINUTE);
      out.approvals +=
        `${rng.uuid()}\t${id}\t${offer.code}\t${offer.discountPercent ?? 0}\t${assignee.id}\t${this.stamp(at)}\tpending\t` +
        `${copyText(rng.pick(APPROVAL_NOTES))}\n`;
      out.approvalCount++;
      this.event(out, id, at, assignee.id, 'approval_requested', 'in_progress', 'in_progress', { offerCode: offer.code });
    }
  }

  private event(out: RequestRows, requestId: string, at: number, actor: string, action: string, from: string | null, to: string, data: object): void {
    out.events += `${requestId}\t${this.stamp(at)}\t${actor}\t${action}\t${from ?? '\\N'}\t${to}\t${copyText(JSON.stringify(data))}\n`;
    out.eventCount++;
  }

  private serviceFees(codes: string[], fees: number[]): string {
    if (!this.options.withServiceFees) return '';
    const parts = codes.map((c, i) => `"${c}":${fees[i] / 100}`);
    return `\t{${parts.join(',')}}`;
  }

  // ---------------------------------------------------------------------------------------------
  // Choices
  // ---------------------------------------------------------------------------------------------

  private payerClass(plan: SubscriberPlan): number {
    const p = this.model.feePercentile(plan.initialFee);
    return p < 0.25 ? 0 : p > 0.75 ? 2 : 1;
  }

  private pickReason(rng: Rng, kind: Kind, services: readonly number[], payer: number, isNew: boolean): ReasonInfo {
    const k = KINDS.indexOf(kind);
    let mask = 0;
    for (const s of services) mask |= 1 << s;
    const w = this.weights;
    let total = 0;
    for (let i = 0; i < this.reasons.length; i++) {
      const r = this.reasons[i];
      let x = (r.serviceMask & mask) === 0 ? 0 : r.weight[k];
      if (x > 0) {
        x *= PAYER_FACTORS[payer][r.group] ?? 1;
        if (isNew) x *= NEW_SUBSCRIBER_FACTORS[r.group] ?? 1;
      }
      total += x;
      w[i] = total;
    }
    if (total === 0) return this.reasons[this.reasonIndex.get('other_unknown') ?? this.reasons.length - 1];
    const target = rng.next() * total;
    for (let i = 0; i < w.length; i++) if (target < w[i]) return this.reasons[i];
    return this.reasons[this.reasons.length - 1];
  }

  /** An offer from the reason's chain (best first) that the subscriber is eligible for and the operator may grant. */
  private chooseOffer(rng: Rng, reason: ReasonInfo, d: Draft): string | null {
    const limit = operatorDiscountLimit(d.revenue * LIFETIME_MONTHS_FOR_AUTHORITY);
    const pauseOk = d.day < this.asOf - 100;
    const fits = reason.offerCodes.filter((code) => {
      const o = this.offers.get(code);
      return (
        o !== undefined &&
        code !== 'tariff_downgrade' &&
        (code !== 'pause' || pauseOk) &&
        d.tenure >= o.minTenureMonths &&
        d.revenue >= o.minMonthlyRevenue &&
        (o.discountPercent ?? 0) <= limit
      );
    });
    for (const code of fits) if (rng.chance(0.55)) return code;
    return fits.length > 0 ? fits[fits.length - 1] : null;
  }

  /** Where a subscriber who left for a reason that names no competitor went. */
  private destinationOf(rng: Rng, reason: ReasonInfo): Destination {
    if (rng.chance(HIDDEN_COMPETITOR_REASON[reason.code] ?? HIDDEN_COMPETITOR[reason.group] ?? 0)) return 'competitor';
    return rng.chance(GOES_NOWHERE[reason.group] ?? 0) ? 'none' : 'unknown';
  }

  private pickCompetitor(rng: Rng, reason: ReasonInfo, region: number, services: readonly number[]): number | null {
    if (rng.chance(UNKNOWN_COMPETITOR)) return null;
    let wanted = services;
    if (reason.code === 'mobile_only') wanted = [SERVICE_MOBILE];
    else if (reason.code === 'competitor_faster') {
      const fast = services.filter((s) => s === SERVICE_INTERNET || s === SERVICE_MOBILE);
      if (fast.length > 0) wanted = fast;
    }
    const sells = this.options.competitors.sells;
    const local: number[] = [];
    for (let c = 0; c < sells.length; c++) if (wanted.some((s) => sells[c][region][s])) local.push(c);
    const from = local.length > 0 && rng.chance(IN_REGION_COMPETITOR) ? local : sells.map((_, c) => c);
    const weights = cumulative(from.map((c) => this.competitorWeights[c]));
    return from[rng.weighted(weights)];
  }

  /**
   * The subscriber's words: the reason's typical phrase in a random language, or (LOCAL_WORDING_SHARE of the
   * time, where the reason has some) the operator's local words; sometimes hiding a competitor. The local
   * choice draws from its own stream (by `key`), so the rest of the data is the same with or without it.
   */
  private statedReason(rng: Rng, reason: ReasonInfo, channel: string, key: number): string {
    if ((channel === 'web' || channel === 'email') && rng.chance(0.08)) return '';
    let said = reason;
    if (reason.impliesCompetitor && rng.chance(0.2)) {
      // "Moving out of the coverage area" often really means leaving for a competitor
      // (docs/methodology.md, "The classifier: norms and economic effect").
      const cover = this.reasonIndex.get(rng.chance(0.5) ? 'move_out_of_coverage' : 'price_too_high');
      if (cover !== undefined) said = this.reasons[cover];
    }
    const lang = rng.weighted(LANG_WEIGHTS);
    const phrases = said.phrases[lang];
    const typical = phrases.length > 0 ? rng.pick(phrases) : '';
    const local = LOCAL_WORDING[said.code];
    if (!local || !typical) return typical;
    const words = new Rng(streamSeed(this.seed, STREAM_WORDING, key));
    if (!words.chance(LOCAL_WORDING_SHARE)) return typical;
    return words.pick(local.templates[lang]).replace('{}', words.pick(local.words));
  }

  // ---------------------------------------------------------------------------------------------
  // Time
  // ---------------------------------------------------------------------------------------------

  /**
   * When the request came in, was claimed, (perhaps postponed to a call-back and claimed again) and
   * resolved: calls and visits in business hours, taken within minutes; web and e-mail requests
   * picked up within hours; handled in minutes, some in hours. When that would end after `limit`,
   * the request is taken and settled in office hours that day, or failing that moved earlier.
   */
  private timeline(rng: Rng, day: number, channel: string, limit: number): Timeline {
    const start = day * DAY;
    const inPerson = channel === 'phone' || channel === 'office';
    const created = inPerson ? start + 6 * HOUR + rng.int(0, 11 * HOUR) : start + rng.int(0, DAY - 1);
    let claimed: number;
    if (channel === 'phone') claimed = created + rng.int(20, 8 * MINUTE);
    else if (channel === 'office') claimed = created + rng.int(MINUTE, 20 * MINUTE);
    else {
      const clock = created - start;
      if (clock < 6 * HOUR) claimed = start + 6 * HOUR + rng.int(0, 90 * MINUTE);
      else if (clock > 16 * HOUR) claimed = start + DAY + 6 * HOUR + rng.int(0, 90 * MINUTE);
      else claimed = created + rng.int(10 * MINUTE, 4 * HOUR);
    }
    const handling = rng.chance(0.15) ? rng.int(HOUR, 6 * HOUR) : rng.int(4 * MINUTE, 35 * MINUTE);
    const t: Timeline = { created, claimed, postponed: null, callback: null, reclaimed: null, resolved: claimed + handling };
    if (channel !== 'office' && rng.chance(HISTORY_POSTPONE_CHANCE)) {
      const postponed = claimed + rng.int(2 * MINUTE, 15 * MINUTE);
      const callback = (Math.floor(postponed / DAY) + rng.int(1, 3)) * DAY + 6 * HOUR + rng.int(0, 10 * HOUR);
      const reclaimed = callback + rng.int(0, 40 * MINUTE);
      if (reclaimed + handling <= limit) {
        t.postponed = postponed;
        t.callback = callback;
        t.reclaimed = reclaimed;
        t.resolved = reclaimed + handling;
      }
    }
    if (t.resolved > limit) {
      // Too late (an evening e-mail on the day it takes effect, say): taken and settled in office hours.
      t.created = start + 6 * HOUR + rng.int(0, 9 * HOUR);
      t.claimed = t.created + rng.int(MINUTE, 20 * MINUTE);
      t.resolved = t.claimed + rng.int(4 * MINUTE, 30 * MINUTE);
    }
    if (t.resolved > limit) {
      // Still too late (the moment of generation is early on asOf): earlier as a whole.
      const shift = t.resolved - limit + rng.int(MINUTE, 30 * MINUTE);
      t.created -= shift;
      t.claimed -= shift;
      t.resolved -= shift;
    }
    return t;
  }

  /** End of a day (last second), for "resolved no later than the day it took effect". */
  private endOf(day: number): number {
    return (day + 1) * DAY - 1;
  }

  private stamp(seconds: number): string {
    const day = Math.floor(seconds / DAY);
    return `${this.model.calendar.format(day)} ${clock(seconds - day * DAY)}+00`;
  }

  private iso(seconds: number): string {
    const day = Math.floor(seconds / DAY);
    return `${this.model.calendar.format(day)}T${clock(seconds - day * DAY)}.000Z`;
  }

  /**
   * Services (by index) running on `day` (and still on `alsoOn` when given), with their fees in cents.
   */
  private servicesOn(subscriptions: readonly Subscription[], day: number, alsoOn = day): [number[], number[]] {
    const fees = new Array<number>(SERVICES.length).fill(-1);
    for (const s of subscriptions) {
      if (s.start <= day && day <= s.end) fees[s.service] = Math.max(fees[s.service], 0) + s.fee;
    }
    const services: number[] = [];
    const out: number[] = [];
    for (let i = 0; i < fees.length; i++) {
      if (fees[i] < 0) continue;
      if (alsoOn !== day && !subscriptions.some((s) => s.service === i && s.start <= alsoOn && alsoOn <= s.end)) continue;
      services.push(i);
      out.push(fees[i]);
    }
    return [services, out];
  }
}

function reasonInfo(r: ChurnReasonDefinition): ReasonInfo {
  const base = BASE_WEIGHTS[r.code] ?? 1;
  const services = REASON_SERVICES[r.code];
  const serviceMask = services ? services.reduce((m, s) => m | (1 << s), 0) : (1 << SERVICES.length) - 1;
  const resistant = !r.managed || r.code in SAVE_RESISTANT;
  const closure = r.group === TECHNICAL_CLOSURE_GROUP;
  const factor: Record<Kind, number> = {
    disconnect: closure ? 0 : resistant ? 1.8 : 1,
    partial: NO_PARTIAL.has(r.code) ? 0 : (PARTIAL_FACTORS[r.group] ?? 1),
    downgrade: r.offerCodes.includes('tariff_downgrade') ? (DOWNGRADE_FACTORS[r.group] ?? 1) : DOWNGRADE_ALSO.has(r.code) ? 1 : 0,
    save: resistant ? (SAVE_RESISTANT[r.code] ?? 0) : (SAVE_FACTORS[r.group] ?? 1),
    pause: r.offerCodes.includes('pause') ? (r.code === 'temporary_absence' ? 6 : 1) : 0,
    open: closure ? 0 : 1,
    // Technical closures come only from the closure reasons, and those only from technical closures.
    closure: closure ? 1 : 0,
    debt: r.code === CATCH_ALL_REASON_CODE ? 1 : (DEBT_FACTORS[r.group] ?? 0),
  };
  return {
    code: r.code,
    group: r.group,
    managed: r.managed,
    impliesCompetitor: r.impliesCompetitor,
    offerCodes: r.offerCodes,
    phrases: LANGS.map((lang) => r.typicalPhrases.map((p) => p[lang]).filter((p) => p.length > 0)),
    serviceMask,
    weight: KINDS.map((k) => base * factor[k]),
  };
}

function sum(values: readonly number[]): number {
  let total = 0;
  for (const v of values) total += v;
  return total;
}

function two(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

function clock(secondOfDay: number): string {
  const h = Math.floor(secondOfDay / HOUR);
  const m = Math.floor((secondOfDay - h * HOUR) / MINUTE);
  return `${two(h)}:${two(m)}:${two(secondOfDay - h * HOUR - m * MINUTE)}`;
}

/** Escapes text for COPY's text format. */
function copyText(value: string): string {
  return /[\\\t\n\r]/.test(value)
    ? value.replace(/[\\\t\n\r]/g, (c) => (c === '\\' ? '\\\\' : c === '\t' ? '\\t' : c === '\n' ? '\\n' : '\\r'))
    : value;
}
