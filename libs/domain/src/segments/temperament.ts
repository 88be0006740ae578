import { ActivitySegment, Temperament } from '@retention/contracts';

/**
 * Handling advice per customer segment (docs/methodology.md, "Handling people by temperament and activity"),
 * shown to the operator on the subscriber card.
 *
 * The advice lists hold stable i18n keys ('temperament.choleric.do.1'), never texts: the console translates
 * them. The texts for the keys are exported too, per locale, so that API exports and the console share them.
 * Keys are numbered by position inside their list: add new advice at the END of a list, never in the middle,
 * or existing keys would change meaning.
 */

export type AdviceLocale = 'en' | 'ru' | 'uk';

export const ADVICE_LOCALES: readonly AdviceLocale[] = ['en', 'ru', 'uk'];

export interface AdviceKeys {
  /** What to do, as i18n keys. */
  doList: string[];
  /** What to avoid, as i18n keys. */
  dontList: string[];
}

type LocalisedText = Record<AdviceLocale, string>;

interface AdviceSource {
  do: LocalisedText[];
  dont: LocalisedText[];
}

const TEMPERAMENT_SOURCE: Record<Temperament, AdviceSource> = {
  // Impulsive, wants it done yesterday, behaves as if they were the only customer.
  [Temperament.Choleric]: {
    do: [
      {
        en: "Hear the subscriber out: don't argue and don't take sharp words personally.",
        ru: 'Выслушайте абонента до конца, не спорьте и не принимайте резкие слова на свой счёт.',
        uk: 'Вислухайте абонента до кінця, не сперечайтеся й не сприймайте різкі слова на свій рахунок.',
      },
      {
        en: 'Answer fast: give a solution or a firm deadline in the same conversation.',
        ru: 'Отвечайте быстро: решение или точный срок — в этом же разговоре.',
        uk: 'Відповідайте швидко: рішення або точний термін — у цій самій розмові.',
      },
      {
        en: 'Use a few strong arguments; skip the details unless asked.',
        ru: 'Приводите несколько весомых аргументов, в детали не уходите, если не спросят.',
        uk: 'Наводьте кілька вагомих аргументів, у деталі не заглиблюйтеся, якщо не запитають.',
      },
      {
        en: 'Speak as an equal, calmly and confidently.',
        ru: 'Держитесь на равных — спокойно и уверенно.',
        uk: 'Тримайтеся на рівних — спокійно й упевнено.',
      },
    ],
    dont: [
      {
        en: "Don't argue back or interrupt.",
        ru: 'Не спорьте и не перебивайте.',
        uk: 'Не сперечайтеся і не перебивайте.',
      },
      {
        en: 'Don\'t keep them waiting or promise to call back "later" without a time.',
        ru: 'Не заставляйте ждать и не обещайте перезвонить «потом» без точного времени.',
        uk: 'Не змушуйте чекати й не обіцяйте передзвонити «пізніше» без точного часу.',
      },
      {
        en: "Don't bury them in details and procedures.",
        ru: 'Не заваливайте подробностями и регламентами.',
        uk: 'Не перевантажуйте подробицями й регламентами.',
      },
    ],
  },
  // Talkative, drifts off topic, wants to be friends and asks for discounts.
  [Temperament.Sanguine]: {
    do: [
      {
        en: 'Keep the conversation on the point and gently bring it back when it drifts.',
        ru: 'Держите разговор в рамках темы и мягко возвращайте к сути, когда он уходит в сторону.',
        uk: 'Тримайте розмову в межах теми й м’яко повертайте до суті, коли вона відхиляється.',
      },
      {
        en: 'Give clear, unambiguous answers and stick to what matters most.',
        ru: 'Отвечайте однозначно и говорите только о главном.',
        uk: 'Відповідайте однозначно й говоріть лише про головне.',
      },
      {
        en: 'Be friendly, but keep a professional distance.',
        ru: 'Будьте доброжелательны, но соблюдайте деловую дистанцию.',
        uk: 'Будьте привітні, але дотримуйтеся ділової дистанції.',
      },
    ],
    dont: [
      {
        en: 'Don\'t give a discount "as a friend": the offer depends on the reason for leaving, not on the relationship.',
        ru: 'Не давайте скидку «по дружбе»: предложение зависит от причины ухода, а не от отношений.',
        uk: 'Не давайте знижку «по-дружньому»: пропозиція залежить від причини відключення, а не від стосунків.',
      },
      {
        en: "Don't get drawn into small talk.",
        ru: 'Не втягивайтесь в разговоры на посторонние темы.',
        uk: 'Не втягуйтеся в розмови на сторонні теми.',
      },
      {
        en: "Don't go into details: they won't follow them anyway.",
        ru: 'Не углубляйтесь в детали — он в них всё равно не вникает.',
        uk: 'Не заглиблюйтеся в деталі — він у них однаково не вникає.',
      },
    ],
  },
  // Anxious, asks again and again, wants stability and certainty.
  [Temperament.Melancholic]: {
    do: [
      {
        en: 'Reassure them, and patiently explain again even if you already have.',
        ru: 'Успокойте абонента и терпеливо объясните ещё раз, даже если уже объясняли.',
        uk: 'Заспокойте абонента й терпляче поясніть ще раз, навіть якщо вже пояснювали.',
      },
      {
        en: 'Show that everything is under control: name the steps and the dates.',
        ru: 'Покажите, что всё под контролем: назовите шаги и сроки.',
        uk: 'Покажіть, що все під контролем: назвіть кроки й терміни.',
      },
      {
        en: 'Keep them informed with regular, detailed updates until the issue is closed.',
        ru: 'Регулярно и подробно сообщайте, как продвигается решение, пока вопрос не закрыт.',
        uk: 'Регулярно й докладно повідомляйте, як просувається рішення, доки питання не закрите.',
      },
      {
        en: 'Be patient: their trust is won slowly.',
        ru: 'Наберитесь терпения: доверие такого абонента завоёвывается не сразу.',
        uk: 'Наберіться терпіння: довіру такого абонента здобувають не одразу.',
      },
    ],
    dont: [
      {
        en: "Don't rush them or press for a decision.",
        ru: 'Не торопите и не давите с решением.',
        uk: 'Не квапте й не тисніть із рішенням.',
      },
      {
        en: "Don't offer experiments or untried tariffs; offer stability.",
        ru: 'Не предлагайте эксперименты и непроверенные тарифы — предлагайте стабильность.',
        uk: 'Не пропонуйте експерименти й неперевірені тарифи — пропонуйте стабільність.',
      },
      {
        en: "Don't show irritation at repeated questions.",
        ru: 'Не показывайте раздражения, когда вопрос задают повторно.',
        uk: 'Не показуйте роздратування, коли запитання ставлять повторно.',
      },
    ],
  },
  // Unhurried and suspicious, has time to ask about everything, shows little emotion.
  [Temperament.Phlegmatic]: {
    do: [
      {
        en: 'Give them time to think and agree when you will call back.',
        ru: 'Дайте время подумать и договоритесь, когда перезвоните.',
        uk: 'Дайте час подумати й домовтеся, коли передзвоните.',
      },
      {
        en: 'Argue with facts and figures, and point to the source: tariff terms, contract clauses.',
        ru: 'Аргументируйте фактами и цифрами со ссылкой на источник: условия тарифа, пункты договора.',
        uk: 'Аргументуйте фактами й цифрами з посиланням на джерело: умови тарифу, пункти договору.',
      },
      {
        en: 'Know every detail of their account and services before the conversation.',
        ru: 'Перед разговором изучите все детали по абоненту и его услугам.',
        uk: 'Перед розмовою вивчіть усі деталі щодо абонента та його послуг.',
      },
      {
        en: 'Check every letter and message several times before sending it.',
        ru: 'Любое письмо и сообщение перед отправкой перепроверьте несколько раз.',
        uk: 'Будь-який лист і повідомлення перед надсиланням перевірте кілька разів.',
      },
    ],
    dont: [
      {
        en: "Don't hurry them: under pressure they simply leave.",
        ru: 'Не торопите: под давлением он просто уйдёт.',
        uk: 'Не квапте: під тиском він просто піде.',
      },
      {
        en: "Don't claim anything you can't back up.",
        ru: 'Не утверждайте того, что не можете подтвердить.',
        uk: 'Не стверджуйте того, чого не можете підтвердити.',
      },
      {
        en: "Don't improvise when you don't know a detail: check it and come back with the answer.",
        ru: 'Не импровизируйте, если не знаете детали: уточните и вернитесь с ответом.',
        uk: 'Не імпровізуйте, якщо не знаєте деталі: уточніть і поверніться з відповіддю.',
      },
    ],
  },
};

