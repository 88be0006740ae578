import { findCompetitor } from './competitors';
import { CATCH_ALL_REASON_CODE } from './default-classifier';
import { suggestReasonsDetailed } from './suggest';
import { transliterateToCyrillic } from './text-normalize';

const first = (text: string, competitors = []) => suggestReasonsDetailed(text, { competitors }).suggestions[0]?.code;

describe('suggestReasonsDetailed: the cases of the issue', () => {
  it.each([
    ['cannot pay online on your website', 'billing_errors'],
    ['they promised a discount and did not give it', 'billing_errors'],
    ['too many ads on TV', 'channel_lineup'],
    ['ціна висока, у Ланета дешевше', 'competitor_cheaper'],
  ])('"%s" → %s', (text, code) => {
    expect(first(text)).toBe(code);
  });
});

describe('suggestReasonsDetailed: abstention, and why', () => {
  it.each([
    ['no comment', 'refused'],
    ['refused to say', 'refused'],
    ['no idea, my wife decided', 'refused'],
    ['без комментариев', 'refused'],
    ['не знаю', 'refused'],
    ['особисті причини', 'refused'],
    ['просто закройте', 'refused'],
    ["I'd rather not tell you", 'refused'],
    ['то моя справа', 'refused'],
    ['internet and TV', 'no_reason_words'],
    ['asdf qwer', 'no_reason_words'],
    ['Other', 'catch_all_fits'],
  ])('"%s" → the catch-all, because %s', (text, why) => {
    const result = suggestReasonsDetailed(text);
    expect(result.suggestions.map((s) => s.code)).toEqual([CATCH_ALL_REASON_CODE]);
    expect(result.abstained).toBe(why);
  });

  it('a refusal followed by a real reason still suggests the reason', () => {
    const result = suggestReasonsDetailed('не хочу объяснять, но интернет постоянно пропадает');
    expect(result.abstained).toBeNull();
    expect(result.suggestions[0].code).toBe('network_outages');
  });

  it('the synonym table and the learnt model pointing at different groups, closely: no first suggestion, the contenders follow', () => {
    // The rules alone: an outage (quality group). A model sure of a price reason, at 0.44 of the score, brings
    // price_too_high within 90 % of the outage (not within 97 %, where two weak rivals leave the catch-all alone): the engines disagree on the group, so the catch-all comes first.
    const text = 'internet keeps dropping';
    expect(suggestReasonsDetailed(text).suggestions[0].code).toBe('network_outages');
    const sure = (code: string, weight: number) => ({ weight, probabilities: () => new Map([[code, 1]]) });
    const split = suggestReasonsDetailed(text, { learned: sure('price_too_high', 0.44) });
    expect(split.abstained).toBe('contradictory');
    expect(split.suggestions.map((s) => s.code).slice(0, 3)).toEqual([CATCH_ALL_REASON_CODE, 'network_outages', 'price_too_high']);
    // A model that agrees on the group settles it; one that disagrees only faintly is outweighed.
    expect(suggestReasonsDetailed(text, { learned: sure('slow_speed', 0.44) }).abstained).toBeNull();
    const faint = suggestReasonsDetailed(text, { learned: sure('price_too_high', 0.1) });
    expect(faint.abstained).toBeNull();
    expect(faint.suggestions[0].code).toBe('network_outages');
  });

  it('a clear reason is no abstention, and each suggestion says it came from the rules', () => {
    const result = suggestReasonsDetailed('too expensive');
    expect(result.abstained).toBeNull();
    expect(result.suggestions[0]).toMatchObject({ code: 'price_too_high', source: 'rules' });
  });
});

describe('suggestReasonsDetailed: a named or implied competitor beats plain price', () => {
  it.each([
    ['дорого, ухожу к Киевстару', 'Kyivstar'],
    ['too expensive, going to Vodafone', 'Vodafone'],
    ['у Ланета дешевше', 'Lanet'],
    ['у Воли в два раза дешевле', 'Volia'],
  ])('"%s" → competitor_cheaper, destination %s', (text, name) => {
    const result = suggestReasonsDetailed(text);
    expect(result.suggestions[0].code).toBe('competitor_cheaper');
    expect(result.competitor).toEqual({ name, code: null, implied: false });
  });

  it('the same words without a competitor stay plain price', () => {
    expect(first('дорого')).toBe('price_too_high');
    expect(suggestReasonsDetailed('дорого').competitor).toBeNull();
  });

  it('recognises a configured competitor by its name and inflections, with its code', () => {
    const configured = [{ code: 'fastnet', name: 'FastNet' }];
    const result = suggestReasonsDetailed('price is high, FastNet is cheaper', { competitors: configured });
    expect(result.suggestions[0].code).toBe('competitor_cheaper');
    expect(result.competitor).toEqual({ name: 'FastNet', code: 'fastnet', implied: false });
  });

  it('an implied competitor ("к другому провайдеру") is a competitor reason without a name', () => {
    const result = suggestReasonsDetailed('дорого, переходим к другому провайдеру');
    expect(result.suggestions[0].code).toBe('competitor_cheaper');
    expect(result.competitor).toEqual({ name: null, code: null, implied: true });
  });

  it('a local provider, unnamed, is an implied competitor', () => {
    for (const text of ['дорого, подключаемся к местному провайдеру', 'switching to a local isp, less money']) {
      const result = suggestReasonsDetailed(text);
      expect(result.suggestions[0].code).toBe('competitor_cheaper');
      expect(result.competitor).toEqual({ name: null, code: null, implied: true });
    }
  });

  it('"my own business" is the business closing, not a refusal', () => {
    expect(suggestReasonsDetailed('закрываю свое дело, офис больше не нужен').abstained).toBeNull();
  });

  it('keeps the competitor reason the words point at (speed, bundle)', () => {
    expect(first('Kyivstar gives 1 gbps for the same money')).toBe('competitor_faster');
    expect(first('Vodafone gives home internet free with my mobile plan bundle')).toBe('competitor_bundle');
  });

  it('finds no competitor in ordinary words', () => {
    expect(findCompetitor('по своей воле ухожу')).toBeNull();
    expect(findCompetitor('life is hard')).toBeNull();
  });
});

