/**
 * More English stated reasons for the development part only (see ./index.ts for the format): written afresh from
 * the reasons' descriptions and the way subscribers, operators and billing exports put them, in proportion to how
 * often each reason occurs, so that tuning has errors to look at. Never derived from the test part.
 */
export const EVAL_MORE_EN = `
dev | L | price_increase | Tariff change - price up
dev | L | price_increase | Annual price adjustment
dev | S | price_increase | got a letter saying my package goes up from next month, not having it
dev | S | price_increase | the discount I had for a year just ended and the bill nearly doubled
dev | S | price_increase | u guys keep hiking the monthly fee every few months
dev | N | price_increase | cust upset re: fee increase on internet 300
dev | S | price_increase | the new rate is 60 more a month and nobody asked me
dev | S | price_increase | since january it costs more for exactly the same thing
dev | L | price_too_high | Cost of service
dev | L | price_too_high | Not value for money
dev | S | price_too_high | it's a lot of money every month for a couple of tv channels
dev | S | price_too_high | cant keep paying this much, its half my pension
dev | N | price_too_high | says monthly fee too high for usage
dev | S | price_too_high | too expensive, simple as that
dev | L | equipment_rental_cost | STB lease charge
dev | S | equipment_rental_cost | 40 a month for the decoder on top of the package is too much
dev | L | competitor_cheaper | Lost to competitor on price
dev | L | competitor_cheaper | Competitor - lower price
dev | S | competitor_cheaper | Lanet offered me 100 mbit for 180, you charge 250
dev | S | competitor_cheaper | my neighbour got Volia for half of what I pay
dev | S | competitor_cheaper | going with Triolan, cheaper and the same speed
dev | N | competitor_cheaper | porting to Kyivstar home internet, cheaper plan
dev | S | competitor_cheaper | found a local provider that charges 150 a month
dev | S | competitor_cheaper | Fregat is cheaper in our area sorry guys
dev | S | competitor_cheaper | a new isp in our block is way cheaper than you
dev | N | competitor_cheaper | moving to Maxnet, lower monthly fee
dev | S | competitor_cheaper | ukrtelecom gave me a better price on internet
dev | S | competitor_cheaper | other company does it for 99 for the first year
dev | L | competitor_cheaper | Switched provider - cheaper
dev | S | competitor_cheaper | vodafone is cheaper for what I need, bye
dev | L | competitor_faster | Competitor higher speed
dev | S | competitor_faster | Datagroup brings fibre into our building, 1 gig for the same money
dev | S | competitor_faster | Lanet has 300 mbit on the same price as your 100
dev | N | competitor_faster | leaving for faster fiber w/ other isp
dev | S | competitor_faster | another company offered me a better plan, faster and unlimited
dev | S | competitor_faster | Tenet gives a gigabit, you can't even do 200
dev | L | competitor_bundle | Competitor promo - free equipment
dev | S | competitor_bundle | Kyivstar gives tv and home internet together with my mobile, one price
dev | S | competitor_bundle | the other provider throws in a free router and 3 months free when you sign up
dev | N | competitor_bundle | took lifecell bundle, home+mobile
dev | S | competitor_bundle | Volia gave us a smart tv box as a gift for switching
dev | L | network_outages | Service interruptions
dev | S | network_outages | the connection keeps dropping out all day
dev | S | network_outages | net goes off every night around 9
dev | N | network_outages | multiple outages reported last month
dev | S | network_outages | whenever it rains the internet dies
dev | S | network_outages | no internet for 2 days again, i work from home
dev | L | slow_speed | Low bandwidth
dev | S | slow_speed | paying for 100 and speedtest shows 12
dev | S | slow_speed | everything loads forever in the evenings
dev | N | slow_speed | speed below tariff, checked by tech
dev | S | slow_speed | netflix buffers all the time, internet is so slow
dev | S | slow_speed | high ping and lag in games, the speed is awful
dev | L | tv_picture_quality | TV signal issues
dev | S | tv_picture_quality | half the channels have no signal and the picture freezes
dev | S | tv_picture_quality | tv picture pixelates during football
dev | S | voice_quality | no mobile signal at my house, calls keep dropping
dev | L | voice_quality | Landline noise on line
dev | L | wifi_router | Router malfunction
dev | S | wifi_router | the wifi doesn't reach the bedroom and the router reboots itself
dev | N | wifi_router | wi-fi unstable, router overheats
dev | S | long_repair | waited a week for an engineer and nobody came
dev | L | long_repair | Repair not completed on time
dev | S | channel_lineup | you took away the sports channels, that's the only thing I watched
dev | L | channel_lineup | Channel removed from package
dev | S | contract_terms | I don't want to be tied to a 2 year contract
dev | L | contract_terms | Early termination fee dispute
dev | S | privacy_security | someone got into my account and changed the password, i don't feel safe with you
dev | L | billing_errors | Incorrect charges
dev | S | billing_errors | you charged me for a movie package I never ordered
dev | S | rude_support | the girl on the phone was rude and hung up on me
dev | N | rude_support | complaint about technician's behaviour
dev | S | support_wait_time | 40 minutes on hold every time I call
dev | L | support_wait_time | Call centre unreachable
dev | S | unresolved_complaint | I've complained five times and the problem is still there
dev | L | unresolved_complaint | Repeated complaint not resolved
dev | L | service_not_needed | No longer required
dev | S | service_not_needed | we never watch tv anymore, just paying for nothing
dev | S | service_not_needed | don't need the landline, nobody calls it
dev | S | mobile_only | my phone plan has unlimited data, I'll just use that
dev | L | mobile_only | Mobile data replaces home broadband
dev | S | streaming_switch | we only watch youtube and netflix now, no need for cable
dev | L | streaming_switch | Cord cutting - OTT
dev | S | move_within_coverage | moving to another flat in the same city, want to close this one
dev | N | move_within_coverage | relocating across town, new address is on our network
dev | L | move_out_of_coverage | Relocation - no coverage
dev | S | move_out_of_coverage | we're moving to a village where you don't have a network
dev | S | move_out_of_coverage | moving to Lviv next month, you aren't there
dev | N | move_out_of_coverage | moving out of service area
dev | S | move_out_of_coverage | sold the flat and moving to another region
dev | S | emigration | moving to Poland for good
dev | L | financial_hardship | Hardship - reduced household income
dev | S | financial_hardship | money is very tight right now, cutting every expense
dev | S | financial_hardship | we have debts and need to save on everything
dev | S | job_loss | I got laid off and can't pay for extras now
dev | L | job_loss | Unemployed
dev | S | business_closure | we're closing the shop, the office line and internet are not needed
dev | S | temporary_absence | going away for 4 months on a ship, don't need it while I'm gone
dev | S | death | my father passed away, the contract was in his name
dev | S | health_moving_to_relatives | mum is ill and moving in with my sister, her flat will be empty
dev | L | duplicate_account | Duplicate contract - merge
dev | L | other_unknown | Reason not given
dev | S | other_unknown | I'd rather not say
dev | S | other_unknown | personal reasons
dev | N | other_unknown | cust declined to give reason
dev | S | other_unknown | just cancel it please
dev | M | price_increase,competitor_cheaper | you put the price up again and Lanet is cheaper anyway
dev | M | network_outages,unresolved_complaint | the net drops daily and my complaints go nowhere
dev | M | slow_speed,competitor_faster | slow all evening and Kyivstar offers 500 mbit
dev | M | job_loss,move_out_of_coverage | lost my job so moving back to my parents' village
dev | M | tv_picture_quality,streaming_switch | the tv keeps freezing so we'll just use netflix
dev | M | billing_errors,support_wait_time | wrong bill and I couldn't get through to anyone for an hour
dev | M | price_too_high,service_not_needed | too expensive for something we barely use
`;
