/**
 * More Russian stated reasons for the development part only (see ./index.ts for the format and ./eval-more-en.ts for
 * why). Never derived from the test part.
 */
export const EVAL_MORE_RU = `
dev | L | price_increase | Повышение абонплаты
dev | L | price_increase | Индексация стоимости пакета
dev | S | price_increase | опять подняли цену, уже третий раз за год
dev | S | price_increase | закончилась акция и теперь плачу почти вдвое больше
dev | S | price_increase | с нового месяца абонплата выросла на 50 грн, меня никто не предупредил
dev | N | price_increase | недоволен подорожанием тарифа
dev | T | price_increase | opyat podnyali abonplatu
dev | S | price_increase | с чего вдруг тариф подорожал? услуга та же
dev | L | price_too_high | Дорогой тариф
dev | S | price_too_high | слишком дорого для пенсионерки
dev | S | price_too_high | дороговато выходит за наши три канала
dev | N | price_too_high | считает что платит слишком много
dev | T | price_too_high | dorogo platit za internet
dev | S | price_too_high | не готов столько отдавать каждый месяц
dev | L | equipment_rental_cost | Аренда приставки
dev | S | equipment_rental_cost | за аренду роутера каждый месяц платить не хочу
dev | L | competitor_cheaper | Ушел к конкуренту (цена)
dev | S | competitor_cheaper | в Воле дешевле на сотню, перехожу
dev | S | competitor_cheaper | Ланет предложил тот же интернет за 150
dev | S | competitor_cheaper | соседи подключились к Триолану, у них дешевле
dev | N | competitor_cheaper | переход в Киевстар домашний интернет, дешевле
dev | T | competitor_cheaper | ukhozhu v Lanet, tam deshevle
dev | S | competitor_cheaper | у другого провайдера в два раза дешевле
dev | S | competitor_cheaper | Фрегат дает скидку новым абонентам, у вас дороже
dev | S | competitor_cheaper | Макснет берет 180 а вы 260
dev | N | competitor_cheaper | уходит к местному провайдеру, дешевле
dev | S | competitor_cheaper | нашли провайдера подешевле
dev | L | competitor_cheaper | Конкурент - ниже цена
dev | S | competitor_cheaper | в Датагрупп акция, выходит дешевле чем у вас
dev | Z | competitor_cheaper | в Укртелекома дешевше, переходим
dev | L | competitor_faster | Скорость у конкурента выше
dev | S | competitor_faster | Датагруп заводит оптику, гигабит за те же деньги
dev | S | competitor_faster | в Тенете 500 мегабит за такую же цену
dev | N | competitor_faster | переходит на оптику другого провайдера
dev | T | competitor_faster | u Kievstara skorost bolshe za te zhe dengi
dev | S | competitor_faster | у конкурентов тариф лучше, скорость в 3 раза выше
dev | L | competitor_bundle | Пакет у конкурента (моб+ТВ+интернет)
dev | S | competitor_bundle | Водафон дает домашний интернет в подарок к мобильному
dev | S | competitor_bundle | у Воли приставку бесплатно дают и три месяца бесплатно
dev | N | competitor_bundle | взял пакет Киевстар: мобильный + ТВ
dev | S | competitor_bundle | лайфсел предложил все в одном пакете за одну цену
dev | L | network_outages | Нестабильная связь, обрывы
dev | S | network_outages | интернет пропадает каждый вечер
dev | S | network_outages | связи нет по полдня, как свет отключают
dev | N | network_outages | многократные аварии на доме
dev | T | network_outages | internet vse vremya otvalivaetsya
dev | S | network_outages | постоянно рвется соединение, работать невозможно
dev | L | slow_speed | Скорость не соответствует тарифу
dev | S | slow_speed | по тарифу 100 а спидтест показывает 15
dev | S | slow_speed | вечером все тормозит, видео не грузится
dev | N | slow_speed | скорость ниже заявленной
dev | T | slow_speed | skorost uzhasnaya, nichego ne gruzit
dev | S | slow_speed | интернет медленный как черепаха
dev | L | tv_picture_quality | Плохое качество ТВ
dev | S | tv_picture_quality | картинка сыпется квадратами, каналы пропадают
dev | S | tv_picture_quality | на половине каналов нет сигнала
dev | S | voice_quality | дома нет покрытия, звонки обрываются
dev | N | voice_quality | помехи на телефонной линии
dev | L | wifi_router | Проблемы с роутером
dev | S | wifi_router | вайфай не добивает до дальней комнаты
dev | T | wifi_router | router postoyanno perezagruzhaetsya
dev | S | long_repair | неделю жду мастера, никто не приходит
dev | L | long_repair | Долгий ремонт
dev | S | channel_lineup | убрали спортивные каналы, смотреть нечего
dev | L | channel_lineup | Сокращение списка каналов
dev | S | contract_terms | не хочу подписывать договор на два года
dev | L | contract_terms | Не устраивают условия договора
dev | S | privacy_security | мой личный кабинет взломали, боюсь за данные
dev | L | billing_errors | Неправильные начисления в счете
dev | S | billing_errors | списали за услугу, которую я не подключал
dev | S | rude_support | оператор нагрубил и бросил трубку
dev | N | rude_support | жалоба на хамство монтажника
dev | S | support_wait_time | на линии висел 40 минут и так и не дождался
dev | L | support_wait_time | Не дозвониться в поддержку
dev | S | unresolved_complaint | пятый раз обращаюсь, проблему так и не решили
dev | L | unresolved_complaint | Заявка не решена
dev | L | service_not_needed | Отказ: услугой не пользуется
dev | S | service_not_needed | телевизор не смотрим вообще, зачем платить
dev | S | service_not_needed | домашний телефон не нужен, никто не звонит
dev | S | mobile_only | хватает мобильного интернета, безлимит на телефоне
dev | T | mobile_only | budu polzovatsya mobilnym internetom
dev | S | streaming_switch | смотрим все на ютубе и нетфликсе, кабельное не нужно
dev | L | streaming_switch | Переход на онлайн-кинотеатры
dev | S | move_within_coverage | переезжаем в другой район города, там тоже есть ваша сеть
dev | N | move_within_coverage | смена адреса в зоне покрытия
dev | L | move_out_of_coverage | Переезд, нет технической возможности
dev | S | move_out_of_coverage | переезжаем в село, вас там нет
dev | S | move_out_of_coverage | уезжаю во Львов насовсем
dev | T | move_out_of_coverage | pereezd v drugoy gorod, tam vas net
dev | N | move_out_of_coverage | переезд за пределы зоны обслуживания
dev | S | emigration | уезжаем жить в Польшу
dev | L | financial_hardship | Тяжелое материальное положение
dev | S | financial_hardship | нет денег, экономим на всем
dev | S | financial_hardship | сейчас тяжело с деньгами, потом может вернусь
dev | S | job_loss | уволили с работы, платить нечем
dev | L | job_loss | Абонент потерял работу
dev | S | business_closure | закрываем магазин, интернет в офисе больше не нужен
dev | S | temporary_absence | уезжаю на полгода в рейс, потом подключусь снова
dev | S | death | абонент умер, закрываем договор по просьбе сына
dev | S | health_moving_to_relatives | мама болеет, забираем её к себе
dev | N | duplicate_account | дубль лицевого счета, закрыть
dev | L | other_unknown | Без указания причины
dev | S | other_unknown | это мое дело, просто отключайте
dev | S | other_unknown | по личным причинам
dev | T | other_unknown | prosto otklyuchite
dev | N | other_unknown | абонент причину не назвал
dev | M | price_increase,competitor_cheaper | подняли цену, а в Ланете дешевле
dev | M | network_outages,long_repair | интернета нет три дня и мастер не едет
dev | M | slow_speed,wifi_router | скорость низкая и роутер постоянно виснет
dev | M | financial_hardship,price_too_high | денег мало, а у вас дорого
dev | M | support_wait_time,rude_support | час ждал ответа, а потом еще и нагрубили
dev | M | channel_lineup,price_increase | каналов меньше, а цена выше
dev | M | tv_picture_quality,unresolved_complaint | ТВ рябит, жаловался уже трижды, толку ноль
`;