describe('suggestReasonsDetailed: meanings the second development part showed missing (worked cases, none from the evaluation set)', () => {
  it.each([
    ['Зміна вартості тарифу', 'price_increase'],
    ['изменение стоимости тарифа', 'price_increase'],
    ['він більше не може стільки платити', 'price_too_high'],
    ['помехи в трубке', 'voice_quality'],
    // Speed said badly is slow speed; an entry reduced to "скорость" alone (its other words stop words) had made it a faster competitor.
    ['скорость ужасная', 'slow_speed'],
    ['call center unreachable for days', 'support_wait_time'],
    ['every storm the internet dies', 'network_outages'],
    ["installer's behaviour was appalling", 'rude_support'],
    ['someone changed my password and got into my account', 'privacy_security'],
  ])('"%s" → %s', (text, code) => {
    expect(first(text)).toBe(code);
  });
});

describe('transliteration', () => {
  it('reads Russian and Ukrainian typed in Latin letters', () => {
    expect(transliterateToCyrillic('slishkom dorogo')).toBe('слишком дорого');
    expect(first('slishkom dorogo')).toBe('price_too_high');
    expect(first('uezzhaem za granicu')).toBe('emigration');
    expect(transliterateToCyrillic('уже кириллица')).toBeNull();
  });
});

describe('suggestReasonsDetailed: general rules behind English misses (worked cases, none from the evaluation set)', () => {
  const top = (text: string) => suggestReasonsDetailed(text).suggestions.map((s) => s.code);

  it.each([
    ['complains about constant outages', 'network_outages'],
    ['скарги на повільну швидкість', 'slow_speed'],
  ])('"complains of X" / "скарги на X" introduces X, it is not the unresolved-complaint reason: "%s"', (text, code) => {
    expect(top(text)[0]).toBe(code);
    expect(top(text)).not.toContain('unresolved_complaint');
  });

  it.each([
    // Two or more kinds of service beside a competitor are its bundle, over "mobile only".
    ['internet, TV and mobile on one bill at Vodafone', 'competitor_bundle'],
    // A move to a named place is a move out of the coverage; within the town stays within.
    ['we are moving to Kharkiv', 'move_out_of_coverage'],
    ['переезжаем в Одессу', 'move_out_of_coverage'],
    ['moving to a new flat in the same town', 'move_within_coverage'],
    // "no one" / "nobody" negate what follows ("no one" was the word "one", "nobody" a stop-word).
    ['no one watches it anymore', 'service_not_needed'],
    ['nobody uses the tv', 'service_not_needed'],
    // "too much" is evidence of price, not two stop-words.
    ['pay too much', 'price_too_high'],
  ])('"%s" → %s first', (text, code) => {
    expect(top(text)[0]).toBe(code);
  });

  it('one named service keeps a reason about another service from winning: a TV signal is not call quality', () => {
    const [best, ...rest] = suggestReasonsDetailed('poor TV signal').suggestions;
    expect(best.code).toBe('tv_picture_quality');
    const voice = rest.find((s) => s.code === 'voice_quality');
    expect(voice === undefined || voice.score <= best.score * 0.8).toBe(true);
  });

  it('the named service holds against a learnt model sure of a reason about another service', () => {
    // A model that learnt "signal" from call-quality resolutions: the TV named still keeps TV first.
    const learned = { weight: 0.35, probabilities: () => new Map([['voice_quality', 0.9], ['tv_picture_quality', 0.05]]) };
    expect(suggestReasonsDetailed('Poor TV signal', { learned }).suggestions[0].code).toBe('tv_picture_quality');
  });

  it.each([
    // English as subscribers and CRM exports say it, beyond the table's first wording (none of these is an entry).
    ['new pricing from january is outrageous', 'price_increase'],
    ['the rates went up again', 'price_increase'],
    ['stop billing me for the decoder hire', 'equipment_rental_cost'],
    ['downloads take ages', 'slow_speed'],
    ['the small print was never explained', 'contract_terms'],
    ['someone accessed my account without permission', 'privacy_security'],
    ['struggling to make ends meet', 'financial_hardship'],
    ['got laid off last month', 'job_loss'],
    ['the agreement had hidden clauses', 'contract_terms'],
  ])('English wording: "%s" → %s first', (text, code) => {
    expect(top(text)[0]).toBe(code);
  });

  it('of two fully matched entries the one that says more of the input wins ("moving to another city" over "moving")', () => {
    const [firstCode, second] = suggestReasonsDetailed('we are moving to another city').suggestions;
    expect(firstCode.code).toBe('move_out_of_coverage');
    expect(second.code).toBe('move_within_coverage');
    expect(firstCode.score).toBeGreaterThan(second.score);
  });
});
