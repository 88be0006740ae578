import {
  CATCH_ALL_REASON_CODE,
  DEFAULT_CHURN_REASONS,
} from './default-classifier';
import { REASON_SYNONYMS } from './reason-synonyms';
import { classifyText, MIN_SUGGESTION_SCORE, suggestReasons } from './suggest';
import { normalizeText, stemSimilarity, stemToken } from './text-normalize';

/**
 * Realistic stated reasons and billing strings with the code an experienced retention operator would pick.
 * Written as subscribers and operators actually write them, including terse billing-export strings and
 * typos (marked "typo"). They are not copies of the classifier's typical phrases.
 */
const CASES: { lang: 'en' | 'ru' | 'uk'; text: string; code: string }[] = [
  // English
  { lang: 'en', text: 'too expensive', code: 'price_too_high' },
  {
    lang: 'en',
    text: 'Customer says the new price from January is outrageous, bill went up 15%',
    code: 'price_increase',
  },
  { lang: 'en', text: 'moved', code: 'move_within_coverage' },
  { lang: 'en', text: 'went to competitor', code: 'competitor_cheaper' },
  {
    lang: 'en',
    text: 'Internet drops every evening, third outage this week',
    code: 'network_outages',
  },
  {
    lang: 'en',
    text: 'speed is 10 Mbps instead of 100, very slow',
    code: 'slow_speed',
  },
  {
    lang: 'en',
    text: "wifi doesn't reach the kitchen, router is ancient",
    code: 'wifi_router',
  },
  {
    lang: 'en',
    text: 'TV picture freezes and pixelates during football',
    code: 'tv_picture_quality',
  },
  {
    lang: 'en',
    text: 'They removed the History channel, not enough channels now',
    code: 'channel_lineup',
  },
  {
    lang: 'en',
    text: 'double charged in March, still no refund',
    code: 'billing_errors',
  },
  {
    lang: 'en',
    text: 'the agent on the phone was extremely rude',
    code: 'rude_support',
  },
  {
    lang: 'en',
    text: 'waited 3 days for a technician who never came',
    code: 'long_repair',
  },
  {
    lang: 'en',
    text: 'on hold for an hour, nobody picks up',
    code: 'support_wait_time',
  },
  { lang: 'en', text: 'subscriber passed away', code: 'death' },
  { lang: 'en', text: 'no money', code: 'financial_hardship' },
  { lang: 'en', text: 'lost his job last month', code: 'job_loss' },
  {
    lang: 'en',
    text: 'shop closed down, business liquidated',
    code: 'business_closure',
  },
  { lang: 'en', text: 'going abroad for good', code: 'emigration' },
  {
    lang: 'en',
    text: 'moving to another city, you have no coverage there',
    code: 'move_out_of_coverage',
  },
  {
    lang: 'en',
    text: 'away for the summer, wants to suspend',
    code: 'temporary_absence',
  },
  {
    lang: 'en',
    text: 'we only use Netflix and YouTube on the smart TV now',
    code: 'streaming_switch',
  },
  {
    lang: 'en',
    text: 'phone hotspot is enough, has unlimited mobile data',
    code: 'mobile_only',
  },
  {
    lang: 'en',
    text: 'competitor offers gigabit fibre for the same price',
    code: 'competitor_faster',
  },
  { lang: 'en', text: 'too expencive', code: 'price_too_high' }, // typo
  { lang: 'en', text: 'cheeper provider elsewere', code: 'competitor_cheaper' }, // typo
  { lang: 'en', text: 'refused to give a reason', code: CATCH_ALL_REASON_CODE },
  {
    lang: 'en',
    text: 'duplicate account, merged with wife’s account',
    code: 'duplicate_account',
  },
  {
    lang: 'en',
    text: 'router rental fee is a rip-off',
    code: 'equipment_rental_cost',
  },
  {
    lang: 'en',
    text: 'landline crackles and calls drop',
    code: 'voice_quality',
  },
  {
    lang: 'en',
    text: "don't need it anymore, nobody watches tv",
    code: 'service_not_needed',
  },
  {
    lang: 'en',
    text: 'complained four times, issue still not resolved',
    code: 'unresolved_complaint',
  },
  {
    lang: 'en',
    text: 'grandmother moving into a care home',
    code: 'health_moving_to_relatives',
  },

  // Russian
  { lang: 'ru', text: 'дорого', code: 'price_too_high' },
  { lang: 'ru', text: 'переезд', code: 'move_within_coverage' },
  { lang: 'ru', text: 'ушел к конкуренту', code: 'competitor_cheaper' },
  { lang: 'ru', text: 'нет денег', code: 'financial_hardship' },
  { lang: 'ru', text: 'умер', code: 'death' },
  {
    lang: 'ru',
    text: 'Абонент сообщил, что с марта подняли абонплату, раньше платил меньше',
    code: 'price_increase',
  },
  {
    lang: 'ru',
    text: 'интернет постоянно пропадает, по вечерам вообще нет связи',
    code: 'network_outages',
  },
  {
    lang: 'ru',
    text: 'скорость низкая, спидтест показывает 15 мегабит вместо 100',
    code: 'slow_speed',
  },
  {
    lang: 'ru',
    text: 'вайфай не ловит в дальней комнате',
    code: 'wifi_router',
  },
  {
    lang: 'ru',
    text: 'на телевизоре картинка рассыпается, приставка зависает',
    code: 'tv_picture_quality',
  },
  { lang: 'ru', text: 'убрали спортивные каналы', code: 'channel_lineup' },
  {
    lang: 'ru',
    text: 'списали деньги дважды за один месяц',
    code: 'billing_errors',
  },
  { lang: 'ru', text: 'оператор нахамил по телефону', code: 'rude_support' },
  {
    lang: 'ru',
    text: 'мастера ждали неделю, так и не пришёл',
    code: 'long_repair',
  },
  {
    lang: 'ru',
    text: 'невозможно дозвониться в поддержку',
    code: 'support_wait_time',
  },
  {
    lang: 'ru',
    text: 'жаловался три раза, проблему так и не решили',
    code: 'unresolved_complaint',
  },
  {
    lang: 'ru',
    text: 'переезжает в другой город',
    code: 'move_out_of_coverage',
  },
  { lang: 'ru', text: 'уезжает на ПМЖ в Германию', code: 'emigration' },
  { lang: 'ru', text: 'сократили на работе', code: 'job_loss' },
  { lang: 'ru', text: 'закрытие ИП', code: 'business_closure' },
  {
    lang: 'ru',
    text: 'уезжаю на дачу на всё лето, можно приостановить?',
    code: 'temporary_absence',
  },
  {
    lang: 'ru',
    text: 'пользуется только мобильным интернетом',
    code: 'mobile_only',
  },
  {
    lang: 'ru',
    text: 'смотрим всё через ютуб и онлайн-кинотеатры, кабельное не нужно',
    code: 'streaming_switch',
  },
  {
    lang: 'ru',
    text: 'у Дом.ру гигабит за те же деньги',
    code: 'competitor_faster',
  },
  { lang: 'ru', text: 'дарагой тариф', code: 'price_too_high' }, // typo
  { lang: 'ru', text: 'интернет пастаянно прападает', code: 'network_outages' }, // typo
  {
    lang: 'ru',
    text: 'маму забираем к себе, она болеет',
    code: 'health_moving_to_relatives',
  },
  {
    lang: 'ru',
    text: 'отказался назвать причину',
    code: CATCH_ALL_REASON_CODE,
  },
  {
    lang: 'ru',
    text: 'конкурент предложил приставку бесплатно и три месяца в подарок',
    code: 'competitor_bundle',
  },
  {
    lang: 'ru',
    text: 'не устраивают условия договора, штраф за досрочное расторжение',
    code: 'contract_terms',
  },
  {
    lang: 'ru',
    text: 'взломали личный кабинет, боится за персональные данные',
    code: 'privacy_security',
  },
  {
    lang: 'ru',
    text: 'плохо слышно собеседника, треск на линии',
    code: 'voice_quality',
  },

  // Ukrainian
  { lang: 'uk', text: 'задорого', code: 'price_too_high' },
  { lang: 'uk', text: 'переїзд', code: 'move_within_coverage' },
  { lang: 'uk', text: 'пішов до конкурента', code: 'competitor_cheaper' },
  { lang: 'uk', text: 'немає грошей', code: 'financial_hardship' },
  { lang: 'uk', text: 'помер', code: 'death' },
  { lang: 'uk', text: 'підняли ціну з нового року', code: 'price_increase' },
  {
    lang: 'uk',
    text: 'інтернет постійно зникає, зв’язок нестабільний',
    code: 'network_outages',
  },
  {
    lang: 'uk',
    text: 'швидкість набагато нижча, ніж у тарифі',
    code: 'slow_speed',
  },
  {
    lang: 'uk',
    text: 'роутер постійно перезавантажується',
    code: 'wifi_router',
  },
  {
    lang: 'uk',
    text: 'на ТБ картинка зависає, приставка висне',
    code: 'tv_picture_quality',
  },
  { lang: 'uk', text: 'мало каналів, немає дитячих', code: 'channel_lineup' },
  {
    lang: 'uk',
    text: 'незрозумілі списання з рахунку',
    code: 'billing_errors',
  },
  {
    lang: 'uk',
    text: 'грубість оператора на гарячій лінії',
    code: 'rude_support',
  },
  {
    lang: 'uk',
    text: 'майстер не прийшов у призначений час',
    code: 'long_repair',
  },
  {
    lang: 'uk',
    text: 'не можу додзвонитися, ніхто не бере трубку',
    code: 'support_wait_time',
  },
  {
    lang: 'uk',
    text: 'скарга так і не вирішена, звертався кілька разів',
    code: 'unresolved_complaint',
  },
  {
    lang: 'uk',
    text: 'переїжджають до іншого міста',
    code: 'move_out_of_coverage',
  },
  { lang: 'uk', text: 'виїхали за кордон', code: 'emigration' },
  { lang: 'uk', text: 'втратив роботу', code: 'job_loss' },
  { lang: 'uk', text: 'закриття ФОП', code: 'business_closure' },
  {
    lang: 'uk',
    text: 'їде у відрядження на пів року, просить призупинити',
    code: 'temporary_absence',
  },
  { lang: 'uk', text: 'вистачає мобільного інтернету', code: 'mobile_only' },
  {
    lang: 'uk',
    text: 'дивимося все на Megogo та YouTube',
    code: 'streaming_switch',
  },
  {
    lang: 'uk',
    text: 'у конкурента оптика і швидкість вища',
    code: 'competitor_faster',
  },
  {
    lang: 'uk',
    text: 'дешевше в іншого провайдера',
    code: 'competitor_cheaper',
  },
  { lang: 'uk', text: 'немае грошей', code: 'financial_hardship' }, // typo
  { lang: 'uk', text: 'iнтернет зникае постiйно', code: 'network_outages' }, // typo + Latin "i"
  {
    lang: 'uk',
    text: 'бабусю забираємо до себе, хворіє',
    code: 'health_moving_to_relatives',
  },
  {
    lang: 'uk',
    text: 'два договори на одну адресу',
    code: 'duplicate_account',
  },
  {
    lang: 'uk',
    text: 'оренда роутера задорога',
    code: 'equipment_rental_cost',
  },
  {
    lang: 'uk',
    text: 'не потрібно, ніхто не користується',
    code: 'service_not_needed',
  },
];

