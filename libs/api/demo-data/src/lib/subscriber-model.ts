import { type ChurnKind, subscriptionEndReason } from '@retention/domain';
import { Calendar, calendarMonth } from './calendar';
import {
  DISLIKES_BY_SERVICE,
  FEMALE_FIRST_NAMES,
  GENERAL_DISLIKES,
  MALE_FIRST_NAMES,
  PRAISES,
  CSAT_COMMENTS_LOW,
  STREETS,
  SURNAMES,
  UA_CODES,
} from './names';
import { Rng, cumulative, streamSeed } from './prng';
import { BUNDLES, REGIONS, SERVICES, SERVICE_CABLE_TV, SERVICE_INTERNET, SERVICE_IPTV, SERVICE_MOBILE, SERVICE_TELEPHONY } from './reference-data';

/**
 * One subscriber's life over the history window, simulated from its own random stream, and the
 * COPY text rows (tab-separated, '\N' for NULL) of every table derived from it. Each table's rows
 * come from a stream of their own, so the data never depends on the order tables are written in.
 */

/** Database ids of the reference rows, by the indexes used in reference-data.ts. */
export interface ReferenceIds {
  regions: readonly string[];
  services: readonly string[];
  tariffs: readonly (readonly string[])[];
}

export interface Subscription {
  id: string;
  service: number;
  tier: number;
  /** Monthly fee in cents. */
  fee: number;
  start: number;
  /** Last day of service; NO_DAY while open. */
  end: number;
  endReason: string | null;
}

export type ContractType = 'month_to_month' | '12m' | '24m';
export type Status = 'active' | 'suspended' | 'disconnected';

export interface SubscriberPlan {
  index: number;
  id: string;
  connected: number;
  contract: ContractType;
  status: Status;
  disconnected: number;
  disconnectKind: ChurnKind | null;
  region: number;
  activity: number;
  /** Monthly fee in cents at the start of the window (or at connection). */
  initialFee: number;
  subscriptions: Subscription[];
  /** First day inside the history window. */
  from: number;
  /** Last active day: the disconnection date, or asOf. */
  to: number;
  payDay: number;
  /** Payments stop after this month (non-payers before disconnection, silent stoppers). */
  lastPaidMonth: number;
  /** Usage falls to nothing from this month (silent stoppers). */
  silentFromMonth: number;
  suspendedFrom: number;
  /** Usage declines from this month to fadeTarget by fadeToMonth. */
  fadeFromMonth: number;
  fadeToMonth: number;
  fadeTarget: number;
  /** On the way out (later churn, fading, silent, suspended): lower and falling survey scores. */
  atRisk: boolean;
  balance: number;
  subscriberRow: string;
}

export const NO_DAY = 2_000_000_000;

const STREAM_SUBSCRIBER = 1;
const STREAM_PAYMENTS = 2;
const STREAM_USAGE = 3;
const STREAM_SURVEYS = 4;
const STREAM_FEES = 5;
const STREAM_IDS = 6;

/** Base monthly disconnection probability, before the multipliers below. */
const BASE_HAZARD = 0.0085;
/**
 * Month-to-month contracts churn about twice as much as term contracts
 * (docs/methodology.md, "Lifetime ratings and value").
 */
const CONTRACT_HAZARD: Record<ContractType, number> = { month_to_month: 2, '12m': 1, '24m': 1 };
const NEW_SUBSCRIBER_HAZARD = 1.3;
/** Of the disconnections that are not for debt, the share that are technical closures (duplicate, merged or test accounts). */
const TECHNICAL_CLOSURE_SHARE = 0.02;

