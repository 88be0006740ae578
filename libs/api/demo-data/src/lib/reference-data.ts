/**
 * The fictional operator the demo runs on: its regions, services, tariffs, and the competitors met
 * in each region. Constant by design (only ids and small competitor price variations come from the
 * seed), so that screenshots, documentation and tests can name them.
 */

export interface RegionSpec {
  code: string;
  name: string;
  /** Share of the subscriber base. */
  weight: number;
  cities: readonly string[];
}

export const REGIONS: readonly RegionSpec[] = [
  { code: 'centre', name: 'Centre', weight: 28, cities: ['Midvale', 'Oakford', 'Greenhill'] },
  { code: 'north', name: 'North', weight: 16, cities: ['Northport', 'Pinewood', 'Cedar Falls'] },
  { code: 'south', name: 'South', weight: 18, cities: ['Southbay', 'Sunnydale', 'Vineyard'] },
  { code: 'east', name: 'East', weight: 16, cities: ['Eastfield', 'Steelton', 'Coalbrook'] },
  { code: 'west', name: 'West', weight: 14, cities: ['Westmoor', 'Hillcrest', 'Stonebridge'] },
  { code: 'coast', name: 'Coast', weight: 8, cities: ['Portmere', 'Saltwick'] },
];

export const SERVICE_INTERNET = 0;
export const SERVICE_CABLE_TV = 1;
export const SERVICE_IPTV = 2;
export const SERVICE_TELEPHONY = 3;
export const SERVICE_MOBILE = 4;

export interface TariffSpec {
  code: string;
  name: string;
  price: number;
  speedMbps: number | null;
  channels: number | null;
  /** How often new subscribers choose it among the service's tariffs. */
  weight: number;
  /** Usage relative to the service's typical subscriber (faster tariffs are used more). */
  usageFactor: number;
}

export interface ServiceSpec {
  code: string;
  name: string;
  usageUnit: string;
  /** Median monthly usage of a typical subscriber, in usageUnit. */
  medianUsage: number;
  /** Spread of usage between subscribers (sigma of a log-normal). */
  usageSpread: number;
  tariffs: readonly TariffSpec[];
}

export const SERVICES: readonly ServiceSpec[] = [
  {
    code: 'internet',
    name: 'Home internet',
    usageUnit: 'GB',
    medianUsage: 140,
    usageSpread: 0.6,
    tariffs: [
      { code: 'internet_start_100', name: 'Start 100', price: 250, speedMbps: 100, channels: null, weight: 24, usageFactor: 0.7 },
      { code: 'internet_home_300', name: 'Home 300', price: 450, speedMbps: 300, channels: null, weight: 38, usageFactor: 1 },
      { code: 'internet_turbo_600', name: 'Turbo 600', price: 750, speedMbps: 600, channels: null, weight: 26, usageFactor: 1.3 },
      { code: 'internet_giga_1000', name: 'Giga 1000', price: 1200, speedMbps: 1000, channels: null, weight: 12, usageFactor: 1.6 },
    ],
  },
  {
    code: 'cable_tv',
    name: 'Cable TV',
    usageUnit: 'hours',
    medianUsage: 85,
    usageSpread: 0.45,
    tariffs: [
      { code: 'cable_tv_basic', name: 'Cable Basic', price: 150, speedMbps: null, channels: 60, weight: 40, usageFactor: 0.9 },
      { code: 'cable_tv_standard', name: 'Cable Standard', price: 250, speedMbps: null, channels: 120, weight: 40, usageFactor: 1 },
      { code: 'cable_tv_premium', name: 'Cable Premium', price: 400, speedMbps: null, channels: 200, weight: 20, usageFactor: 1.15 },
    ],
  },
  {
    code: 'iptv',
    name: 'IPTV',
    usageUnit: 'hours',
    medianUsage: 75,
    usageSpread: 0.5,
    tariffs: [
      { code: 'iptv_light', name: 'IPTV Light', price: 180, speedMbps: null, channels: 100, weight: 35, usageFactor: 0.9 },
      { code: 'iptv_optimal', name: 'IPTV Optimal', price: 300, speedMbps: null, channels: 180, weight: 40, usageFactor: 1 },
      { code: 'iptv_max', name: 'IPTV Max', price: 450, speedMbps: null, channels: 250, weight: 18, usageFactor: 1.1 },
      { code: 'iptv_cinema', name: 'IPTV Cinema+', price: 600, speedMbps: null, channels: 300, weight: 7, usageFactor: 1.25 },
    ],
  },
  {
    code: 'telephony',
    name: 'Home phone',
    usageUnit: 'minutes',
    medianUsage: 110,
    usageSpread: 0.8,
    tariffs: [
      { code: 'telephony_basic', name: 'Phone Basic', price: 80, speedMbps: null, channels: null, weight: 45, usageFactor: 0.6 },
      { code: 'telephony_city', name: 'Phone City Unlimited', price: 150, speedMbps: null, channels: null, weight: 35, usageFactor: 1 },
      { code: 'telephony_country', name: 'Phone Country Unlimited', price: 250, speedMbps: null, channels: null, weight: 20, usageFactor: 1.6 },
    ],
  },
  {
    code: 'mobile',
    name: 'Mobile',
    usageUnit: 'GB',
    medianUsage: 9,
    usageSpread: 0.7,
    tariffs: [
      { code: 'mobile_s', name: 'Mobile S (10 GB)', price: 200, speedMbps: null, channels: null, weight: 35, usageFactor: 0.6 },
      { code: 'mobile_m', name: 'Mobile M (30 GB)', price: 350, speedMbps: null, channels: null, weight: 45, usageFactor: 1 },
      { code: 'mobile_unlimited', name: 'Mobile Unlimited', price: 550, speedMbps: null, channels: null, weight: 20, usageFactor: 1.8 },
    ],
  },
];

