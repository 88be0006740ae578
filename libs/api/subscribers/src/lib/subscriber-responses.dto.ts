import { ApiProperty, type ApiPropertyOptions, ApiSchema } from '@nestjs/swagger';
import {
  ActivitySegment, ContractType, DisconnectKind, LifetimeRating, NameTranslations, Page, PaymentView, SubscriberCard, SubscriberListItem, SubscriberStatus,
  ScoreTrend, SubscriptionView, SurveyAnswerView, Temperament, UsagePoint,
} from '@retention/contracts';

/** The OpenAPI shapes of the subscriber search and card (checked against the contracts by `implements`), with examples. */
@ApiSchema({ name: 'SubscriberListItem' })
export class SubscriberListItemDto implements SubscriberListItem {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() accountNumber!: string;
  @ApiProperty() fullName!: string;
  @ApiProperty() phone!: string;
  @ApiProperty() address!: string;
  @ApiProperty() regionCode!: string;
  @ApiProperty({ enum: SubscriberStatus }) status!: SubscriberStatus;
  @ApiProperty({ description: 'What the running services pay a month' }) monthlyRevenue!: number;
}

@ApiSchema({ name: 'SubscriberPage' })
export class SubscriberPageDto implements Page<SubscriberListItem> {
  @ApiProperty({ type: [SubscriberListItemDto] }) items!: SubscriberListItemDto[];
  @ApiProperty({ description: 'Matches counted up to 1,000' }) total!: number;
  @ApiProperty() limit!: number;
  @ApiProperty() offset!: number;
}

/** A reference name in Russian and Ukrainian (the English one is the plain name beside it). */
const NAMES = {
  type: 'object',
  properties: { ru: { type: 'string' }, uk: { type: 'string' } },
  additionalProperties: false,
  description: 'The name in Russian and Ukrainian, where given',
} as const;

@ApiSchema({ name: 'SubscriptionView' })
export class SubscriptionViewDto implements SubscriptionView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ description: 'Service code' }) service!: string;
  @ApiProperty() serviceName!: string;
  @ApiProperty(NAMES) serviceNames!: NameTranslations;
  @ApiProperty({ description: 'Tariff code' }) tariff!: string;
  @ApiProperty() tariffName!: string;
  @ApiProperty(NAMES) tariffNames!: NameTranslations;
  @ApiProperty() monthlyFee!: number;
  @ApiProperty({ description: 'YYYY-MM-DD' }) startedAt!: string;
  @ApiProperty({ type: String, nullable: true, description: 'YYYY-MM-DD, null while it runs' }) endedAt!: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'Why it ended: disconnected, non_payment, technical, downgrade, upgrade, dropped' }) endReason!: string | null;
}

@ApiSchema({ name: 'PaymentView' })
export class PaymentViewDto implements PaymentView {
  @ApiProperty({ description: 'YYYY-MM-DD' }) paidOn!: string;
  @ApiProperty() amount!: number;
}

@ApiSchema({ name: 'UsagePoint' })
export class UsagePointDto implements UsagePoint {
  @ApiProperty({ description: 'YYYY-MM' }) month!: string;
  @ApiProperty() service!: string;
  @ApiProperty() amount!: number;
  @ApiProperty({ description: 'GB, minutes, hours...' }) unit!: string;
}

@ApiSchema({ name: 'SurveyAnswerView' })
export class SurveyAnswerViewDto implements SurveyAnswerView {
  @ApiProperty({ enum: ['nps', 'csat'] }) kind!: 'nps' | 'csat';
  @ApiProperty() score!: number;
  @ApiProperty({ description: 'YYYY-MM-DD' }) answeredOn!: string;
  @ApiProperty({ type: String, nullable: true }) comment!: string | null;
  @ApiProperty({
    type: 'object', nullable: true, properties: { id: { type: 'string', format: 'uuid' }, displayName: { type: 'string' } }, required: ['id', 'displayName'],
    description: "Whom the answer counts for: the subscriber's representative when it was given (null: nobody then)",
  })
  representative!: { id: string; displayName: string } | null;
}

/** A score trend, inline so that it may be null (a $ref beside nullable is not valid OpenAPI 3.0). */
const SCORE_TREND = (kind: string): ApiPropertyOptions => ({
  type: 'object',
  nullable: true,
  description: `Null with fewer than two ${kind} answers`,
  properties: {
    direction: { type: 'string', enum: ['rising', 'falling', 'steady'] },
    latest: { type: 'number', description: 'The latest score' },
    before: { type: 'number', description: 'The mean of the (at most three) scores before it' },
    change: { type: 'number', description: 'latest − before' },
    beforeCount: { type: 'integer', description: 'How many scores `before` averages' },
  },
  required: ['direction', 'latest', 'before', 'change', 'beforeCount'],
});

@ApiSchema({ name: 'SubscriberScoreTrend' })
export class SubscriberScoreTrendDto {
  @ApiProperty(SCORE_TREND('NPS')) nps!: ScoreTrend | null;
  @ApiProperty(SCORE_TREND('CSAT')) csat!: ScoreTrend | null;
}