const CONTRACTS: readonly ContractType[] = ['month_to_month', '12m', '24m'];
const CONTRACT_WEIGHTS = cumulative([50, 30, 20]);
const TEMPERAMENTS = ['choleric', 'sanguine', 'melancholic', 'phlegmatic'] as const;
const TEMPERAMENT_WEIGHTS = cumulative([20, 30, 20, 30]);
const ACTIVITY = ['active', 'waiting', 'passive'] as const;
const ACTIVITY_WEIGHTS = cumulative([35, 40, 25]);
/** The passive ones quietly leave most (docs/methodology.md, "Handling people by temperament and activity"). */
const SILENT_STOP_CHANCE = [0.015, 0.04, 0.09];
const SURVEY_CHANCE = [0.36, 0.3, 0.21];
const REGION_WEIGHTS = cumulative(REGIONS.map((r) => r.weight));
const BUNDLE_WEIGHTS = cumulative(BUNDLES.map((b) => b.weight));
const TARIFF_WEIGHTS = SERVICES.map((s) => cumulative(s.tariffs.map((t) => t.weight)));
const SURVEY_COUNT_WEIGHTS = cumulative([50, 30, 20]);

const YEAR = 365.25;

export interface ModelOptions {
  seed: number;
  asOf: number;
  subscribers: number;
  ids: ReferenceIds;
}

export class SubscriberModel {
  readonly seed: number;
  readonly asOf: number;
  readonly asOfMonth: number;
  readonly windowStart: number;
  readonly windowStartMonth: number;
  readonly calendar: Calendar;
  private readonly ids: ReferenceIds;
  private readonly feeSample: Float64Array;
  private readonly idStride: number;
  private readonly idBase: number;
  private readonly accountOffset: number;
  private readonly contractHazard: number[];

  constructor(options: ModelOptions) {
    this.seed = options.seed;
    this.asOf = options.asOf;
    this.ids = options.ids;
    this.calendar = new Calendar(options.asOf - Math.ceil(11 * YEAR), options.asOf + 62);
    this.asOfMonth = this.calendar.monthOf(options.asOf);
    this.windowStartMonth = this.asOfMonth - 24;
    this.windowStart = this.calendar.monthStart(this.windowStartMonth);
    this.feeSample = this.sampleInitialFees(50_000);
    const idRng = new Rng(streamSeed(this.seed, STREAM_IDS, 0));
    this.idStride = Math.floor(2 ** 48 / (options.subscribers + 1));
    this.idBase = Math.floor(idRng.next() * (this.idStride / 4));
    this.accountOffset = idRng.int(0, 8_999_999);
    this.contractHazard = CONTRACTS.map((c) => CONTRACT_HAZARD[c]);
  }

  // ---------------------------------------------------------------------------------------------
  // Simulation
  // ---------------------------------------------------------------------------------------------