/**
 * A second, larger table written in three rounds AFTER the classifier was first tuned on CASES, each round
 * measured before anything was changed for it (first-choice accuracy on first sight: 93.9 %, 80.0 %, 86.7 %),
 * then used to grow the synonym table. Kept as a regression guard with a slightly looser bar, since several
 * are genuinely ambiguous ("переехали в Москву" says nothing about coverage).
 */
const EXTRA_CASES: [string, string][] = [
  // round 1
  ['the bill keeps going up every year', 'price_increase'],
  ['pensioner, cannot afford 500 a month', 'price_too_high'],
  ['signed up with another ISP, half the price', 'competitor_cheaper'],
  ['neighbour has fiber from another company with 1 gbps', 'competitor_faster'],
  ['they offered free tv and mobile in a package', 'competitor_bundle'],
  ['constant disconnects, connection unreliable', 'network_outages'],
  ['netflix buffering all the time, speed terrible', 'slow_speed'],
  ['router overheats and reboots', 'wifi_router'],
  ['channels show no signal', 'tv_picture_quality'],
  ['calls drop all the time, no mobile signal at home', 'voice_quality'],
  ['repair took a week', 'long_repair'],
  ['charged for a subscription never ordered', 'billing_errors'],
  ['staff incompetent and rude', 'rude_support'],
  ['cant get through to support', 'support_wait_time'],
  ['relocating to another region', 'move_out_of_coverage'],
  ['emigrated to Canada', 'emigration'],
  ['financial difficulties', 'financial_hardship'],
  ['unemployed now', 'job_loss'],
  ['company bankruptcy', 'business_closure'],
  ['military service for a year, suspend please', 'temporary_absence'],
  ['deceased', 'death'],
  ['switching to streaming only', 'streaming_switch'],
  ['no longer needed', 'service_not_needed'],
  ['dissatisfied with early termination fee', 'contract_terms'],
  ['account hacked', 'privacy_security'],
  ['подорожал тариф', 'price_increase'],
  ['очень дорогой интернет для пенсионерки', 'price_too_high'],
  ['подключился к Ростелекому, у них дешевле', 'competitor_cheaper'],
  ['зашел провайдер с оптикой, скорость 500', 'competitor_faster'],
  ['постоянные обрывы связи', 'network_outages'],
  ['медленно грузит, тормозит по вечерам', 'slow_speed'],
  ['приставка зависает, картинка квадратами', 'tv_picture_quality'],
  ['нет любимых каналов', 'channel_lineup'],
  ['неправильно начислили абонплату', 'billing_errors'],
  ['хамство мастера', 'rude_support'],
  ['не может дозвониться на горячую линию', 'support_wait_time'],
  ['переехали в Москву', 'move_out_of_coverage'],
  ['уехали за границу', 'emigration'],
  ['скончался', 'death'],
  ['уволили с работы', 'job_loss'],
  ['нечем платить', 'financial_hardship'],
  ['закрыли магазин', 'business_closure'],
  ['временно уезжает в командировку', 'temporary_absence'],
  ['перенос по новому адресу', 'move_within_coverage'],
  ['интернетом не пользуемся', 'service_not_needed'],
  ['дубль договора', 'duplicate_account'],
  ['безлимитный мобильный хватает', 'mobile_only'],
  ['подорожчав тариф', 'price_increase'],
  ['дуже дорого', 'price_too_high'],
  ['перейшли до Київстар, дешевше', 'competitor_cheaper'],
  ['постійні обриви', 'network_outages'],
  ['низька швидкість увечері', 'slow_speed'],
  ['погано працює вайфай', 'wifi_router'],
  ['двічі списали кошти', 'billing_errors'],
  ['нагрубили в підтримці', 'rude_support'],
  ['переїхали в інше місто', 'move_out_of_coverage'],
  ['виїзд за кордон на постійне місце проживання', 'emigration'],
  ['абонент помер', 'death'],
  ['звільнили з роботи', 'job_loss'],
  ['нема чим платити', 'financial_hardship'],
  ['ліквідація підприємства', 'business_closure'],
  ['тимчасово виїжджає', 'temporary_absence'],
  ['не дивимося телевізор', 'service_not_needed'],
  ['дивимось ютуб на смарт тв', 'streaming_switch'],
  ['маму забрали до себе діти', 'health_moving_to_relatives'],
  ['майстра чекали тиждень', 'long_repair'],
  // round 2
  [
    'Клиент звонил, сказал что после повышения тарифа платить не будет',
    'price_increase',
  ],
  ['абонплата 600 грн это грабеж', 'price_too_high'],
  [
    'сосед подключился к другому провайдеру за 150, тоже хочет',
    'competitor_cheaper',
  ],
  ['у Киевстара 1 Гбит за 250 грн', 'competitor_faster'],
  ['интернет падает раз в час, перезагрузка не помогает', 'network_outages'],
  ['скорость режут, обещали 100 мегабит', 'slow_speed'],
  ['роутер старый, слабый сигнал, хочет новый', 'wifi_router'],
  ['пропали каналы на телевизоре, нет сигнала', 'tv_picture_quality'],
  ['в пакете нет кино и спорта', 'channel_lineup'],
  ['со счета списали лишние 200 рублей', 'billing_errors'],
  ['сотрудник в офисе нагрубил', 'rude_support'],
  ['полчаса висела на линии, так никто и не ответил', 'support_wait_time'],
  ['третий раз пишет жалобу, толку ноль', 'unresolved_complaint'],
  ['квартиру продали, переезжают в другую область', 'move_out_of_coverage'],
  ['переезжают на соседнюю улицу', 'move_within_coverage'],
  ['семья эмигрировала в Израиль', 'emigration'],
  ['потерял работу, денег нет', 'job_loss'],
  ['кафе закрывается', 'business_closure'],
  ['уезжаем на полгода, хотим заморозить', 'temporary_absence'],
  ['владелец договора умер, дочь просит закрыть', 'death'],
  ['бабушка переезжает к сыну, по здоровью', 'health_moving_to_relatives'],
  ['второй договор открыли по ошибке', 'duplicate_account'],
  ['не хочет говорить почему', 'other_unknown'],
  ['сидит только с телефона, 4G хватает', 'mobile_only'],
  ['телевизор не смотрят, только ютуб', 'streaming_switch'],
  ['дорога аренда приставки', 'equipment_rental_cost'],
  ['Customer upset about price rise after promo ended', 'price_increase'],
  [
    'another provider gave 3 free months and a free router',
    'competitor_bundle',
  ],
  ['no service for 2 days last week, again today', 'network_outages'],
  ['tv box keeps freezing, picture breaks up', 'tv_picture_quality'],
  ['moved in with her daughter due to illness', 'health_moving_to_relatives'],
  ['wrong amount on invoice', 'billing_errors'],
  ['waited 5 days for repair', 'long_repair'],
  ['closing business', 'business_closure'],
  ['uses mobile data only', 'mobile_only'],
  ['спідтест показує 30 замість 100', 'slow_speed'],
  ['конкурент дав приставку в подарунок', 'competitor_bundle'],
  ['оператор кинув слухавку', 'rude_support'],
  ['ніхто не відповідає в чаті', 'support_wait_time'],
  ['пенсіонерка, не тягне абонплату', 'price_too_high'],
  ['на дачу на літо', 'temporary_absence'],
  ['виїхали до Польщі', 'emigration'],
  ['сина скоротили, нема доходу', 'job_loss'],
  ['переоформлення на сина, дубль', 'duplicate_account'],
  ['не пояснив причину', 'other_unknown'],
  // round 3
  ['цены выросли в два раза за год', 'price_increase'],
  ['для семьи накладно, ищем подешевле', 'price_too_high'],
  ['переходит на Билайн, там акция 1 рубль', 'competitor_cheaper'],
  ['у соседей оптика 500 мбит, у нас медь', 'competitor_faster'],
  ['связь рвется каждые 10 минут', 'network_outages'],
  ['фильмы не грузятся, все виснет, скорость маленькая', 'slow_speed'],
  ['вай фай роутер не раздаёт', 'wifi_router'],
  ['на ТВ полосы и пропадает звук', 'tv_picture_quality'],
  ['исчез канал Матч ТВ из пакета', 'channel_lineup'],
  ['двойная оплата, деньги не вернули', 'billing_errors'],
  ['специалист поддержки хамил и не помог', 'rude_support'],
  ['на горячей линии часами висеть', 'support_wait_time'],
  ['обращения игнорируют месяцами', 'unresolved_complaint'],
  ['переезд за город, там вас нет', 'move_out_of_coverage'],
  ['уезжает в Европу навсегда', 'emigration'],
  ['временно нет работы', 'job_loss'],
  ['долги, платить нечем', 'financial_hardship'],
  ['ИП ликвидировано', 'business_closure'],
  ['на лето на дачу, приостановка', 'temporary_absence'],
  ['смерть владельца', 'death'],
  ['в дом престарелых', 'health_moving_to_relatives'],
  ['смотрят только нетфликс', 'streaming_switch'],
  ['хватает 4г на телефоне', 'mobile_only'],
  ['интернет больше не нужен', 'service_not_needed'],
  ['штраф за досрочное — не предупредили', 'contract_terms'],
  ['prices went up again', 'price_increase'],
  ['cannot justify the cost', 'price_too_high'],
  ['switching to a cheaper ISP', 'competitor_cheaper'],
  ['wifi keeps cutting out upstairs', 'wifi_router'],
  ['no tv signal on half the channels', 'tv_picture_quality'],
  ['got billed for returned equipment', 'equipment_rental_cost'],
  ['moving house within the city', 'move_within_coverage'],
  ['relocating abroad permanently', 'emigration'],
  ['owner died', 'death'],
  ['made redundant', 'job_loss'],
  ['two accounts, closing one', 'duplicate_account'],
  ['ціни підняли', 'price_increase'],
  ['у Воля дешевше', 'competitor_cheaper'],
  ['постійно пропадає інтернет', 'network_outages'],
  ['повільно працює інтернет', 'slow_speed'],
  ['не приходив майстер три дні', 'long_repair'],
  ['незадоволений умовами договору', 'contract_terms'],
  ['переїзд на іншу квартиру в місті', 'move_within_coverage'],
  ['фінансова скрута', 'financial_hardship'],
  ['померла власниця', 'death'],
];

