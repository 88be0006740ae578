/** Word lists for people, places and survey comments (Latin script, fictional). */

export const MALE_FIRST_NAMES: readonly string[] = [
  'Oleksandr', 'Andriy', 'Dmytro', 'Serhiy', 'Ivan', 'Mykola', 'Volodymyr', 'Yuriy', 'Taras', 'Bohdan',
  'Pavlo', 'Viktor', 'Roman', 'Ihor', 'Maksym', 'Oleh', 'Vasyl', 'Petro', 'Artem', 'Denys',
  'Alexei', 'Nikolai', 'Sergei', 'Mikhail', 'Vladimir', 'Konstantin', 'Anton', 'Kirill', 'Yegor', 'Stanislav',
  'Tomasz', 'Marek', 'Jakub', 'Piotr', 'Daniel', 'David', 'Mark', 'Adam', 'Victor', 'Leon', 'Emil', 'Martin',
];

export const FEMALE_FIRST_NAMES: readonly string[] = [
  'Olena', 'Iryna', 'Natalia', 'Oksana', 'Tetiana', 'Svitlana', 'Kateryna', 'Yulia', 'Halyna', 'Liudmyla',
  'Mariia', 'Viktoriia', 'Daria', 'Sofiia', 'Anastasiia', 'Khrystyna', 'Larysa', 'Nadiia', 'Valentyna', 'Zoriana',
  'Olga', 'Tatiana', 'Elena', 'Irina', 'Marina', 'Ekaterina', 'Vera', 'Polina', 'Ksenia', 'Alina',
  'Agnieszka', 'Magdalena', 'Katarzyna', 'Anna', 'Maria', 'Eva', 'Nina', 'Lena', 'Sofia', 'Emma', 'Clara', 'Diana',
];

/** Surnames as [masculine, feminine] forms (equal where the language does not change them). */
export const SURNAMES: readonly (readonly [string, string])[] = [
  ['Kovalenko', 'Kovalenko'], ['Shevchenko', 'Shevchenko'], ['Bondarenko', 'Bondarenko'], ['Tkachenko', 'Tkachenko'],
  ['Kravchenko', 'Kravchenko'], ['Melnyk', 'Melnyk'], ['Boiko', 'Boiko'], ['Moroz', 'Moroz'], ['Lysenko', 'Lysenko'],
  ['Rudenko', 'Rudenko'], ['Savchenko', 'Savchenko'], ['Petrenko', 'Petrenko'], ['Marchenko', 'Marchenko'],
  ['Polishchuk', 'Polishchuk'], ['Hrytsenko', 'Hrytsenko'], ['Kozak', 'Kozak'], ['Pavlenko', 'Pavlenko'],
  ['Oliinyk', 'Oliinyk'], ['Sydorenko', 'Sydorenko'], ['Tymoshenko', 'Tymoshenko'], ['Honchar', 'Honchar'],
  ['Ivanov', 'Ivanova'], ['Petrov', 'Petrova'], ['Smirnov', 'Smirnova'], ['Volkov', 'Volkova'], ['Sokolov', 'Sokolova'],
  ['Kuznetsov', 'Kuznetsova'], ['Orlov', 'Orlova'], ['Popov', 'Popova'], ['Morozov', 'Morozova'], ['Lebedev', 'Lebedeva'],
  ['Novikov', 'Novikova'], ['Fedorov', 'Fedorova'], ['Kowalski', 'Kowalska'], ['Wisniewski', 'Wisniewska'],
  ['Zielinski', 'Zielinska'], ['Novak', 'Novak'], ['Horvat', 'Horvat'], ['Weber', 'Weber'], ['Klein', 'Klein'],
  ['Berg', 'Berg'], ['Adler', 'Adler'], ['Lang', 'Lang'], ['Roth', 'Roth'], ['Miller', 'Miller'], ['Fischer', 'Fischer'],
];

export const STREETS: readonly string[] = [
  'Shevchenko St', 'Franko St', 'Sadova St', 'Lisova St', 'Zelena St', 'Shkilna St', 'Myru Ave', 'Peremohy Ave',
  'Central Ave', 'Park Lane', 'River St', 'Station Rd', 'Lake St', 'Oak St', 'Birch St', 'Chestnut Blvd',
  'Freedom Ave', 'Garden St', 'Meadow Rd', 'Mill St', 'Church St', 'Market Sq', 'Bridge St', 'Hill St',
  'Sunflower St', 'Cherry Lane', 'Maple St', 'Linden Ave', 'Harbour Rd', 'Spring St', 'Victory St', 'Academy St',
  'Builders St', 'Teachers St', 'Rose St', 'Pine St', 'Vokzalna St', 'Naberezhna St', 'Soborna St', 'Polova St',
];

/** Mobile prefixes: '+380' with a two-digit operator code, or '+7 9xx'. */
export const UA_CODES: readonly string[] = ['50', '63', '66', '67', '68', '73', '93', '95', '96', '97', '98', '99'];

/** What a subscriber disliked (asked after every NPS score below 9). */
export const DISLIKES_BY_SERVICE: readonly (readonly string[])[] = [
  [
    'Internet slows down in the evenings.',
    'The connection drops several times a week.',
    'Speed is lower than the tariff promises.',
    'A technician took four days to come.',
    'Wi-Fi router is old and weak.',
  ],
  [
    'Too few channels for the price.',
    'Picture freezes on some channels.',
    'Sports channels were removed from my package.',
  ],
  [
    'The set-top box is slow and hangs.',
    'Catch-up does not work for some channels.',
    'IPTV freezes when the internet is busy.',
  ],
  ['Line is noisy.', 'The phone was dead for a week.'],
  ['Mobile data runs out too fast.', 'Poor coverage at home.'],
];

export const GENERAL_DISLIKES: readonly string[] = [
  'The price went up again.',
  'Other providers are cheaper.',
  'Support line waits are too long.',
  'The operator was rude on the phone.',
  'I was charged twice in one month.',
  'Nobody called back as promised.',
  'Nothing in particular, it is just average.',
];

export const PRAISES: readonly string[] = [
  'Stable connection, no complaints.',
  'Fast support and polite staff.',
  'Good value for the money.',
  'The technician was quick and tidy.',
];

export const CSAT_COMMENTS_LOW: readonly string[] = [
  'The problem was not solved on the first call.',
  'Waited forty minutes on the line.',
  'The technician came late.',
];