  simulate(index: number): SubscriberPlan {
    const rng = new Rng(streamSeed(this.seed, STREAM_SUBSCRIBER, index));
    const cal = this.calendar;
    const asOf = this.asOf;
    const id = rng.orderedUuid(this.idBase + index * this.idStride + Math.floor(rng.next() * (this.idStride / 2)));

    // Who they are.
    const region = rng.weighted(REGION_WEIGHTS);
    const female = rng.chance(0.5);
    const first = rng.pick(female ? FEMALE_FIRST_NAMES : MALE_FIRST_NAMES);
    const surname = rng.pick(SURNAMES)[female ? 1 : 0];
    const phone = rng.chance(0.8)
      ? `+380${rng.pick(UA_CODES)}${String(rng.int(0, 9_999_999)).padStart(7, '0')}`
      : `+79${String(rng.int(0, 99)).padStart(2, '0')}${String(rng.int(0, 9_999_999)).padStart(7, '0')}`;
    const city = rng.pick(REGIONS[region].cities);
    const street = rng.pick(STREETS);
    const house = rng.int(1, 160);
    const address = rng.chance(0.72)
      ? `${street} ${house}, flat ${rng.int(1, 220)}, ${city}`
      : `${street} ${house}, ${city}`;
    const contractIndex = rng.weighted(CONTRACT_WEIGHTS);
    const contract = CONTRACTS[contractIndex];
    const temperament = TEMPERAMENTS[rng.weighted(TEMPERAMENT_WEIGHTS)];
    const activity = rng.weighted(ACTIVITY_WEIGHTS);
    const payDay = rng.int(1, 28);

    // Connected over the last ten years, recent connections more frequent.
    const connected = asOf - Math.round(10 * YEAR * Math.pow(rng.next(), 1.5));
    const from = Math.max(connected, this.windowStart);

    // What they took at connection.
    const initial = drawBundle(rng, asOf - connected);
    let subIndex = 0;
    const newSubscription = (service: number, tier: number, fee: number, start: number): Subscription => ({
      id: rng.orderedUuid(index * this.idStride + Math.floor((this.idStride * (subIndex++ + 1)) / 16)),
      service,
      tier,
      fee,
      start,
      end: NO_DAY,
      endReason: null,
    });
    const subscriptions = initial.map((s) => newSubscription(s.service, s.tier, s.fee, connected));
    const initialFee = initial.reduce((sum, s) => sum + s.fee, 0);

    // Disconnection: a monthly hazard by contract, spend and tenure
    // (docs/methodology.md, "Lifetime ratings and value").
    const spend = 2.2 - 1.4 * this.feePercentile(initialFee);
    const hazard = BASE_HAZARD * this.contractHazard[contractIndex] * spend;
    const eligible = Math.max(from, connected + 14);
    let disconnected = NO_DAY;
    for (let m = cal.monthOf(eligible); m <= this.asOfMonth && eligible <= asOf; m++) {
      const lo = Math.max(cal.monthStart(m), eligible);
      const hi = Math.min(cal.monthEnd(m), asOf);
      if (hi < lo) continue;
      const tenureFactor = lo - connected < 183 ? NEW_SUBSCRIBER_HAZARD : 1;
      const exposure = (hi - lo + 1) / cal.daysIn(m);
      if (rng.next() < hazard * tenureFactor * exposure) {
        disconnected = rng.int(lo, hi);
        break;
      }
    }

    let status: Status = 'active';
    let disconnectKind: SubscriberPlan['disconnectKind'] = null;
    let lastPaidMonth = NO_DAY;
    let silentFromMonth = NO_DAY;
    let suspendedFrom = NO_DAY;
    let fadeFromMonth = NO_DAY;
    let fadeToMonth = NO_DAY;
    let fadeTarget = 1;
    let unpaidMonths = 0;
    const to = Math.min(disconnected, asOf);
    const fromMonth = cal.monthOf(from);

    if (disconnected !== NO_DAY) {
      status = 'disconnected';
      const dMonth = cal.monthOf(disconnected);
      if (disconnected - connected > 100 && rng.chance(0.2 + 0.3 * (spend - 0.8) / 1.4)) {
        disconnectKind = 'non_payment';
        unpaidMonths = rng.int(2, 3);
        lastPaidMonth = dMonth - unpaidMonths;
      } else {
        disconnectKind = rng.chance(TECHNICAL_CLOSURE_SHARE) ? 'technical' : 'voluntary';
        lastPaidMonth = dMonth;
        if (rng.chance(0.45) && dMonth - 2 >= fromMonth) {
          fadeFromMonth = dMonth - rng.int(1, 2);
          fadeToMonth = dMonth;
          fadeTarget = 0.3 + 0.4 * rng.next();
        }
      }
    } else {
      const roll = rng.next();
      if (roll < 0.025 && asOf - from > 180) {
        status = 'suspended';
        suspendedFrom = asOf - rng.int(20, 120);
      } else if (rng.chance(SILENT_STOP_CHANCE[activity])) {
        const k = rng.int(1, 4);
        if (this.asOfMonth - k - 2 >= fromMonth) {
          silentFromMonth = this.asOfMonth - k;
          unpaidMonths = k + (asOf - cal.monthStart(this.asOfMonth) + 1 >= payDay ? 1 : 0);
        }
      } else if (rng.chance(0.065)) {
        const k = rng.int(2, 5);
        if (this.asOfMonth - k - 2 >= fromMonth) {
          fadeFromMonth = this.asOfMonth - k;
          fadeToMonth = this.asOfMonth - 1;
          fadeTarget = 0.15 + 0.3 * rng.next();
        }
      }
    }
    const atRisk =
      status !== 'active' || silentFromMonth !== NO_DAY || (fadeFromMonth !== NO_DAY && disconnected === NO_DAY);

    // Tariff changes inside the window: downgrades, upgrades, dropped and added services.
    const eventsFrom = from + 30;
    const eventsTo = to - 15;
    if (eventsTo - eventsFrom > 30) {
      const events: { day: number; kind: number }[] = [];
      if (rng.chance(atRisk ? 0.16 : 0.08)) events.push({ day: rng.int(eventsFrom, eventsTo), kind: 0 });
      if (rng.chance(atRisk ? 0.03 : 0.07)) events.push({ day: rng.int(eventsFrom, eventsTo), kind: 1 });
      if (rng.chance(atRisk ? 0.18 : 0.09)) events.push({ day: rng.int(eventsFrom, eventsTo), kind: 2 });
      if (rng.chance(atRisk ? 0.02 : 0.05)) events.push({ day: rng.int(eventsFrom, eventsTo), kind: 3 });
      events.sort((a, b) => a.day - b.day || a.kind - b.kind);
      for (const event of events) {
        const open = subscriptions.filter((s) => s.end === NO_DAY && s.start < event.day);
        if (event.kind === 0 || event.kind === 1) {
          const down = event.kind === 0;
          const candidates = open.filter((s) => (down ? s.tier > 0 : s.tier < SERVICES[s.service].tariffs.length - 1));
          if (candidates.length === 0) continue;
          const old = rng.pick(candidates);
          const tier = down ? rng.int(0, old.tier - 1) : old.tier + 1;
          old.end = event.day;
          old.endReason = down ? 'downgrade' : 'upgrade';
          subscriptions.push(newSubscription(old.service, tier, SERVICES[old.service].tariffs[tier].price * 100, event.day + 1));
        } else if (event.kind === 2) {
          if (open.length < 2) continue;
          // Keep the main service (internet when there is one); drop one of the others.
          const main = open.find((s) => s.service === SERVICE_INTERNET) ?? open[0];
          const dropped = rng.pick(open.filter((s) => s !== main));
          dropped.end = event.day;
          dropped.endReason = 'dropped';
        } else {
          const have = new Set(subscriptions.filter((s) => s.end === NO_DAY).map((s) => s.service));
          if (have.size >= 3) continue;
          const service = rng.pick([SERVICE_IPTV, SERVICE_MOBILE, SERVICE_TELEPHONY, SERVICE_CABLE_TV].filter((s) => !have.has(s)));
          const tier = rng.weighted(TARIFF_WEIGHTS[service]);
          subscriptions.push(newSubscription(service, tier, SERVICES[service].tariffs[tier].price * 100, event.day));
        }
      }
    }

    if (disconnected !== NO_DAY) {
      for (const s of subscriptions) {
        if (s.end === NO_DAY) {
          s.end = disconnected;
          s.endReason = subscriptionEndReason(disconnectKind as ChurnKind);
        }
      }
    }

    // Balance, in cents: debts for those who stopped paying, small credits or arrears otherwise.
    const feeNow = feeOn(subscriptions, to);
    let balance: number;
    if (unpaidMonths > 0) balance = -feeNow * unpaidMonths;
    else if (status === 'disconnected') balance = rng.chance(0.1) ? Math.round(feeNow * 0.3 * rng.next() / 100) * 100 : 0;
    else if (status === 'suspended') balance = rng.chance(0.5) ? -Math.round((feeNow * 0.5 * rng.next()) / 100) * 100 : 0;
    else {
      const r = rng.next();
      balance = r < 0.55 ? 0 : r < 0.9 ? Math.round((feeNow * rng.next()) / 100) * 100 : -Math.round((feeNow * 0.5 * rng.next()) / 100) * 100;
    }

    const accountNumber = ((index * 7919 + this.accountOffset) % 9_000_000) + 1_000_000;
    const connectedText = cal.format(connected);
    const subscriberRow =
      `${id}\tA${accountNumber}\t${first} ${surname}\t${phone}\t${address}\t${this.ids.regions[region]}\t` +
      `${connectedText}\t${contract}\t${status}\t${disconnected === NO_DAY ? '\\N' : cal.format(disconnected)}\t` +
      `${disconnectKind ?? '\\N'}\t${temperament}\t${ACTIVITY[activity]}\t${money(balance)}\t${connectedText} 00:00:00+00\n`;

    return {
      index,
      id,
      connected,
      contract,
      status,
      disconnected,
      disconnectKind,
      region,
      activity,
      initialFee,
      subscriptions,
      from,
      to,
      payDay,
      lastPaidMonth: Math.min(lastPaidMonth, silentFromMonth - 1),
      silentFromMonth,
      suspendedFrom,
      fadeFromMonth,
      fadeToMonth,
      fadeTarget,
      atRisk,
      balance,
      subscriberRow,
    };
  }