describe('suggestReasons: the phrase table', () => {
  const results = CASES.map((c) => {
    const suggestions = suggestReasons(c.text);
    const rank = suggestions.findIndex((s) => s.code === c.code);
    return { ...c, suggestions, rank };
  });
  const first = results.filter((r) => r.rank === 0).length;
  const accuracy = first / results.length;

  afterAll(() => {
    const misses = results
      .filter((r) => r.rank !== 0)
      .map(
        (r) =>
          `  [${r.lang}] "${r.text}" → expected ${r.code}, got ${r.suggestions.map((s) => `${s.code}:${s.score}`).join(', ')}`,
      );
    console.log(
      `classifier suggestion accuracy: ${first}/${results.length} first (${(accuracy * 100).toFixed(1)} %)` +
        (misses.length ? `\nnot first:\n${misses.join('\n')}` : ''),
    );
  });

  it('has at least 60 phrases, at least 20 per language, and every expected code exists', () => {
    expect(CASES.length).toBeGreaterThanOrEqual(60);
    for (const lang of ['en', 'ru', 'uk'] as const) {
      expect(
        CASES.filter((c) => c.lang === lang).length,
      ).toBeGreaterThanOrEqual(20);
    }
    const codes = new Set(DEFAULT_CHURN_REASONS.map((r) => r.code));
    for (const c of CASES) expect(codes).toContain(c.code);
  });

  it('puts the expected code first for at least 90 % of the phrases', () => {
    expect(accuracy).toBeGreaterThanOrEqual(0.9);
  });

  it.each(CASES.map((c) => [c.lang, c.text, c.code]))(
    '[%s] "%s" has %s in the top 3',
    (_lang, text, code) => {
      const top3 = suggestReasons(text, DEFAULT_CHURN_REASONS, 3).map(
        (s) => s.code,
      );
      expect(top3).toContain(code);
    },
  );
});

