import type { OfferDefinition } from './offers';

const base = { discountPercent: null, months: null, monthlyCost: 0, oneOffCost: 0, minTenureMonths: 0, minMonthlyRevenue: 0, reasonCodes: null };

/**
 * The shipped offer catalogue. Costs are in the operator's currency on the demo's scale
 * (internet 250–1200 a month); managers change them in the console.
 */
export const DEFAULT_OFFERS: readonly OfferDefinition[] = [
  {
    ...base, code: 'pause', kind: 'pause', months: 3, monthlyCost: 15,
    title: { en: 'Pause instead of disconnecting', ru: 'Пауза вместо отключения', uk: 'Пауза замість відключення' },
    description: {
      en: 'Suspend the services for up to 3 months at a symbolic fee; the account, number and tariff stay.',
      ru: 'Приостановка услуг до 3 месяцев за символическую плату; договор, номер и тариф сохраняются.',
      uk: 'Призупинення послуг до 3 місяців за символічну плату; договір, номер і тариф зберігаються.',
    },
  },
  {
    ...base, code: 'discount_10_3m', kind: 'discount', discountPercent: 10, months: 3,
    title: { en: '10% off for 3 months', ru: 'Скидка 10% на 3 месяца', uk: 'Знижка 10% на 3 місяці' },
    description: { en: 'Ten percent off the monthly fee for three months.', ru: 'Минус 10% от абонплаты на три месяца.', uk: 'Мінус 10% від абонплати на три місяці.' },
  },
  {
    ...base, code: 'discount_20_3m', kind: 'discount', discountPercent: 20, months: 3, minTenureMonths: 6,
    title: { en: '20% off for 3 months', ru: 'Скидка 20% на 3 месяца', uk: 'Знижка 20% на 3 місяці' },
    description: { en: 'Twenty percent off the monthly fee for three months; from 6 months of tenure.', ru: 'Минус 20% от абонплаты на три месяца; для абонентов от 6 месяцев.', uk: 'Мінус 20% від абонплати на три місяці; для абонентів від 6 місяців.' },
  },
  {
    ...base, code: 'discount_30_6m', kind: 'discount', discountPercent: 30, months: 6, minTenureMonths: 12, minMonthlyRevenue: 300,
    title: { en: '30% off for 6 months', ru: 'Скидка 30% на 6 месяцев', uk: 'Знижка 30% на 6 місяців' },
    description: { en: 'For loyal, valuable subscribers: thirty percent off for six months.', ru: 'Для лояльных и ценных абонентов: минус 30% на полгода.', uk: 'Для лояльних і цінних абонентів: мінус 30% на пів року.' },
  },
  {
    ...base, code: 'tariff_upgrade', kind: 'tariff_change', months: 3, monthlyCost: 40,
    title: { en: 'Upgrade at the current price', ru: 'Тариф выше по текущей цене', uk: 'Вищий тариф за поточною ціною' },
    description: { en: 'The next tariff up (more speed or channels) for three months at the current price.', ru: 'Следующий тариф (больше скорость или каналов) на три месяца по текущей цене.', uk: 'Наступний тариф (більша швидкість чи канали) на три місяці за поточною ціною.' },
  },
  {
    ...base, code: 'tariff_downgrade', kind: 'tariff_change',
    title: { en: 'Move to a cheaper tariff', ru: 'Переход на более дешёвый тариф', uk: 'Перехід на дешевший тариф' },
    description: { en: 'Keep the subscriber on a cheaper tariff that fits the budget instead of losing all the revenue.', ru: 'Оставить абонента на тарифе по карману вместо потери всего дохода.', uk: 'Залишити абонента на тарифі по кишені замість втрати всього доходу.' },
  },
  {
    ...base, code: 'extra_service', kind: 'extra_service', months: 3, monthlyCost: 35,
    title: { en: 'Extra service free for 3 months', ru: 'Дополнительная услуга бесплатно на 3 месяца', uk: 'Додаткова послуга безкоштовно на 3 місяці' },
    description: { en: 'A TV package, a static IP or antivirus free for three months.', ru: 'Пакет ТВ, статический IP или антивирус бесплатно на три месяца.', uk: 'Пакет ТБ, статична IP-адреса чи антивірус безкоштовно на три місяці.' },
  },
  {
    ...base, code: 'equipment_swap', kind: 'equipment', oneOffCost: 1200,
    title: { en: 'New router or set-top box', ru: 'Замена роутера или приставки', uk: 'Заміна роутера чи приставки' },
    description: { en: 'Swap the old equipment for a current model at no charge.', ru: 'Бесплатная замена старого оборудования на актуальную модель.', uk: 'Безкоштовна заміна старого обладнання на актуальну модель.' },
  },
  {
    ...base, code: 'equipment_rent_waiver', kind: 'equipment', months: 6, monthlyCost: 50,
    title: { en: 'No equipment rent for 6 months', ru: 'Без аренды оборудования 6 месяцев', uk: 'Без оренди обладнання 6 місяців' },
    description: { en: 'Stop charging rent for the router or set-top box for six months.', ru: 'Не брать плату за аренду роутера или приставки полгода.', uk: 'Не брати плату за оренду роутера чи приставки пів року.' },
  },
  {
    ...base, code: 'technician_visit', kind: 'technician_visit', oneOffCost: 350,
    title: { en: 'Priority technician visit', ru: 'Приоритетный выезд мастера', uk: 'Пріоритетний виїзд майстра' },
    description: { en: 'A technician within 24 hours to fix the line, the Wi-Fi or the TV picture.', ru: 'Мастер в течение 24 часов: линия, Wi-Fi или изображение ТВ.', uk: 'Майстер протягом 24 годин: лінія, Wi-Fi чи зображення ТБ.' },
  },
  {
    ...base, code: 'service_move', kind: 'service_move', oneOffCost: 600,
    title: { en: 'Free move to the new address', ru: 'Бесплатный перенос на новый адрес', uk: 'Безкоштовне перенесення на нову адресу' },
    description: { en: 'Move the services to the new address in the coverage area without a connection fee.', ru: 'Перенос услуг на новый адрес в зоне покрытия без платы за подключение.', uk: 'Перенесення послуг на нову адресу в зоні покриття без плати за підключення.' },
  },
  {
    ...base, code: 'loyalty_bonus', kind: 'loyalty_bonus', oneOffCost: 200, minTenureMonths: 12,
    title: { en: 'Loyalty bonus', ru: 'Бонус за лояльность', uk: 'Бонус за лояльність' },
    description: { en: 'A bonus credit for each year with us, for subscribers of a year or more.', ru: 'Бонус на счёт за каждый год с нами, для абонентов от года.', uk: 'Бонус на рахунок за кожен рік з нами, для абонентів від року.' },
  },
  {
    ...base, code: 'annual_prepay', kind: 'prepay', discountPercent: 15, months: 12, minTenureMonths: 3,
    title: { en: 'A year paid up front, 15% cheaper', ru: 'Год вперёд со скидкой 15%', uk: 'Рік наперед зі знижкою 15%' },
    description: { en: 'Pay twelve months in advance and get fifteen percent off.', ru: 'Оплата за двенадцать месяцев вперёд со скидкой 15%.', uk: 'Оплата за дванадцять місяців наперед зі знижкою 15%.' },
  },
  {
    ...base, code: 'compensation_credit', kind: 'credit', oneOffCost: 150,
    title: { en: 'Compensation credit', ru: 'Компенсация на счёт', uk: 'Компенсація на рахунок' },
    description: { en: 'Credit for days without service or for a billing error, with an apology.', ru: 'Перерасчёт за дни без услуги или ошибку в счёте, с извинениями.', uk: 'Перерахунок за дні без послуги чи помилку в рахунку, з вибаченнями.' },
  },
  {
    ...base, code: 'payment_deferral', kind: 'deferral', monthlyCost: 10,
    title: { en: 'Promised payment', ru: 'Обещанный платёж', uk: 'Обіцяний платіж' },
    description: { en: 'Keep the service running and pay later this month, without a block.', ru: 'Услуги работают, оплата позже в этом месяце, без блокировки.', uk: 'Послуги працюють, оплата пізніше цього місяця, без блокування.' },
  },
  {
    ...base, code: 'account_transfer', kind: 'transfer',
    title: { en: 'Transfer the contract', ru: 'Переоформление договора', uk: 'Переоформлення договору' },
    description: { en: 'Re-register the contract to a relative, tenant or new owner at the same address.', ru: 'Переоформить договор на родственника, арендатора или нового владельца по тому же адресу.', uk: 'Переоформити договір на родича, орендаря чи нового власника за тією ж адресою.' },
  },
];