  // ---------------------------------------------------------------------------------------------
  // Rows
  // ---------------------------------------------------------------------------------------------

  subscriptionRows(plan: SubscriberPlan): string {
    let out = '';
    for (const s of plan.subscriptions) {
      out +=
        `${s.id}\t${plan.id}\t${this.ids.services[s.service]}\t${this.ids.tariffs[s.service][s.tier]}\t${money(s.fee)}\t` +
        `${this.calendar.format(s.start)}\t${s.end === NO_DAY ? '\\N' : this.calendar.format(s.end)}\t${s.endReason ?? '\\N'}\n`;
    }
    return out;
  }

  /** Monthly payments of about the fee due, on the subscriber's usual day. Returns [rows, count]. */
  paymentRows(plan: SubscriberPlan): [string, number] {
    const rng = new Rng(streamSeed(this.seed, STREAM_PAYMENTS, plan.index));
    const cal = this.calendar;
    const connectedMonth = cal.monthOf(plan.connected);
    const lastMonth = Math.min(this.asOfMonth, plan.lastPaidMonth);
    let out = '';
    let count = 0;
    let carried = 0;
    for (let m = cal.monthOf(plan.from); m <= lastMonth; m++) {
      let day: number;
      if (m === connectedMonth) day = plan.connected;
      else {
        const start = cal.monthStart(m);
        day = Math.min(Math.max(start + plan.payDay - 1 + rng.int(-3, 3), start), cal.monthEnd(m));
      }
      if (day > plan.to || day >= plan.suspendedFrom) break;
      const due = feeOn(plan.subscriptions, day);
      if (due === 0) continue;
      // Now and then a month is skipped and paid together with the next one.
      if (carried === 0 && m < this.asOfMonth - 3 && m !== connectedMonth && rng.chance(0.02)) {
        carried = due;
        continue;
      }
      let amount = due + carried;
      carried = 0;
      if (rng.chance(0.05)) amount = Math.ceil(amount / 5000) * 5000;
      out += `${plan.id}\t${cal.format(day)}\t${money(amount)}\n`;
      count++;
    }
    return [out, count];
  }