describe('suggestReasons: the extra table', () => {
  it('puts the expected code first for at least 90 % and in the top 3 for at least 95 %', () => {
    const ranks = EXTRA_CASES.map(([text, code]) =>
      suggestReasons(text, DEFAULT_CHURN_REASONS, 3).findIndex(
        (s) => s.code === code,
      ),
    );
    const first = ranks.filter((r) => r === 0).length;
    const top3 = ranks.filter((r) => r >= 0).length;
    console.log(
      `extra table: ${first}/${EXTRA_CASES.length} first, ${top3}/${EXTRA_CASES.length} in top 3`,
    );
    expect(EXTRA_CASES.length).toBeGreaterThanOrEqual(150);
    expect(first / EXTRA_CASES.length).toBeGreaterThanOrEqual(0.9);
    expect(top3 / EXTRA_CASES.length).toBeGreaterThanOrEqual(0.95);
  });
});

describe('suggestReasons: behaviour', () => {
  it('returns [] for empty or blank text', () => {
    expect(suggestReasons('')).toEqual([]);
    expect(suggestReasons('   \n\t')).toEqual([]);
  });

  it.each(['asdf qwer', 'zxcv bnm, lkjh', '12345', 'ok', '???'])(
    'gives only the catch-all for "%s"',
    (text) => {
      const suggestions = suggestReasons(text);
      expect(suggestions).toHaveLength(1);
      expect(suggestions[0].code).toBe(CATCH_ALL_REASON_CODE);
      expect(classifyText(text)).toBe(CATCH_ALL_REASON_CODE);
    },
  );

  it.each([
    'хочу отключить интернет',
    'Please cancel my internet and TV',
    'відключіть телебачення',
    'другое',
    'n/a',
  ])(
    'treats "%s" (a request or a service name, no reason) as the catch-all',
    (text) => {
      expect(suggestReasons(text).map((s) => s.code)).toEqual([
        CATCH_ALL_REASON_CODE,
      ]);
    },
  );

  it('never mixes the catch-all into specific suggestions', () => {
    for (const c of CASES.filter((x) => x.code !== CATCH_ALL_REASON_CODE)) {
      const codes = suggestReasons(c.text, DEFAULT_CHURN_REASONS, 10).map(
        (s) => s.code,
      );
      if (codes.length > 1) expect(codes).not.toContain(CATCH_ALL_REASON_CODE);
    }
  });

  it('orders best first, scores within 0..1, respects the limit', () => {
    const suggestions = suggestReasons(
      'у конкурента дешевле и скорость выше, а у вас интернет пропадает',
      undefined,
      3,
    );
    expect(suggestions.length).toBeGreaterThan(1);
    expect(suggestions.length).toBeLessThanOrEqual(3);
    for (let i = 0; i < suggestions.length; i++) {
      expect(suggestions[i].score).toBeGreaterThanOrEqual(0);
      expect(suggestions[i].score).toBeLessThanOrEqual(1);
      if (i > 0)
        expect(suggestions[i].score).toBeLessThanOrEqual(
          suggestions[i - 1].score,
        );
    }
    expect(suggestions[0].score).toBeGreaterThanOrEqual(MIN_SUGGESTION_SCORE);
    expect(suggestReasons('дорого', undefined, 0)).toEqual([]);
  });

  it('finds several reasons in one note', () => {
    const codes = suggestReasons('дорого, и интернет постоянно пропадает').map(
      (s) => s.code,
    );
    expect(codes.slice(0, 3)).toEqual(
      expect.arrayContaining(['price_too_high', 'network_outages']),
    );
  });

  it('classifyText returns the best code', () => {
    expect(classifyText('ушёл к конкуренту, у них дешевле')).toBe(
      'competitor_cheaper',
    );
    expect(classifyText('умерла')).toBe('death');
    expect(classifyText('')).toBe(CATCH_ALL_REASON_CODE);
  });

  it('works with an edited classifier: codes it does not know are never suggested', () => {
    const edited = DEFAULT_CHURN_REASONS.filter((r) => r.code !== 'death');
    const codes = suggestReasons('умер', edited).map((s) => s.code);
    expect(codes).not.toContain('death');
    expect(suggestReasons('переезд', edited)[0].code).toBe(
      'move_within_coverage',
    );
  });

  it('the synonym table only names codes of the default classifier, and names each of them', () => {
    const codes = DEFAULT_CHURN_REASONS.map((r) => r.code).sort();
    expect(Object.keys(REASON_SYNONYMS).sort()).toEqual(codes);
    for (const list of Object.values(REASON_SYNONYMS))
      expect(list.length).toBeGreaterThanOrEqual(5);
  });
});