const ACTIVITY_SOURCE: Record<ActivitySegment, AdviceSource> = {
  // Interested in everything, takes up extra offers, ready to experiment.
  [ActivitySegment.Active]: {
    do: [
      {
        en: 'Offer upgrades and extra services: they are open to new things.',
        ru: 'Предлагайте тариф выше и дополнительные услуги — такой абонент открыт новому.',
        uk: 'Пропонуйте вищий тариф і додаткові послуги — такий абонент відкритий до нового.',
      },
      {
        en: 'Explain in detail how the service works; they want to understand it.',
        ru: 'Подробно объясняйте, как устроена услуга: ему интересно разобраться.',
        uk: 'Докладно пояснюйте, як працює послуга: йому цікаво розібратися.',
      },
      {
        en: 'Invite them to try new services and to recommend you to friends.',
        ru: 'Приглашайте попробовать новые услуги и рекомендовать вас знакомым.',
        uk: 'Запрошуйте спробувати нові послуги й рекомендувати вас знайомим.',
      },
    ],
    dont: [
      {
        en: "Don't promise more than the network can deliver.",
        ru: 'Не обещайте больше, чем может дать сеть.',
        uk: 'Не обіцяйте більше, ніж може дати мережа.',
      },
      {
        en: "Don't repeat the same offer; come with something new.",
        ru: 'Не повторяйте одно и то же предложение — приходите с новым.',
        uk: 'Не повторюйте ту саму пропозицію — приходьте з новою.',
      },
    ],
  },
  // Willing to look closer, but waits to see results before buying.
  [ActivitySegment.Waiting]: {
    do: [
      {
        en: 'Give the details and terms in writing so they can study them without hurry.',
        ru: 'Дайте подробности и условия в письменном виде, чтобы абонент изучил их без спешки.',
        uk: 'Надайте подробиці й умови письмово, щоб абонент вивчив їх без поспіху.',
      },
      {
        en: 'Show proof that the service works: speed measurements, availability figures, results.',
        ru: 'Покажите, что услуга работает: замеры скорости, статистику доступности, результаты.',
        uk: 'Покажіть, що послуга працює: заміри швидкості, статистику доступності, результати.',
      },
      {
        en: 'Agree on a date to come back to the offer.',
        ru: 'Договоритесь о дате, когда вернётесь к предложению.',
        uk: 'Домовтеся про дату, коли повернетеся до пропозиції.',
      },
    ],
    dont: [
      {
        en: "Don't demand a decision on the spot.",
        ru: 'Не требуйте решения сразу.',
        uk: 'Не вимагайте рішення одразу.',
      },
      {
        en: "Don't forget the follow-up you promised.",
        ru: 'Не забудьте про обещанный повторный контакт.',
        uk: 'Не забудьте про обіцяний повторний контакт.',
      },
    ],
  },
  // "Got the bill, paid it": interested in nothing, and the most likely to slip away unnoticed.
  [ActivitySegment.Passive]: {
    do: [
      {
        en: 'Get in touch first, without waiting for a complaint or a disconnect request.',
        ru: 'Выходите на связь первыми, не дожидаясь жалобы или заявления на отключение.',
        uk: 'Виходьте на зв’язок першими, не чекаючи скарги чи заяви на відключення.',
      },
      {
        en: 'Remind them regularly what they get for their money.',
        ru: 'Регулярно напоминайте, что абонент получает за свои деньги.',
        uk: 'Регулярно нагадуйте, що абонент отримує за свої гроші.',
      },
      {
        en: 'Check their satisfaction before a price rise and before the contract ends.',
        ru: 'Проверяйте удовлетворённость перед повышением цены и до окончания договора.',
        uk: 'Перевіряйте задоволеність перед підвищенням ціни та до закінчення договору.',
      },
    ],
    dont: [
      {
        en: "Don't take silence for satisfaction: passive subscribers leave quietly.",
        ru: 'Не принимайте молчание за довольство: пассивные абоненты уходят тихо.',
        uk: 'Не сприймайте мовчання як задоволеність: пасивні абоненти йдуть тихо.',
      },
      {
        en: "Don't push upgrades before you are sure the current service suits them.",
        ru: 'Не навязывайте тариф выше, пока не убедились, что текущая услуга его устраивает.',
        uk: 'Не нав’язуйте вищий тариф, доки не переконалися, що поточна послуга його влаштовує.',
      },
    ],
  },
};