  /** One row per service the subscriber had in each complete month. Returns [rows, count]. */
  usageRows(plan: SubscriberPlan): [string, number] {
    const rng = new Rng(streamSeed(this.seed, STREAM_USAGE, plan.index));
    const cal = this.calendar;
    const levels = SERVICES.map((s) => s.medianUsage * Math.exp(s.usageSpread * rng.normal()));
    const services = new Set<number>();
    for (const s of plan.subscriptions) services.add(s.service);
    const ordered = [...services].sort((a, b) => a - b);
    const lastDay = Math.min(plan.to, plan.suspendedFrom - 1);
    let out = '';
    let count = 0;
    for (const service of ordered) {
      const serviceId = this.ids.services[service];
      const spec = SERVICES[service];
      const subs = plan.subscriptions.filter((s) => s.service === service);
      for (let m = cal.monthOf(plan.from); m < this.asOfMonth; m++) {
        const lo = Math.max(cal.monthStart(m), plan.from);
        const hi = Math.min(cal.monthEnd(m), lastDay);
        if (hi < lo) continue;
        let days = 0;
        let bestDays = 0;
        let tier = 0;
        for (const s of subs) {
          const d = Math.min(hi, s.end) - Math.max(lo, s.start) + 1;
          if (d > 0) {
            days += d;
            if (d > bestDays) {
              bestDays = d;
              tier = s.tier;
            }
          }
        }
        if (days <= 0) continue;
        let amount: number;
        if (m >= plan.silentFromMonth) {
          amount = rng.chance(0.7) ? 0 : levels[service] * 0.03 * rng.next();
        } else {
          const noise = Math.max(0.05, 1 + 0.12 * rng.normal());
          amount =
            levels[service] *
            spec.tariffs[tier].usageFactor *
            seasonal(service, m, m - this.windowStartMonth) *
            fade(plan, m) *
            noise *
            (days / cal.daysIn(m));
        }
        const hundredths = service === SERVICE_TELEPHONY ? Math.round(amount) * 100 : Math.round(amount * 100);
        out += `${plan.id}\t${serviceId}\t${cal.format(cal.monthStart(m))}\t${money(hundredths)}\n`;
        count++;
      }
    }
    return [out, count];
  }

