/**
 * English part of the reason-suggestion evaluation set (see ./index.ts for the format and the split).
 * Written by hand as subscribers say it, operators note it and billing exports label it; never derived from
 * the synonym table.
 */
export const EVAL_EN = `
dev | L | price_increase | Price increase
test | L | price_increase | Tariff indexation
dev | L | price_increase | Promo period ended
dev | S | price_increase | my bill went up again this month, 50 more than before, nobody warned me
test | S | price_increase | you raised the price twice this year, enough is enough
dev | S | price_increase | the intro price ran out and now its way more
dev | N | price_increase | sub unhappy w/ new tariff price after indexation
test | S | price_increase | why am I suddenly paying 320 instead of 270??
test | L | price_too_high | Price too high
dev | L | price_too_high | Too expensive for customer
dev | S | price_too_high | honestly its just too expensive for what we use
test | S | price_too_high | I'm a pensioner, cant afford 400 a month for tv
dev | S | price_too_high | way too pricey, we barely use it
test | N | price_too_high | cust says service overpriced
test | S | price_too_high | cant justify paying that much for internet
dev | S | price_too_high | it costs too much for an old lady who watches two channels
test | L | equipment_rental_cost | Equipment rental fee
dev | L | equipment_rental_cost | Router rent charge
test | S | equipment_rental_cost | why do I keep paying rent for the router, I've paid for it 3 times over
dev | S | equipment_rental_cost | you charge me for the set top box every month, thats ridiculous
dev | N | equipment_rental_cost | objects to stb rental fee
test | S | equipment_rental_cost | the deposit for the box is a rip off
dev | S | equipment_rental_cost | want to stop paying for the modem rental
test | L | competitor_cheaper | Cheaper competitor offer
dev | L | competitor_cheaper | Ported to competitor - price
test | S | competitor_cheaper | going to Vodafone, they offered me half the price
dev | S | competitor_cheaper | a guy from Kyivstar came door to door and it's 150 cheaper
test | S | competitor_cheaper | found a cheaper provider in our building
test | N | competitor_cheaper | leaving to Lanet, cheaper promo
dev | S | competitor_cheaper | the neighbours pay less with Volia so we're switching
test | S | competitor_cheaper | Triolan gives the same for 199, sorry
dev | S | competitor_cheaper | switching to another isp, cheaper there
test | L | competitor_faster | Competitor faster speed
dev | L | competitor_faster | Better tariff at competitor
test | S | competitor_faster | they're putting gigabit fibre in our building, yours is 100 mbit
dev | S | competitor_faster | Kyivstar gives 1 gbps for the same money
test | S | competitor_faster | another provider gives twice the speed at the same price
dev | N | competitor_faster | leaving for gpon fibre from competitor
dev | S | competitor_faster | got an offer for 500 mbps from Datagroup, same price as my 100
test | L | competitor_bundle | Competitor bundle offer
dev | L | competitor_bundle | Moved to mobile+home bundle
test | S | competitor_bundle | Vodafone gives home internet free with my mobile plan
dev | S | competitor_bundle | everything on one bill with Kyivstar, phone internet and tv
test | S | competitor_bundle | they gave me a free tv box and a router if I sign up
test | N | competitor_bundle | took competitor package w/ free smart tv box
dev | S | competitor_bundle | lifecell family bundle includes home internet now
test | L | network_outages | Frequent outages
dev | L | network_outages | Unstable connection
test | S | network_outages | the internet drops every evening, sometimes for hours
dev | S | network_outages | no connection for the third time this week
test | S | network_outages | constant disconnects, can't work from home like this
dev | N | network_outages | complains of repeated outages in building
dev | S | network_outages | every time there's a blackout the internet is gone for a day
test | S | network_outages | your service keeps going down
dev | S | network_outages | intermittent connection loss all the time
test | L | slow_speed | Low speed
dev | L | slow_speed | Speed below tariff
test | S | slow_speed | paying for 300 getting 20 on speedtest
dev | S | slow_speed | internet is sooo slow in the evenings, youtube buffers
test | S | slow_speed | games lag, ping is terrible, speed is a joke
test | N | slow_speed | speed complaints, measured 15mbps on 100 plan
dev | S | slow_speed | pages take forever to load
test | S | slow_speed | the speed is really bad lately
test | L | tv_picture_quality | TV picture problems
dev | L | tv_picture_quality | Poor TV signal
dev | S | tv_picture_quality | the picture freezes and breaks into squares all the time
test | S | tv_picture_quality | half the channels say no signal
dev | S | tv_picture_quality | tv keeps freezing during football, unwatchable
dev | N | tv_picture_quality | iptv pixelation, stb hangs
test | S | tv_picture_quality | the sound on tv goes out of sync and picture is blurry
test | L | voice_quality | Poor call quality
dev | L | voice_quality | No mobile coverage
dev | S | voice_quality | calls keep dropping, the other side can't hear me
test | S | voice_quality | there's an echo and noise on the landline
dev | S | voice_quality | no signal at home at all, have to go out on the balcony to call
test | N | voice_quality | landline crackling, calls cut off
test | S | voice_quality | bad reception in my area, calls fail
test | L | wifi_router | Wi-Fi problems
dev | L | wifi_router | Router faulty
dev | S | wifi_router | wifi doesn't reach the bedroom, only works next to the router
test | S | wifi_router | the router keeps rebooting itself and overheats
dev | S | wifi_router | my laptop can't connect to the wifi but the cable works fine
dev | N | wifi_router | weak wifi signal in rooms, router old
test | S | wifi_router | the wi fi is weak, phones keep losing it
test | L | long_repair | Long repair time
dev | L | long_repair | Technician did not come
dev | S | long_repair | I waited a week for the repair guy and he never showed up
test | S | long_repair | been without service 5 days, nobody came to fix it
dev | S | long_repair | the technician came three times and it still isn't fixed
test | N | long_repair | repair pending 6 days, no visit
test | S | long_repair | took you two weeks to fix the cable in the stairwell
test | L | channel_lineup | Channels removed
dev | L | channel_lineup | Not enough channels
dev | S | channel_lineup | you removed the sports channels, that was the only reason I had tv
test | S | channel_lineup | there's nothing for kids on your tv anymore
dev | S | channel_lineup | my favourite film channel disappeared from the package
dev | N | channel_lineup | wants more sport channels, lineup poor
test | S | channel_lineup | the channel list is boring, the same old stuff
test | L | contract_terms | Contract terms
dev | L | contract_terms | Early termination penalty
dev | S | contract_terms | I don't like the minimum term, I want to be able to leave whenever
test | S | contract_terms | you changed the terms and conditions without asking me
dev | S | contract_terms | automatic renewal without my consent, not ok
test | N | contract_terms | disagrees with prepayment requirement in new terms
test | S | contract_terms | the penalty for leaving early is outrageous
test | L | privacy_security | Privacy concerns
dev | L | privacy_security | Data leak
dev | S | privacy_security | my personal data leaked, someone called me with my account details
test | S | privacy_security | my account got hacked and you did nothing
dev | S | privacy_security | tired of your marketing calls and spam sms
dev | N | privacy_security | concerned about data protection after breach
test | S | privacy_security | I don't want you tracking what I watch
test | L | billing_errors | Billing error
dev | L | billing_errors | Incorrect charges
dev | S | billing_errors | you charged me twice this month
test | S | billing_errors | my payment wasn't credited and now I have a debt
dev | S | billing_errors | there's a subscription on the bill I never ordered
test | N | billing_errors | double charge on invoice, unresolved
test | S | billing_errors | charged me for days when there was no service
dev | S | billing_errors | cannot pay online on your website, the payment always fails
test | S | billing_errors | they promised a discount and did not give it
test | L | rude_support | Rude staff
dev | L | rude_support | Poor customer service
dev | S | rude_support | the girl on the hotline was rude and hung up on me
test | S | rude_support | your technician was drunk and rude
dev | S | rude_support | support gave me wrong information three times
dev | N | rude_support | complains about impolite office staff
test | S | rude_support | they treat customers like idiots
test | L | support_wait_time | Long hold times
dev | L | support_wait_time | Cannot reach support
dev | S | support_wait_time | I was on hold for 40 minutes and nobody picked up
test | S | support_wait_time | impossible to get through to your call centre
dev | S | support_wait_time | the chat answers a day later
test | N | support_wait_time | callback never came, long queue
test | S | support_wait_time | waited in the office queue for two hours
test | L | unresolved_complaint | Unresolved complaint
dev | L | unresolved_complaint | Repeated complaints
dev | S | unresolved_complaint | I've complained five times and nothing changed
test | S | unresolved_complaint | ticket open since march, no answer
dev | S | unresolved_complaint | wrote letters, came to the office, still the same problem
dev | N | unresolved_complaint | multiple tickets, issue never resolved
test | S | unresolved_complaint | nobody ever responds to my complaints
test | L | service_not_needed | Service not needed
dev | L | service_not_needed | Rarely used
dev | S | service_not_needed | nobody watches tv in our house anymore
test | S | service_not_needed | we just don't need the landline, only spam calls
dev | S | service_not_needed | kids moved out, no one uses the internet
test | N | service_not_needed | no longer uses service
test | S | service_not_needed | we hardly ever use it
dev | S | service_not_needed | don't need it anymore
test | L | mobile_only | Switched to mobile internet
dev | L | mobile_only | Mobile data sufficient
test | S | mobile_only | unlimited data on my phone is enough for me
dev | S | mobile_only | I'll just use a 4g router instead
test | S | mobile_only | I only use the internet on my phone anyway
dev | N | mobile_only | moving to mobile data only
dev | S | mobile_only | hotspot from my phone does the job
test | L | streaming_switch | Switching to streaming
dev | L | streaming_switch | Cord cutting
test | S | streaming_switch | we watch everything on netflix and youtube now
dev | S | streaming_switch | got a smart tv with megogo, no need for cable
test | S | streaming_switch | we use sweet.tv on the smart tv instead
test | N | streaming_switch | switching to ott streaming service
dev | S | streaming_switch | the kids only watch youtube
test | L | move_within_coverage | Moving within city
dev | L | move_within_coverage | Relocation - same city
test | S | move_within_coverage | we're moving to another flat across town
dev | S | move_within_coverage | moving to my new apartment on the next street
test | S | move_within_coverage | selling the flat and buying one in another district
dev | N | move_within_coverage | moving, new address within coverage
dev | S | move_within_coverage | moving house next month, still in Midvale
test | L | move_out_of_coverage | Moving out of coverage area
dev | L | move_out_of_coverage | No coverage at new address
test | S | move_out_of_coverage | moving to a village where you don't have a network
dev | S | move_out_of_coverage | we're moving to another city
test | S | move_out_of_coverage | relocating to Lviv for work
test | N | move_out_of_coverage | moving, new address not serviced
dev | S | move_out_of_coverage | you don't cover the area where we're moving
test | L | emigration | Emigration
dev | L | emigration | Moving abroad
test | S | emigration | we're leaving the country for good
dev | S | emigration | moving to Poland with the family
test | S | emigration | going to work in Germany, not coming back anytime soon
dev | N | emigration | emigrating, leaving Ukraine
dev | S | emigration | relocating abroad permanently
test | L | financial_hardship | Financial difficulties
dev | L | financial_hardship | Cannot afford
test | S | financial_hardship | no money right now, salary is delayed again
dev | S | financial_hardship | we have debts, need to cut all the expenses
test | S | financial_hardship | pension is tiny, cant pay for everything
test | N | financial_hardship | temporary financial problems
dev | S | financial_hardship | money is tight this month
test | L | job_loss | Job loss
dev | L | job_loss | Unemployed
test | S | job_loss | I got laid off last week
dev | S | job_loss | my husband lost his job, we can't pay now
test | S | job_loss | the factory closed and I have no work
dev | N | job_loss | lost job, no income
dev | S | job_loss | got fired, will come back when I find work
test | L | business_closure | Business closure
dev | L | business_closure | Office closed
test | S | business_closure | we're closing the shop
dev | S | business_closure | the cafe went bankrupt
test | S | business_closure | closing down my business, the office is empty
test | N | business_closure | company liquidated, office closed
dev | S | business_closure | stopped trading at this address
test | L | temporary_absence | Temporary absence
dev | L | temporary_absence | Away for the season
test | S | temporary_absence | we'll be at the dacha all summer
dev | S | temporary_absence | going on a long business trip for six months
test | S | temporary_absence | I'm away for the winter, will be back in spring
dev | N | temporary_absence | leaving for 3 months, will return
dev | S | temporary_absence | mobilised, the flat will be empty for a while
test | L | death | Death of subscriber
dev | L | death | Account holder deceased
test | S | death | my mother passed away, please close her account
dev | S | death | the subscriber died last month
test | N | death | relatives closing acc, holder deceased
test | S | death | my father died and nobody lives there now
test | L | health_moving_to_relatives | Moving in with relatives (health)
dev | L | health_moving_to_relatives | Elderly - moving to family
dev | S | health_moving_to_relatives | grandma is moving in with us, she can't live alone anymore
test | S | health_moving_to_relatives | my dad is going into a care home
dev | S | health_moving_to_relatives | she's ill and will live with her daughter now
dev | N | health_moving_to_relatives | elderly sub moving to children, health
test | L | duplicate_account | Duplicate account
dev | L | duplicate_account | Merged accounts
test | S | duplicate_account | we have two contracts at the same address, close one
dev | S | duplicate_account | this was a test account, please remove it
test | N | duplicate_account | dup contract, services merged to main acc
test | S | duplicate_account | re-registering the contract to my son's name
test | L | other_unknown | Other
dev | L | other_unknown | Refused to say
test | L | other_unknown | Not specified
dev | S | other_unknown | no comment
test | S | other_unknown | I don't want to explain
dev | S | other_unknown | personal reasons
test | S | other_unknown | no idea, my wife decided
dev | S | other_unknown | just want to close it
dev | N | other_unknown | client refused to give reason
test | S | other_unknown | it's none of your business
dev | M | price_too_high,slow_speed | too expensive and the speed is awful
test | M | competitor_cheaper,network_outages | internet keeps dropping and Vodafone is cheaper anyway
dev | M | rude_support,unresolved_complaint | complained four times and your staff were rude every time
test | M | price_increase,channel_lineup | you raised the price and removed channels at the same time
dev | M | long_repair,network_outages | outage for 4 days and the technician never came
test | M | streaming_switch,price_too_high | tv is expensive and we have netflix anyway
dev | M | move_out_of_coverage,job_loss | lost my job so we're moving to my parents in the village
test | M | billing_errors,support_wait_time | double charged and can't get through to anyone
dev | M | wifi_router,slow_speed | wifi is weak and the speed is low
test | M | competitor_bundle,mobile_only | my mobile operator gives me home internet in the bundle, i mostly use phone data anyway
dev | S | price_too_high | too expencive
test | S | network_outages | conection keeps droping
dev | S | slow_speed | the speeed is terible
test | S | competitor_cheaper | goin to kyivstar cheeper
dev | S | billing_errors | wrong ammount on bill
test | S | emigration | moving abrod
dev | S | tv_picture_quality | tv pictur freezes
test | S | channel_lineup | too many ads on TV
dev | M | channel_lineup,unresolved_complaint | too many ads on the channels, complained twice, nothing changed
`;
