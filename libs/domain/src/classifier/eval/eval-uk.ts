/**
 * Ukrainian part of the reason-suggestion evaluation set (see ./index.ts for the format and the split).
 * Written by hand as subscribers say it, operators note it and billing exports label it; never derived from
 * the synonym table.
 */
export const EVAL_UK = `
dev | L | price_increase | Підвищення тарифу
test | L | price_increase | Подорожчання послуг
dev | L | price_increase | Завершення акції
dev | S | price_increase | знову підняли ціну, скільки можна
test | S | price_increase | платив 200 а тепер 280, з якого дива
dev | S | price_increase | акційний тариф скінчився і стало дорого
dev | N | price_increase | абон. незадоволений індексацією тарифу
test | S | price_increase | ви втретє за рік піднімаєте абонплату
dev | Z | price_increase | опять підняли ціну на інтернет
test | L | price_too_high | Висока вартість
dev | L | price_too_high | Дорого
dev | S | price_too_high | занадто дорого для нас, пенсія мала
test | S | price_too_high | дорогувато за те що ми дивимось
dev | S | price_too_high | не по кишені такі гроші за інтернет
test | N | price_too_high | абонент вважає тариф завищеним
test | Z | price_too_high | дуже дорого у вас, ну шо ви
dev | T | price_too_high | duzhe dorogo
test | L | equipment_rental_cost | Оренда обладнання
dev | L | equipment_rental_cost | Плата за приставку
test | S | equipment_rental_cost | навіщо я плачу оренду за роутер щомісяця
dev | S | equipment_rental_cost | за приставку берете гроші, це грабіж
dev | N | equipment_rental_cost | проти плати за оренду тюнера
dev | Z | equipment_rental_cost | за аренду роутера платить не буду
test | L | competitor_cheaper | Перехід до конкурента (ціна)
dev | L | competitor_cheaper | Конкурент дешевший
test | S | competitor_cheaper | переходжу до Київстару, там дешевше
dev | S | competitor_cheaper | ціна висока, у Ланета дешевше
test | S | competitor_cheaper | прийшов агент від Воля, запропонував за 150
test | N | competitor_cheaper | йде до конкурента, у них акція
dev | S | competitor_cheaper | сусіди підключились до іншого провайдера, у них дешевше
test | Z | competitor_cheaper | переходимо на Тріолан, там дешевше буде
test | T | competitor_cheaper | perehodzhu do kyivstaru tam deshevshe
dev | Z | competitor_cheaper | у Воля дешевше, ухожу
test | L | competitor_faster | Конкурент швидший
dev | L | competitor_faster | Кращий тариф у конкурента
test | S | competitor_faster | у Київстару гігабіт за ті самі гроші
dev | S | competitor_faster | в будинок провели оптику від іншого провайдера, швидкість в 5 разів більша
test | S | competitor_faster | Датагруп дає 500 мегабіт за ту ж ціну
dev | N | competitor_faster | перехід на gpon конкурента
test | Z | competitor_faster | у конкурента скорость больша за ті ж гроші
test | L | competitor_bundle | Пакетна пропозиція конкурента
dev | L | competitor_bundle | Пакет мобільний+дім у конкурента
dev | S | competitor_bundle | Водафон дає домашній інтернет безкоштовно до мобільного
test | S | competitor_bundle | у Київстару все в одному рахунку, мобільний, інтернет і тб
dev | S | competitor_bundle | там дали безкоштовну приставку і роутер при підключенні
test | N | competitor_bundle | взяв пакет моб+дім у конкурента
dev | Z | competitor_bundle | лайфсел дає домашній інет в пакеті з мобілкою
test | L | network_outages | Часті обриви зв'язку
dev | L | network_outages | Нестабільне з'єднання
test | S | network_outages | інтернет постійно зникає, щовечора
dev | S | network_outages | вже втретє за тиждень немає зв'язку
test | S | network_outages | пропадає інет по кілька разів на день
dev | N | network_outages | скарги на аварії в будинку, обриви
dev | S | network_outages | як світло вимикають то й інтернету нема добу
test | Z | network_outages | постоянно пропадає інтернет, шо це таке
dev | T | network_outages | internet postiino znykaie
test | S | network_outages | весь час відвалюється з'єднання
test | L | slow_speed | Низька швидкість
dev | L | slow_speed | Швидкість нижча за тарифну
dev | S | slow_speed | плачу за 300 а спідтест показує 20
test | S | slow_speed | ввечері швидкість ніяка, ютуб гальмує
dev | S | slow_speed | пінг величезний, ігри лагають
test | N | slow_speed | скарги на швидкість, замір 15 мбіт на тарифі 100
dev | Z | slow_speed | скорость маленька, все тормозить
test | S | slow_speed | інтернет дуже повільний
test | L | tv_picture_quality | Погана якість зображення ТБ
dev | L | tv_picture_quality | Немає сигналу ТБ
dev | S | tv_picture_quality | картинка зависає і розсипається на квадрати
test | S | tv_picture_quality | половина каналів пише немає сигналу
dev | S | tv_picture_quality | під час футболу тб зависає, дивитись неможливо
dev | N | tv_picture_quality | iptv квадратить, приставка зависає
test | Z | tv_picture_quality | телевізор показує з квадратами, звук отстає
test | L | voice_quality | Погана якість зв'язку (телефон)
dev | L | voice_quality | Немає покриття мобільної мережі
test | S | voice_quality | дзвінки обриваються, мене не чути
dev | S | voice_quality | у слухавці шум і луна
test | S | voice_quality | вдома немає мережі, дзвонити виходжу на балкон
test | N | voice_quality | тріск на домашньому телефоні
dev | Z | voice_quality | связь погана, дзвінки сбрасує
test | L | wifi_router | Проблеми з Wi-Fi
dev | L | wifi_router | Несправність роутера
dev | S | wifi_router | вайфай не дістає до спальні
test | S | wifi_router | роутер сам перезавантажується і гріється
dev | S | wifi_router | ноутбук не підключається до вай фаю, по кабелю працює
dev | N | wifi_router | слабкий wi-fi, роутер старий
test | Z | wifi_router | вайфай слабий, роутер глючить
test | L | long_repair | Тривалий ремонт
dev | L | long_repair | Майстер не прийшов
test | S | long_repair | тиждень чекаю майстра а він так і не прийшов
dev | S | long_repair | п'ятий день без інтернету, ніхто не ремонтує
test | S | long_repair | майстер приходив тричі, толку нуль
test | N | long_repair | заявка на ремонт 6 днів без виїзду
dev | Z | long_repair | мастер так і не пришов, вже неділю чекаю
test | L | channel_lineup | Мало каналів
dev | L | channel_lineup | Видалені канали
dev | S | channel_lineup | прибрали спортивні канали, заради них і тримали тб
test | S | channel_lineup | для дітей нічого немає дивитись
dev | S | channel_lineup | зник мій улюблений канал з фільмами
dev | N | channel_lineup | хоче більше спорту, пакет каналів слабкий
test | S | channel_lineup | сама реклама на каналах, дивитись нічого
test | L | contract_terms | Умови договору
dev | L | contract_terms | Штраф за дострокове розірвання
dev | S | contract_terms | не влаштовує мінімальний термін договору
test | S | contract_terms | ви змінили умови без моєї згоди
dev | S | contract_terms | автопродовження без дозволу, так не піде
test | N | contract_terms | не згоден з передоплатою за новими умовами
test | S | contract_terms | штраф за дострокове розірвання це неподобство
test | L | privacy_security | Конфіденційність даних
dev | L | privacy_security | Витік персональних даних
dev | S | privacy_security | мої дані витекли, дзвонили шахраї і знали номер договору
test | S | privacy_security | зламали особистий кабінет а ви нічого не зробили
dev | S | privacy_security | набридли ваші рекламні дзвінки і смс
dev | N | privacy_security | побоюється за безпеку даних після витоку
test | L | billing_errors | Помилка в нарахуваннях
dev | L | billing_errors | Некоректний рахунок
test | S | billing_errors | зняли гроші двічі цього місяця
dev | S | billing_errors | оплата не зарахувалась і тепер у мене борг
test | S | billing_errors | в рахунку підписка, яку я не замовляв
test | N | billing_errors | подвійне списання, не вирішено
dev | S | billing_errors | нарахували за дні коли не було послуги
test | S | billing_errors | обіцяли знижку і не дали
test | Z | billing_errors | не можу оплатить на сайті, платіж не проходить
test | L | rude_support | Грубість персоналу
dev | L | rude_support | Неякісне обслуговування
dev | S | rude_support | оператор на гарячій лінії нагрубила і кинула слухавку
test | S | rude_support | ваш монтажник хамив
dev | S | rude_support | у підтримці тричі дали неправильну інформацію
dev | N | rude_support | скарга на неввічливих працівників офісу
dev | Z | rude_support | відношення до клієнтів отвратітєльне
test | L | support_wait_time | Довге очікування відповіді
dev | L | support_wait_time | Не додзвонитись у підтримку
test | S | support_wait_time | сорок хвилин висів на лінії і ніхто не відповів
dev | S | support_wait_time | до вас неможливо додзвонитися
test | S | support_wait_time | в чаті відповідають через добу
test | N | support_wait_time | зворотний дзвінок не надійшов, довге очікування
test | Z | support_wait_time | дві години в очереді в офісі простояв
test | L | unresolved_complaint | Невирішена скарга
dev | L | unresolved_complaint | Повторні звернення
dev | S | unresolved_complaint | п'ять разів скаржився і нічого не змінилось
test | S | unresolved_complaint | заявка висить з березня, відповіді немає
dev | S | unresolved_complaint | писав листи, приходив в офіс, проблема та сама
dev | N | unresolved_complaint | багато звернень, проблема не вирішена
dev | Z | unresolved_complaint | на мої жалоби ніхто не реагує
test | L | service_not_needed | Послуга не потрібна
dev | L | service_not_needed | Не користується послугою
test | S | service_not_needed | телевізор ніхто не дивиться
dev | S | service_not_needed | домашній телефон не потрібен, одні спамери дзвонять
test | S | service_not_needed | діти роз'їхались, інтернетом ніхто не користується
test | N | service_not_needed | послугою не користується
test | Z | service_not_needed | нам це вже не нада
test | T | service_not_needed | ne korystuiemosia
test | L | mobile_only | Перехід на мобільний інтернет
dev | L | mobile_only | Достатньо мобільного інтернету
dev | S | mobile_only | мені безліміту на телефоні вистачає
test | S | mobile_only | поставлю 4g роутер і все
dev | S | mobile_only | я тільки з телефону в інтернет заходжу
dev | N | mobile_only | переходить на моб. інтернет
dev | Z | mobile_only | роздаю інет з телефона, хватає
test | L | streaming_switch | Перехід на стрімінг
dev | L | streaming_switch | Дивляться онлайн-сервіси
test | S | streaming_switch | ми все дивимось на нетфліксі і ютубі
dev | S | streaming_switch | купили смарт тв, там мегого, кабельне не потрібне
test | S | streaming_switch | дивимось світ тв через смарт
test | N | streaming_switch | переходить на ott
test | Z | streaming_switch | діти тільки ютуб смотрять
test | L | move_within_coverage | Переїзд у межах міста
dev | L | move_within_coverage | Зміна адреси
dev | S | move_within_coverage | переїжджаємо на іншу квартиру в цьому ж місті
test | S | move_within_coverage | переїжджаю в нову квартиру на сусідній вулиці
dev | S | move_within_coverage | продаємо квартиру, купуємо в іншому районі
dev | N | move_within_coverage | переїзд, нова адреса в зоні покриття
test | L | move_out_of_coverage | Переїзд поза зону покриття
dev | L | move_out_of_coverage | Немає покриття за новою адресою
test | S | move_out_of_coverage | переїжджаємо в село, там вашої мережі немає
dev | S | move_out_of_coverage | їдемо в інше місто
test | S | move_out_of_coverage | переїжджаю до Львова по роботі
test | N | move_out_of_coverage | переїзд, адреса не обслуговується
dev | T | move_out_of_coverage | pereizhdzhaiemo v inshe misto
test | L | emigration | Еміграція
dev | L | emigration | Виїзд за кордон
dev | S | emigration | виїжджаємо з країни назавжди
test | S | emigration | переїжджаємо в Польщу всією сім'єю
dev | S | emigration | їду на заробітки до Німеччини надовго
dev | N | emigration | емігрує за кордон
test | T | emigration | vyizhdzhaiemo za kordon
test | L | financial_hardship | Фінансові труднощі
dev | L | financial_hardship | Нема чим платити
test | S | financial_hardship | грошей зараз немає, зарплату знову затримують
dev | S | financial_hardship | борги, ріжемо всі витрати
test | S | financial_hardship | пенсії ні на що не вистачає
test | N | financial_hardship | тимчасові фінансові проблеми
dev | Z | financial_hardship | в цьому місяці туго з грошима, нема чим платить
test | L | job_loss | Втрата роботи
dev | L | job_loss | Безробітний
dev | S | job_loss | мене скоротили минулого тижня
test | S | job_loss | чоловік втратив роботу, платити нічим
dev | S | job_loss | завод закрився, роботи немає
dev | N | job_loss | втратив роботу, немає доходу
test | Z | job_loss | уволили з роботи, вернусь як найду роботу
test | L | business_closure | Закриття бізнесу
dev | L | business_closure | Закриття офісу
test | S | business_closure | закриваємо магазин
dev | S | business_closure | кафе збанкрутувало
test | S | business_closure | згортаю бізнес, офіс порожній
test | N | business_closure | ФОП закрито, офіс звільняють
test | L | temporary_absence | Тимчасовий від'їзд
dev | L | temporary_absence | Сезонна відсутність
dev | S | temporary_absence | все літо будемо на дачі
test | S | temporary_absence | їду у довге відрядження на пів року
dev | S | temporary_absence | взимку мене не буде, повернусь навесні
dev | N | temporary_absence | від'їжджає на 3 місяці, повернеться
test | S | temporary_absence | мобілізували, квартира буде порожня
test | L | death | Смерть абонента
dev | L | death | Абонент помер
dev | S | death | мама померла, закрийте її договір
test | S | death | абонент помер минулого місяця
test | N | death | родичі закривають, власник помер
dev | Z | death | батько умер, там ніхто не живе
test | L | health_moving_to_relatives | Переїзд до родичів (здоров'я)
dev | L | health_moving_to_relatives | Літній абонент переїжджає до дітей
dev | S | health_moving_to_relatives | бабуся переїжджає до нас, сама жити вже не може
test | S | health_moving_to_relatives | тата забираємо в будинок для літніх людей
dev | S | health_moving_to_relatives | вона хворіє, житиме у доньки
dev | N | health_moving_to_relatives | літня абонентка переїжджає до дітей через здоров'я
test | L | duplicate_account | Дублікат особового рахунку
dev | L | duplicate_account | Об'єднання рахунків
test | S | duplicate_account | у нас два договори на одну адресу, закрийте один
dev | S | duplicate_account | це був тестовий акаунт, видаліть
test | N | duplicate_account | дубль договору, послуги перенесено на основний о/р
test | S | duplicate_account | переоформлюємо договір на сина
test | L | other_unknown | Інше
dev | L | other_unknown | Відмовився назвати причину
test | L | other_unknown | Причина не вказана
dev | S | other_unknown | без коментарів
test | S | other_unknown | не хочу пояснювати
dev | S | other_unknown | особисті причини
test | S | other_unknown | не знаю, дружина вирішила
dev | S | other_unknown | просто закрийте
dev | N | other_unknown | причину назвати відмовився
test | Z | other_unknown | не знаю, так надо
dev | M | price_too_high,slow_speed | дорого і швидкість жахлива
test | M | competitor_cheaper,network_outages | інтернет постійно зникає, а у Воля ще й дешевше
dev | M | rude_support,unresolved_complaint | скаржився 4 рази і щоразу хамили
test | M | price_increase,channel_lineup | підняли ціну і прибрали канали одночасно
dev | M | long_repair,network_outages | 4 дні немає зв'язку а майстер так і не прийшов
test | M | streaming_switch,price_too_high | тб дороге, а в нас є нетфлікс
dev | M | move_out_of_coverage,job_loss | втратив роботу, переїжджаємо до батьків у село
test | M | billing_errors,support_wait_time | списали двічі і не можу ні до кого додзвонитись
dev | M | wifi_router,slow_speed | вайфай слабкий і швидкість низька
test | S | price_too_high | дуже дорго
dev | S | network_outages | постійно пропадае інтернет
test | S | slow_speed | швидкисть мала
dev | S | competitor_cheaper | йду до київстару там дешевще
test | S | billing_errors | не правильно нарахували
dev | S | emigration | виїжджаємо закордон
test | S | tv_picture_quality | телік зависає
`;