export interface CompetitorTariffSpec {
  service: number;
  name: string;
  /** Price relative to the operator's tariff of the same tier (below 1: cheaper). */
  priceFactor: number;
  /** Which of our tariffs (by index) it is compared with. */
  comparableTier: number;
  speedMbps?: number;
  channels?: number;
}

export interface CompetitorSpec {
  code: string;
  name: string;
  strengths: string;
  weaknesses: string;
  regions: readonly string[];
  tariffs: readonly CompetitorTariffSpec[];
}

export const COMPETITORS: readonly CompetitorSpec[] = [
  {
    code: 'fastnet',
    name: 'FastNet',
    strengths:
      'Cheaper entry tariffs; the first three months at half price for new customers; connection within 48 hours.',
    weaknesses:
      'Evening slowdowns in apartment blocks; support by chat only; prices rise after the promotion ends; router rental is paid.',
    regions: ['centre', 'north', 'east', 'coast'],
    tariffs: [
      { service: SERVICE_INTERNET, name: 'FastNet 200', priceFactor: 0.88, comparableTier: 0, speedMbps: 200 },
      { service: SERVICE_INTERNET, name: 'FastNet 500', priceFactor: 0.92, comparableTier: 1, speedMbps: 500 },
      { service: SERVICE_INTERNET, name: 'FastNet 1000', priceFactor: 0.95, comparableTier: 2, speedMbps: 1000 },
    ],
  },
  {
    code: 'skylink_tv',
    name: 'SkyLink TV',
    strengths:
      'Satellite TV available anywhere, private houses included; more channels, premium sports and films; many HD and 4K channels.',
    weaknesses:
      'Dish and receiver to buy and install; picture drops in heavy rain or snow; no internet and no bundle discount; no catch-up TV.',
    regions: ['centre', 'north', 'south', 'east', 'west', 'coast'],
    tariffs: [
      { service: SERVICE_CABLE_TV, name: 'SkyLink Basic', priceFactor: 1.1, comparableTier: 0, channels: 150 },
      { service: SERVICE_CABLE_TV, name: 'SkyLink Sport', priceFactor: 1.2, comparableTier: 1, channels: 220 },
      { service: SERVICE_IPTV, name: 'SkyLink Cinema & Sport', priceFactor: 1.05, comparableTier: 2, channels: 300 },
    ],
  },
  {
    code: 'citycom',
    name: 'CityCom',
    strengths:
      'The best-known brand; internet, IPTV and home phone bundles with 15% off; a large network of offices.',
    weaknesses:
      'Old copper lines in many districts (up to 100 Mbps there); repairs take 3 to 5 days; prices go up every January.',
    regions: ['centre', 'south', 'west', 'east'],
    tariffs: [
      { service: SERVICE_INTERNET, name: 'CityCom Home 100', priceFactor: 0.96, comparableTier: 0, speedMbps: 100 },
      { service: SERVICE_INTERNET, name: 'CityCom Fiber 500', priceFactor: 1.05, comparableTier: 2, speedMbps: 500 },
      { service: SERVICE_IPTV, name: 'CityCom TV 150', priceFactor: 0.9, comparableTier: 1, channels: 150 },
      { service: SERVICE_TELEPHONY, name: 'CityCom Phone', priceFactor: 0.85, comparableTier: 1 },
    ],
  },
  {
    code: 'mobiwave',
    name: 'MobiWave',
    strengths:
      'Cheap mobile data and family plans; 4G/5G home internet with no cable and no installation visit.',
    weaknesses:
      'Home internet speed varies with network load; data caps on the cheaper plans; weak indoor coverage in the suburbs.',
    regions: ['centre', 'north', 'south', 'east', 'west', 'coast'],
    tariffs: [
      { service: SERVICE_MOBILE, name: 'MobiWave Smart 20 GB', priceFactor: 0.85, comparableTier: 0 },
      { service: SERVICE_MOBILE, name: 'MobiWave Unlimited', priceFactor: 0.9, comparableTier: 2 },
      { service: SERVICE_INTERNET, name: 'MobiWave Home 5G', priceFactor: 0.8, comparableTier: 1, speedMbps: 150 },
    ],
  },
  {
    code: 'novafiber',
    name: 'NovaFiber',
    strengths:
      'Fibre to the flat up to 1 Gbps with symmetric speeds; the fastest tier cheaper than ours; modern IPTV with catch-up.',
    weaknesses:
      'Only in new residential districts; two to four weeks to connect; a young company with a small support team.',
    regions: ['centre', 'south'],
    tariffs: [
      { service: SERVICE_INTERNET, name: 'NovaFiber 500', priceFactor: 0.95, comparableTier: 1, speedMbps: 500 },
      { service: SERVICE_INTERNET, name: 'NovaFiber 1000', priceFactor: 0.82, comparableTier: 3, speedMbps: 1000 },
      { service: SERVICE_IPTV, name: 'NovaFiber TV', priceFactor: 0.92, comparableTier: 1, channels: 200 },
    ],
  },
];

