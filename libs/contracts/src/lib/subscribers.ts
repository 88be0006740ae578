import type { NameTranslations } from './reference';
export enum ContractType {
  MonthToMonth = 'month_to_month',
  Months12 = '12m',
  Months24 = '24m',
}

export enum SubscriberStatus {
  Active = 'active',
  Suspended = 'suspended',
  Disconnected = 'disconnected',
}

/** How a subscriber left: kept apart everywhere (voluntary, non-payment, and technical closures, which are not churn). */
export enum DisconnectKind {
  Voluntary = 'voluntary',
  NonPayment = 'non_payment',
  Technical = 'technical',
}

/**
 * Temperament, given to the operator up front with handling advice
 * (docs/methodology.md, "Handling people by temperament and activity").
 */
export enum Temperament {
  Choleric = 'choleric',
  Sanguine = 'sanguine',
  Melancholic = 'melancholic',
  Phlegmatic = 'phlegmatic',
}

export enum ActivitySegment {
  Active = 'active',
  Waiting = 'waiting',
  Passive = 'passive',
}

export enum LifetimeRating {
  Poor = 'poor',
  Fair = 'fair',
  Good = 'good',
  Excellent = 'excellent',
}

export enum NpsBand {
  Bad = 'bad',
  NeedsImprovement = 'needs_improvement',
  Good = 'good',
  Excellent = 'excellent',
}

export interface Page<T> {
  items: T[];
  total: number;
  limit: number;
  offset: number;
}

export interface SubscriberListItem {
  id: string;
  accountNumber: string;
  fullName: string;
  phone: string;
  address: string;
  regionCode: string;
  status: SubscriberStatus;
  monthlyRevenue: number;
}

export interface SubscriptionView {
  id: string;
  service: string;
  serviceName: string;
  serviceNames: NameTranslations;
  tariff: string;
  tariffName: string;
  tariffNames: NameTranslations;
  monthlyFee: number;
  startedAt: string;
  endedAt: string | null;
  /** Why it ended: disconnected, non_payment, technical, downgrade, upgrade, dropped. */
  endReason: string | null;
}

export interface PaymentView {
  paidOn: string;
  amount: number;
}

export interface UsagePoint {
  month: string;
  service: string;
  amount: number;
  unit: string;
}

export interface SurveyAnswerView {
  kind: 'nps' | 'csat';
  score: number;
  answeredOn: string;
  comment: string | null;
  /** Whom the answer counts for: the subscriber's representative when it was given (null: nobody then). */
  representative: { id: string; displayName: string } | null;
}

/** Which way a subscriber's scores move: the latest against the ones before it (libs/domain `scoreTrend`). */
export type ScoreTrendDirection = 'rising' | 'falling' | 'steady';

export interface ScoreTrend {
  direction: ScoreTrendDirection;
  /** The latest score. */
  latest: number;
  /** The mean of the (at most three) scores before it, to one decimal. */
  before: number;
  /** latest − before, to one decimal. */
  change: number;
  /** How many scores `before` averages. */
  beforeCount: number;
}

export interface SubscriberCard {
  id: string;
  accountNumber: string;
  fullName: string;
  phone: string;
  address: string;
  regionCode: string;
  regionName: string;
  regionNames: NameTranslations;
  connectedOn: string;
  contractType: ContractType;
  status: SubscriberStatus;
  disconnectedOn: string | null;
  disconnectKind: DisconnectKind | null;
  temperament: Temperament;
  activitySegment: ActivitySegment;
  /** Who last recorded or corrected the segment, and when (null while only the data load set it). */
  segmentChangedBy: string | null;
  segmentChangedAt: string | null;
  balance: number;
  tenureMonths: number;
  lifetimeRating: LifetimeRating;
  isNewSubscriber: boolean;
  monthlyRevenue: number;
  subscriptions: SubscriptionView[];
  payments: PaymentView[];
  usage: UsagePoint[];
  surveys: SurveyAnswerView[];
  /** NPS over this subscriber's answers, null without any. */
  nps: number | null;
  /** The trend of their NPS and CSAT scores, each null with fewer than two answers of its kind. */
  scoreTrend: { nps: ScoreTrend | null; csat: ScoreTrend | null };
}

/** `PUT /api/subscribers/:id/segment`: the temperament and activity segment as staff judged them (audited). */
export interface SetSegmentRequest {
  temperament: Temperament;
  activitySegment: ActivitySegment;
  /** Why (what the subscriber said or did), up to 500 characters. */
  note?: string;
}
