/**
 * Russian part of the reason-suggestion evaluation set (see ./index.ts for the format and the split).
 * Written by hand as subscribers say it, operators note it and billing exports label it; never derived from
 * the synonym table.
 */
export const EVAL_RU = `
dev | L | price_increase | Повышение тарифа
test | L | price_increase | Подорожание услуг
dev | L | price_increase | Окончание акции
dev | S | price_increase | опять подняли цену, сколько можно
test | S | price_increase | платил 200 а теперь 280, с какой стати
dev | S | price_increase | акционный тариф закончился и стало дорого
dev | N | price_increase | абон. недоволен индексацией тарифа
test | S | price_increase | вы в третий раз за год повышаете абонплату
test | L | price_too_high | Высокая стоимость
dev | L | price_too_high | Дорого
dev | S | price_too_high | слишком дорого для нас, пенсия маленькая
test | S | price_too_high | дороговато за то что мы смотрим
dev | S | price_too_high | не по карману такие деньги за интернет
test | N | price_too_high | абонент считает тариф завышенным
test | S | price_too_high | дорого у вас, очень дорого
dev | T | price_too_high | slishkom dorogo
test | L | equipment_rental_cost | Аренда оборудования
dev | L | equipment_rental_cost | Плата за приставку
dev | S | equipment_rental_cost | зачем я плачу аренду за роутер каждый месяц
test | S | equipment_rental_cost | за приставку берете деньги, это грабеж
dev | N | equipment_rental_cost | против платы за аренду тюнера
dev | S | equipment_rental_cost | залог за оборудование не вернули
test | L | competitor_cheaper | Переход к конкуренту (цена)
dev | L | competitor_cheaper | Конкурент дешевле
test | S | competitor_cheaper | ухожу к Киевстару, там дешевле
dev | S | competitor_cheaper | у Воли в два раза дешевле, извините
test | S | competitor_cheaper | пришел агент от Ланета, предложил за 150
test | N | competitor_cheaper | уходит к конкуренту, у них акция
dev | S | competitor_cheaper | соседи подключились к другому провайдеру, у них дешевле
test | S | competitor_cheaper | переходим на Триолан, цена ниже
test | T | competitor_cheaper | uhozhu k kievstaru tam deshevle
dev | S | competitor_cheaper | цена высокая, у Ланета дешевле
test | L | competitor_faster | Конкурент быстрее
dev | L | competitor_faster | Лучший тариф у конкурента
test | S | competitor_faster | у Киевстара гигабит за те же деньги
dev | S | competitor_faster | в доме провели оптику от другого провайдера, скорость в 5 раз выше
test | S | competitor_faster | Датагруп дает 500 мегабит за ту же цену
dev | N | competitor_faster | переход на gpon конкурента
dev | S | competitor_faster | у конкурента скорость выше при той же цене
test | L | competitor_bundle | Пакетное предложение конкурента
dev | L | competitor_bundle | Конвергентный пакет конкурента
test | S | competitor_bundle | Водафон дает домашний интернет бесплатно к мобильному
dev | S | competitor_bundle | у Киевстара все в одном счете, мобильный интернет и тв
test | S | competitor_bundle | там дали бесплатную приставку и роутер при подключении
test | N | competitor_bundle | взял пакет моб+дом у конкурента
dev | S | competitor_bundle | лайфселл подключил дом интернет в пакете с мобильным
test | L | network_outages | Частые обрывы связи
dev | L | network_outages | Нестабильное соединение
test | S | network_outages | интернет постоянно пропадает, каждый вечер
dev | S | network_outages | уже третий раз за неделю нет связи
test | S | network_outages | пропадает инет по несколько раз в день
dev | N | network_outages | жалобы на аварии в доме, обрывы
dev | S | network_outages | как свет отключают так и интернета нет сутки
test | S | network_outages | все время отваливается соединение
dev | T | network_outages | internet postoyanno propadaet
dev | S | network_outages | интернет глючит и отключается постоянно
test | L | slow_speed | Низкая скорость
dev | L | slow_speed | Скорость ниже тарифной
test | S | slow_speed | плачу за 300 а спидтест показывает 20
dev | S | slow_speed | вечером скорость никакая, ютуб тормозит
test | S | slow_speed | пинг огромный, игры лагают
test | N | slow_speed | жалобы на скорость, замер 15 мбит на тарифе 100
dev | S | slow_speed | страницы грузятся по минуте
test | S | slow_speed | интернет очень медленный
test | L | tv_picture_quality | Плохое качество изображения ТВ
dev | L | tv_picture_quality | Нет сигнала ТВ
dev | S | tv_picture_quality | картинка зависает и рассыпается на квадраты
test | S | tv_picture_quality | половина каналов пишет нет сигнала
dev | S | tv_picture_quality | во время футбола тв зависает, смотреть невозможно
dev | N | tv_picture_quality | iptv квадратит, приставка виснет
test | S | tv_picture_quality | изображение мутное и звук отстает
test | L | voice_quality | Плохое качество связи (телефон)
dev | L | voice_quality | Нет покрытия мобильной сети
dev | S | voice_quality | звонки обрываются, меня не слышно
test | S | voice_quality | в трубке шум и эхо
dev | S | voice_quality | дома нет сети, звонить выхожу на балкон
test | N | voice_quality | треск на городском телефоне
test | S | voice_quality | связь плохая, постоянно сбрасывает звонки
test | L | wifi_router | Проблемы с Wi-Fi
dev | L | wifi_router | Неисправность роутера
dev | S | wifi_router | вайфай не добивает до спальни
test | S | wifi_router | роутер сам перезагружается и греется
dev | S | wifi_router | ноутбук не подключается к вай фаю, по кабелю работает
dev | N | wifi_router | слабый wi-fi, роутер старый
test | S | wifi_router | вай-фай слабый, телефоны отваливаются
test | L | long_repair | Длительный ремонт
dev | L | long_repair | Мастер не пришел
dev | S | long_repair | неделю жду мастера а он так и не пришел
test | S | long_repair | пятый день без интернета, никто не чинит
dev | S | long_repair | мастер приходил три раза, толку ноль
test | N | long_repair | заявка на ремонт 6 дней без выезда
test | S | long_repair | две недели чинили кабель в подъезде
test | L | channel_lineup | Мало каналов
dev | L | channel_lineup | Удалены каналы
dev | S | channel_lineup | убрали спортивные каналы, ради них и держали тв
test | S | channel_lineup | для детей ничего нет смотреть
dev | S | channel_lineup | пропал мой любимый канал с фильмами
dev | N | channel_lineup | хочет больше спорта, пакет каналов слабый
test | S | channel_lineup | одна реклама на каналах, смотреть нечего
test | L | contract_terms | Условия договора
dev | L | contract_terms | Штраф за досрочное расторжение
dev | S | contract_terms | не устраивает минимальный срок договора
test | S | contract_terms | вы поменяли условия без моего согласия
dev | S | contract_terms | автопродление без спроса, так не пойдет
test | N | contract_terms | не согласен с предоплатой по новым условиям
test | S | contract_terms | штраф за досрочное расторжение это безобразие
test | L | privacy_security | Конфиденциальность данных
dev | L | privacy_security | Утечка персональных данных
dev | S | privacy_security | мои данные утекли, мне звонили мошенники и знали номер договора
test | S | privacy_security | взломали личный кабинет а вы ничего не сделали
dev | S | privacy_security | достали ваши рекламные звонки и смс
dev | N | privacy_security | опасается за безопасность данных после утечки
test | L | billing_errors | Ошибка в начислениях
dev | L | billing_errors | Некорректный счет
test | S | billing_errors | сняли деньги два раза в этом месяце
dev | S | billing_errors | оплата не зачислилась и теперь у меня долг
test | S | billing_errors | в счете подписка, которую я не заказывал
test | N | billing_errors | двойное списание, не решено
dev | S | billing_errors | насчитали за дни когда не было услуги
test | S | billing_errors | обещали скидку и не дали
dev | S | billing_errors | не могу оплатить на сайте, платеж не проходит
test | L | rude_support | Грубость персонала
dev | L | rude_support | Некачественное обслуживание
test | S | rude_support | оператор на горячей линии нагрубила и бросила трубку
dev | S | rude_support | ваш монтажник хамил
test | S | rude_support | в поддержке три раза дали неправильную информацию
dev | N | rude_support | жалоба на невежливых сотрудников офиса
dev | S | rude_support | отношение к клиентам отвратительное
test | L | support_wait_time | Долгое ожидание ответа
dev | L | support_wait_time | Не дозвониться в поддержку
test | S | support_wait_time | сорок минут висел на линии и никто не ответил
dev | S | support_wait_time | до вас невозможно дозвониться
test | S | support_wait_time | в чате отвечают через сутки
test | N | support_wait_time | обратный звонок не поступил, долгое ожидание
dev | S | support_wait_time | два часа в очереди в офисе простоял
test | L | unresolved_complaint | Нерешенная жалоба
dev | L | unresolved_complaint | Повторные обращения
test | S | unresolved_complaint | пять раз жаловался и ничего не изменилось
dev | S | unresolved_complaint | заявка висит с марта, ответа нет
test | S | unresolved_complaint | писал письма, приходил в офис, проблема та же
dev | N | unresolved_complaint | множество обращений, проблема не решена
dev | S | unresolved_complaint | на мои жалобы никто не реагирует
test | L | service_not_needed | Услуга не нужна
dev | L | service_not_needed | Не пользуется услугой
test | S | service_not_needed | телевизор никто не смотрит
dev | S | service_not_needed | городской телефон не нужен, одни спамеры звонят
test | S | service_not_needed | дети разъехались, интернетом никто не пользуется
test | N | service_not_needed | услугой не пользуется
dev | S | service_not_needed | нам это больше не надо
test | T | service_not_needed | ne polzuemsya uslugoi
test | L | mobile_only | Переход на мобильный интернет
dev | L | mobile_only | Достаточно мобильного интернета
test | S | mobile_only | мне безлимита на телефоне хватает
dev | S | mobile_only | поставлю 4g роутер и все
test | S | mobile_only | я только с телефона в интернет хожу
dev | N | mobile_only | переходит на моб. интернет
dev | S | mobile_only | раздаю интернет с телефона, хватает
test | L | streaming_switch | Переход на стриминг
dev | L | streaming_switch | Смотрят онлайн-сервисы
test | S | streaming_switch | мы все смотрим на нетфликсе и ютубе
dev | S | streaming_switch | купили смарт тв, там мегого, кабельное не нужно
test | S | streaming_switch | смотрим свит тв через смарт
test | N | streaming_switch | переходит на ott
dev | S | streaming_switch | дети только ютуб смотрят
test | L | move_within_coverage | Переезд в пределах города
dev | L | move_within_coverage | Смена адреса
test | S | move_within_coverage | переезжаем на другую квартиру в этом же городе
dev | S | move_within_coverage | переезжаю в новую квартиру на соседней улице
test | S | move_within_coverage | продаем квартиру, покупаем в другом районе
dev | N | move_within_coverage | переезд, новый адрес в зоне покрытия
test | L | move_out_of_coverage | Переезд вне зоны покрытия
dev | L | move_out_of_coverage | Нет покрытия по новому адресу
dev | S | move_out_of_coverage | переезжаем в село, там вашей сети нет
test | S | move_out_of_coverage | уезжаем в другой город
dev | S | move_out_of_coverage | переезжаю во Львов по работе
test | N | move_out_of_coverage | переезд, адрес не обслуживается
dev | T | move_out_of_coverage | pereezzhaem v drugoi gorod
test | L | emigration | Эмиграция
dev | L | emigration | Выезд за границу
test | S | emigration | уезжаем из страны насовсем
dev | S | emigration | переезжаем в Польшу всей семьей
test | S | emigration | уезжаю на заработки в Германию надолго
dev | N | emigration | эмигрирует за рубеж
test | T | emigration | uezzhaem za granicu
test | L | financial_hardship | Финансовые трудности
dev | L | financial_hardship | Нечем платить
dev | S | financial_hardship | денег сейчас нет, зарплату опять задерживают
test | S | financial_hardship | долги, режем все расходы
dev | S | financial_hardship | пенсии ни на что не хватает
test | N | financial_hardship | временные финансовые проблемы
test | S | financial_hardship | в этом месяце туго с деньгами
test | L | job_loss | Потеря работы
dev | L | job_loss | Безработный
dev | S | job_loss | меня сократили на прошлой неделе
test | S | job_loss | муж потерял работу, платить нечем
dev | S | job_loss | завод закрылся, работы нет
dev | N | job_loss | потерял работу, нет дохода
test | S | job_loss | уволили, вернусь когда найду работу
test | L | business_closure | Закрытие бизнеса
dev | L | business_closure | Закрытие офиса
dev | S | business_closure | закрываем магазин
test | S | business_closure | кафе обанкротилось
dev | S | business_closure | сворачиваю бизнес, офис пустой
test | N | business_closure | ФЛП закрыт, офис освобождают
test | L | temporary_absence | Временный отъезд
dev | L | temporary_absence | Сезонное отсутствие
test | S | temporary_absence | все лето будем на даче
dev | S | temporary_absence | уезжаю в длительную командировку на полгода
test | S | temporary_absence | зимой меня не будет, вернусь весной
dev | N | temporary_absence | уезжает на 3 месяца, вернется
dev | S | temporary_absence | мобилизовали, квартира будет пустая
test | L | death | Смерть абонента
dev | L | death | Абонент умер
test | S | death | мама умерла, закройте ее договор
dev | S | death | абонент скончался в прошлом месяце
test | N | death | родственники закрывают, владелец умер
test | S | death | отец умер, там никто не живет
test | L | health_moving_to_relatives | Переезд к родственникам (здоровье)
dev | L | health_moving_to_relatives | Пожилой абонент переезжает к детям
dev | S | health_moving_to_relatives | бабушка переезжает к нам, одна жить уже не может
test | S | health_moving_to_relatives | папу забираем в дом престарелых
dev | S | health_moving_to_relatives | она болеет, будет жить у дочери
dev | N | health_moving_to_relatives | пожилая абонентка переезжает к детям по здоровью
test | L | duplicate_account | Дубликат лицевого счета
dev | L | duplicate_account | Объединение счетов
test | S | duplicate_account | у нас два договора на один адрес, закройте один
dev | S | duplicate_account | это был тестовый аккаунт, удалите
test | N | duplicate_account | дубль договора, услуги перенесены на основной л/с
test | S | duplicate_account | переоформляем договор на сына
test | L | other_unknown | Другое
dev | L | other_unknown | Отказался назвать причину
test | L | other_unknown | Причина не указана
dev | S | other_unknown | без комментариев
test | S | other_unknown | не хочу объяснять
dev | S | other_unknown | личные причины
test | S | other_unknown | не знаю, жена решила
dev | S | other_unknown | просто закройте
dev | N | other_unknown | причину назвать отказался
dev | T | other_unknown | bez kommentariev
dev | M | price_too_high,slow_speed | дорого и скорость ужасная
test | M | competitor_cheaper,network_outages | интернет постоянно пропадает, а у Воли еще и дешевле
dev | M | rude_support,unresolved_complaint | жаловался 4 раза и каждый раз хамили
test | M | price_increase,channel_lineup | подняли цену и убрали каналы одновременно
dev | M | long_repair,network_outages | 4 дня нет связи а мастер так и не пришел
test | M | streaming_switch,price_too_high | тв дорогое, а у нас есть нетфликс
dev | M | move_out_of_coverage,job_loss | потерял работу, переезжаем к родителям в деревню
test | M | billing_errors,support_wait_time | списали дважды и не могу ни до кого дозвониться
dev | M | wifi_router,slow_speed | вайфай слабый и скорость низкая
test | S | price_too_high | дарагой тариф
dev | S | network_outages | пастаянно прападает интернет
test | S | slow_speed | скорасть маленькая
dev | S | competitor_cheaper | ухажу к киевстару там дешевли
test | S | billing_errors | не правильно насчитали
dev | S | emigration | уезжаем заграницу
test | S | tv_picture_quality | телек зависает
`;
