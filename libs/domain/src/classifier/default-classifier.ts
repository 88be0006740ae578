import { ChurnReasonDefinition, Localized } from './classifier.types';

/**
 * The shipped default 33-point churn-reason classifier (docs/methodology.md, "The classifier: norms and economic
 * effect": with a norm per point, weak spots show at once). Point 33 is the catch-all, which a good operation
 * keeps small.
 *
 * Thresholds are normative maximum monthly shares of the ACTIVE base per reason. Together they sum to
 * DEFAULT_CLASSIFIER_NORM_RANGE (about 1.9 %/month), a realistic target for a cable/ISP operator whose actual
 * churn usually runs at 2–3 %/month; the economic effect of fixing a point is actual minus norm.
 */

/** Code of the catch-all point ("don't know / refused to say"); always the last point. */
export const CATCH_ALL_REASON_CODE = 'other_unknown';

/** The documented range of the sum of the default thresholds (share of the active base per month). */
export const DEFAULT_CLASSIFIER_NORM_RANGE = {
  min: 0.015,
  max: 0.025,
} as const;

const l = (en: string, ru: string, uk: string): Localized => ({ en, ru, uk });
const o = (objection: Localized, answer: Localized) => ({ objection, answer });

const REASONS: ChurnReasonDefinition[] = [
  // ───────────────────────────── price ─────────────────────────────
  {
    code: 'price_increase',
    group: 'price',
    managed: true,
    impliesCompetitor: false,
    threshold: 0.0012,
    title: l('Price increase', 'Повышение цены', 'Підвищення ціни'),
    description: l(
      'The subscriber reacts to a recent tariff indexation, the end of a promo price or a new paid option. Recognise it by “it went up”, the new bill amount, a letter or SMS about the new price. The service itself suits them.',
      'Абонент реагирует на недавнее повышение тарифа, окончание акционной цены или новую платную опцию. Узнаётся по словам «подорожало», «подняли цену», по упоминанию нового счёта или SMS о смене цены. Сама услуга его устраивает.',
      'Абонент реагує на нещодавнє підвищення тарифу, завершення акційної ціни або нову платну опцію. Впізнається за словами «подорожчало», «підняли ціну», згадкою про новий рахунок чи SMS про зміну ціни. Сама послуга його влаштовує.',
    ),
    typicalPhrases: [
      l(
        'You raised the price again',
        'Вы опять подняли цену',
        'Ви знову підняли ціну',
      ),
      l(
        'My bill went up and nobody asked me',
        'Абонплата выросла, а меня никто не спросил',
        'Абонплата зросла, а мене ніхто не питав',
      ),
      l(
        'The promo ended and now I pay double',
        'Закончилась акция, теперь плачу в два раза больше',
        'Закінчилась акція, тепер плачу вдвічі більше',
      ),
      l('price increase', 'подорожание', 'подорожчання'),
      l(
        'I got an SMS that the tariff is going up',
        'Пришла SMS, что тариф подорожал',
        'Прийшла SMS, що тариф подорожчав',
      ),
    ],
    offerCodes: [
      'discount_10_3m',
      'annual_prepay',
      'tariff_downgrade',
      'loyalty_bonus',
      'discount_20_3m',
    ],
    script: {
      questions: [
        l(
          'What exactly changed in your bill — the monthly fee or an extra charge?',
          'Что именно изменилось в счёте — абонплата или появилось какое-то дополнительное списание?',
          'Що саме змінилося в рахунку — абонплата чи з’явилося якесь додаткове списання?',
        ),
        l(
          'Apart from the price, are you happy with the speed and the picture?',
          'Если не считать цену, скорость и качество вас устраивают?',
          'Якщо не брати до уваги ціну, швидкість і якість вас влаштовують?',
        ),
        l(
          'Have you already looked at other providers’ offers? Which ones?',
          'Вы уже смотрели предложения других провайдеров? Каких?',
          'Ви вже дивилися пропозиції інших провайдерів? Яких?',
        ),
      ],
      arguments: [
        l(
          'The increase follows higher costs for channels and equipment; competitors have raised prices too, often earlier and by more.',
          'Повышение связано с ростом стоимости каналов и оборудования; конкуренты тоже поднимали цены — часто раньше и сильнее.',
          'Підвищення пов’язане зі зростанням вартості каналів та обладнання; конкуренти теж піднімали ціни — часто раніше й більше.',
        ),
        l(
          'Switching means a new connection fee, a new contract and a promo price that also ends after a few months.',
          'Переход — это новое подключение, новый договор и акционная цена, которая тоже закончится через пару месяцев.',
          'Перехід — це нове підключення, новий договір і акційна ціна, яка теж закінчиться за кілька місяців.',
        ),
        l(
          'As a long-standing subscriber you can lock the current price by paying for a year in advance.',
          'Как давний абонент вы можете зафиксировать цену, оплатив год вперёд.',
          'Як давній абонент ви можете зафіксувати ціну, сплативши рік наперед.',
        ),
      ],
      objections: [
        o(
          l('Others are cheaper.', 'У других дешевле.', 'В інших дешевше.'),
          l(
            'Let’s compare the full cost: connection, router rent and the price after their promo. I’ll show you side by side.',
            'Давайте сравним полную стоимость: подключение, аренда роутера и цена после окончания акции. Сейчас покажу рядом.',
            'Давайте порівняємо повну вартість: підключення, оренда роутера і ціна після закінчення акції. Зараз покажу поруч.',
          ),
        ),
        o(
          l(
            'You’ll raise it again in six months.',
            'Через полгода опять поднимете.',
            'За пів року знову піднімете.',
          ),
          l(
            'With annual prepayment the price is fixed for 12 months — it’s written into the terms.',
            'При оплате за год цена фиксируется на 12 месяцев — это прописано в условиях.',
            'При оплаті за рік ціна фіксується на 12 місяців — це прописано в умовах.',
          ),
        ),
      ],
      closing: [
        l(
          'Shall I apply the discount from the next billing period so everything stays as it is?',
          'Оформляю скидку со следующего расчётного периода, и у вас всё остаётся как есть?',
          'Оформлюю знижку з наступного розрахункового періоду, і у вас усе залишається як є?',
        ),
      ],
    },
  },
  {
    code: 'price_too_high',
    group: 'price',
    managed: true,
    impliesCompetitor: false,
    threshold: 0.001,
    title: l(
      'Price too high for the budget',
      'Дорого, не по бюджету',
      'Дорого, не по кишені',
    ),
    description: l(
      'The price has not changed, but the subscriber finds it too expensive for what they use or can afford. Typical of pensioners and light users; the tariff is often bigger than they need. Tell it apart from hardship (income fell) and from a named cheaper competitor.',
      'Цена не менялась, но абонент считает её слишком высокой для того, как он пользуется услугой, или для своего бюджета. Типично для пенсионеров и тех, кто пользуется мало; часто тариф больше, чем нужно. Отличайте от финансовых трудностей (упал доход) и от конкретного более дешёвого конкурента.',
      'Ціна не змінювалася, але абонент вважає її завеликою для того, як він користується послугою, або для свого бюджету. Типово для пенсіонерів і тих, хто користується мало; часто тариф більший, ніж потрібно. Відрізняйте від фінансових труднощів (впав дохід) і від конкретного дешевшого конкурента.',
    ),
    typicalPhrases: [
      l('too expensive', 'дорого', 'дорого'),
      l(
        'It’s too expensive for me',
        'Для меня это слишком дорого',
        'Для мене це задорого',
      ),
      l(
        'I pay too much for what I use',
        'Плачу слишком много за то, чем пользуюсь',
        'Плачу забагато за те, чим користуюся',
      ),
      l(
        'I’m a pensioner, this tariff is beyond my means',
        'Я пенсионерка, мне такой тариф не по карману',
        'Я пенсіонерка, мені такий тариф не по кишені',
      ),
      l('high price', 'высокая цена', 'висока ціна'),
    ],
    offerCodes: [
      'tariff_downgrade',
      'annual_prepay',
      'discount_10_3m',
      'loyalty_bonus',
    ],
    script: {
      questions: [
        l(
          'Which services do you actually use every day — internet, TV, both?',
          'Какими услугами вы реально пользуетесь каждый день — интернет, ТВ, всё вместе?',
          'Якими послугами ви реально користуєтеся щодня — інтернет, ТБ, усе разом?',
        ),
        l(
          'What monthly amount would feel right to you?',
          'Какая сумма в месяц была бы для вас комфортной?',
          'Яка сума на місяць була б для вас комфортною?',
        ),
        l(
          'Is it the price itself, or did something else make you think about it now?',
          'Дело именно в цене или что-то ещё заставило задуматься об этом сейчас?',
          'Справа саме в ціні чи щось іще змусило замислитися про це зараз?',
        ),
      ],
      arguments: [
        l(
          'Your tariff is bigger than your usage — on a lighter one you stay connected and pay less.',
          'Ваш тариф больше, чем вам нужно — на более простом вы останетесь на связи и будете платить меньше.',
          'Ваш тариф більший, ніж вам потрібно — на простішому ви залишитеся на зв’язку й платитимете менше.',
        ),
        l(
          'Paying for a year at once works out cheaper than twelve monthly payments.',
          'Оплата за год сразу выходит дешевле, чем двенадцать ежемесячных платежей.',
          'Оплата за рік одразу виходить дешевше, ніж дванадцять щомісячних платежів.',
        ),
        l(
          'Coming back later means a connection fee; moving to a smaller tariff is free.',
          'Если потом захотите вернуться — будет плата за подключение, а переход на меньший тариф бесплатный.',
          'Якщо потім захочете повернутися — буде плата за підключення, а перехід на менший тариф безкоштовний.',
        ),
      ],
      objections: [
        o(
          l(
            'I don’t want a worse tariff.',
            'Не хочу тариф похуже.',
            'Не хочу гірший тариф.',
          ),
          l(
            'The cheaper tariff is still enough for video calls and HD TV, and you can switch back any time free of charge.',
            'Более дешёвого тарифа хватает и на видеозвонки, и на ТВ в HD; вернуться обратно можно в любой момент бесплатно.',
            'Дешевшого тарифу вистачає і на відеодзвінки, і на ТБ в HD; повернутися назад можна будь-коли безкоштовно.',
          ),
        ),
        o(
          l(
            'I’ll just go without.',
            'Обойдусь вообще без него.',
            'Обійдуся взагалі без нього.',
          ),
          l(
            'Let’s try the cheaper tariff for three months; if it still doesn’t suit you, I’ll help you disconnect without any penalty.',
            'Давайте попробуем недорогой тариф три месяца; если не подойдёт — помогу отключиться без всяких штрафов.',
            'Давайте спробуємо недорогий тариф три місяці; якщо не підійде — допоможу відключитися без жодних штрафів.',
          ),
        ),
      ],
      closing: [
        l(
          'Shall I switch you to the lighter tariff from the first of the month?',
          'Переключаю вас на более доступный тариф с первого числа?',
          'Переключаю вас на доступніший тариф з першого числа?',
        ),
      ],
    },
  },
  {
    code: 'equipment_rental_cost',
    group: 'price',
    managed: true,
    impliesCompetitor: false,
    threshold: 0.0003,
    title: l(
      'Equipment rental or return cost',
      'Стоимость аренды или возврата оборудования',
      'Вартість оренди чи повернення обладнання',
    ),
    description: l(
      'The subscriber objects to paying rent for the router, set-top box or TV module, a deposit, or a charge for equipment not returned. Often surfaces when the bill is compared with a competitor that gives the device for free.',
      'Абонент недоволен платой за аренду роутера, приставки или CAM-модуля, залогом или начислением за невозвращённое оборудование. Часто всплывает, когда счёт сравнивают с конкурентом, который даёт устройство бесплатно.',
      'Абонент незадоволений платою за оренду роутера, приставки чи CAM-модуля, заставою або нарахуванням за неповернене обладнання. Часто спливає, коли рахунок порівнюють з конкурентом, який дає пристрій безкоштовно.',
    ),
    typicalPhrases: [
      l(
        'Why do I keep paying rent for the router?',
        'Почему я до сих пор плачу за аренду роутера?',
        'Чому я досі плачу за оренду роутера?',
      ),
      l(
        'The set-top box rental costs almost as much as the TV package',
        'Аренда приставки стоит почти как сам пакет ТВ',
        'Оренда приставки коштує майже як сам пакет ТБ',
      ),
      l('equipment rent', 'аренда оборудования', 'оренда обладнання'),
      l(
        'You charged me for equipment I returned',
        'Вы выставили счёт за оборудование, которое я вернул',
        'Ви виставили рахунок за обладнання, яке я повернув',
      ),
      l(
        'I have my own router, I don’t need to rent yours',
        'У меня свой роутер, арендовать ваш не буду',
        'У мене свій роутер, орендувати ваш не буду',
      ),
    ],
    offerCodes: [
      'equipment_rent_waiver',
      'compensation_credit',
      'loyalty_bonus',
      'discount_10_3m',
    ],
    script: {
      questions: [
        l(
          'Which device is it — router, set-top box or TV module — and how much does it add to the bill?',
          'О каком устройстве речь — роутер, приставка, модуль — и сколько оно добавляет к счёту?',
          'Про який пристрій ідеться — роутер, приставка, модуль — і скільки він додає до рахунку?',
        ),
        l(
          'Is the device itself working well?',
          'Само устройство работает нормально?',
          'Сам пристрій працює нормально?',
        ),
        l(
          'Has another provider offered you equipment for free?',
          'Вам кто-то из провайдеров предлагал оборудование бесплатно?',
          'Вам хтось із провайдерів пропонував обладнання безкоштовно?',
        ),
      ],
      arguments: [
        l(
          'With your tenure we can hand the device over to you or waive the rent.',
          'При вашем стаже мы можем передать устройство вам в собственность или отменить аренду.',
          'З вашим стажем ми можемо передати пристрій вам у власність або скасувати оренду.',
        ),
        l(
          'Rented equipment is replaced free of charge if it breaks; your own is not.',
          'Арендное оборудование меняем бесплатно при поломке, а своё — нет.',
          'Орендоване обладнання міняємо безкоштовно в разі поломки, а своє — ні.',
        ),
        l(
          '“Free” devices at competitors are usually built into a higher monthly fee or a 24-month contract.',
          '«Бесплатное» оборудование у конкурентов обычно зашито в абонплату или в договор на 24 месяца.',
          '«Безкоштовне» обладнання в конкурентів зазвичай зашите в абонплату або в договір на 24 місяці.',
        ),
      ],
      objections: [
        o(
          l(
            'I’ll just use my own router.',
            'Я поставлю свой роутер.',
            'Я поставлю свій роутер.',
          ),
          l(
            'Fine — we’ll remove the rent and help you set up your router on our network today.',
            'Хорошо — снимем аренду и поможем сегодня же настроить ваш роутер в нашей сети.',
            'Добре — знімемо оренду й допоможемо сьогодні ж налаштувати ваш роутер у нашій мережі.',
          ),
        ),
        o(
          l(
            'The charge for the returned box is unfair.',
            'Начисление за сданную приставку — несправедливо.',
            'Нарахування за здану приставку — несправедливе.',
          ),
          l(
            'I’ll check the return record now; if it was returned, we’ll reverse the charge.',
            'Сейчас проверю акт возврата; если приставку сдавали — сторнируем начисление.',
            'Зараз перевірю акт повернення; якщо приставку здавали — сторнуємо нарахування.',
          ),
        ),
      ],
      closing: [
        l(
          'I’m removing the rent from next month — does that settle it?',
          'Убираю аренду со следующего месяца — так вас устроит?',
          'Прибираю оренду з наступного місяця — так вас влаштує?',
        ),
      ],
    },
  },

  // ─────────────────────────── competitor ───────────────────────────
  {
    code: 'competitor_cheaper',
    group: 'competitor',
    managed: true,
    impliesCompetitor: true,
    threshold: 0.002,
    title: l(
      'Cheaper competitor offer',
      'Конкурент предложил дешевле',
      'Конкурент запропонував дешевше',
    ),
    description: l(
      'The subscriber leaves for another provider because of a lower price — often a promo for newcomers or an offer from an agent who went door to door. Record the competitor and their price. The default code when the subscriber just says “I’m going to another provider”.',
      'Абонент уходит к другому провайдеру из-за более низкой цены — часто это акция для новых абонентов или предложение агента, обходившего подъезд. Фиксируйте конкурента и его цену. Код по умолчанию, если абонент говорит просто «ухожу к другому провайдеру».',
      'Абонент іде до іншого провайдера через нижчу ціну — часто це акція для нових абонентів або пропозиція агента, що обходив під’їзд. Фіксуйте конкурента та його ціну. Код за замовчуванням, якщо абонент каже просто «переходжу до іншого провайдера».',
    ),
    typicalPhrases: [
      l('went to a competitor', 'ушёл к конкуренту', 'пішов до конкурента'),
      l(
        'Another provider offered me the same for less',
        'Другой провайдер предложил то же самое дешевле',
        'Інший провайдер запропонував те саме дешевше',
      ),
      l(
        'An agent came round, their price is half of yours',
        'Приходил агент, у них в два раза дешевле',
        'Приходив агент, у них удвічі дешевше',
      ),
      l(
        'The neighbours switched, they pay less',
        'Соседи перешли, платят меньше',
        'Сусіди перейшли, платять менше',
      ),
      l('cheaper elsewhere', 'у конкурента дешевле', 'у конкурента дешевше'),
    ],
    offerCodes: [
      'discount_20_3m',
      'discount_30_6m',
      'annual_prepay',
      'tariff_upgrade',
      'loyalty_bonus',
    ],
    script: {
      questions: [
        l(
          'Which provider, and what exactly did they offer — price, speed, for how long?',
          'Какой провайдер и что конкретно предложил — цена, скорость, на какой срок?',
          'Який провайдер і що саме запропонував — ціна, швидкість, на який строк?',
        ),
        l(
          'Is their price after the promo written into the contract?',
          'Цена после окончания акции у них прописана в договоре?',
          'Ціна після закінчення акції в них прописана в договорі?',
        ),
        l(
          'Apart from the price, is anything in our service bothering you?',
          'Кроме цены, вас что-то не устраивает в нашей услуге?',
          'Крім ціни, вас щось не влаштовує в нашій послузі?',
        ),
      ],
      arguments: [
        l(
          'Promo prices for newcomers usually last 3–6 months; after that the regular price is higher than ours.',
          'Акционные цены для новых абонентов обычно действуют 3–6 месяцев, потом обычная цена выше нашей.',
          'Акційні ціни для нових абонентів зазвичай діють 3–6 місяців, потім звичайна ціна вища за нашу.',
        ),
        l(
          'Count the connection fee, the router and the installer’s visit — the first year often costs more than staying.',
          'Посчитайте подключение, роутер и выезд монтажника — первый год часто выходит дороже, чем остаться.',
          'Порахуйте підключення, роутер і виїзд монтажника — перший рік часто виходить дорожче, ніж залишитися.',
        ),
        l(
          'For loyal subscribers we can offer comparable terms without a new contract or installation.',
          'Для постоянных абонентов мы можем предложить сопоставимые условия без нового договора и монтажа.',
          'Для постійних абонентів ми можемо запропонувати співставні умови без нового договору й монтажу.',
        ),
      ],
      objections: [
        o(
          l(
            'They’re still cheaper, even after the promo.',
            'Они всё равно дешевле, даже после акции.',
            'Вони однаково дешевші, навіть після акції.',
          ),
          l(
            'Then let’s look at what you get for the money: evening speed, support hours, repair times. I’ll show you the comparison.',
            'Тогда давайте посмотрим, что вы получаете за эти деньги: скорость по вечерам, часы поддержки, сроки ремонта. Покажу сравнение.',
            'Тоді подивімося, що ви отримуєте за ці гроші: швидкість увечері, години підтримки, строки ремонту. Покажу порівняння.',
          ),
        ),
        o(
          l(
            'I’ve already signed with them.',
            'Я уже подписал с ними договор.',
            'Я вже підписав з ними договір.',
          ),
          l(
            'Their installer hasn’t come yet — you can still cancel, and we’ll give you a discount for staying.',
            'Монтажник ведь ещё не приходил — от подключения можно отказаться, а мы дадим скидку за то, что остаётесь.',
            'Монтажник же ще не приходив — від підключення можна відмовитися, а ми дамо знижку за те, що залишаєтеся.',
          ),
        ),
      ],
      closing: [
        l(
          'Let me set up the discount now, and you won’t have to change anything at home.',
          'Давайте я сейчас оформлю скидку, и дома ничего не придётся менять.',
          'Давайте я зараз оформлю знижку, і вдома нічого не доведеться міняти.',
        ),
      ],
    },
  },
  {
    code: 'competitor_faster',
    group: 'competitor',
    managed: true,
    impliesCompetitor: true,
    threshold: 0.0012,
    title: l(
      'Competitor offers faster speed or a better tariff',
      'У конкурента выше скорость или лучше тариф',
      'У конкурента вища швидкість або кращий тариф',
    ),
    description: l(
      'The subscriber compares tariffs and the competitor gives more for the same money: gigabit, fibre to the flat (GPON), higher speed, more channels. Typical after another provider brings fibre into the building. Record the competitor and their tariff.',
      'Абонент сравнивает тарифы, и конкурент за те же деньги даёт больше: гигабит, оптику в квартиру (GPON), большую скорость, больше каналов. Типично после того, как другой провайдер завёл в дом оптику. Фиксируйте конкурента и его тариф.',
      'Абонент порівнює тарифи, і конкурент за ті самі гроші дає більше: гігабіт, оптику в квартиру (GPON), вищу швидкість, більше каналів. Типово після того, як інший провайдер завів у будинок оптику. Фіксуйте конкурента та його тариф.',
    ),
    typicalPhrases: [
      l(
        'They give a gigabit for the same money',
        'У них гигабит за те же деньги',
        'У них гігабіт за ті самі гроші',
      ),
      l(
        'A fibre provider came into our building',
        'В дом зашла оптика от другого провайдера',
        'У будинок зайшла оптика від іншого провайдера',
      ),
      l(
        'The competitor’s speed is higher',
        'У конкурента скорость выше',
        'У конкурента швидкість вища',
      ),
      l(
        'Your tariffs are outdated, others give more',
        'Тарифы у вас устаревшие, другие дают больше',
        'Тарифи у вас застарілі, інші дають більше',
      ),
      l(
        'better tariff elsewhere',
        'у другого лучше тариф',
        'в іншого кращий тариф',
      ),
    ],
    offerCodes: [
      'tariff_upgrade',
      'equipment_swap',
      'discount_20_3m',
      'annual_prepay',
    ],
    script: {
      questions: [
        l(
          'What speed and price did they offer — is it fibre right into the flat?',
          'Какую скорость и за какую цену вам предложили — оптика прямо в квартиру?',
          'Яку швидкість і за яку ціну вам запропонували — оптика просто в квартиру?',
        ),
        l(
          'What do you mostly use the internet for — games, films, working from home?',
          'Для чего вы в основном используете интернет — игры, фильмы, работа из дома?',
          'Для чого ви переважно використовуєте інтернет — ігри, фільми, робота з дому?',
        ),
        l(
          'Does your current speed hold up in the evening?',
          'Ваша нынешняя скорость вечером держится?',
          'Ваша теперішня швидкість увечері тримається?',
        ),
      ],
      arguments: [
        l(
          'We can move you to a faster tariff today at your current price for three months.',
          'Можем сегодня перевести вас на более скоростной тариф по вашей нынешней цене на три месяца.',
          'Можемо сьогодні перевести вас на швидший тариф за вашою теперішньою ціною на три місяці.',
        ),
        l(
          'Over Wi-Fi most devices don’t take more than 300 Mbit/s — a gigabit on paper rarely reaches the phone.',
          'По Wi-Fi большинство устройств больше 300 Мбит/с не берут — гигабит на бумаге до телефона почти никогда не доходит.',
          'Через Wi-Fi більшість пристроїв понад 300 Мбіт/с не беруть — гігабіт на папері до телефона майже ніколи не доходить.',
        ),
        l(
          'Our speed is guaranteed in the contract, not “up to”.',
          'Скорость у нас гарантирована договором, а не «до».',
          'Швидкість у нас гарантована договором, а не «до».',
        ),
      ],
      objections: [
        o(
          l(
            'But they have fibre.',
            'Но у них же оптика.',
            'Але ж у них оптика.',
          ),
          l(
            'We are upgrading your building too; until then a faster tariff and a new dual-band router close the gap.',
            'Мы тоже модернизируем ваш дом; а пока более быстрый тариф и новый двухдиапазонный роутер закроют разницу.',
            'Ми теж модернізуємо ваш будинок; а поки швидший тариф і новий дводіапазонний роутер закриють різницю.',
          ),
        ),
        o(
          l(
            'Why should I wait for you?',
            'Почему я должен вас ждать?',
            'Чому я маю вас чекати?',
          ),
          l(
            'You don’t have to — the faster tariff starts today, without a new installation.',
            'Ждать не нужно — быстрый тариф включим сегодня, без нового монтажа.',
            'Чекати не треба — швидкий тариф увімкнемо сьогодні, без нового монтажу.',
          ),
        ),
      ],
      closing: [
        l(
          'Shall I switch on the faster tariff now so you can test it this evening?',
          'Включаю вам скоростной тариф прямо сейчас — вечером сможете проверить?',
          'Вмикаю вам швидкісний тариф просто зараз — увечері зможете перевірити?',
        ),
      ],
    },
  },
  {
    code: 'competitor_bundle',
    group: 'competitor',
    managed: true,
    impliesCompetitor: true,
    threshold: 0.0008,
    title: l(
      'Competitor bundle, device or promo',
      'Пакет, устройство или акция конкурента',
      'Пакет, пристрій чи акція конкурента',
    ),
    description: l(
      'The competitor wins with a package rather than the price of one service: mobile + home internet + TV on one bill, a free set-top box or phone, free months, a streaming subscription as a gift. Record the competitor and what the bundle contains.',
      'Конкурент выигрывает не ценой одной услуги, а пакетом: мобильная связь + домашний интернет + ТВ одним счётом, бесплатная приставка или телефон, бесплатные месяцы, подписка на онлайн-кинотеатр в подарок. Фиксируйте конкурента и состав пакета.',
      'Конкурент виграє не ціною однієї послуги, а пакетом: мобільний зв’язок + домашній інтернет + ТБ одним рахунком, безкоштовна приставка чи телефон, безкоштовні місяці, підписка на онлайн-кінотеатр у подарунок. Фіксуйте конкурента і склад пакета.',
    ),
    typicalPhrases: [
      l(
        'They give mobile, internet and TV in one package',
        'У них мобильная связь, интернет и ТВ одним пакетом',
        'У них мобільний зв’язок, інтернет і ТБ одним пакетом',
      ),
      l(
        'The other operator gives a set-top box for free',
        'Другой оператор даёт приставку бесплатно',
        'Інший оператор дає приставку безкоштовно',
      ),
      l(
        'Three months free if I switch',
        'Обещают три месяца бесплатно при переходе',
        'Обіцяють три місяці безкоштовно при переході',
      ),
      l(
        'They throw in a streaming subscription as a gift',
        'Дают в подарок подписку на онлайн-кинотеатр',
        'Дають у подарунок підписку на онлайн-кінотеатр',
      ),
      l(
        'competitor bundle',
        'пакетное предложение конкурента',
        'пакетна пропозиція конкурента',
      ),
    ],
    offerCodes: [
      'extra_service',
      'equipment_swap',
      'discount_20_3m',
      'loyalty_bonus',
    ],
    script: {
      questions: [
        l(
          'What exactly is in their package, and what does it cost after the free months?',
          'Что именно входит в их пакет и сколько он стоит после бесплатных месяцев?',
          'Що саме входить у їхній пакет і скільки він коштує після безкоштовних місяців?',
        ),
        l(
          'What matters most to you in it — the mobile, the device or one bill for everything?',
          'Что для вас в нём главное — мобильная связь, устройство или один счёт на всё?',
          'Що для вас у ньому головне — мобільний зв’язок, пристрій чи один рахунок на все?',
        ),
        l(
          'Is there a minimum term or a penalty for leaving early?',
          'Там есть минимальный срок или штраф за досрочное расторжение?',
          'Там є мінімальний строк або штраф за дострокове розірвання?',
        ),
      ],
      arguments: [
        l(
          'We have bundles too — adding TV or a second service costs less than taking it separately.',
          'У нас тоже есть пакеты — добавить ТВ или вторую услугу дешевле, чем подключать отдельно.',
          'У нас теж є пакети — додати ТБ чи другу послугу дешевше, ніж підключати окремо.',
        ),
        l(
          'A “free” device usually comes with a 12–24-month contract and a penalty.',
          '«Бесплатное» устройство обычно идёт с договором на 12–24 месяца и штрафом.',
          '«Безкоштовний» пристрій зазвичай іде з договором на 12–24 місяці і штрафом.',
        ),
        l(
          'We can give you a set-top box or a streaming subscription for staying.',
          'Мы можем дать вам приставку или подписку на онлайн-кинотеатр за то, что остаётесь.',
          'Ми можемо дати вам приставку або підписку на онлайн-кінотеатр за те, що залишаєтеся.',
        ),
      ],
      objections: [
        o(
          l(
            'One bill for everything is just easier.',
            'Один счёт за всё — просто удобнее.',
            'Один рахунок за все — просто зручніше.',
          ),
          l(
            'Agreed — I can add the second service to your account: one bill and a bundle discount.',
            'Согласна — могу добавить вторую услугу на ваш лицевой счёт: будет один счёт и скидка за пакет.',
            'Згодна — можу додати другу послугу на ваш особовий рахунок: буде один рахунок і знижка за пакет.',
          ),
        ),
        o(
          l(
            'Their gift is worth more than your discount.',
            'Их подарок стоит больше вашей скидки.',
            'Їхній подарунок вартий більше за вашу знижку.',
          ),
          l(
            'Let’s count it over a year, including their price after the promo — I’ll write it down for you.',
            'Давайте посчитаем за год, вместе с ценой после акции — я вам распишу.',
            'Давайте порахуємо за рік, разом із ціною після акції — я вам розпишу.',
          ),
        ),
      ],
      closing: [
        l(
          'Shall I add the extra service to your package, free for the first three months?',
          'Подключаю дополнительную услугу в ваш пакет — первые три месяца бесплатно?',
          'Підключаю додаткову послугу у ваш пакет — перші три місяці безкоштовно?',
        ),
      ],
    },
  },

  // ───────────────────────────── quality ─────────────────────────────
  {
    code: 'network_outages',
    group: 'quality',
    managed: true,
    impliesCompetitor: false,
    threshold: 0.001,
    title: l(
      'Outages and unreliable connection',
      'Обрывы и нестабильная связь',
      'Обриви та нестабільний зв’язок',
    ),
    description: l(
      'The service keeps dropping: the internet disappears several times a day or for hours, the TV goes off, the whole building is down after storms or power cuts. Check the outage log for the address before arguing — the complaint is usually justified.',
      'Услуга постоянно пропадает: интернет отваливается несколько раз в день или на часы, пропадает ТВ, весь дом без связи после грозы или отключения света. Прежде чем спорить, проверьте журнал аварий по адресу — жалоба обычно обоснованная.',
      'Послуга постійно зникає: інтернет відпадає кілька разів на день або на години, зникає ТБ, увесь будинок без зв’язку після грози чи відключення світла. Перш ніж сперечатися, перевірте журнал аварій за адресою — скарга зазвичай обґрунтована.',
    ),
    typicalPhrases: [
      l(
        'The internet keeps dropping out',
        'Интернет постоянно пропадает',
        'Інтернет постійно зникає',
      ),
      l(
        'Every evening the connection goes down',
        'Каждый вечер связь отваливается',
        'Щовечора зв’язок відвалюється',
      ),
      l(
        'We had no internet for three days',
        'Три дня сидели без интернета',
        'Три дні сиділи без інтернету',
      ),
      l(
        'As soon as the power goes off, your network is down',
        'Как только отключают свет — у вас всё лежит',
        'Щойно вимикають світло — у вас усе лежить',
      ),
      l('frequent outages', 'частые аварии', 'часті аварії'),
      l('unstable connection', 'нестабильная связь', 'нестабільний зв’язок'),
    ],
    offerCodes: [
      'technician_visit',
      'compensation_credit',
      'equipment_swap',
      'discount_10_3m',
    ],
    script: {
      questions: [
        l(
          'When did it last drop, and for how long?',
          'Когда последний раз пропадала связь и на сколько?',
          'Коли востаннє зникав зв’язок і на скільки?',
        ),
        l(
          'Does it drop on every device — on the cable as well as Wi-Fi?',
          'Пропадает на всех устройствах — и по кабелю, и по Wi-Fi?',
          'Зникає на всіх пристроях — і по кабелю, і через Wi-Fi?',
        ),
        l(
          'Did you report it before, and what were you told?',
          'Вы уже обращались по этому поводу — что вам ответили?',
          'Ви вже зверталися з цього приводу — що вам відповіли?',
        ),
      ],
      arguments: [
        l(
          'I can see the incidents at your address; the line is booked for repair, and I’ll credit you for the days without service.',
          'Я вижу аварии по вашему адресу; линия поставлена в ремонт, а дни без связи я вам компенсирую.',
          'Я бачу аварії за вашою адресою; лінію поставлено в ремонт, а дні без зв’язку я вам компенсую.',
        ),
        l(
          'We are installing backup power in buildings so the service survives power cuts.',
          'Мы ставим резервное питание в домах, чтобы связь не пропадала при отключениях света.',
          'Ми ставимо резервне живлення в будинках, щоб зв’язок не зникав під час відключень світла.',
        ),
        l(
          'A technician will check the line to your flat free of charge.',
          'Мастер бесплатно проверит линию до вашей квартиры.',
          'Майстер безкоштовно перевірить лінію до вашої квартири.',
        ),
      ],
      objections: [
        o(
          l(
            'You’ve promised that before.',
            'Вы это уже обещали.',
            'Ви це вже обіцяли.',
          ),
          l(
            'This time I’m putting the ticket under the supervisor’s control and will call you back myself after the visit.',
            'На этот раз я ставлю заявку на контроль руководителю и сама перезвоню вам после визита мастера.',
            'Цього разу я ставлю заявку на контроль керівнику і сама передзвоню вам після візиту майстра.',
          ),
        ),
        o(
          l(
            'I can’t work like this.',
            'Я так работать не могу.',
            'Я так працювати не можу.',
          ),
          l(
            'Then let’s fix a date for the technician and credit you for the lost days; if it happens again, you can leave without any penalty.',
            'Тогда давайте назначим мастера на конкретную дату и сделаем перерасчёт за потерянные дни; если повторится — отключим без всяких санкций.',
            'Тоді призначмо майстра на конкретну дату й зробимо перерахунок за втрачені дні; якщо повториться — відключимо без жодних санкцій.',
          ),
        ),
      ],
      closing: [
        l(
          'I’m booking the technician and applying the credit — shall we see how it works for two weeks?',
          'Записываю мастера и делаю перерасчёт — давайте посмотрим две недели, как будет работать?',
          'Записую майстра і роблю перерахунок — подивімося два тижні, як працюватиме?',
        ),
      ],
    },
  },
  {
    code: 'slow_speed',
    group: 'quality',
    managed: true,
    impliesCompetitor: false,
    threshold: 0.0008,
    title: l(
      'Slow speed, below the tariff',
      'Низкая скорость, ниже тарифа',
      'Низька швидкість, нижча за тариф',
    ),
    description: l(
      'The connection works but is slow: speed tests show far less than the tariff, pages and video load slowly in the evening, games lag. Tell it apart from Wi-Fi problems — ask whether it is slow on a cable too.',
      'Связь есть, но медленная: спидтест показывает намного меньше тарифа, вечером долго грузятся страницы и видео, в играх лагает. Отличайте от проблем с Wi-Fi — спросите, медленно ли по кабелю.',
      'Зв’язок є, але повільний: спідтест показує набагато менше за тариф, увечері довго вантажаться сторінки й відео, в іграх лагає. Відрізняйте від проблем з Wi-Fi — спитайте, чи повільно по кабелю.',
    ),
    typicalPhrases: [
      l(
        'The speed is nowhere near what I pay for',
        'Скорость совсем не та, за которую я плачу',
        'Швидкість зовсім не та, за яку я плачу',
      ),
      l(
        'In the evening everything is slow, videos keep buffering',
        'Вечером всё тормозит, видео не грузится',
        'Увечері все гальмує, відео не вантажиться',
      ),
      l(
        'Speed test shows 20 instead of 100',
        'Спидтест показывает 20 вместо 100',
        'Спідтест показує 20 замість 100',
      ),
      l('low speed', 'низкая скорость', 'низька швидкість'),
      l(
        'Slow internet, games lag',
        'Интернет медленный, в играх лаги',
        'Інтернет повільний, в іграх лаги',
      ),
    ],
    offerCodes: [
      'technician_visit',
      'equipment_swap',
      'tariff_upgrade',
      'compensation_credit',
    ],
    script: {
      questions: [
        l(
          'Is it slow on a cable too, or only over Wi-Fi?',
          'По кабелю тоже медленно или только по Wi-Fi?',
          'По кабелю теж повільно чи лише через Wi-Fi?',
        ),
        l(
          'At what time of day is it worst?',
          'В какое время суток хуже всего?',
          'У який час доби найгірше?',
        ),
        l(
          'How many devices are online at home at the same time?',
          'Сколько устройств одновременно подключено дома?',
          'Скільки пристроїв одночасно під’єднано вдома?',
        ),
      ],
      arguments: [
        l(
          'I can test the line right now and see the real speed to your port.',
          'Я могу прямо сейчас протестировать линию и увидеть реальную скорость до вашего порта.',
          'Я можу просто зараз протестувати лінію і побачити реальну швидкість до вашого порту.',
        ),
        l(
          'The bottleneck is often an old router; we replace it free of charge.',
          'Часто узкое место — старый роутер; мы меняем его бесплатно.',
          'Часто вузьке місце — старий роутер; ми міняємо його безкоштовно.',
        ),
        l(
          'While we fix it, we’ll raise your tariff speed at no extra cost.',
          'Пока устраняем, повысим вам скорость тарифа без доплаты.',
          'Поки усуваємо, підвищимо вам швидкість тарифу без доплати.',
        ),
      ],
      objections: [
        o(
          l(
            'Every provider says that.',
            'Это все провайдеры говорят.',
            'Це всі провайдери кажуть.',
          ),
          l(
            'Then let’s measure it together after the fix; if the speed isn’t there, I’ll arrange a refund for the period.',
            'Тогда давайте вместе замерим после исправления; если скорости не будет — оформлю возврат за этот период.',
            'Тоді разом заміряймо після виправлення; якщо швидкості не буде — оформлю повернення за цей період.',
          ),
        ),
        o(
          l(
            'I don’t have time to wait for technicians.',
            'У меня нет времени ждать мастеров.',
            'У мене немає часу чекати майстрів.',
          ),
          l(
            'The visit takes about half an hour, and we can come in the evening or on Saturday.',
            'Визит занимает около получаса, можем прийти вечером или в субботу.',
            'Візит триває близько пів години, можемо прийти ввечері чи в суботу.',
          ),
        ),
      ],
      closing: [
        l(
          'I’m raising your speed today and booking the check — agreed?',
          'Поднимаю скорость сегодня и записываю на проверку — договорились?',
          'Піднімаю швидкість сьогодні й записую на перевірку — домовилися?',
        ),
      ],
    },
  },
  {
    code: 'tv_picture_quality',
    group: 'quality',
    managed: true,
    impliesCompetitor: false,
    threshold: 0.0004,
    title: l(
      'TV picture or channel reception problems',
      'Проблемы с изображением или приёмом каналов ТВ',
      'Проблеми із зображенням чи прийомом каналів ТБ',
    ),
    description: l(
      'The cable or IPTV picture freezes, breaks into squares, loses sound; channels disappear or show “no signal”; the set-top box hangs. Ask which channels and since when — it is often a splitter, cable or box that one visit fixes.',
      'Картинка на кабельном или IP-ТВ зависает, рассыпается на квадраты, пропадает звук; каналы исчезают или пишут «нет сигнала»; приставка виснет. Уточните, какие каналы и с какого времени — часто дело в сплиттере, кабеле или приставке, и один выезд мастера всё решает.',
      'Картинка на кабельному чи IP-ТБ зависає, розсипається на квадрати, зникає звук; канали зникають або пишуть «немає сигналу»; приставка висне. Уточніть, які канали і відколи — часто справа в сплітері, кабелі чи приставці, і один виїзд майстра все вирішує.',
    ),
    typicalPhrases: [
      l(
        'The picture freezes and breaks into squares',
        'Картинка зависает и сыплется квадратами',
        'Картинка зависає і сиплеться квадратами',
      ),
      l(
        'Half the channels say “no signal”',
        'На половине каналов пишет «нет сигнала»',
        'На половині каналів пише «немає сигналу»',
      ),
      l(
        'The TV box keeps freezing',
        'Приставка постоянно виснет',
        'Приставка постійно висне',
      ),
      l(
        'bad TV picture',
        'плохое качество изображения ТВ',
        'погана якість зображення ТБ',
      ),
      l(
        'The sound lags behind and channels go off',
        'Звук отстаёт, каналы пропадают',
        'Звук відстає, канали зникають',
      ),
    ],
    offerCodes: [
      'technician_visit',
      'equipment_swap',
      'compensation_credit',
      'discount_10_3m',
    ],
    script: {
      questions: [
        l(
          'Which channels are affected — all or some of them?',
          'На каких каналах это происходит — на всех или на некоторых?',
          'На яких каналах це відбувається — на всіх чи на деяких?',
        ),
        l(
          'Is it on every TV in the flat?',
          'На всех телевизорах в квартире?',
          'На всіх телевізорах у квартирі?',
        ),
        l(
          'Do you watch through our set-top box or the TV’s built-in tuner?',
          'Смотрите через нашу приставку или через тюнер самого телевизора?',
          'Дивитеся через нашу приставку чи через тюнер самого телевізора?',
        ),
      ],
      arguments: [
        l(
          'It is usually a splitter or a cable in the flat — the technician fixes it in one visit.',
          'Обычно виноват сплиттер или кабель в квартире — мастер исправит за один визит.',
          'Зазвичай винен сплітер або кабель у квартирі — майстер виправить за один візит.',
        ),
        l(
          'We’ll replace the set-top box with a newer model free of charge.',
          'Бесплатно заменим приставку на более новую модель.',
          'Безкоштовно замінимо приставку на новішу модель.',
        ),
        l(
          'You’ll get a credit for the days the picture was bad.',
          'За дни с плохим изображением сделаем перерасчёт.',
          'За дні з поганим зображенням зробимо перерахунок.',
        ),
      ],
      objections: [
        o(
          l(
            'I’ll just watch online instead.',
            'Да я лучше буду смотреть онлайн.',
            'Та я краще дивитимуся онлайн.',
          ),
          l(
            'You can — our TV package includes the app for phone and smart TV at no extra cost.',
            'Можно и так — в наш ТВ-пакет входит приложение для телефона и смарт-ТВ без доплаты.',
            'Можна й так — у наш ТБ-пакет входить застосунок для телефона і смарт-ТБ без доплати.',
          ),
        ),
        o(
          l(
            'The technician already came and nothing changed.',
            'Мастер уже приходил, ничего не изменилось.',
            'Майстер уже приходив, нічого не змінилося.',
          ),
          l(
            'Then it’s the box or the building network; I’m escalating to the senior engineer.',
            'Значит, дело в приставке или в домовой сети; передаю заявку старшему инженеру.',
            'Отже, справа в приставці або в будинковій мережі; передаю заявку старшому інженерові.',
          ),
        ),
      ],
      closing: [
        l(
          'I’m booking the technician with a replacement box — what time suits you?',
          'Записываю мастера с новой приставкой — в какое время вам удобно?',
          'Записую майстра з новою приставкою — коли вам зручно?',
        ),
      ],
    },
  },
  {
    code: 'voice_quality',
    group: 'quality',
    managed: true,
    impliesCompetitor: false,
    threshold: 0.0003,
    title: l(
      'Poor call quality or mobile coverage',
      'Плохое качество звонков или покрытие',
      'Погана якість дзвінків чи покриття',
    ),
    description: l(
      'For telephony and mobile: noise or echo on the landline, calls cut off, the other side can’t hear, no mobile signal at home or at work, late SMS. Ask where and when; record the address for a coverage check.',
      'Для телефонии и мобильной связи: шум или эхо на городском телефоне, звонки обрываются, собеседник не слышит, дома или на работе нет сигнала сети, SMS приходят с опозданием. Уточните, где и когда; запишите адрес для проверки покрытия.',
      'Для телефонії та мобільного зв’язку: шум чи луна на домашньому телефоні, дзвінки обриваються, співрозмовник не чує, вдома чи на роботі немає сигналу мережі, SMS приходять із запізненням. Уточніть, де і коли; запишіть адресу для перевірки покриття.',
    ),
    typicalPhrases: [
      l(
        'Calls keep cutting off',
        'Звонки постоянно обрываются',
        'Дзвінки постійно обриваються',
      ),
      l(
        'There’s crackling on the landline',
        'На домашнем телефоне треск и шум',
        'На домашньому телефоні тріск і шум',
      ),
      l(
        'No mobile signal in my flat',
        'В квартире не ловит мобильная сеть',
        'У квартирі не ловить мобільна мережа',
      ),
      l('poor coverage', 'плохое покрытие', 'погане покриття'),
      l(
        'People can’t hear me on calls',
        'Меня не слышно, когда звоню',
        'Мене не чути, коли дзвоню',
      ),
    ],
    offerCodes: [
      'technician_visit',
      'extra_service',
      'tariff_downgrade',
      'compensation_credit',
    ],
    script: {
      questions: [
        l(
          'Where does it happen — at home, at work, on the road?',
          'Где это происходит — дома, на работе, в дороге?',
          'Де це відбувається — вдома, на роботі, в дорозі?',
        ),
        l(
          'Is it every call or only certain numbers?',
          'На всех звонках или только на определённые номера?',
          'На всіх дзвінках чи лише на певні номери?',
        ),
        l(
          'Do you make calls over Wi-Fi at home?',
          'Дома вы звоните через Wi-Fi?',
          'Вдома ви телефонуєте через Wi-Fi?',
        ),
      ],
      arguments: [
        l(
          'We can switch on Wi-Fi calling so that calls at home go through your internet.',
          'Можем включить звонки через Wi-Fi — дома вызовы пойдут через ваш интернет.',
          'Можемо увімкнути дзвінки через Wi-Fi — вдома виклики йтимуть через ваш інтернет.',
        ),
        l(
          'A technician will check the landline pair and the socket free of charge.',
          'Мастер бесплатно проверит телефонную пару и розетку.',
          'Майстер безкоштовно перевірить телефонну пару й розетку.',
        ),
        l(
          'Your address goes into the coverage improvement plan; I’ll let you know the dates.',
          'Ваш адрес попадёт в план улучшения покрытия — сообщу вам сроки.',
          'Вашу адресу буде внесено до плану покращення покриття — повідомлю вам строки.',
        ),
      ],
      objections: [
        o(
          l(
            'I’ll just get another operator’s SIM.',
            'Возьму симку другого оператора.',
            'Візьму сімку іншого оператора.',
          ),
          l(
            'You can keep your number and try Wi-Fi calling for a month first — at no cost.',
            'Можно сохранить номер и сначала месяц попробовать звонки через Wi-Fi — бесплатно.',
            'Можна зберегти номер і спершу місяць спробувати дзвінки через Wi-Fi — безкоштовно.',
          ),
        ),
        o(
          l(
            'Nobody uses a landline anyway.',
            'Городским телефоном всё равно никто не пользуется.',
            'Домашнім телефоном однаково ніхто не користується.',
          ),
          l(
            'Then we’ll move your number to a cheaper tariff so you don’t lose it.',
            'Тогда переведём номер на более дешёвый тариф, чтобы его не потерять.',
            'Тоді переведемо номер на дешевший тариф, щоб його не втратити.',
          ),
        ),
      ],
      closing: [
        l(
          'I’m opening a line and coverage check and switching on Wi-Fi calling — shall we talk in a week?',
          'Открываю заявку на проверку линии и покрытия и включаю звонки через Wi-Fi — созвонимся через неделю?',
          'Відкриваю заявку на перевірку лінії та покриття й вмикаю дзвінки через Wi-Fi — зідзвонимося за тиждень?',
        ),
      ],
    },
  },

  // ──────────────────────────── technical ────────────────────────────
  {
    code: 'wifi_router',
    group: 'technical',
    managed: true,
    impliesCompetitor: false,
    threshold: 0.0004,
    title: l(
      'Wi-Fi or router problems',
      'Проблемы с Wi-Fi или роутером',
      'Проблеми з Wi-Fi або роутером',
    ),
    description: l(
      'The line is fine, but Wi-Fi is weak in some rooms, the router reboots or overheats, devices can’t connect, the signal doesn’t reach the kitchen. Usually solved with a router swap, a mesh extender or a visit — never a reason to lose the subscriber.',
      'Линия в порядке, но Wi-Fi слабый в части комнат, роутер перезагружается или греется, устройства не подключаются, сигнал не добивает до кухни. Обычно решается заменой роутера, mesh-усилителем или выездом мастера — терять из-за этого абонента нельзя.',
      'Лінія в порядку, але Wi-Fi слабкий у частині кімнат, роутер перезавантажується чи гріється, пристрої не під’єднуються, сигнал не добиває до кухні. Зазвичай вирішується заміною роутера, mesh-підсилювачем або виїздом майстра — втрачати через це абонента не можна.',
    ),
    typicalPhrases: [
      l(
        'Wi-Fi doesn’t reach the bedroom',
        'Вай-фай не добивает до спальни',
        'Вайфай не добиває до спальні',
      ),
      l(
        'The router keeps rebooting',
        'Роутер постоянно перезагружается',
        'Роутер постійно перезавантажується',
      ),
      l(
        'My phone can’t connect to the Wi-Fi',
        'Телефон не подключается к вайфаю',
        'Телефон не під’єднується до вайфаю',
      ),
      l('weak Wi-Fi signal', 'слабый сигнал Wi-Fi', 'слабкий сигнал Wi-Fi'),
      l(
        'Your router is old and overheats',
        'Ваш роутер старый и греется',
        'Ваш роутер старий і гріється',
      ),
    ],
    offerCodes: ['equipment_swap', 'technician_visit', 'extra_service'],
    script: {
      questions: [
        l(
          'Is the internet fine when you plug a computer in by cable?',
          'Если подключить компьютер кабелем, интернет нормальный?',
          'Якщо під’єднати комп’ютер кабелем, інтернет нормальний?',
        ),
        l(
          'Where is the router, and which rooms are the problem?',
          'Где стоит роутер и в каких комнатах проблема?',
          'Де стоїть роутер і в яких кімнатах проблема?',
        ),
        l(
          'How old is the router — is it ours or your own?',
          'Сколько лет роутеру — он наш или ваш собственный?',
          'Скільки років роутеру — він наш чи ваш власний?',
        ),
      ],
      arguments: [
        l(
          'We’ll replace the router with a dual-band model free of charge.',
          'Бесплатно заменим роутер на двухдиапазонный.',
          'Безкоштовно замінимо роутер на дводіапазонний.',
        ),
        l(
          'In 30 minutes a technician sets up the Wi-Fi and finds the right spot for the router.',
          'Мастер за полчаса настроит Wi-Fi и подберёт правильное место для роутера.',
          'Майстер за пів години налаштує Wi-Fi і підбере правильне місце для роутера.',
        ),
        l(
          'A new provider would install the same kind of router — and your walls stay the same.',
          'Новый провайдер поставит такой же роутер — а стены-то останутся те же.',
          'Новий провайдер поставить такий самий роутер — а стіни ж залишаться ті самі.',
        ),
      ],
      objections: [
        o(
          l(
            'I’ve restarted it a hundred times already.',
            'Я его уже сто раз перезагружал.',
            'Я його вже сто разів перезавантажував.',
          ),
          l(
            'Then it’s the router, not you — I’m sending a replacement.',
            'Значит, дело в роутере, а не в вас — отправляю замену.',
            'Значить, справа в роутері, а не у вас — надсилаю заміну.',
          ),
        ),
        o(
          l(
            'A new router will cost me money.',
            'Новый роутер — это лишние деньги.',
            'Новий роутер — це зайві гроші.',
          ),
          l(
            'The swap is free for you, and the rent doesn’t change.',
            'Замена для вас бесплатная, аренда не меняется.',
            'Заміна для вас безкоштовна, оренда не змінюється.',
          ),
        ),
      ],
      closing: [
        l(
          'I’m booking the router swap with setup — morning or evening?',
          'Записываю замену роутера с настройкой — утром или вечером удобнее?',
          'Записую заміну роутера з налаштуванням — вранці чи ввечері зручніше?',
        ),
      ],
    },
  },
  {
    code: 'long_repair',
    group: 'technical',
    managed: true,
    impliesCompetitor: false,
    threshold: 0.0004,
    title: l(
      'Long repair or technician waiting time',
      'Долгий ремонт или ожидание мастера',
      'Довгий ремонт чи очікування майстра',
    ),
    description: l(
      'A fault was reported, but the repair took days, the technician did not come at the agreed time, or came several times without result. The subscriber is angrier about the time lost than about the fault itself.',
      'О неисправности сообщили, но ремонт тянулся днями, мастер не пришёл в оговорённое время или приходил несколько раз без результата. Абонент злится на потерянное время больше, чем на саму поломку.',
      'Про несправність повідомили, але ремонт тягнувся днями, майстер не прийшов в обумовлений час або приходив кілька разів без результату. Абонент злиться на втрачений час більше, ніж на саму поломку.',
    ),
    typicalPhrases: [
      l(
        'I waited a week for the technician',
        'Мастера ждал неделю',
        'Майстра чекав тиждень',
      ),
      l(
        'The technician never showed up',
        'Мастер так и не пришёл',
        'Майстер так і не прийшов',
      ),
      l('long repair', 'долгий ремонт', 'довгий ремонт'),
      l(
        'It took five days to fix the cable',
        'Пять дней чинили кабель',
        'П’ять днів лагодили кабель',
      ),
      l(
        'I took a day off work and nobody came',
        'Отпросился с работы, а никто не приехал',
        'Відпросився з роботи, а ніхто не приїхав',
      ),
    ],
    offerCodes: [
      'technician_visit',
      'compensation_credit',
      'discount_10_3m',
      'loyalty_bonus',
    ],
    script: {
      questions: [
        l(
          'When did you report the fault, and is everything working now?',
          'Когда вы оставили заявку и сейчас всё работает?',
          'Коли ви залишили заявку і зараз усе працює?',
        ),
        l(
          'Were you happy with the service before this happened?',
          'До этого случая вас всё устраивало?',
          'До цього випадку вас усе влаштовувало?',
        ),
        l(
          'What time slots suit you for a visit?',
          'В какое время вам удобно принять мастера?',
          'У який час вам зручно прийняти майстра?',
        ),
      ],
      arguments: [
        l(
          'I apologise — the delay is our fault; you’ll get a credit for every day without service.',
          'Приношу извинения — задержка на нашей стороне; за каждый день без услуги будет перерасчёт.',
          'Перепрошую — затримка з нашого боку; за кожен день без послуги буде перерахунок.',
        ),
        l(
          'I’m booking a priority visit with a confirmed time window.',
          'Записываю вас на приоритетный выезд с точным временным окном.',
          'Записую вас на пріоритетний виїзд із точним часовим вікном.',
        ),
        l(
          'With a new provider the first installation also means days of waiting.',
          'У нового провайдера первое подключение тоже займёт дни ожидания.',
          'У нового провайдера перше підключення теж займе дні очікування.',
        ),
      ],
      objections: [
        o(
          l(
            'I don’t believe your time windows.',
            'Я не верю вашим временным окнам.',
            'Я не вірю вашим часовим вікнам.',
          ),
          l(
            'The technician will call 30 minutes before arriving, and I’ll check the visit myself.',
            'Мастер позвонит за 30 минут до приезда, а я сама проконтролирую визит.',
            'Майстер зателефонує за 30 хвилин до приїзду, а я сама проконтролюю візит.',
          ),
        ),
        o(
          l(
            'I’ve already lost working days because of you.',
            'Я из-за вас уже потерял рабочие дни.',
            'Я через вас уже втратив робочі дні.',
          ),
          l(
            'I understand; besides the credit I can offer a month at a discount as an apology.',
            'Понимаю; кроме перерасчёта могу предложить месяц со скидкой в качестве извинения.',
            'Розумію; крім перерахунку можу запропонувати місяць зі знижкою як вибачення.',
          ),
        ),
      ],
      closing: [
        l(
          'I’ve booked a priority visit and applied the credit — shall I call you after the repair?',
          'Оформила приоритетный выезд и перерасчёт — перезвонить вам после ремонта?',
          'Оформила пріоритетний виїзд і перерахунок — передзвонити вам після ремонту?',
        ),
      ],
    },
  },

  // ───────────────────────────── product ─────────────────────────────
  {
    code: 'channel_lineup',
    group: 'product',
    managed: true,
    impliesCompetitor: false,
    threshold: 0.0003,
    title: l(
      'Too few channels or channels removed',
      'Мало каналов или каналы убрали',
      'Мало каналів або канали прибрали',
    ),
    description: l(
      'The TV package lacks the channels the subscriber wants (sport, films, children’s, regional) or a favourite channel was dropped from the lineup. Ask which channel: the right add-on pack usually costs less than a new provider.',
      'В ТВ-пакете нет нужных каналов (спорт, кино, детские, региональные) или любимый канал убрали из сетки. Спросите, какой именно канал: подходящий дополнительный пакет обычно дешевле, чем новый провайдер.',
      'У ТБ-пакеті немає потрібних каналів (спорт, кіно, дитячі, регіональні) або улюблений канал прибрали із сітки. Спитайте, який саме канал: відповідний додатковий пакет зазвичай дешевший, ніж новий провайдер.',
    ),
    typicalPhrases: [
      l(
        'You removed my favourite channel',
        'Вы убрали мой любимый канал',
        'Ви прибрали мій улюблений канал',
      ),
      l(
        'There’s no football in the package',
        'В пакете нет футбола',
        'У пакеті немає футболу',
      ),
      l('few channels', 'мало каналов', 'мало каналів'),
      l(
        'Nothing to watch, the same channels all the time',
        'Смотреть нечего, одни и те же каналы',
        'Дивитися нічого, ті самі канали',
      ),
      l(
        'The kids’ channels disappeared',
        'Пропали детские каналы',
        'Зникли дитячі канали',
      ),
    ],
    offerCodes: ['extra_service', 'tariff_upgrade', 'discount_10_3m'],
    script: {
      questions: [
        l(
          'Which channels do you miss most?',
          'Каких каналов вам больше всего не хватает?',
          'Яких каналів вам найбільше бракує?',
        ),
        l(
          'Who in the family watches TV most, and what?',
          'Кто в семье больше всего смотрит ТВ и что именно?',
          'Хто в родині найбільше дивиться ТБ і що саме?',
        ),
        l(
          'Do you also watch in the app on your phone or smart TV?',
          'Смотрите ли вы ТВ ещё и в приложении на телефоне или смарт-ТВ?',
          'Чи дивитеся ви ТБ ще й у застосунку на телефоні чи смарт-ТБ?',
        ),
      ],
      arguments: [
        l(
          'That channel is in our add-on pack — I can switch it on today.',
          'Этот канал есть в нашем дополнительном пакете — могу подключить сегодня.',
          'Цей канал є в нашому додатковому пакеті — можу підключити сьогодні.',
        ),
        l(
          'The removed channel has been replaced, and we’ve added new HD channels this year.',
          'Вместо убранного канала появились другие, и в этом году мы добавили новые HD-каналы.',
          'Замість прибраного каналу з’явилися інші, і цього року ми додали нові HD-канали.',
        ),
        l(
          'A month of the premium pack free, so you can judge for yourself.',
          'Месяц премиального пакета бесплатно — оцените сами.',
          'Місяць преміального пакета безкоштовно — оцініть самі.',
        ),
      ],
      objections: [
        o(
          l(
            'I won’t pay extra for one channel.',
            'Доплачивать за один канал не буду.',
            'Доплачувати за один канал не буду.',
          ),
          l(
            'Then I’ll give you the pack free for three months — see whether it’s worth it to you.',
            'Тогда дам вам пакет бесплатно на три месяца — посмотрите, стоит ли он того.',
            'Тоді дам вам пакет безкоштовно на три місяці — подивитеся, чи вартий він того.',
          ),
        ),
        o(
          l(
            'The competitor has them all in the basic package.',
            'У конкурента все они есть в базовом пакете.',
            'У конкурента всі вони є в базовому пакеті.',
          ),
          l(
            'Let’s compare the full channel lists and prices — our basic package may have more of what you actually watch.',
            'Давайте сравним полные списки каналов и цены — в нашем базовом может оказаться больше того, что вы смотрите.',
            'Порівняймо повні списки каналів і ціни — у нашому базовому може виявитися більше того, що ви дивитеся.',
          ),
        ),
      ],
      closing: [
        l(
          'I’m switching on the add-on pack free for three months — shall we?',
          'Подключаю дополнительный пакет бесплатно на три месяца — оформляем?',
          'Підключаю додатковий пакет безкоштовно на три місяці — оформлюємо?',
        ),
      ],
    },
  },
  {
    code: 'contract_terms',
    group: 'product',
    managed: true,
    impliesCompetitor: false,
    threshold: 0.0003,
    title: l(
      'Unhappy with the contract terms',
      'Не устраивают условия договора',
      'Не влаштовують умови договору',
    ),
    description: l(
      'The subscriber objects to the terms rather than the price or quality: minimum term and early-termination penalty, automatic renewal, prepayment, traffic limits, terms changed unilaterally, conditions not explained at signing (“that’s not what I was promised”).',
      'Абоненту не нравятся условия, а не цена или качество: минимальный срок и штраф за досрочное расторжение, автопродление, предоплата, ограничения трафика, одностороннее изменение условий, условия, которые не объяснили при подписании («мне обещали другое»).',
      'Абонентові не подобаються умови, а не ціна чи якість: мінімальний строк і штраф за дострокове розірвання, автоподовження, передоплата, обмеження трафіку, одностороння зміна умов, умови, які не пояснили під час підписання («мені обіцяли інше»).',
    ),
    typicalPhrases: [
      l(
        'Nobody told me about the early termination penalty',
        'Мне никто не говорил про штраф за досрочное расторжение',
        'Мені ніхто не казав про штраф за дострокове розірвання',
      ),
      l(
        'The contract renewed itself without asking me',
        'Договор продлился автоматически, меня не спросили',
        'Договір подовжився автоматично, мене не спитали',
      ),
      l(
        'That’s not what the sales agent promised',
        'При подключении мне обещали совсем другие условия',
        'Під час підключення мені обіцяли зовсім інші умови',
      ),
      l('terms and conditions', 'условия договора', 'умови договору'),
      l(
        'You changed the terms on your own',
        'Вы в одностороннем порядке поменяли условия',
        'Ви в односторонньому порядку змінили умови',
      ),
    ],
    offerCodes: [
      'tariff_downgrade',
      'compensation_credit',
      'discount_10_3m',
      'loyalty_bonus',
    ],
    script: {
      questions: [
        l(
          'Which condition exactly doesn’t suit you?',
          'Какое именно условие вас не устраивает?',
          'Яка саме умова вас не влаштовує?',
        ),
        l(
          'What were you told when you connected?',
          'Что вам говорили при подключении?',
          'Що вам казали під час підключення?',
        ),
        l(
          'If we changed that condition, would you stay?',
          'Если это условие изменить — вы останетесь?',
          'Якщо цю умову змінити — ви залишитеся?',
        ),
      ],
      arguments: [
        l(
          'I can move you to a tariff without a minimum term.',
          'Могу перевести вас на тариф без минимального срока.',
          'Можу перевести вас на тариф без мінімального строку.',
        ),
        l(
          'If our agent misinformed you, we’ll honour what was promised.',
          'Если наш агент ввёл вас в заблуждение, выполним то, что было обещано.',
          'Якщо наш агент увів вас в оману, виконаємо те, що було обіцяно.',
        ),
        l(
          'Competitors have the same clauses — often stricter ones.',
          'У конкурентов такие же пункты в договорах, а часто и жёстче.',
          'У конкурентів такі самі пункти в договорах, а часто й жорсткіші.',
        ),
      ],
      objections: [
        o(
          l(
            'I don’t trust you any more.',
            'Я вам больше не доверяю.',
            'Я вам більше не довіряю.',
          ),
          l(
            'I understand. I’ll send you the new terms in writing today, so nothing rests on words.',
            'Понимаю. Пришлю вам новые условия письменно сегодня же, чтобы ничего не было на словах.',
            'Розумію. Надішлю вам нові умови письмово сьогодні ж, щоб нічого не було на словах.',
          ),
        ),
        o(
          l(
            'I just want to leave without the penalty.',
            'Я просто хочу уйти без штрафа.',
            'Я просто хочу піти без штрафу.',
          ),
          l(
            'Let me check with my manager whether the penalty can be waived if the terms weren’t explained to you.',
            'Уточню у руководителя, можно ли списать штраф, если условия вам не объяснили.',
            'Уточню в керівника, чи можна списати штраф, якщо умови вам не пояснили.',
          ),
        ),
      ],
      closing: [
        l(
          'I’ll change the terms and send you the confirmation today — agreed?',
          'Меняю условия и сегодня же присылаю подтверждение — договорились?',
          'Змінюю умови й сьогодні ж надсилаю підтвердження — домовилися?',
        ),
      ],
    },
  },
  {
    code: 'privacy_security',
    group: 'product',
    managed: true,
    impliesCompetitor: false,
    threshold: 0.0001,
    title: l(
      'Privacy or security concerns',
      'Безопасность и персональные данные',
      'Безпека та персональні дані',
    ),
    description: l(
      'The subscriber fears a data leak, a hacked account or Wi-Fi, is tired of marketing calls or tracking, or disagrees with how personal data is processed. Rare but sensitive: never argue — explain the protection and offer concrete settings.',
      'Абонент опасается утечки данных, взлома личного кабинета или Wi-Fi, устал от рекламных звонков и слежки или не согласен с обработкой персональных данных. Редко, но деликатно: не спорить — объяснить защиту и предложить конкретные настройки.',
      'Абонент побоюється витоку даних, злому особистого кабінету чи Wi-Fi, втомився від рекламних дзвінків і стеження або не згоден з обробкою персональних даних. Рідко, але делікатно: не сперечатися — пояснити захист і запропонувати конкретні налаштування.',
    ),
    typicalPhrases: [
      l(
        'My personal data was leaked',
        'Мои персональные данные утекли',
        'Мої персональні дані злили',
      ),
      l(
        'Someone hacked my account and the Wi-Fi',
        'Взломали личный кабинет и вайфай',
        'Зламали особистий кабінет і вайфай',
      ),
      l(
        'I’m sick of your advertising calls',
        'Надоели ваши рекламные звонки',
        'Набридли ваші рекламні дзвінки',
      ),
      l('privacy', 'персональные данные', 'персональні дані'),
      l(
        'I don’t want to be tracked',
        'Не хочу, чтобы за мной следили',
        'Не хочу, щоб за мною стежили',
      ),
    ],
    offerCodes: ['technician_visit', 'equipment_swap', 'extra_service'],
    script: {
      questions: [
        l(
          'What exactly happened — a suspicious login, calls, a message?',
          'Что именно случилось — подозрительный вход, звонки, сообщение?',
          'Що саме сталося — підозрілий вхід, дзвінки, повідомлення?',
        ),
        l(
          'When did you last change your Wi-Fi and account passwords?',
          'Когда вы последний раз меняли пароли от Wi-Fi и личного кабинета?',
          'Коли ви востаннє змінювали паролі до Wi-Fi та особистого кабінету?',
        ),
      ],
      arguments: [
        l(
          'I’m opting you out of all marketing calls right now.',
          'Прямо сейчас исключаю вас из всех рекламных обзвонов.',
          'Просто зараз виключаю вас з усіх рекламних обдзвонів.',
        ),
        l(
          'A technician will reset the router, set a strong password and two-factor login for your account.',
          'Мастер сбросит роутер, поставит надёжный пароль и двухфакторный вход в кабинет.',
          'Майстер скине роутер, встановить надійний пароль і двофакторний вхід до кабінету.',
        ),
        l(
          'Data is stored as the law requires; I can send you our policy and the list of what we keep.',
          'Данные хранятся по закону; могу прислать нашу политику и перечень того, что мы храним.',
          'Дані зберігаються згідно із законом; можу надіслати нашу політику і перелік того, що ми зберігаємо.',
        ),
      ],
      objections: [
        o(
          l(
            'Others are no safer, but I’m leaving anyway.',
            'Другие не лучше, но я всё равно уйду.',
            'Інші не кращі, але я однаково піду.',
          ),
          l(
            'Then let’s at least secure your devices — with a new provider the router risks would stay the same.',
            'Тогда давайте хотя бы защитим ваши устройства — у нового провайдера риски с роутером останутся те же.',
            'Тоді давайте хоча б захистимо ваші пристрої — у нового провайдера ризики з роутером залишаться ті самі.',
          ),
        ),
        o(
          l(
            'How do I know my data is deleted?',
            'Откуда мне знать, что данные удалят?',
            'Звідки мені знати, що дані видалять?',
          ),
          l(
            'We’ll send written confirmation of the opt-out and of the deletion of marketing data.',
            'Пришлём письменное подтверждение отказа от рассылок и удаления маркетинговых данных.',
            'Надішлемо письмове підтвердження відмови від розсилок і видалення маркетингових даних.',
          ),
        ),
      ],
      closing: [
        l(
          'Marketing is off and the security setup is booked — may I call you tomorrow to check?',
          'Рекламу отключила, настройку безопасности записала — можно перезвонить вам завтра?',
          'Рекламу вимкнула, налаштування безпеки записала — можна передзвонити вам завтра?',
        ),
      ],
    },
  },

  // ───────────────────────────── service ─────────────────────────────
  {
    code: 'billing_errors',
    group: 'service',
    managed: true,
    impliesCompetitor: false,
    threshold: 0.0003,
    title: l(
      'Billing errors or unexpected charges',
      'Ошибки в счетах и непонятные списания',
      'Помилки в рахунках і незрозумілі списання',
    ),
    description: l(
      'Wrong amounts, double charges, payments not credited, paid subscriptions the subscriber never ordered, debt on a closed account, charges during an outage. Sort out the money first — once the error is corrected the subscriber often stays.',
      'Неверные суммы, двойные списания, незачисленные платежи, платные подписки, которые абонент не заказывал, долг на закрытом счёте, начисления во время аварии. Сначала решите вопрос с деньгами — после исправления ошибки абонент часто остаётся.',
      'Неправильні суми, подвійні списання, незараховані платежі, платні підписки, яких абонент не замовляв, борг на закритому рахунку, нарахування під час аварії. Спершу вирішіть питання з грошима — після виправлення помилки абонент часто залишається.',
    ),
    typicalPhrases: [
      l(
        'You charged me twice',
        'С меня списали дважды',
        'З мене списали двічі',
      ),
      l(
        'My payment never reached the account',
        'Платёж не зачислился на счёт',
        'Платіж не зарахувався на рахунок',
      ),
      l(
        'I’m being charged for a subscription I never ordered',
        'Списывают за подписку, которую я не заказывал',
        'Списують за підписку, яку я не замовляв',
      ),
      l('billing error', 'ошибка в счёте', 'помилка в рахунку'),
      l(
        'The amount on the bill is wrong',
        'В квитанции неправильная сумма',
        'У квитанції неправильна сума',
      ),
      l('unexpected charges', 'непонятные списания', 'незрозумілі списання'),
    ],
    offerCodes: ['compensation_credit', 'loyalty_bonus', 'discount_10_3m'],
    script: {
      questions: [
        l(
          'Which charge is it — the date and the amount?',
          'Какое именно списание — дата и сумма?',
          'Яке саме списання — дата і сума?',
        ),
        l(
          'How did you pay — by card, at a terminal, at the bank?',
          'Как вы платили — картой, через терминал, в банке?',
          'Як ви платили — карткою, через термінал, у банку?',
        ),
        l(
          'If we put it right today, is there anything else that bothers you?',
          'Если мы исправим это сегодня, вас ещё что-то не устраивает?',
          'Якщо ми виправимо це сьогодні, вас ще щось не влаштовує?',
        ),
      ],
      arguments: [
        l(
          'I can see the charge; I’m reversing it now, and you’ll see it on your balance.',
          'Вижу это списание, сторнирую прямо сейчас — увидите на балансе.',
          'Бачу це списання, сторную просто зараз — побачите на балансі.',
        ),
        l(
          'I’m switching off every paid add-on you didn’t order and blocking them for the future.',
          'Отключаю все платные подписки, которые вы не заказывали, и ставлю запрет на будущее.',
          'Вимикаю всі платні підписки, яких ви не замовляли, і ставлю заборону на майбутнє.',
        ),
        l(
          'As an apology we’ll add a bonus to your balance.',
          'В качестве извинения начислим бонус на баланс.',
          'На знак вибачення нарахуємо бонус на баланс.',
        ),
      ],
      objections: [
        o(
          l(
            'This has happened before.',
            'Это уже было раньше.',
            'Це вже було раніше.',
          ),
          l(
            'I’m flagging your account for a manual check of every bill for the next three months.',
            'Ставлю ваш лицевой счёт на ручную проверку начислений на три месяца.',
            'Ставлю ваш особовий рахунок на ручну перевірку нарахувань на три місяці.',
          ),
        ),
        o(
          l(
            'I want my money back, not a bonus.',
            'Я хочу вернуть деньги, а не бонус.',
            'Я хочу повернути гроші, а не бонус.',
          ),
          l(
            'The refund reaches your card within 5 working days; the bonus comes on top.',
            'Возврат на карту придёт в течение 5 рабочих дней, бонус — сверху.',
            'Повернення на картку надійде протягом 5 робочих днів, бонус — зверху.',
          ),
        ),
      ],
      closing: [
        l(
          'The correction is done — shall I send you the updated statement?',
          'Перерасчёт сделан — прислать вам обновлённую выписку?',
          'Перерахунок зроблено — надіслати вам оновлену виписку?',
        ),
      ],
    },
  },
  {
    code: 'rude_support',
    group: 'service',
    managed: true,
    impliesCompetitor: false,
    threshold: 0.0002,
    title: l(
      'Rude or incompetent staff',
      'Грубость или некомпетентность сотрудников',
      'Грубість чи некомпетентність працівників',
    ),
    description: l(
      'The subscriber was treated rudely, ignored or misinformed by support, an office employee or a technician; got contradictory answers; was told “that’s your problem”. Apologise first; log the employee and date for the quality review.',
      'С абонентом грубо разговаривали, его игнорировали или дезинформировали в поддержке, в офисе или мастер; давали противоречивые ответы; говорили «это ваши проблемы». Сначала извиниться; записать сотрудника и дату для разбора.',
      'З абонентом грубо розмовляли, його ігнорували або дезінформували в підтримці, в офісі чи майстер; давали суперечливі відповіді; казали «це ваші проблеми». Спершу вибачитися; записати працівника і дату для розбору.',
    ),
    typicalPhrases: [
      l(
        'Your support was rude to me',
        'Ваша поддержка мне нахамила',
        'Ваша підтримка мені нахамила',
      ),
      l(
        'The operator hung up on me',
        'Оператор бросил трубку',
        'Оператор кинув слухавку',
      ),
      l(
        'Nobody there knows anything',
        'У вас никто ничего не знает',
        'У вас ніхто нічого не знає',
      ),
      l('rude staff', 'хамство сотрудников', 'хамство працівників'),
      l(
        'The technician was rude and left a mess',
        'Мастер нахамил и оставил мусор',
        'Майстер нагрубив і залишив сміття',
      ),
    ],
    offerCodes: ['loyalty_bonus', 'compensation_credit', 'discount_10_3m'],
    script: {
      questions: [
        l(
          'When did it happen, and who did you speak to?',
          'Когда это было и с кем вы говорили?',
          'Коли це було і з ким ви розмовляли?',
        ),
        l(
          'Was your original question solved in the end?',
          'Ваш первоначальный вопрос в итоге решили?',
          'Ваше початкове питання зрештою вирішили?',
        ),
        l(
          'Leaving that conversation aside, are you happy with the service itself?',
          'Если не считать этот разговор, сама услуга вас устраивает?',
          'Якщо не брати до уваги цю розмову, сама послуга вас влаштовує?',
        ),
      ],
      arguments: [
        l(
          'I apologise on behalf of the company; the case goes to the head of the department today.',
          'Приношу извинения от имени компании; случай сегодня же уйдёт руководителю отдела.',
          'Перепрошую від імені компанії; випадок сьогодні ж піде керівникові відділу.',
        ),
        l(
          'I’ll solve your original question myself and be your contact person.',
          'Я сама решу ваш исходный вопрос и буду вашим контактным лицом.',
          'Я сама вирішу ваше початкове питання і буду вашою контактною особою.',
        ),
        l(
          'Your service works well — one bad conversation shouldn’t cost you your connection.',
          'Услуга у вас работает хорошо — один неудачный разговор не повод лишаться связи.',
          'Послуга у вас працює добре — одна невдала розмова не привід втрачати зв’язок.',
        ),
      ],
      objections: [
        o(
          l(
            'Apologies don’t help.',
            'Извинения не помогут.',
            'Вибачення не допоможуть.',
          ),
          l(
            'Then let me prove it: here is my direct number, and a bonus on your balance.',
            'Тогда позвольте доказать делом: вот мой прямой номер и бонус на ваш баланс.',
            'Тоді дозвольте довести ділом: ось мій прямий номер і бонус на ваш баланс.',
          ),
        ),
        o(
          l(
            'I want that person punished.',
            'Я хочу, чтобы этого сотрудника наказали.',
            'Я хочу, щоб цього працівника покарали.',
          ),
          l(
            'The call is recorded and will be reviewed; the supervisor will call you with the result.',
            'Разговор записан и будет разобран; руководитель перезвонит вам с результатом.',
            'Розмову записано, її розберуть; керівник передзвонить вам із результатом.',
          ),
        ),
      ],
      closing: [
        l(
          'Shall we keep your service on, and I’ll call you myself once the review is done?',
          'Оставим услугу, а я сама перезвоню после разбора?',
          'Залишимо послугу, а я сама передзвоню після розбору?',
        ),
      ],
    },
  },
  {
    code: 'support_wait_time',
    group: 'service',
    managed: true,
    impliesCompetitor: false,
    threshold: 0.0002,
    title: l(
      'Long waits to reach support',
      'Не дозвониться до поддержки',
      'Не додзвонитися до підтримки',
    ),
    description: l(
      'The subscriber cannot get through: long queues on the hotline, chat answers hours later, no call-back, a crowded office. Often coincides with an outage (peak load). Offer a direct contact and a call-back at a set time.',
      'Абонент не может дозвониться: долгое ожидание на линии, в чате отвечают через несколько часов, не перезванивают, очередь в офисе. Часто совпадает с аварией (пиковая нагрузка). Предложите прямой контакт и звонок в назначенное время.',
      'Абонент не може додзвонитися: довге очікування на лінії, в чаті відповідають через кілька годин, не передзвонюють, черга в офісі. Часто збігається з аварією (пікове навантаження). Запропонуйте прямий контакт і дзвінок у призначений час.',
    ),
    typicalPhrases: [
      l(
        'I can never get through to you',
        'До вас невозможно дозвониться',
        'До вас неможливо додзвонитися',
      ),
      l(
        'I waited 40 minutes on hold',
        'Висел на линии 40 минут',
        'Висів на лінії 40 хвилин',
      ),
      l(
        'Nobody answers in the chat',
        'В чате никто не отвечает',
        'У чаті ніхто не відповідає',
      ),
      l(
        'long wait on the hotline',
        'долгое ожидание на линии',
        'довге очікування на лінії',
      ),
      l(
        'You promised to call back and never did',
        'Обещали перезвонить и не перезвонили',
        'Обіцяли передзвонити й не передзвонили',
      ),
    ],
    offerCodes: ['loyalty_bonus', 'compensation_credit'],
    script: {
      questions: [
        l(
          'What were you calling about — has it been solved?',
          'По какому вопросу вы звонили — он решён?',
          'З якого питання ви телефонували — його вирішено?',
        ),
        l(
          'What’s the easiest way for you to reach us — phone, messenger, app?',
          'Как вам удобнее с нами связываться — телефон, мессенджер, приложение?',
          'Як вам зручніше з нами зв’язуватися — телефон, месенджер, застосунок?',
        ),
      ],
      arguments: [
        l(
          'I’ll solve your question now and give you a direct contact so you don’t have to queue.',
          'Решу ваш вопрос сейчас и дам прямой контакт, чтобы не ждать в очереди.',
          'Вирішу ваше питання зараз і дам прямий контакт, щоб не чекати в черзі.',
        ),
        l(
          'Most questions can be solved in the app in a minute — I’ll show you how.',
          'Большинство вопросов решается в приложении за минуту — покажу как.',
          'Більшість питань вирішується в застосунку за хвилину — покажу як.',
        ),
        l(
          'We’ve added staff for the evening peak; waiting times are coming down.',
          'Мы усилили смену на вечерние часы, ожидание сокращается.',
          'Ми посилили зміну на вечірні години, очікування скорочується.',
        ),
      ],
      objections: [
        o(
          l(
            'I shouldn’t have to wait at all.',
            'Я вообще не должен ждать.',
            'Я взагалі не повинен чекати.',
          ),
          l(
            'You’re right; from now on I can book call-backs for you at a time you choose.',
            'Вы правы; теперь я могу назначать вам обратный звонок на удобное время.',
            'Ви маєте рацію; тепер я можу призначати вам зворотний дзвінок на зручний час.',
          ),
        ),
        o(
          l(
            'Other companies answer straight away.',
            'В других компаниях отвечают сразу.',
            'В інших компаніях відповідають одразу.',
          ),
          l(
            'Until they have an outage; we’ll make sure you get priority service.',
            'Пока у них не случится авария; а мы обеспечим вам приоритетное обслуживание.',
            'Поки в них не станеться аварія; а ми забезпечимо вам пріоритетне обслуговування.',
          ),
        ),
      ],
      closing: [
        l(
          'Your question is solved — shall we keep the service as it is?',
          'Ваш вопрос решён — оставляем услугу как есть?',
          'Ваше питання вирішено — залишаємо послугу як є?',
        ),
      ],
    },
  },
  {
    code: 'unresolved_complaint',
    group: 'service',
    managed: true,
    impliesCompetitor: false,
    threshold: 0.0003,
    title: l(
      'Complaint never resolved',
      'Жалоба так и не решена',
      'Скарга так і не вирішена',
    ),
    description: l(
      'The subscriber has complained several times (ticket numbers, letters, office visits) and the problem persists or nobody answered. Whatever the original problem, the true reason is the unresolved case: take ownership and escalate.',
      'Абонент обращался несколько раз (номера заявок, письма, визиты в офис), а проблема осталась или ответа так и не дали. Какой бы ни была исходная проблема, истинная причина — нерешённое обращение: возьмите его на себя и эскалируйте.',
      'Абонент звертався кілька разів (номери заявок, листи, візити в офіс), а проблема залишилася або відповіді так і не дали. Хоч якою була б початкова проблема, справжня причина — невирішене звернення: візьміть його на себе й ескалуйте.',
    ),
    typicalPhrases: [
      l(
        'I’ve complained five times and nothing changed',
        'Я жаловался уже пять раз — ничего не изменилось',
        'Я скаржився вже п’ять разів — нічого не змінилося',
      ),
      l(
        'My complaint was ignored',
        'Мою жалобу проигнорировали',
        'Мою скаргу проігнорували',
      ),
      l(
        'The ticket has been open for a month',
        'Заявка висит уже месяц',
        'Заявка висить уже місяць',
      ),
      l('unresolved complaint', 'нерешённая претензия', 'невирішена претензія'),
      l(
        'I wrote a complaint and never got an answer',
        'Написал претензию — ответа нет',
        'Написав претензію — відповіді немає',
      ),
    ],
    offerCodes: [
      'compensation_credit',
      'technician_visit',
      'discount_20_3m',
      'loyalty_bonus',
    ],
    script: {
      questions: [
        l(
          'What is the case about, and what is the ticket number?',
          'О чём обращение и какой номер заявки?',
          'Про що звернення і який номер заявки?',
        ),
        l(
          'What outcome would settle it for you?',
          'Какой результат вас бы устроил?',
          'Який результат вас би влаштував?',
        ),
        l(
          'If it’s solved this week, would you stay?',
          'Если решим на этой неделе — вы останетесь?',
          'Якщо вирішимо цього тижня — ви залишитеся?',
        ),
      ],
      arguments: [
        l(
          'I’m taking the case personally and escalating it to the manager with a deadline.',
          'Беру обращение лично и эскалирую руководителю со сроком.',
          'Беру звернення особисто й ескалую керівникові з терміном.',
        ),
        l(
          'You’ll get a written answer and a credit for the whole time the problem lasted.',
          'Вы получите письменный ответ и перерасчёт за всё время, пока была проблема.',
          'Ви отримаєте письмову відповідь і перерахунок за весь час, поки тривала проблема.',
        ),
      ],
      objections: [
        o(
          l(
            'You’ll forget about me again.',
            'Вы опять про меня забудете.',
            'Ви знову про мене забудете.',
          ),
          l(
            'I’m putting a call-back in my own queue for Friday — you’ll hear from me either way.',
            'Ставлю обратный звонок в свою очередь на пятницу — я позвоню в любом случае.',
            'Ставлю зворотний дзвінок у свою чергу на п’ятницю — я зателефоную в будь-якому разі.',
          ),
        ),
        o(
          l(
            'I’m going to consumer protection.',
            'Я пойду в защиту прав потребителей.',
            'Я піду до захисту прав споживачів.',
          ),
          l(
            'That’s your right; let me first try to settle it so that you don’t need to.',
            'Это ваше право; позвольте сначала решить вопрос, чтобы это не понадобилось.',
            'Це ваше право; дозвольте спершу вирішити питання, щоб це не знадобилося.',
          ),
        ),
      ],
      closing: [
        l(
          'Let’s agree: I solve it by Friday, and you stay with us. Deal?',
          'Давайте так: я решаю вопрос до пятницы, а вы остаётесь с нами. Договорились?',
          'Давайте так: я вирішую питання до п’ятниці, а ви залишаєтеся з нами. Домовилися?',
        ),
      ],
    },
  },

  // ─────────────────────────────── need ───────────────────────────────
  {
    code: 'service_not_needed',
    group: 'need',
    managed: true,
    impliesCompetitor: false,
    threshold: 0.001,
    title: l(
      'Service no longer needed or rarely used',
      'Услуга не нужна, почти не пользуются',
      'Послуга не потрібна, майже не користуються',
    ),
    description: l(
      'The subscriber hardly uses the service: nobody watches TV, the landline only gets spam, the children moved out, the dacha connection stands idle. Tell it apart from mobile-only and streaming (a replacement exists) — here the need itself shrank; offer a lighter tariff or a pause.',
      'Абонент почти не пользуется услугой: телевизор никто не смотрит, на домашний звонят только с рекламой, дети разъехались, на даче интернет простаивает. Отличайте от перехода на мобильный интернет или онлайн-кинотеатры (там есть замена) — здесь уменьшилась сама потребность; предложите меньший тариф или паузу.',
      'Абонент майже не користується послугою: телевізор ніхто не дивиться, на домашній дзвонять лише з рекламою, діти роз’їхалися, на дачі інтернет простоює. Відрізняйте від переходу на мобільний інтернет чи онлайн-кінотеатри (там є заміна) — тут зменшилася сама потреба; запропонуйте менший тариф або паузу.',
    ),
    typicalPhrases: [
      l(
        'We don’t use it any more',
        'Мы им больше не пользуемся',
        'Ми ним більше не користуємося',
      ),
      l(
        'Nobody at home watches TV',
        'Телевизор дома никто не смотрит',
        'Телевізор удома ніхто не дивиться',
      ),
      l('not needed', 'не нужно', 'не потрібно'),
      l(
        'The landline is useless, only spam calls',
        'Городской телефон не нужен, звонят только с рекламой',
        'Домашній телефон не потрібен, дзвонять лише з рекламою',
      ),
      l(
        'The kids moved out, we don’t need fast internet',
        'Дети разъехались, быстрый интернет нам ни к чему',
        'Діти роз’їхалися, швидкий інтернет нам ні до чого',
      ),
      l('rarely used', 'редко пользуюсь', 'рідко користуюся'),
    ],
    offerCodes: ['tariff_downgrade', 'pause', 'discount_10_3m'],
    script: {
      questions: [
        l(
          'What do you still use at home — messengers, news, video calls with the family?',
          'А что дома всё-таки используется — мессенджеры, новости, видеозвонки родным?',
          'А що вдома все ж використовується — месенджери, новини, відеодзвінки рідним?',
        ),
        l(
          'Who else lives with you and might need the connection?',
          'Кто ещё живёт с вами и может пользоваться связью?',
          'Хто ще живе з вами і може користуватися зв’язком?',
        ),
        l(
          'Is it paying for something you don’t use that bothers you?',
          'Вас смущает именно то, что вы платите за то, чем не пользуетесь?',
          'Вас бентежить саме те, що ви платите за те, чим не користуєтеся?',
        ),
      ],
      arguments: [
        l(
          'A minimal tariff keeps you connected for emergencies, video calls and online public services for little money.',
          'Минимальный тариф сохранит связь на всякий случай, для видеозвонков и госуслуг — за небольшие деньги.',
          'Мінімальний тариф збереже зв’язок про всяк випадок, для відеодзвінків і держпослуг — за невеликі гроші.',
        ),
        l(
          'Reconnecting later costs a connection fee and a visit; a cheap tariff or a pause doesn’t.',
          'Подключиться заново потом — это плата за подключение и выезд; дешёвый тариф или пауза — нет.',
          'Підключитися знову потім — це плата за підключення і виїзд; дешевий тариф чи пауза — ні.',
        ),
        l(
          'We can drop the services you don’t use and keep only what matters.',
          'Можем убрать ненужные услуги и оставить только то, чем вы пользуетесь.',
          'Можемо прибрати непотрібні послуги й залишити лише те, чим ви користуєтеся.',
        ),
      ],
      objections: [
        o(
          l(
            'I don’t need it at all.',
            'Мне это вообще не нужно.',
            'Мені це взагалі не потрібно.',
          ),
          l(
            'Then let’s pause rather than terminate — your number and contract stay, and you pay nothing meanwhile.',
            'Тогда давайте поставим на паузу, а не расторгнем — номер и договор сохранятся, а платить пока не нужно.',
            'Тоді давайте поставимо на паузу, а не розірвемо — номер і договір збережуться, а платити поки не треба.',
          ),
        ),
        o(
          l(
            'Even a small fee is money down the drain.',
            'Даже небольшая плата — деньги на ветер.',
            'Навіть невелика плата — гроші на вітер.',
          ),
          l(
            'The minimal tariff costs less than a cup of coffee a week and saves you the reconnection fee.',
            'Минимальный тариф стоит меньше чашки кофе в неделю и экономит плату за повторное подключение.',
            'Мінімальний тариф коштує менше за чашку кави на тиждень і заощаджує плату за повторне підключення.',
          ),
        ),
      ],
      closing: [
        l(
          'Shall we keep just the internet, on the minimal tariff?',
          'Оставляем только интернет на минимальном тарифе?',
          'Залишаємо лише інтернет на мінімальному тарифі?',
        ),
      ],
    },
  },
  {
    code: 'mobile_only',
    group: 'need',
    managed: true,
    // The money goes to a mobile operator; the churn-to-competitor report needs to know which one.
    impliesCompetitor: true,
    threshold: 0.0008,
    title: l(
      'Switching to mobile internet only',
      'Переход только на мобильный интернет',
      'Перехід лише на мобільний інтернет',
    ),
    description: l(
      'The subscriber gives up home internet because unlimited data on the phone or a 4G/5G router is enough (students, renters, young singles). Record the mobile operator. If we sell mobile too, offer the home + mobile bundle.',
      'Абонент отказывается от домашнего интернета, потому что хватает безлимита на телефоне или 4G/5G-роутера (студенты, арендаторы, молодёжь). Фиксируйте мобильного оператора. Если у нас есть мобильная связь — предложите пакет «дом + мобильный».',
      'Абонент відмовляється від домашнього інтернету, бо вистачає безліміту на телефоні або 4G/5G-роутера (студенти, орендарі, молодь). Фіксуйте мобільного оператора. Якщо в нас є мобільний зв’язок — запропонуйте пакет «дім + мобільний».',
    ),
    typicalPhrases: [
      l(
        'Mobile internet on my phone is enough',
        'Мне хватает мобильного интернета на телефоне',
        'Мені вистачає мобільного інтернету на телефоні',
      ),
      l(
        'I have unlimited data on my SIM',
        'У меня безлимит на симке',
        'У мене безліміт на сімці',
      ),
      l(
        'Bought a 4G modem, don’t need home internet any more',
        'Купил 4G-модем, домашний интернет больше не нужен',
        'Купив 4G-модем, домашній інтернет більше не потрібен',
      ),
      l(
        'switched to mobile internet',
        'перешёл на мобильный интернет',
        'перейшов на мобільний інтернет',
      ),
      l(
        'I just use the hotspot on my phone',
        'Раздаю интернет с телефона',
        'Роздаю інтернет з телефона',
      ),
    ],
    offerCodes: [
      'tariff_downgrade',
      'extra_service',
      'pause',
      'discount_20_3m',
    ],
    script: {
      questions: [
        l(
          'Which operator, and how much data is in your plan?',
          'Какой у вас оператор и сколько трафика в пакете?',
          'Який у вас оператор і скільки трафіку в пакеті?',
        ),
        l(
          'Does anyone at home watch TV, study or work online?',
          'Дома кто-то смотрит ТВ, учится или работает онлайн?',
          'Вдома хтось дивиться ТБ, навчається чи працює онлайн?',
        ),
        l(
          'How is the mobile signal indoors and in the evening?',
          'Как держит мобильный сигнал в помещении и вечером?',
          'Як тримає мобільний сигнал у приміщенні та ввечері?',
        ),
      ],
      arguments: [
        l(
          'Mobile speed drops in the evening and “unlimited” is often throttled after a cap; home internet isn’t.',
          'Мобильная скорость вечером падает, а «безлимит» часто режут после порога; домашний интернет — нет.',
          'Мобільна швидкість увечері падає, а «безліміт» часто ріжуть після порогу; домашній інтернет — ні.',
        ),
        l(
          'A light home tariff costs less than buying extra mobile data for TV and updates.',
          'Недорогой домашний тариф обойдётся дешевле, чем докупать мобильный трафик на ТВ и обновления.',
          'Недорогий домашній тариф обійдеться дешевше, ніж докуповувати мобільний трафік на ТБ та оновлення.',
        ),
        l(
          'Our home + mobile bundle gives you both for less.',
          'Наш пакет «дом + мобильный» даёт и то и другое дешевле.',
          'Наш пакет «дім + мобільний» дає і те й інше дешевше.',
        ),
      ],
      objections: [
        o(
          l(
            'My phone does the job.',
            'У меня и так всё работает с телефона.',
            'У мене й так усе працює з телефона.',
          ),
          l(
            'For now — try a film on the TV over the hotspot. Let’s keep a minimal home tariff as a backup.',
            'Пока да — попробуйте посмотреть фильм на телевизоре через раздачу. Давайте оставим минимальный домашний тариф как запасной.',
            'Поки так — спробуйте подивитися фільм на телевізорі через роздачу. Давайте залишимо мінімальний домашній тариф як запасний.',
          ),
        ),
        o(
          l(
            'I’m rarely at home.',
            'Я редко бываю дома.',
            'Я рідко буваю вдома.',
          ),
          l(
            'Then a pause or the smallest tariff fits better than closing the contract.',
            'Тогда лучше пауза или самый маленький тариф, чем расторжение договора.',
            'Тоді краще пауза або найменший тариф, ніж розірвання договору.',
          ),
        ),
      ],
      closing: [
        l(
          'Shall I move you to the light tariff and add a mobile SIM to the bundle?',
          'Перевожу на лёгкий тариф и добавляю мобильную SIM в пакет?',
          'Переводжу на легкий тариф і додаю мобільну SIM у пакет?',
        ),
      ],
    },
  },
  {
    code: 'streaming_switch',
    group: 'need',
    managed: true,
    impliesCompetitor: false,
    threshold: 0.0006,
    title: l(
      'Switching to streaming (cord-cutting)',
      'Переход на онлайн-кинотеатры (отказ от ТВ)',
      'Перехід на онлайн-кінотеатри (відмова від ТБ)',
    ),
    description: l(
      'The subscriber drops cable or IPTV because the family watches Netflix, YouTube, Megogo and other streaming services on a smart TV. They usually keep the internet: protect it and offer a streaming bundle or an internet-only tariff.',
      'Абонент отказывается от кабельного или IP-ТВ, потому что семья смотрит Netflix, YouTube, Megogo и другие онлайн-сервисы на смарт-ТВ. Интернет обычно оставляет: сохраните его и предложите пакет с онлайн-кинотеатром или тариф только на интернет.',
      'Абонент відмовляється від кабельного чи IP-ТБ, бо родина дивиться Netflix, YouTube, Megogo та інші онлайн-сервіси на смарт-ТБ. Інтернет зазвичай залишає: збережіть його і запропонуйте пакет з онлайн-кінотеатром або тариф лише на інтернет.',
    ),
    typicalPhrases: [
      l(
        'We only watch Netflix and YouTube now',
        'Мы теперь смотрим только YouTube и онлайн-кинотеатры',
        'Ми тепер дивимося лише YouTube та онлайн-кінотеатри',
      ),
      l(
        'The smart TV has everything, we don’t need cable TV',
        'На смарт-ТВ всё есть, кабельное не нужно',
        'На смарт-ТБ усе є, кабельне не потрібне',
      ),
      l('cord-cutting', 'отказ от ТВ', 'відмова від ТБ'),
      l(
        'We subscribed to Megogo instead',
        'Подписались на Megogo вместо вашего ТВ',
        'Підписалися на Megogo замість вашого ТБ',
      ),
      l(
        'Why pay for TV when everything is online',
        'Зачем платить за ТВ, если всё есть в интернете',
        'Навіщо платити за ТБ, якщо все є в інтернеті',
      ),
    ],
    offerCodes: [
      'extra_service',
      'tariff_upgrade',
      'tariff_downgrade',
      'discount_10_3m',
    ],
    script: {
      questions: [
        l(
          'Which streaming services do you use, and who in the family watches?',
          'Какими онлайн-сервисами пользуетесь и кто в семье смотрит?',
          'Якими онлайн-сервісами користуєтеся і хто в родині дивиться?',
        ),
        l(
          'Do you watch anything live — news, sport, kids’ channels?',
          'Смотрите ли вы прямой эфир — новости, спорт, детские каналы?',
          'Чи дивитеся ви прямий ефір — новини, спорт, дитячі канали?',
        ),
        l(
          'Is the internet strong enough for streaming in the evening?',
          'Интернета хватает на онлайн-просмотр вечером?',
          'Інтернету вистачає на онлайн-перегляд увечері?',
        ),
      ],
      arguments: [
        l(
          'Keep the internet and drop only the TV — your streaming depends on a stable connection.',
          'Оставьте интернет и уберите только ТВ — ваши онлайн-кинотеатры держатся на стабильном канале.',
          'Залиште інтернет і приберіть лише ТБ — ваші онлайн-кінотеатри тримаються на стабільному каналі.',
        ),
        l(
          'Our package includes a streaming subscription for less than buying it separately.',
          'В наш пакет входит подписка на онлайн-кинотеатр — дешевле, чем покупать отдельно.',
          'У наш пакет входить підписка на онлайн-кінотеатр — дешевше, ніж купувати окремо.',
        ),
        l(
          'Live sport and news are only on TV channels.',
          'Прямые трансляции спорта и новости — только на ТВ-каналах.',
          'Прямі трансляції спорту й новини — лише на ТБ-каналах.',
        ),
      ],
      objections: [
        o(
          l('Streaming is cheaper.', 'Онлайн дешевле.', 'Онлайн дешевше.'),
          l(
            'Add up all the subscriptions you pay for — our bundle often comes out cheaper.',
            'Сложите все подписки, которые вы оплачиваете, — наш пакет часто выходит дешевле.',
            'Складіть усі підписки, які ви оплачуєте, — наш пакет часто виходить дешевшим.',
          ),
        ),
        o(
          l(
            'We don’t watch live TV at all.',
            'Мы вообще не смотрим эфирные каналы.',
            'Ми взагалі не дивимося ефірні канали.',
          ),
          l(
            'Then I’ll move you to internet-only with a higher speed for the same money.',
            'Тогда переведу вас только на интернет с большей скоростью за те же деньги.',
            'Тоді переведу вас лише на інтернет з вищою швидкістю за ті самі гроші.',
          ),
        ),
      ],
      closing: [
        l(
          'Shall I remove the TV and boost the internet so streaming runs smoothly?',
          'Убираем ТВ и усиливаем интернет, чтобы онлайн-кино шло без рывков?',
          'Прибираємо ТБ і посилюємо інтернет, щоб онлайн-кіно йшло без ривків?',
        ),
      ],
    },
  },

  // ──────────────────────────── relocation ────────────────────────────
  {
    code: 'move_within_coverage',
    group: 'relocation',
    managed: true,
    impliesCompetitor: false,
    threshold: 0.0005,
    title: l(
      'Moving within the coverage area',
      'Переезд в зоне покрытия',
      'Переїзд у зоні покриття',
    ),
    description: l(
      'The subscriber is moving to an address we serve and assumes they must disconnect, or the new flat already has another provider’s cable. Check the new address: moving the service is the default answer; losing a subscriber here is a process failure.',
      'Абонент переезжает по адресу, который мы обслуживаем, и думает, что нужно отключаться, или в новой квартире уже есть кабель другого провайдера. Проверьте новый адрес: перенос услуги — ответ по умолчанию; потерять здесь абонента — сбой процесса.',
      'Абонент переїжджає за адресою, яку ми обслуговуємо, і думає, що треба відключатися, або в новій квартирі вже є кабель іншого провайдера. Перевірте нову адресу: перенесення послуги — відповідь за замовчуванням; втратити тут абонента — збій процесу.',
    ),
    typicalPhrases: [
      l('moving', 'переезд', 'переїзд'),
      l(
        'We’re moving to a new flat nearby',
        'Переезжаем в новую квартиру неподалёку',
        'Переїжджаємо в нову квартиру неподалік',
      ),
      l(
        'Moved to a new apartment',
        'Переехал на новую квартиру',
        'Переїхав у нову квартиру',
      ),
      l(
        'The new flat already has internet installed',
        'В новой квартире уже проведён интернет',
        'У новій квартирі вже проведений інтернет',
      ),
      l('change of address', 'смена адреса', 'зміна адреси'),
    ],
    offerCodes: ['service_move', 'account_transfer', 'pause', 'discount_10_3m'],
    script: {
      questions: [
        l(
          'What is the new address, and when are you moving?',
          'Какой новый адрес и когда переезжаете?',
          'Яка нова адреса і коли переїжджаєте?',
        ),
        l(
          'Does the new flat already have a connection, and whose?',
          'В новой квартире уже есть подключение и чьё?',
          'У новій квартирі вже є підключення і чиє?',
        ),
        l(
          'Will anyone stay at the old address?',
          'На старом адресе кто-то остаётся?',
          'На старій адресі хтось залишається?',
        ),
      ],
      arguments: [
        l(
          'We cover your new address: we’ll move the service free of charge and keep your account, tariff and bonuses.',
          'Мы обслуживаем ваш новый адрес: перенесём услугу бесплатно, сохраним лицевой счёт, тариф и бонусы.',
          'Ми обслуговуємо вашу нову адресу: перенесемо послугу безкоштовно, збережемо особовий рахунок, тариф і бонуси.',
        ),
        l(
          'The installer comes on your moving day, so you’re online from the first evening.',
          'Монтажник придёт в день переезда — интернет будет с первого вечера.',
          'Монтажник прийде в день переїзду — інтернет буде з першого вечора.',
        ),
        l(
          'Whoever stays at the old flat can keep the service in their name.',
          'Если на старом адресе кто-то остаётся, договор можно переоформить на него.',
          'Якщо на старій адресі хтось залишається, договір можна переоформити на нього.',
        ),
      ],
      objections: [
        o(
          l(
            'The new flat already has another provider’s cable.',
            'В новой квартире уже заведён кабель другого провайдера.',
            'У новій квартирі вже заведено кабель іншого провайдера.',
          ),
          l(
            'We’ll bring ours in at no cost — you keep your tariff and sign nothing new.',
            'Мы бесплатно заведём свой — сохраните тариф и не будете ничего подписывать заново.',
            'Ми безкоштовно заведемо свій — збережете тариф і не підписуватимете нічого заново.',
          ),
        ),
        o(
          l(
            'I’ll sort it out after the move.',
            'Разберусь после переезда.',
            'Розберуся після переїзду.',
          ),
          l(
            'Let’s book the date now so you’re not without internet in the first week.',
            'Давайте забронируем дату сейчас, чтобы первую неделю не сидеть без интернета.',
            'Давайте забронюємо дату зараз, щоб перший тиждень не сидіти без інтернету.',
          ),
        ),
      ],
      closing: [
        l(
          'I’m booking the move for your moving day — what time?',
          'Записываю перенос на день переезда — на какое время?',
          'Записую перенесення на день переїзду — на який час?',
        ),
      ],
    },
  },
  {
    code: 'move_out_of_coverage',
    group: 'relocation',
    managed: false,
    impliesCompetitor: false,
    threshold: 0.0015,
    title: l(
      'Moving out of the coverage area',
      'Переезд за пределы зоны покрытия',
      'Переїзд за межі зони покриття',
    ),
    description: l(
      'The subscriber moves to a town, district or village we don’t serve. Unmanaged — but verify it: it is often a polite cover for leaving to a competitor. Check the new address against the coverage map, ask who will serve them there, and offer to transfer the contract to whoever stays.',
      'Абонент переезжает в город, район или село, где нас нет. Неуправляемая причина — но её нужно проверять: часто это вежливое прикрытие ухода к конкуренту. Сверьте новый адрес с картой покрытия, спросите, кто будет обслуживать на новом месте, и предложите переоформить договор на тех, кто остаётся.',
      'Абонент переїжджає до міста, району чи села, де нас немає. Некерована причина — але її треба перевіряти: часто це ввічливе прикриття переходу до конкурента. Звірте нову адресу з картою покриття, спитайте, хто обслуговуватиме на новому місці, і запропонуйте переоформити договір на тих, хто залишається.',
    ),
    typicalPhrases: [
      l(
        'We’re moving to another city',
        'Переезжаем в другой город',
        'Переїжджаємо в інше місто',
      ),
      l('moved out of town', 'переезд в другой город', 'переїзд в інше місто'),
      l(
        'You don’t serve the area I’m moving to',
        'Там, куда я переезжаю, вас нет',
        'Там, куди я переїжджаю, вас немає',
      ),
      l(
        'Moving out to the countryside',
        'Уезжаем жить за город',
        'Їдемо жити за місто',
      ),
      l(
        'Sold the flat, leaving the region',
        'Продали квартиру, уезжаем из области',
        'Продали квартиру, виїжджаємо з області',
      ),
    ],
    offerCodes: ['service_move', 'account_transfer'],
    script: {
      questions: [
        l(
          'What is the new address? Let me check coverage — we may already be there.',
          'Какой новый адрес? Проверю покрытие — возможно, мы там уже есть.',
          'Яка нова адреса? Перевірю покриття — можливо, ми там уже є.',
        ),
        l(
          'Who will provide your internet at the new place?',
          'А кто будет подключать вас на новом месте?',
          'А хто підключатиме вас на новому місці?',
        ),
        l(
          'Will anyone stay at this address?',
          'На этом адресе кто-нибудь остаётся?',
          'На цій адресі хтось залишається?',
        ),
      ],
      arguments: [
        l(
          'Our network is growing — if the new address is in the plan, you’ll be among the first connected there.',
          'Наша сеть растёт — если новый адрес в плане, подключим вас там в числе первых.',
          'Наша мережа зростає — якщо нова адреса в плані, підключимо вас там серед перших.',
        ),
        l(
          'The new tenants or your relatives can take over the contract with your tariff.',
          'Новые жильцы или родственники могут переоформить договор с вашим тарифом.',
          'Нові мешканці або родичі можуть переоформити договір з вашим тарифом.',
        ),
      ],
      objections: [
        o(
          l(
            'We’ve already decided.',
            'Мы уже всё решили.',
            'Ми вже все вирішили.',
          ),
          l(
            'Of course — then let’s close it properly: on your moving date, with the equipment returned and no extra charges.',
            'Конечно — тогда давайте закроем правильно: в дату переезда, с возвратом оборудования и без лишних начислений.',
            'Звісно — тоді давайте закриємо правильно: у дату переїзду, з поверненням обладнання і без зайвих нарахувань.',
          ),
        ),
        o(
          l(
            'Why do you need my new address?',
            'Зачем вам мой новый адрес?',
            'Навіщо вам моя нова адреса?',
          ),
          l(
            'Only to check coverage — if we’re there, you keep your tariff and pay no connection fee.',
            'Только чтобы проверить покрытие — если мы там есть, сохраните тариф и не заплатите за подключение.',
            'Лише щоб перевірити покриття — якщо ми там є, збережете тариф і не платитимете за підключення.',
          ),
        ),
      ],
      closing: [
        l(
          'I’ll set the disconnection for your moving date — and if we reach your new area, may we call you?',
          'Ставлю отключение на дату переезда — а если мы придём в ваш район, можно вам позвонить?',
          'Ставлю відключення на дату переїзду — а якщо ми прийдемо у ваш район, можна вам зателефонувати?',
        ),
      ],
    },
  },
  {
    code: 'emigration',
    group: 'relocation',
    managed: false,
    impliesCompetitor: false,
    threshold: 0.0005,
    title: l(
      'Emigration, moving abroad',
      'Эмиграция, переезд за границу',
      'Еміграція, переїзд за кордон',
    ),
    description: l(
      'The subscriber leaves the country for good or for an indefinite time (work, family, war). Unmanaged. Offer to transfer the contract to relatives who stay, or a long pause if they may come back.',
      'Абонент уезжает из страны насовсем или на неопределённый срок (работа, семья, война). Неуправляемая причина. Предложите переоформить договор на остающихся родственников или длительную паузу, если возвращение возможно.',
      'Абонент виїжджає з країни назовсім або на невизначений строк (робота, сім’я, війна). Некерована причина. Запропонуйте переоформити договір на родичів, які залишаються, або тривалу паузу, якщо повернення можливе.',
    ),
    typicalPhrases: [
      l('We’re emigrating', 'Мы эмигрируем', 'Ми емігруємо'),
      l(
        'Leaving the country for good',
        'Уезжаем из страны насовсем',
        'Виїжджаємо з країни назавжди',
      ),
      l('abroad', 'выезд за границу', 'виїзд за кордон'),
      l(
        'Went to Poland for work',
        'Уехал на работу в Польшу',
        'Виїхав на роботу до Польщі',
      ),
      l(
        'The family went abroad',
        'Семья уехала за рубеж',
        'Сім’я виїхала за кордон',
      ),
    ],
    offerCodes: ['account_transfer', 'pause', 'tariff_downgrade'],
    script: {
      questions: [
        l(
          'Is anyone staying in the flat — parents, tenants?',
          'В квартире кто-то остаётся — родители, квартиранты?',
          'У квартирі хтось залишається — батьки, квартиранти?',
        ),
        l(
          'Do you plan to come back, and when?',
          'Планируете вернуться и когда?',
          'Плануєте повернутися і коли?',
        ),
        l(
          'Do you need cameras or a smart home working while you’re away?',
          'Нужно ли, чтобы в квартире работали камеры или умный дом?',
          'Чи потрібно, щоб у квартирі працювали камери чи розумний дім?',
        ),
      ],
      arguments: [
        l(
          'The contract can be transferred to a relative or a tenant without a new connection.',
          'Договор можно переоформить на родственника или квартиранта без нового подключения.',
          'Договір можна переоформити на родича чи квартиранта без нового підключення.',
        ),
        l(
          'A long pause keeps your account and tariff until you return.',
          'Длительная пауза сохранит лицевой счёт и тариф до вашего возвращения.',
          'Тривала пауза збереже особовий рахунок і тариф до вашого повернення.',
        ),
        l(
          'A minimal tariff keeps the cameras and the alarm online while the flat is empty.',
          'Минимальный тариф сохранит работу камер и сигнализации, пока квартира пустует.',
          'Мінімальний тариф збереже роботу камер і сигналізації, поки квартира порожня.',
        ),
      ],
      objections: [
        o(
          l('We won’t be back.', 'Мы не вернёмся.', 'Ми не повернемося.'),
          l(
            'Then let’s transfer the contract to whoever will live there, or close it properly on your departure date.',
            'Тогда переоформим договор на того, кто будет жить в квартире, или корректно закроем в дату отъезда.',
            'Тоді переоформимо договір на того, хто житиме в квартирі, або коректно закриємо в дату від’їзду.',
          ),
        ),
        o(
          l(
            'I can’t come to the office.',
            'Я не смогу прийти в офис.',
            'Я не зможу прийти в офіс.',
          ),
          l(
            'The transfer can be done online, or by the person who stays, with your consent.',
            'Переоформление можно сделать онлайн или силами того, кто остаётся, с вашего согласия.',
            'Переоформлення можна зробити онлайн або силами того, хто залишається, з вашої згоди.',
          ),
        ),
      ],
      closing: [
        l(
          'Shall we pause the service until you’re back?',
          'Ставим услугу на паузу до вашего возвращения?',
          'Ставимо послугу на паузу до вашого повернення?',
        ),
      ],
    },
  },

  // ──────────────────────────── financial ────────────────────────────
  {
    code: 'financial_hardship',
    group: 'financial',
    managed: true,
    impliesCompetitor: false,
    threshold: 0.0008,
    title: l(
      'Financial hardship',
      'Финансовые трудности',
      'Фінансові труднощі',
    ),
    description: l(
      'The subscriber cannot pay right now: lower income, debts, a delayed salary or pension, big expenses. Often hidden churn in the making — they simply stop paying. Offer a deferral, a cheaper tariff or a pause instead of a debt and a block.',
      'Абоненту сейчас нечем платить: упал доход, долги, задержка зарплаты или пенсии, большие расходы. Часто это будущий скрытый отток — просто перестанут платить. Предложите отсрочку, более дешёвый тариф или паузу вместо долга и блокировки.',
      'Абонентові зараз нічим платити: впав дохід, борги, затримка зарплати чи пенсії, великі витрати. Часто це майбутній прихований відтік — просто перестануть платити. Запропонуйте відстрочку, дешевший тариф або паузу замість боргу й блокування.',
    ),
    typicalPhrases: [
      l('no money', 'нет денег', 'немає грошей'),
      l('I can’t pay right now', 'Сейчас нечем платить', 'Зараз нічим платити'),
      l(
        'My salary is delayed, I can’t afford it this month',
        'Задерживают зарплату, в этом месяце не потяну',
        'Затримують зарплату, цього місяця не потягну',
      ),
      l(
        'Money is tight, we’re cutting every expense',
        'С деньгами туго, урезаем все расходы',
        'З грошима туго, урізаємо всі витрати',
      ),
      l('financial difficulties', 'финансовые трудности', 'фінансові труднощі'),
    ],
    offerCodes: [
      'payment_deferral',
      'tariff_downgrade',
      'pause',
      'discount_20_3m',
    ],
    script: {
      questions: [
        l(
          'Is it a temporary difficulty, or for longer?',
          'Это временные трудности или надолго?',
          'Це тимчасові труднощі чи надовго?',
        ),
        l(
          'Which service is the most important to keep?',
          'Какую услугу важнее всего сохранить?',
          'Яку послугу найважливіше зберегти?',
        ),
        l(
          'Would it help to pay later this month?',
          'Поможет, если оплатить позже в этом месяце?',
          'Чи допоможе, якщо оплатити пізніше цього місяця?',
        ),
      ],
      arguments: [
        l(
          'We can defer the payment so you stay connected without any debt.',
          'Можем дать отсрочку платежа, чтобы вы остались на связи без долга.',
          'Можемо дати відстрочку платежу, щоб ви залишилися на зв’язку без боргу.',
        ),
        l(
          'A social or minimal tariff keeps the essentials for a fraction of the price.',
          'Социальный или минимальный тариф сохранит самое нужное за малую часть цены.',
          'Соціальний або мінімальний тариф збереже найнеобхідніше за малу частину ціни.',
        ),
        l(
          'A pause costs nothing and saves the reconnection fee later.',
          'Пауза ничего не стоит и избавит от платы за повторное подключение.',
          'Пауза нічого не коштує і звільнить від плати за повторне підключення.',
        ),
      ],
      objections: [
        o(
          l(
            'I don’t want to get into debt.',
            'Не хочу влезать в долги.',
            'Не хочу залазити в борги.',
          ),
          l(
            'With a deferral or a pause there’s no debt and no penalty.',
            'При отсрочке или паузе долга и штрафов не будет.',
            'При відстрочці чи паузі боргу і штрафів не буде.',
          ),
        ),
        o(
          l(
            'Even the cheap tariff is too much now.',
            'Сейчас даже дешёвый тариф не потяну.',
            'Зараз навіть дешевий тариф не потягну.',
          ),
          l(
            'Then a pause for up to three months, and I’ll call you before it ends.',
            'Тогда пауза до трёх месяцев, а перед окончанием я вам позвоню.',
            'Тоді пауза до трьох місяців, а перед її закінченням я вам зателефоную.',
          ),
        ),
      ],
      closing: [
        l(
          'I’m setting up the deferral — you stay connected and pay when you can this month. All right?',
          'Оформляю отсрочку — вы остаётесь на связи и платите, когда сможете, в этом месяце. Хорошо?',
          'Оформлюю відстрочку — ви залишаєтеся на зв’язку і платите, коли зможете, цього місяця. Добре?',
        ),
      ],
    },
  },
  {
    code: 'job_loss',
    group: 'financial',
    managed: true,
    impliesCompetitor: false,
    threshold: 0.0003,
    title: l('Job loss', 'Потеря работы', 'Втрата роботи'),
    description: l(
      'The subscriber or the main earner lost their job or business income. Like hardship, but with a clear trigger and usually a longer horizon; the internet is often needed for the job search — keep a minimal connection.',
      'Абонент или основной кормилец потерял работу или доход от бизнеса. Похоже на финансовые трудности, но с явной причиной и обычно надолго; интернет часто нужен для поиска работы — сохраните минимальное подключение.',
      'Абонент або основний годувальник втратив роботу чи дохід від бізнесу. Схоже на фінансові труднощі, але з явною причиною і зазвичай надовго; інтернет часто потрібен для пошуку роботи — збережіть мінімальне підключення.',
    ),
    typicalPhrases: [
      l('I lost my job', 'Я потерял работу', 'Я втратив роботу'),
      l('Got laid off', 'Меня сократили', 'Мене скоротили'),
      l('unemployed', 'безработный', 'безробітний'),
      l(
        'My husband was fired, we have no income',
        'Мужа уволили, дохода нет',
        'Чоловіка звільнили, доходу немає',
      ),
      l(
        'The factory closed, I’m out of work',
        'Завод закрылся, остался без работы',
        'Завод закрився, залишився без роботи',
      ),
    ],
    offerCodes: ['tariff_downgrade', 'payment_deferral', 'pause'],
    script: {
      questions: [
        l(
          'Do you need the internet for the job search or remote work?',
          'Нужен ли вам интернет для поиска работы или удалённой работы?',
          'Чи потрібен вам інтернет для пошуку роботи чи віддаленої роботи?',
        ),
        l(
          'How long do you think it will take?',
          'Как думаете, сколько это продлится?',
          'Як гадаєте, скільки це триватиме?',
        ),
      ],
      arguments: [
        l(
          'Job searches, interviews and public services need a stable connection — a minimal tariff keeps it.',
          'Поиск работы, собеседования и госуслуги требуют стабильной связи — минимальный тариф её сохранит.',
          'Пошук роботи, співбесіди й держпослуги потребують стабільного зв’язку — мінімальний тариф його збереже.',
        ),
        l(
          'We can defer payments or pause the service until you find work.',
          'Можем отсрочить платежи или приостановить услугу, пока не найдёте работу.',
          'Можемо відстрочити платежі або призупинити послугу, поки не знайдете роботу.',
        ),
      ],
      objections: [
        o(
          l(
            'I don’t know when I’ll find work.',
            'Не знаю, когда найду работу.',
            'Не знаю, коли знайду роботу.',
          ),
          l(
            'Then let’s do three months on the minimal tariff and talk again.',
            'Тогда давайте три месяца на минимальном тарифе, а потом созвонимся.',
            'Тоді давайте три місяці на мінімальному тарифі, а потім зідзвонимося.',
          ),
        ),
        o(
          l(
            'Every penny counts now.',
            'Сейчас каждая копейка на счету.',
            'Зараз кожна копійка на рахунку.',
          ),
          l(
            'I understand — the deferral costs you nothing extra.',
            'Понимаю — отсрочка не стоит вам ничего сверх обычного.',
            'Розумію — відстрочка не коштує вам нічого понад звичайне.',
          ),
        ),
      ],
      closing: [
        l(
          'I’ll move you to the minimal tariff with a deferral and call you in three months — all right?',
          'Перевожу на минимальный тариф с отсрочкой и перезвоню через три месяца — хорошо?',
          'Переводжу на мінімальний тариф з відстрочкою і передзвоню за три місяці — добре?',
        ),
      ],
    },
  },
  {
    code: 'business_closure',
    group: 'financial',
    managed: false,
    impliesCompetitor: false,
    threshold: 0.0003,
    title: l('Business closure', 'Закрытие бизнеса', 'Закриття бізнесу'),
    description: l(
      'A business subscriber (shop, office, café, sole trader) closes, goes bankrupt or stops trading at the address. Unmanaged. Ask whether the owner opens elsewhere or a new tenant takes the premises — both are sales leads.',
      'Бизнес-абонент (магазин, офис, кафе, ИП/ФЛП) закрывается, банкротится или прекращает работу по адресу. Неуправляемая причина. Уточните, не открывается ли владелец в другом месте и не заезжает ли в помещение новый арендатор — и то и другое повод для продажи.',
      'Бізнес-абонент (магазин, офіс, кафе, ФОП) закривається, банкрутує або припиняє роботу за адресою. Некерована причина. Уточніть, чи не відкривається власник в іншому місці і чи не заїжджає в приміщення новий орендар — і те й інше привід для продажу.',
    ),
    typicalPhrases: [
      l('We’re closing the shop', 'Закрываем магазин', 'Закриваємо магазин'),
      l('business closed', 'закрытие бизнеса', 'закриття бізнесу'),
      l(
        'The company is being liquidated',
        'Фирма ликвидируется',
        'Фірма ліквідується',
      ),
      l('I closed my sole trader business', 'Закрыл ИП', 'Закрив ФОП'),
      l(
        'The office is closing, the lease is ending',
        'Офис закрывается, аренда заканчивается',
        'Офіс закривається, оренда закінчується',
      ),
    ],
    offerCodes: ['service_move', 'account_transfer'],
    script: {
      questions: [
        l(
          'Are you opening at another address?',
          'Вы открываетесь по другому адресу?',
          'Ви відкриваєтеся за іншою адресою?',
        ),
        l(
          'Who takes over the premises?',
          'Кто заезжает в помещение после вас?',
          'Хто заїжджає в приміщення після вас?',
        ),
      ],
      arguments: [
        l(
          'If you open elsewhere, we’ll move the service and keep your business tariff.',
          'Если откроетесь в другом месте, перенесём услугу и сохраним бизнес-тариф.',
          'Якщо відкриєтеся в іншому місці, перенесемо послугу і збережемо бізнес-тариф.',
        ),
        l(
          'The new tenant can take over the connection without installation.',
          'Новый арендатор может переоформить подключение без монтажа.',
          'Новий орендар може переоформити підключення без монтажу.',
        ),
      ],
      objections: [
        o(
          l(
            'The business is finished.',
            'Бизнеса больше нет.',
            'Бізнесу більше немає.',
          ),
          l(
            'I’m sorry to hear that; let’s close the contract properly on the date you need and settle the balance.',
            'Сочувствую; давайте корректно закроем договор на нужную дату и рассчитаем остаток.',
            'Співчуваю; давайте коректно закриємо договір на потрібну дату і розрахуємо залишок.',
          ),
        ),
        o(
          l(
            'We need it for a few more weeks.',
            'Нам нужно ещё пару недель.',
            'Нам потрібно ще кілька тижнів.',
          ),
          l(
            'Then we set the disconnection date ahead, and you pay only until then.',
            'Тогда поставим дату отключения заранее, платите только до неё.',
            'Тоді поставимо дату відключення наперед, платите лише до неї.',
          ),
        ),
      ],
      closing: [
        l(
          'May I pass the new tenant’s contact to our business team?',
          'Можно передать контакт нового арендатора нашему бизнес-отделу?',
          'Можна передати контакт нового орендаря нашому бізнес-відділу?',
        ),
      ],
    },
  },

  // ─────────────────────────────── life ───────────────────────────────
  {
    code: 'temporary_absence',
    group: 'life',
    managed: true,
    impliesCompetitor: false,
    threshold: 0.0003,
    title: l(
      'Temporary absence or long trip',
      'Временный отъезд',
      'Тимчасовий від’їзд',
    ),
    description: l(
      'The subscriber will be away for weeks or months: the summer at the dacha, a long business trip, military service, hospital, a winter abroad. They want to stop paying, not to leave: the answer is a pause (voluntary suspension).',
      'Абонент уезжает на недели или месяцы: на дачу на лето, в длительную командировку, на службу, в больницу, на зиму за границу. Он хочет не платить, а не уйти: ответ — пауза (добровольная блокировка).',
      'Абонент виїжджає на тижні чи місяці: на дачу на літо, у тривале відрядження, на службу, до лікарні, на зиму за кордон. Він хоче не платити, а не піти: відповідь — пауза (добровільне блокування).',
    ),
    typicalPhrases: [
      l(
        'We’ll be at the dacha all summer',
        'Уезжаем на дачу на всё лето',
        'Їдемо на дачу на все літо',
      ),
      l(
        'Going on a long business trip',
        'Уезжаю в длительную командировку',
        'Їду в тривале відрядження',
      ),
      l('temporarily away', 'временно не проживает', 'тимчасово не проживає'),
      l(
        'Nobody will be home for three months',
        'Три месяца дома никого не будет',
        'Три місяці вдома нікого не буде',
      ),
      l(
        'Can I suspend it while I’m away?',
        'Можно приостановить, пока меня нет?',
        'Можна призупинити, поки мене немає?',
      ),
    ],
    offerCodes: ['pause', 'tariff_downgrade'],
    script: {
      questions: [
        l(
          'How long will you be away?',
          'На какой срок уезжаете?',
          'На який строк їдете?',
        ),
        l(
          'Do you need cameras or the alarm online while you’re away?',
          'Нужно ли, чтобы в это время работали камеры или сигнализация?',
          'Чи потрібно, щоб у цей час працювали камери чи сигналізація?',
        ),
      ],
      arguments: [
        l(
          'A pause keeps your tariff, account and equipment; you pay nothing or a token fee.',
          'Пауза сохранит ваш тариф, лицевой счёт и оборудование; платить ничего или символическую сумму.',
          'Пауза збереже ваш тариф, особовий рахунок та обладнання; платити нічого або символічну суму.',
        ),
        l(
          'When you’re back, the service comes on by itself — no new contract, no connection fee.',
          'Когда вернётесь, услуга включится сама — без нового договора и платы за подключение.',
          'Коли повернетеся, послуга увімкнеться сама — без нового договору і плати за підключення.',
        ),
      ],
      objections: [
        o(
          l(
            'It’s simpler to terminate.',
            'Проще расторгнуть.',
            'Простіше розірвати.',
          ),
          l(
            'Terminating means a connection fee later; the pause is free and you can cancel it any time.',
            'Расторжение — это потом снова плата за подключение; пауза бесплатна, и её можно отменить в любой момент.',
            'Розірвання — це потім знову плата за підключення; пауза безкоштовна, і її можна скасувати будь-коли.',
          ),
        ),
        o(
          l(
            'I don’t know exactly when I’ll be back.',
            'Не знаю точно, когда вернусь.',
            'Не знаю точно, коли повернуся.',
          ),
          l(
            'We’ll set an approximate date; you can extend or end the pause in the app.',
            'Поставим дату ориентировочно — продлить или прервать паузу можно в приложении.',
            'Поставимо дату орієнтовно — подовжити чи перервати паузу можна в застосунку.',
          ),
        ),
      ],
      closing: [
        l(
          'I’m pausing the service from your departure date — until when?',
          'Ставлю паузу с даты отъезда — до какого числа?',
          'Ставлю паузу з дати від’їзду — до якого числа?',
        ),
      ],
    },
  },
  {
    code: 'death',
    group: 'life',
    managed: false,
    impliesCompetitor: false,
    threshold: 0.0003,
    title: l('Death of the subscriber', 'Смерть абонента', 'Смерть абонента'),
    description: l(
      'The contract holder has died; relatives ask to close the account. Unmanaged. Offer condolences and never push a sale; offer to re-register the contract to a family member who keeps using the service, otherwise close it without penalties or debt collection.',
      'Владелец договора умер; родственники просят закрыть лицевой счёт. Неуправляемая причина. Выразите соболезнования, никаких продаж в лоб; предложите переоформить договор на члена семьи, который продолжает пользоваться услугой, иначе закройте без штрафов и взыскания долга.',
      'Власник договору помер; родичі просять закрити особовий рахунок. Некерована причина. Висловіть співчуття, жодних продажів у лоб; запропонуйте переоформити договір на члена сім’ї, який продовжує користуватися послугою, інакше закрийте без штрафів і стягнення боргу.',
    ),
    typicalPhrases: [
      l('The subscriber died', 'Абонент умер', 'Абонент помер'),
      l('died', 'умер', 'помер'),
      l(
        'My father passed away, please close his account',
        'Папа скончался, закройте его договор',
        'Тато помер, закрийте його договір',
      ),
      l(
        'death of the contract holder',
        'смерть владельца договора',
        'смерть власника договору',
      ),
      l('Mum is no longer with us', 'Мамы не стало', 'Мами не стало'),
    ],
    offerCodes: ['account_transfer'],
    script: {
      questions: [
        l(
          'Does anyone still live at the address and use the internet or TV?',
          'По адресу кто-то продолжает жить и пользоваться интернетом или ТВ?',
          'За адресою хтось продовжує жити й користуватися інтернетом чи ТБ?',
        ),
        l(
          'Would you like to keep the service in your name?',
          'Хотите оставить услугу на себя?',
          'Бажаєте залишити послугу на себе?',
        ),
      ],
      arguments: [
        l(
          'The contract can be re-registered to you with the same tariff and no connection fee.',
          'Договор можно переоформить на вас с тем же тарифом и без платы за подключение.',
          'Договір можна переоформити на вас з тим самим тарифом і без плати за підключення.',
        ),
        l(
          'If you prefer to close it, we’ll do so from the date of death, without penalties.',
          'Если хотите закрыть — закроем с даты смерти, без штрафов.',
          'Якщо бажаєте закрити — закриємо з дати смерті, без штрафів.',
        ),
      ],
      objections: [
        o(
          l(
            'I can’t deal with paperwork right now.',
            'Мне сейчас не до бумаг.',
            'Мені зараз не до паперів.',
          ),
          l(
            'I understand; a copy of the certificate is enough, and we’ll do the rest by phone.',
            'Понимаю; достаточно копии свидетельства, остальное сделаем по телефону.',
            'Розумію; достатньо копії свідоцтва, решту зробимо телефоном.',
          ),
        ),
        o(
          l(
            'There’s a debt on the account.',
            'На счёте остался долг.',
            'На рахунку залишився борг.',
          ),
          l(
            'We’ll write off every charge after the date of death.',
            'Начисления после даты смерти мы спишем.',
            'Нарахування після дати смерті ми спишемо.',
          ),
        ),
      ],
      closing: [
        l(
          'Please accept our condolences. Shall I re-register the contract or close it from that date?',
          'Примите наши соболезнования. Переоформляем договор или закрываем с этой даты?',
          'Прийміть наші співчуття. Переоформлюємо договір чи закриваємо з цієї дати?',
        ),
      ],
    },
  },
  {
    code: 'health_moving_to_relatives',
    group: 'life',
    managed: false,
    impliesCompetitor: false,
    threshold: 0.0002,
    title: l(
      'Health or old age: moving in with relatives',
      'Здоровье, возраст: переезд к родственникам',
      'Здоров’я, вік: переїзд до родичів',
    ),
    description: l(
      'An elderly or ill subscriber moves in with their children, into a care home or to hospital for a long time; the flat stays empty or is sold. Unmanaged, but check the relatives’ address (service move) and whether anyone stays in the flat.',
      'Пожилой или больной абонент переезжает к детям, в пансионат или надолго в больницу; квартира пустует или продаётся. Неуправляемая причина, но проверьте адрес родственников (перенос услуги) и не остаётся ли кто-то в квартире.',
      'Літній або хворий абонент переїжджає до дітей, у пансіонат чи надовго до лікарні; квартира порожня або продається. Некерована причина, але перевірте адресу родичів (перенесення послуги) і чи не залишається хтось у квартирі.',
    ),
    typicalPhrases: [
      l(
        'Grandma is moving in with us',
        'Бабушку забираем к себе',
        'Бабусю забираємо до себе',
      ),
      l(
        'Mum is ill, she’ll live with her daughter',
        'Мама болеет, будет жить у дочери',
        'Мама хворіє, житиме в доньки',
      ),
      l(
        'moved into a care home',
        'переезд в дом престарелых',
        'переїзд до будинку для літніх людей',
      ),
      l(
        'For health reasons I’m moving in with my children',
        'По состоянию здоровья переезжаю к детям',
        'За станом здоров’я переїжджаю до дітей',
      ),
      l(
        'elderly, health reasons',
        'пожилой, по здоровью',
        'літній, за станом здоров’я',
      ),
    ],
    offerCodes: ['service_move', 'account_transfer', 'pause'],
    script: {
      questions: [
        l(
          'Where will they live — is it an address we serve?',
          'Где он будет жить — мы обслуживаем этот адрес?',
          'Де він житиме — ми обслуговуємо цю адресу?',
        ),
        l(
          'Will the flat stay empty or be let?',
          'Квартира будет пустовать или её будут сдавать?',
          'Квартира стоятиме порожня чи її здаватимуть?',
        ),
      ],
      arguments: [
        l(
          'If the relatives live in our area, we’ll move the service there and add TV for the grandparent.',
          'Если родственники в нашей зоне, перенесём услугу к ним и добавим ТВ для бабушки или дедушки.',
          'Якщо родичі в нашій зоні, перенесемо послугу до них і додамо ТБ для бабусі чи дідуся.',
        ),
        l(
          'The contract can pass to a family member without reconnection.',
          'Договор можно переоформить на члена семьи без повторного подключения.',
          'Договір можна переоформити на члена сім’ї без повторного підключення.',
        ),
      ],
      objections: [
        o(
          l(
            'We don’t need two connections.',
            'Нам не нужны два подключения.',
            'Нам не потрібні два підключення.',
          ),
          l(
            'Then we’ll close this one properly on the date you choose.',
            'Тогда корректно закроем этот договор на удобную вам дату.',
            'Тоді коректно закриємо цей договір на зручну вам дату.',
          ),
        ),
        o(
          l(
            'It’s too hard for her to come to the office.',
            'Ей тяжело прийти в офис.',
            'Їй важко прийти в офіс.',
          ),
          l(
            'A relative can do it with a power of attorney, or we’ll arrange it by phone.',
            'Это может сделать родственник по доверенности, или оформим по телефону.',
            'Це може зробити родич за довіреністю, або оформимо телефоном.',
          ),
        ),
      ],
      closing: [
        l(
          'I wish her good health. Shall I check the relatives’ address for a service move?',
          'Здоровья ей. Проверим адрес родственников для переноса услуги?',
          'Здоров’я їй. Перевіримо адресу родичів для перенесення послуги?',
        ),
      ],
    },
  },

  // ──────────────────────── technical closure (not churn) ────────────────────────
  {
    code: 'duplicate_account',
    group: 'closure',
    managed: false,
    impliesCompetitor: false,
    threshold: 0.0001,
    title: l(
      'Technical closure: duplicate, merged or test account',
      'Техническое закрытие: дубль, объединение или тестовый счёт',
      'Технічне закриття: дубль, об’єднання або тестовий рахунок',
    ),
    description: l(
      'A technical closure: two contracts at the same address, services merged onto one account, re-registration to a family member, an account opened by mistake or for testing. Not churn: it is kept out of the churn figures and the plan, and shown apart.',
      'Техническое закрытие: два договора по одному адресу, услуги объединяют на одном лицевом счёте, договор переоформляют на члена семьи, счёт открыли по ошибке или для проверки. Это не отток: в цифры оттока и план не входит, показывается отдельно.',
      'Технічне закриття: два договори за однією адресою, послуги об’єднують на одному особовому рахунку, договір переоформлюють на члена сім’ї, рахунок відкрили помилково або для перевірки. Це не відтік: до показників відтоку та плану не входить, показується окремо.',
    ),
    typicalPhrases: [
      l(
        'I have two accounts at the same address',
        'У меня два договора на один адрес',
        'У мене два договори на одну адресу',
      ),
      l('duplicate account', 'дубль лицевого счёта', 'дубль особового рахунку'),
      l(
        'Please merge my services into one account',
        'Объедините услуги на один лицевой счёт',
        'Об’єднайте послуги на один особовий рахунок',
      ),
      l(
        'Re-registered to my wife',
        'Переоформление на жену',
        'Переоформлення на дружину',
      ),
      l(
        'Account opened by mistake',
        'Счёт открыт ошибочно',
        'Рахунок відкрито помилково',
      ),
    ],
    offerCodes: ['account_transfer'],
    script: {
      questions: [
        l(
          'Which account should stay active?',
          'Какой лицевой счёт должен остаться?',
          'Який особовий рахунок має залишитися?',
        ),
        l(
          'Shall we move the balance and bonuses to the remaining account?',
          'Перенести остаток и бонусы на оставшийся счёт?',
          'Перенести залишок і бонуси на рахунок, що залишається?',
        ),
      ],
      arguments: [
        l(
          'We’ll move the balance and tenure bonuses, so nothing is lost.',
          'Перенесём остаток и бонусы за стаж, ничего не потеряется.',
          'Перенесемо залишок і бонуси за стаж, нічого не втратиться.',
        ),
        l(
          'One account means one bill and a bundle discount.',
          'Один лицевой счёт — это одна квитанция и скидка за пакет.',
          'Один особовий рахунок — це одна квитанція і знижка за пакет.',
        ),
      ],
      objections: [
        o(
          l('Will I lose my tenure?', 'Стаж не пропадёт?', 'Стаж не пропаде?'),
          l(
            'No, the tenure of the older contract is kept.',
            'Нет, стаж сохраняется по более старому договору.',
            'Ні, стаж зберігається за старішим договором.',
          ),
        ),
        o(
          l(
            'I don’t want a new contract.',
            'Не хочу новый договор.',
            'Не хочу новий договір.',
          ),
          l(
            'There’s no new contract — we close only the duplicate.',
            'Нового договора не будет — закрываем только дубль.',
            'Нового договору не буде — закриваємо лише дубль.',
          ),
        ),
      ],
      closing: [
        l(
          'I’m merging the accounts now — shall I send you the confirmation?',
          'Объединяю счета — прислать подтверждение?',
          'Об’єдную рахунки — надіслати підтвердження?',
        ),
      ],
    },
  },
  // ─────────────────────────────── other ───────────────────────────────
  {
    code: CATCH_ALL_REASON_CODE,
    group: 'other',
    // Not finding the true reason is a symptom the operator can work on, not an unmanaged loss (docs/methodology.md).
    managed: true,
    impliesCompetitor: false,
    threshold: 0.0005,
    title: l(
      'Other / refused to say',
      'Другое / отказался назвать причину',
      'Інше / відмовився назвати причину',
    ),
    description: l(
      'Catch-all: the subscriber doesn’t know or refuses to give a reason, or none of the other 32 points fits. A good operation keeps it small; a large share means operators are not asking the revealing questions. It counts as managed churn: subscribers often do not tell the true reason, and finding it is the operator’s work. Always record the subscriber’s own words.',
      'Прочее: абонент не знает или отказывается называть причину, либо не подходит ни один из остальных 32 пунктов. В хорошо налаженной работе доля маленькая; большая доля значит, что операторы не задают уточняющих вопросов. Считается управляемым оттоком: абоненты часто не называют истинную причину, и найти её — работа оператора. Всегда записывайте слова абонента.',
      'Інше: абонент не знає або відмовляється називати причину, або не підходить жоден з інших 32 пунктів. У добре налагодженій роботі частка мала; велика частка означає, що оператори не ставлять уточнювальних запитань. Вважається керованим відтоком: абоненти часто не називають справжню причину, і знайти її — робота оператора. Завжди записуйте слова абонента.',
    ),
    typicalPhrases: [
      l(
        'Refused to give a reason',
        'Отказался назвать причину',
        'Відмовився назвати причину',
      ),
      l(
        'No reason, just disconnect me',
        'Без причины, просто отключите',
        'Без причини, просто відключіть',
      ),
      l('That’s my business', 'Это моё дело', 'Це моя справа'),
      l('unknown', 'не указано', 'не вказано'),
      l('other', 'другое', 'інше'),
    ],
    offerCodes: ['pause', 'discount_10_3m'],
    script: {
      questions: [
        l(
          'May I ask what made you decide now — something in the service, or a change at home?',
          'Можно спросить, что подтолкнуло к решению именно сейчас — что-то в услуге или перемены дома?',
          'Можна спитати, що підштовхнуло до рішення саме зараз — щось у послузі чи зміни вдома?',
        ),
        l(
          'If you could change one thing about our service, what would it be?',
          'Если бы вы могли изменить в нашей услуге что-то одно, что бы это было?',
          'Якби ви могли змінити в нашій послузі щось одне, що б це було?',
        ),
        l(
          'Are you moving to another provider or giving up the service altogether?',
          'Вы переходите к другому провайдеру или отказываетесь от услуги совсем?',
          'Ви переходите до іншого провайдера чи відмовляєтеся від послуги зовсім?',
        ),
      ],
      arguments: [
        l(
          'I’m only asking so we can do better — your answer stays between us.',
          'Спрашиваю только для того, чтобы стать лучше, — ваш ответ останется между нами.',
          'Питаю лише для того, щоб стати кращими, — ваша відповідь залишиться між нами.',
        ),
        l(
          'There may be something simpler than disconnecting — a pause or a cheaper tariff.',
          'Возможно, есть решение проще, чем отключение, — пауза или тариф подешевле.',
          'Можливо, є рішення простіше, ніж відключення, — пауза чи дешевший тариф.',
        ),
      ],
      objections: [
        o(
          l(
            'I don’t have to explain.',
            'Я не обязан объяснять.',
            'Я не зобов’язаний пояснювати.',
          ),
          l(
            'Of course not; I’ll process your request. If anything changes, call me directly.',
            'Конечно, нет; оформлю заявку. Если что-то изменится — звоните мне напрямую.',
            'Звісно, ні; оформлю заявку. Якщо щось зміниться — телефонуйте мені напряму.',
          ),
        ),
        o(
          l('Just disconnect me.', 'Просто отключите.', 'Просто відключіть.'),
          l(
            'I will. Or perhaps a free pause instead, in case you change your mind?',
            'Хорошо. А может, вместо этого бесплатная пауза — на случай, если передумаете?',
            'Добре. А може, замість цього безкоштовна пауза — на випадок, якщо передумаєте?',
          ),
        ),
      ],
      closing: [
        l(
          'Thank you for your time. Shall I set the disconnection date, or would you rather take the pause?',
          'Спасибо, что уделили время. Ставим дату отключения или всё-таки паузу?',
          'Дякую, що приділили час. Ставимо дату відключення чи все ж паузу?',
        ),
      ],
    },
  },
];

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const key of Object.keys(value)) {
      deepFreeze((value as Record<string, unknown>)[key]);
    }
  }
  return value;
}

/**
 * The shipped default classifier: exactly 33 points, the last one the catch-all. Deeply frozen: a manager's
 * edited classifier is a copy (a new version), never a mutation of the default.
 */
export const DEFAULT_CHURN_REASONS: readonly ChurnReasonDefinition[] =
  deepFreeze(REASONS);