  /** The id of the subscriber's region. */
  regionId(plan: SubscriberPlan): string {
    return this.ids.regions[plan.region];
  }

  /**
   * NPS for about 30 % of subscribers (1 to 3 answers), some CSAT, each with the representative it counts
   * for on its day (`representativeOn`, the column representative_id). Returns [rows, count].
   */
  surveyRows(plan: SubscriberPlan, representativeOn: (day: number) => string | null): [string, number] {
    const rng = new Rng(streamSeed(this.seed, STREAM_SURVEYS, plan.index));
    const span = plan.to - plan.from;
    const person = rng.normal();
    // Falling scores for those on the way out (docs/methodology.md, "Early signs of hidden churn"), a steadier,
    // better mood otherwise.
    const meanAt = (day: number): number =>
      plan.atRisk ? 7.4 - 4 * (span > 0 ? (day - plan.from) / span : 1) + 0.8 * person : 8.3 + 0.8 * person;
    const answers: { day: number; row: string }[] = [];
    if (rng.chance(SURVEY_CHANCE[plan.activity])) {
      const n = span < 14 ? 1 : rng.weighted(SURVEY_COUNT_WEIGHTS) + 1;
      for (let i = 0; i < n; i++) {
        const day = plan.from + rng.int(0, span);
        const score = clamp(Math.round(meanAt(day) + 1.2 * rng.normal()), 0, 10);
        let comment: string | null = null;
        if (score <= 8) {
          comment = rng.chance(0.6) ? rng.pick(DISLIKES_BY_SERVICE[rng.pick(plan.subscriptions).service]) : rng.pick(GENERAL_DISLIKES);
        } else if (rng.chance(0.35)) {
          comment = rng.pick(PRAISES);
        }
        answers.push({ day, row: `nps\t${score}\t${this.calendar.format(day)}\t${comment ?? '\\N'}\n` });
      }
    }
    if (rng.chance(0.15)) {
      const n = span < 14 ? 1 : rng.int(1, 2);
      for (let i = 0; i < n; i++) {
        const day = plan.from + rng.int(0, span);
        const score = clamp(Math.round(1 + (meanAt(day) / 10) * 4 + 0.7 * rng.normal()), 1, 5);
        const comment = score <= 2 && rng.chance(0.7) ? rng.pick(CSAT_COMMENTS_LOW) : null;
        answers.push({ day, row: `csat\t${score}\t${this.calendar.format(day)}\t${comment ?? '\\N'}\n` });
      }
    }
    answers.sort((a, b) => a.day - b.day);
    let out = '';
    for (const a of answers) out += `${plan.id}\t${representativeOn(a.day) ?? '\\N'}\t${a.row}`;
    return [out, answers.length];
  }