describe('text normalisation', () => {
  it('folds Russian/Ukrainian spelling and punctuation', () => {
    expect(normalizeText('Зв’язок — НЕСТАБІЛЬНИЙ!!! Ёлка')).toBe(
      'звязок нестабильний елка',
    );
    expect(normalizeText('Wi-Fi / вай-фай')).toBe('wifi вайфай');
  });

  it('repairs Latin look-alike letters inside Cyrillic words', () => {
    expect(normalizeText('cкopость')).toBe('скорость');
  });

  it('stems inflected forms to the same stem', () => {
    expect(stemToken('конкуренту')).toBe(stemToken('конкурент'));
    expect(stemToken('роутера')).toBe(stemToken('роутер'));
    expect(stemToken('prices')).toBe(stemToken('price'));
    expect(stemToken('moving')).toBe(stemToken('moved'));
  });

  it('stems by @orama/stemmers, the language chosen by the word’s letters, and folds the stem', () => {
    // і/ї/є/ґ: the Ukrainian stemmer; ы/э/ё/ъ: the Russian one; both languages meet on the folded stem.
    expect(stemToken('інтернету')).toBe('интернет');
    expect(stemToken('интернета')).toBe('интернет');
    expect(stemToken('мобільний')).toBe(stemToken('мобильный'));
    // Neither: both stemmers, the longer stem where they differ (Russian "переезжа", Ukrainian "переезж").
    expect(stemToken('переезжаем')).toBe('переезжа');
    // English: Porter.
    expect(stemToken('outages')).toBe('outag');
  });

  it('scores typos and inflections as similar, unrelated words as not', () => {
    // A Ukrainian ending the stemmer leaves on still meets the Russian stem ("швидкість" / "швидкости").
    expect(stemSimilarity(stemToken('швидкість'), stemToken('швидкости'))).toBeGreaterThan(0.5);
    expect(stemSimilarity('expens', 'expenc')).toBeGreaterThan(0.5);
    expect(stemSimilarity('переезд', 'переех')).toBeGreaterThan(0.5);
    expect(stemSimilarity('роутер', 'смерть')).toBe(0);
  });
});
