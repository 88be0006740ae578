/**
 * More Ukrainian stated reasons for the development part only (see ./index.ts for the format and ./eval-more-en.ts
 * for why). Never derived from the test part.
 */
export const EVAL_MORE_UK = `
dev | L | price_increase | Підвищення абонплати
dev | L | price_increase | Зміна вартості пакета
dev | S | price_increase | ви знову підняли абонплату, я не згоден
dev | S | price_increase | акційна ціна скінчилась, тепер плачу набагато більше
dev | Z | price_increase | подорожчало на 40 гривень, нікого не предупредили
dev | N | price_increase | незадоволена подорожчанням з 1 числа
dev | T | price_increase | znovu pidnialy tsinu na internet
dev | S | price_increase | з березня абонплата зросла, а послуга та сама
dev | L | price_too_high | Висока вартість послуг
dev | S | price_too_high | задорого як на мою пенсію
dev | S | price_too_high | забагато грошей за кілька каналів
dev | Z | price_too_high | шото дорого у вас, не тягну такі гроші
dev | T | price_too_high | duzhe dorogo platyty
dev | N | price_too_high | вважає абонплату зависокою для свого користування
dev | L | equipment_rental_cost | Плата за оренду приставки
dev | S | equipment_rental_cost | не хочу платити щомісяця за оренду тюнера
dev | L | competitor_cheaper | Перехід до конкурента через ціну
dev | S | competitor_cheaper | у Ланеті за такий самий інтернет 150 гривень
dev | S | competitor_cheaper | сусіди підключились до Тріолану, там дешевше
dev | Z | competitor_cheaper | в Київстарі дешевше, я ухожу
dev | N | competitor_cheaper | переходить до Воля, дешевший тариф
dev | T | competitor_cheaper | perekhodzhu v Lanet, tam deshevshe
dev | S | competitor_cheaper | інший провайдер пропонує вдвічі дешевше
dev | S | competitor_cheaper | у Фрегата акція для нових, вийде дешевше ніж у вас
dev | S | competitor_cheaper | Макснет бере 170, а ви 250
dev | N | competitor_cheaper | йде до місцевого провайдера, нижча абонплата
dev | S | competitor_cheaper | знайшли дешевшого провайдера
dev | L | competitor_cheaper | Конкурент - нижча ціна
dev | Z | competitor_cheaper | Датагруп дешевше дає, так шо до свидання
dev | S | competitor_cheaper | Укртелеком дає кращу ціну на інтернет
dev | L | competitor_faster | Вища швидкість у конкурента
dev | S | competitor_faster | Датагруп заводить оптику в під'їзд, гігабіт за ті самі гроші
dev | S | competitor_faster | у Тенета 500 мегабіт за таку ж ціну
dev | N | competitor_faster | перехід на оптику іншого провайдера
dev | T | competitor_faster | u Kyivstaru shvydkist bilsha za ti zh hroshi
dev | Z | competitor_faster | в конкурентов тариф лучче, швидкість в три рази більша
dev | L | competitor_bundle | Конкурент: пакет послуг з мобільним
dev | S | competitor_bundle | Водафон дає домашній інтернет у подарунок до мобільного
dev | S | competitor_bundle | у Волі приставку безкоштовно дають і три місяці без оплати
dev | N | competitor_bundle | взяв пакет Київстар мобільний + ТБ
dev | S | competitor_bundle | лайфсел запропонував усе в одному пакеті
dev | L | network_outages | Часті аварії на лінії
dev | S | network_outages | інтернет зникає щовечора
dev | S | network_outages | як вимикають світло, зв'язку немає пів дня
dev | Z | network_outages | інет постоянно отваливається
dev | T | network_outages | zv'iazok rvetsia kozhen den
dev | N | network_outages | неодноразові аварії на будинку
dev | L | slow_speed | Низька швидкість інтернету
dev | S | slow_speed | за тарифом 100, а спідтест показує 15
dev | S | slow_speed | ввечері все гальмує, відео не вантажиться
dev | N | slow_speed | швидкість нижча за заявлену
dev | T | slow_speed | shvydkist zhakhlyva
dev | Z | slow_speed | інтернет медленний, все тормозить
dev | L | tv_picture_quality | Погана якість телебачення
dev | S | tv_picture_quality | картинка сиплеться, канали пропадають
dev | Z | tv_picture_quality | на половині каналів нема сигналу, рябить
dev | S | voice_quality | вдома немає покриття, дзвінки обриваються
dev | N | voice_quality | шуми на телефонній лінії
dev | L | wifi_router | Проблеми з маршрутизатором
dev | S | wifi_router | вайфай не дістає до дальньої кімнати
dev | T | wifi_router | router postiino perezavantazhuietsia
dev | S | long_repair | тиждень чекаю майстра, ніхто не приходить
dev | L | long_repair | Затягування ремонту
dev | S | channel_lineup | прибрали спортивні канали, нема що дивитись
dev | L | channel_lineup | Мало каналів у пакеті
dev | S | contract_terms | не хочу підписувати договір на два роки
dev | L | contract_terms | Не влаштовують умови договору
dev | S | privacy_security | мій особистий кабінет зламали, боюсь за свої дані
dev | L | billing_errors | Помилка нарахування
dev | S | billing_errors | зняли гроші за послугу, яку я не замовляв
dev | S | rude_support | оператор нагрубив і кинув слухавку
dev | N | rude_support | скарга на хамство монтажника
dev | S | support_wait_time | висів на лінії 40 хвилин і так і не дочекався
dev | L | support_wait_time | Довге очікування на лінії
dev | S | unresolved_complaint | вп'яте звертаюсь, проблему так і не вирішили
dev | L | unresolved_complaint | Звернення не вирішене
dev | L | service_not_needed | Послуга більше не потрібна абоненту
dev | S | service_not_needed | телевізор взагалі не дивимось, навіщо платити
dev | Z | service_not_needed | домашній телефон не нужен, ніхто не дзвонить
dev | S | mobile_only | вистачає мобільного інтернету, безліміт на телефоні
dev | T | mobile_only | budu korystuvatysia mobilnym internetom
dev | S | streaming_switch | дивимось усе на ютубі та нетфліксі, кабельне не потрібне
dev | L | streaming_switch | Перехід на онлайн-кінотеатри
dev | S | move_within_coverage | переїжджаємо в інший район міста, там теж є ваша мережа
dev | N | move_within_coverage | зміна адреси в межах зони покриття
dev | L | move_out_of_coverage | Переїзд, немає технічної можливості
dev | S | move_out_of_coverage | переїжджаємо в село, вас там немає
dev | S | move_out_of_coverage | їду до Львова назовсім
dev | Z | move_out_of_coverage | переїзжаєм в другий город, там вашого інтернету нема
dev | N | move_out_of_coverage | переїзд за межі зони обслуговування
dev | S | emigration | виїжджаємо жити до Польщі
dev | L | financial_hardship | Скрутне матеріальне становище
dev | S | financial_hardship | грошей нема, економимо на всьому
dev | Z | financial_hardship | зараз тяжело з грошима, потом може вернусь
dev | S | job_loss | звільнили з роботи, нема чим платити
dev | L | job_loss | Абонент залишився без роботи
dev | S | business_closure | закриваємо магазин, інтернет в офісі вже не потрібен
dev | S | temporary_absence | їду на пів року в рейс, потім підключусь знову
dev | S | death | абонент помер, закриваємо договір на прохання сина
dev | S | health_moving_to_relatives | мама хворіє, забираємо її до себе
dev | N | duplicate_account | дубль особового рахунку, закрити
dev | L | other_unknown | Причину не вказано
dev | S | other_unknown | то моя справа, просто відключайте
dev | S | other_unknown | з особистих причин
dev | T | other_unknown | prosto vidkliuchit
dev | N | other_unknown | абонент причину не назвав
dev | M | price_increase,competitor_cheaper | підняли ціну, а в Ланеті дешевше
dev | M | network_outages,long_repair | інтернету нема три дні і майстер не їде
dev | M | slow_speed,wifi_router | швидкість низька і роутер постійно зависає
dev | M | financial_hardship,price_too_high | грошей мало, а у вас дорого
dev | M | support_wait_time,rude_support | годину чекав відповіді, а потім ще й нагрубили
dev | M | channel_lineup,price_increase | каналів менше, а ціна вища
dev | M | tv_picture_quality,unresolved_complaint | ТБ рябить, скаржився вже тричі, толку нуль
`;