  /**
   * A 48-bit id prefix inside subscriber `index`'s slice of the id space (fraction in [0, 1)), so that
   * rows of other tables derived from the subscriber (requests, say) also get append-only ids.
   */
  idPrefix(index: number, fraction: number): number {
    return index * this.idStride + Math.floor(this.idStride * fraction);
  }

  // ---------------------------------------------------------------------------------------------
  // Spend percentiles: the hazard needs to know where a fee sits in the base's distribution.
  // ---------------------------------------------------------------------------------------------

  private sampleInitialFees(n: number): Float64Array {
    const rng = new Rng(streamSeed(this.seed, STREAM_FEES, 0));
    const fees = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      const age = Math.round(10 * YEAR * Math.pow(rng.next(), 1.5));
      fees[i] = drawBundle(rng, age).reduce((sum, s) => sum + s.fee, 0);
    }
    return fees.sort();
  }

  /** Mid-rank percentile (0..1) of a monthly fee among sampled subscribers. */
  feePercentile(fee: number): number {
    const sample = this.feeSample;
    const below = lowerBound(sample, fee);
    const upTo = lowerBound(sample, fee + 0.5);
    return (below + upTo) / 2 / sample.length;
  }
}

/** Services, tariffs and fees (in cents) taken at connection; older contracts sometimes kept a discount. */
function drawBundle(rng: Rng, ageDays: number): { service: number; tier: number; fee: number }[] {
  const bundle = BUNDLES[rng.weighted(BUNDLE_WEIGHTS)].services;
  return bundle.map((service) => {
    const tier = rng.weighted(TARIFF_WEIGHTS[service]);
    const price = SERVICES[service].tariffs[tier].price;
    const discounted = ageDays > YEAR && rng.chance(0.15);
    const fee = discounted ? Math.round(price * (0.8 + 0.15 * rng.next())) : price;
    return { service, tier, fee: fee * 100 };
  });
}

/** Monthly fee in cents of the subscriptions running on `day`. */
export function feeOn(subscriptions: readonly Subscription[], day: number): number {
  let sum = 0;
  for (const s of subscriptions) if (s.start <= day && day <= s.end) sum += s.fee;
  return sum;
}

function fade(plan: SubscriberPlan, month: number): number {
  if (month < plan.fadeFromMonth) return 1;
  const length = plan.fadeToMonth - plan.fadeFromMonth + 1;
  const step = Math.min(month - plan.fadeFromMonth + 1, length);
  return 1 - ((1 - plan.fadeTarget) * step) / length;
}

/** Season and trend: more TV in winter, internet and mobile use growing, home phone declining. */
function seasonal(service: number, month: number, monthsIntoWindow: number): number {
  const cm = calendarMonth(month);
  const winter = cm === 12 || cm <= 2;
  const summer = cm >= 6 && cm <= 8;
  switch (service) {
    case SERVICE_CABLE_TV:
    case SERVICE_IPTV:
      return winter ? 1.15 : summer ? 0.82 : 1;
    case SERVICE_INTERNET:
      return (1 + 0.008 * monthsIntoWindow) * (winter ? 1.05 : summer ? 0.95 : 1);
    case SERVICE_MOBILE:
      return (1 + 0.01 * monthsIntoWindow) * (summer ? 1.1 : 1);
    default:
      return 1 - 0.012 * monthsIntoWindow;
  }
}

function lowerBound(sorted: Float64Array, value: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid] < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function clamp(value: number, min: number, max: number): number {
  return value < min ? min : value > max ? max : value;
}

/** Cents to a numeric literal: 45000 -> '450.00', -1250 -> '-12.50'. */
export function money(cents: number): string {
  const sign = cents < 0 ? '-' : '';
  const abs = Math.abs(cents);
  const units = Math.floor(abs / 100);
  const rest = abs - units * 100;
  return `${sign}${units}.${rest < 10 ? '0' : ''}${rest}`;
}