interface BuiltAdvice<S extends string> {
  keys: Record<S, AdviceKeys>;
  texts: Record<AdviceLocale, Record<string, string>>;
}

function buildAdvice<S extends string>(prefix: string, source: Record<S, AdviceSource>): BuiltAdvice<S> {
  const keys = {} as Record<S, AdviceKeys>;
  const texts: Record<AdviceLocale, Record<string, string>> = { en: {}, ru: {}, uk: {} };
  const list = (segment: S, kind: 'do' | 'dont', items: LocalisedText[]): string[] =>
    items.map((item, index) => {
      const key = `${prefix}.${segment}.${kind}.${index + 1}`;
      for (const locale of ADVICE_LOCALES) {
        texts[locale][key] = item[locale];
      }
      return key;
    });
  for (const segment of Object.keys(source) as S[]) {
    const advice = source[segment];
    keys[segment] = { doList: list(segment, 'do', advice.do), dontList: list(segment, 'dont', advice.dont) };
  }
  return { keys, texts };
}

const temperament = buildAdvice('temperament', TEMPERAMENT_SOURCE);
const activity = buildAdvice('activity', ACTIVITY_SOURCE);

/** Handling advice per temperament, as i18n keys ('temperament.<temperament>.do.<n>' / '.dont.<n>'). */
export const TEMPERAMENT_ADVICE: Record<Temperament, AdviceKeys> = temperament.keys;

/** English, Russian and Ukrainian texts for every key in TEMPERAMENT_ADVICE. */
export const TEMPERAMENT_ADVICE_TEXTS: Record<AdviceLocale, Record<string, string>> = temperament.texts;

/** Handling advice per activity segment, as i18n keys ('activity.<segment>.do.<n>' / '.dont.<n>'). */
export const ACTIVITY_ADVICE: Record<ActivitySegment, AdviceKeys> = activity.keys;

/** English, Russian and Ukrainian texts for every key in ACTIVITY_ADVICE. */
export const ACTIVITY_ADVICE_TEXTS: Record<AdviceLocale, Record<string, string>> = activity.texts;