/**
 * Bundles new subscribers take at connection (service indexes), with weights: internet is the most
 * common, TV bundles are common, phone and mobile are extras.
 */
export const BUNDLES: readonly { services: readonly number[]; weight: number }[] = [
  { services: [SERVICE_INTERNET], weight: 29 },
  { services: [SERVICE_INTERNET, SERVICE_IPTV], weight: 15 },
  { services: [SERVICE_INTERNET, SERVICE_CABLE_TV], weight: 12 },
  { services: [SERVICE_CABLE_TV], weight: 10 },
  { services: [SERVICE_INTERNET, SERVICE_MOBILE], weight: 8 },
  { services: [SERVICE_INTERNET, SERVICE_TELEPHONY], weight: 4 },
  { services: [SERVICE_INTERNET, SERVICE_IPTV, SERVICE_TELEPHONY], weight: 5 },
  { services: [SERVICE_INTERNET, SERVICE_CABLE_TV, SERVICE_TELEPHONY], weight: 5 },
  { services: [SERVICE_INTERNET, SERVICE_IPTV, SERVICE_MOBILE], weight: 5 },
  { services: [SERVICE_TELEPHONY], weight: 3 },
  { services: [SERVICE_MOBILE], weight: 2 },
  { services: [SERVICE_CABLE_TV, SERVICE_TELEPHONY], weight: 2 },
];

/**
 * The Russian and Ukrainian names of the demo's regions, services and tariffs, by code (the `names` column;
 * competitors are brands and keep their one name).
 */
export const NAME_TRANSLATIONS: Readonly<Record<'region' | 'service' | 'tariff', Readonly<Record<string, { ru: string; uk: string }>>>> = {
  region: {
    centre: { ru: 'Центр', uk: 'Центр' },
    north: { ru: 'Север', uk: 'Північ' },
    south: { ru: 'Юг', uk: 'Південь' },
    east: { ru: 'Восток', uk: 'Схід' },
    west: { ru: 'Запад', uk: 'Захід' },
    coast: { ru: 'Побережье', uk: 'Узбережжя' },
  },
  service: {
    internet: { ru: 'Домашний интернет', uk: 'Домашній інтернет' },
    cable_tv: { ru: 'Кабельное ТВ', uk: 'Кабельне ТБ' },
    iptv: { ru: 'IPTV', uk: 'IPTV' },
    telephony: { ru: 'Домашний телефон', uk: 'Домашній телефон' },
    mobile: { ru: 'Мобильная связь', uk: 'Мобільний зв’язок' },
  },
  tariff: {
    internet_start_100: { ru: 'Старт 100', uk: 'Старт 100' },
    internet_home_300: { ru: 'Домашний 300', uk: 'Домашній 300' },
    internet_turbo_600: { ru: 'Турбо 600', uk: 'Турбо 600' },
    internet_giga_1000: { ru: 'Гига 1000', uk: 'Гіга 1000' },
    cable_tv_basic: { ru: 'Кабельный Базовый', uk: 'Кабельний Базовий' },
    cable_tv_standard: { ru: 'Кабельный Стандарт', uk: 'Кабельний Стандарт' },
    cable_tv_premium: { ru: 'Кабельный Премиум', uk: 'Кабельний Преміум' },
    iptv_light: { ru: 'IPTV Лайт', uk: 'IPTV Лайт' },
    iptv_optimal: { ru: 'IPTV Оптимальный', uk: 'IPTV Оптимальний' },
    iptv_max: { ru: 'IPTV Макс', uk: 'IPTV Макс' },
    iptv_cinema: { ru: 'IPTV Кино+', uk: 'IPTV Кіно+' },
    telephony_basic: { ru: 'Телефон Базовый', uk: 'Телефон Базовий' },
    telephony_city: { ru: 'Телефон Город без ограничений', uk: 'Телефон Місто без обмежень' },
    telephony_country: { ru: 'Телефон Страна без ограничений', uk: 'Телефон Країна без обмежень' },
    mobile_s: { ru: 'Мобильный S (10 ГБ)', uk: 'Мобільний S (10 ГБ)' },
    mobile_m: { ru: 'Мобильный M (30 ГБ)', uk: 'Мобільний M (30 ГБ)' },
    mobile_unlimited: { ru: 'Мобильный безлимит', uk: 'Мобільний безліміт' },
  },
};