@ApiSchema({ name: 'SubscriberCard' })
export class SubscriberCardDto implements SubscriberCard {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() accountNumber!: string;
  @ApiProperty() fullName!: string;
  @ApiProperty() phone!: string;
  @ApiProperty() address!: string;
  @ApiProperty() regionCode!: string;
  @ApiProperty() regionName!: string;
  @ApiProperty(NAMES) regionNames!: NameTranslations;
  @ApiProperty({ description: 'YYYY-MM-DD' }) connectedOn!: string;
  @ApiProperty({ enum: ContractType }) contractType!: ContractType;
  @ApiProperty({ enum: SubscriberStatus }) status!: SubscriberStatus;
  @ApiProperty({ type: String, nullable: true, description: 'YYYY-MM-DD' }) disconnectedOn!: string | null;
  @ApiProperty({ type: String, enum: [...Object.values(DisconnectKind), null], nullable: true }) disconnectKind!: DisconnectKind | null;
  @ApiProperty({ enum: Temperament }) temperament!: Temperament;
  @ApiProperty({ enum: ActivitySegment }) activitySegment!: ActivitySegment;
  @ApiProperty({ type: String, nullable: true, description: 'Who last recorded or corrected the segment (null while only the data load set it)' }) segmentChangedBy!: string | null;
  @ApiProperty({ type: String, nullable: true, format: 'date-time', description: 'When the segment was last recorded or corrected' }) segmentChangedAt!: string | null;
  @ApiProperty() balance!: number;
  @ApiProperty() tenureMonths!: number;
  @ApiProperty({ enum: LifetimeRating }) lifetimeRating!: LifetimeRating;
  @ApiProperty() isNewSubscriber!: boolean;
  @ApiProperty() monthlyRevenue!: number;
  @ApiProperty({ type: [SubscriptionViewDto] }) subscriptions!: SubscriptionViewDto[];
  @ApiProperty({ type: [PaymentViewDto] }) payments!: PaymentViewDto[];
  @ApiProperty({ type: [UsagePointDto] }) usage!: UsagePointDto[];
  @ApiProperty({ type: [SurveyAnswerViewDto] }) surveys!: SurveyAnswerViewDto[];
  @ApiProperty({ type: Number, nullable: true, description: "NPS over this subscriber's answers, null without any" }) nps!: number | null;
  @ApiProperty({ type: SubscriberScoreTrendDto, description: 'Which way their NPS and CSAT scores move: the latest against the mean of the three before it' })
  scoreTrend!: SubscriberScoreTrendDto;
}

const ITEM: SubscriberListItem = {
  id: '0b6f3c52-41d4-4a7e-9c55-2f0d6f8e1a10',
  accountNumber: 'A1234567',
  fullName: 'Ivan Kovalenko',
  phone: '+380 44 123 45 67',
  address: 'Kyiv, Khreshchatyk 22, apt 5',
  regionCode: 'KYV',
  status: SubscriberStatus.Active,
  monthlyRevenue: 23.5,
};

export const SUBSCRIBER_PAGE_EXAMPLE: Page<SubscriberListItem> = { items: [ITEM], total: 1, limit: 25, offset: 0 };

export const SUBSCRIBER_CARD_EXAMPLE: SubscriberCard = {
  ...ITEM,
  regionName: 'Kyiv',
  regionNames: { ru: 'Киев', uk: 'Київ' },
  connectedOn: '2022-03-14',
  contractType: ContractType.Months12,
  disconnectedOn: null,
  disconnectKind: null,
  temperament: Temperament.Sanguine,
  activitySegment: ActivitySegment.Active,
  segmentChangedBy: null,
  segmentChangedAt: null,
  balance: 12.4,
  tenureMonths: 44,
  lifetimeRating: LifetimeRating.Good,
  isNewSubscriber: false,
  subscriptions: [
    {
      id: '6a1d2f0e-8c3b-4f5a-b2d4-7e9f0a1b2c3d', service: 'internet', serviceName: 'Home internet',
      serviceNames: { ru: 'Домашний интернет', uk: 'Домашній інтернет' }, tariff: 'inet_100', tariffName: 'Internet 100', tariffNames: {},
      monthlyFee: 15.5, startedAt: '2022-03-14', endedAt: null, endReason: null,
    },
    {
      id: '9c8b7a6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d', service: 'iptv', serviceName: 'IP TV',
      serviceNames: { ru: 'IP-телевидение', uk: 'IP-телебачення' }, tariff: 'tv_basic', tariffName: 'TV Basic', tariffNames: {},
      monthlyFee: 8, startedAt: '2023-01-02', endedAt: null, endReason: null,
    },
  ],
  payments: [{ paidOn: '2026-11-03', amount: 23.5 }],
  usage: [{ month: '2026-10', service: 'internet', amount: 312.4, unit: 'GB' }],
  surveys: [
    { kind: 'nps', score: 9, answeredOn: '2026-06-20', comment: 'Fast and stable', representative: { id: '3f1c2b4a-5d6e-4f70-8a9b-0c1d2e3f4a5b', displayName: 'Olena Kovalenko' } },
    { kind: 'nps', score: 10, answeredOn: '2025-12-02', comment: null, representative: null },
  ],
  nps: 100,
  scoreTrend: { nps: { direction: 'falling', latest: 9, before: 10, change: -1, beforeCount: 1 }, csat: null },
};
