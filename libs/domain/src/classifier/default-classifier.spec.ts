import {
  ChurnReasonDefinition,
  LANGS,
  Localized,
  OFFER_CODES,
  REASON_GROUPS,
} from './classifier.types';
import {
  CATCH_ALL_REASON_CODE,
  DEFAULT_CHURN_REASONS,
  DEFAULT_CLASSIFIER_NORM_RANGE,
} from './default-classifier';

const byCode = (code: string): ChurnReasonDefinition => {
  const reason = DEFAULT_CHURN_REASONS.find((r) => r.code === code);
  if (!reason) throw new Error(`no reason ${code}`);
  return reason;
};

/** Every Localized of a reason, with a path for readable failures. */
function localizedOf(r: ChurnReasonDefinition): [string, Localized][] {
  const out: [string, Localized][] = [
    [`${r.code}.title`, r.title],
    [`${r.code}.description`, r.description],
  ];
  r.typicalPhrases.forEach((p, i) =>
    out.push([`${r.code}.typicalPhrases[${i}]`, p]),
  );
  r.script.questions.forEach((p, i) =>
    out.push([`${r.code}.script.questions[${i}]`, p]),
  );
  r.script.arguments.forEach((p, i) =>
    out.push([`${r.code}.script.arguments[${i}]`, p]),
  );
  r.script.objections.forEach((p, i) => {
    out.push([`${r.code}.script.objections[${i}].objection`, p.objection]);
    out.push([`${r.code}.script.objections[${i}].answer`, p.answer]);
  });
  r.script.closing.forEach((p, i) =>
    out.push([`${r.code}.script.closing[${i}]`, p]),
  );
  return out;
}

describe('DEFAULT_CHURN_REASONS', () => {
  it('has exactly 33 points with unique snake_case codes', () => {
    expect(DEFAULT_CHURN_REASONS).toHaveLength(33);
    const codes = DEFAULT_CHURN_REASONS.map((r) => r.code);
    expect(new Set(codes).size).toBe(33);
    for (const code of codes)
      expect(code).toMatch(/^[a-z][a-z0-9]*(_[a-z0-9]+)*$/);
  });

  it('ends with the catch-all, which counts as managed (reason not found is a symptom: docs/methodology.md)', () => {
    const last = DEFAULT_CHURN_REASONS[DEFAULT_CHURN_REASONS.length - 1];
    expect(last.code).toBe(CATCH_ALL_REASON_CODE);
    expect(last.code).toBe('other_unknown');
    expect(last.group).toBe('other');
    expect(last.managed).toBe(true);
    expect(last.impliesCompetitor).toBe(false);
    expect(
      DEFAULT_CHURN_REASONS.filter((r) => r.code === CATCH_ALL_REASON_CODE),
    ).toHaveLength(1);
  });

  it('covers the reasons real operators meet (docs/methodology.md, The classifier: norms and economic effect)', () => {
    const required = [
      'price_increase',
      'price_too_high',
      'competitor_cheaper',
      'competitor_faster',
      'competitor_bundle',
      'network_outages',
      'slow_speed',
      'wifi_router',
      'tv_picture_quality',
      'channel_lineup',
      'billing_errors',
      'rude_support',
      'long_repair',
      'support_wait_time',
      'unresolved_complaint',
      'move_within_coverage',
      'move_out_of_coverage',
      'financial_hardship',
      'job_loss',
      'death',
      'business_closure',
      'service_not_needed',
      'mobile_only',
      'streaming_switch',
      'temporary_absence',
      'emigration',
      'contract_terms',
      'equipment_rental_cost',
      'privacy_security',
      'health_moving_to_relatives',
      'duplicate_account',
    ];
    const codes = DEFAULT_CHURN_REASONS.map((r) => r.code);
    for (const code of required) expect(codes).toContain(code);
  });

  it('uses only known groups, and every group is used', () => {
    for (const r of DEFAULT_CHURN_REASONS)
      expect(REASON_GROUPS).toContain(r.group);
    for (const g of REASON_GROUPS)
      expect(DEFAULT_CHURN_REASONS.some((r) => r.group === g)).toBe(true);
  });

  it('has non-empty, trimmed text in every language for every Localized', () => {
    for (const r of DEFAULT_CHURN_REASONS) {
      for (const [path, text] of localizedOf(r)) {
        for (const lang of LANGS) {
          const value = text[lang];
          expect({
            path,
            lang,
            ok:
              typeof value === 'string' &&
              value.trim().length > 0 &&
              value === value.trim(),
          }).toEqual({
            path,
            lang,
            ok: true,
          });
        }
      }
    }
  });

  it('writes each language in its own alphabet (no copy-paste slips between ru and uk)', () => {
    const problems: string[] = [];
    for (const r of DEFAULT_CHURN_REASONS) {
      for (const [path, text] of localizedOf(r)) {
        if (/[а-яёіїєґ]/i.test(text.en))
          problems.push(`${path}.en has Cyrillic`);
        if (/[іїєґ]/i.test(text.ru))
          problems.push(`${path}.ru has Ukrainian letters`);
        if (/[ыэёъ]/i.test(text.uk))
          problems.push(`${path}.uk has Russian letters`);
        if (!/[а-яё]/i.test(text.ru))
          problems.push(`${path}.ru is not Russian`);
        if (!/[а-яіїєґ]/i.test(text.uk))
          problems.push(`${path}.uk is not Ukrainian`);
        if (text.ru === text.uk && text.ru.length > 20)
          problems.push(`${path}: ru and uk are identical`);
      }
    }
    expect(problems).toEqual([]);
  });

  it('has 3–6 typical phrases, including terse billing-style ones, and a full script for every point', () => {
    for (const r of DEFAULT_CHURN_REASONS) {
      expect({
        code: r.code,
        n: r.typicalPhrases.length >= 3 && r.typicalPhrases.length <= 6,
      }).toEqual({
        code: r.code,
        n: true,
      });
      // At least one phrase is a short string such as a billing export would carry ("переезд", "no money").
      expect({
        code: r.code,
        terse: r.typicalPhrases.some((p) => p.ru.split(/\s+/).length <= 4),
      }).toEqual({
        code: r.code,
        terse: true,
      });
      const s = r.script;
      expect([
        r.code,
        s.questions.length >= 2 && s.questions.length <= 4,
      ]).toEqual([r.code, true]);
      expect([
        r.code,
        s.arguments.length >= 2 && s.arguments.length <= 4,
      ]).toEqual([r.code, true]);
      expect([
        r.code,
        s.objections.length >= 2 && s.objections.length <= 3,
      ]).toEqual([r.code, true]);
      expect([r.code, s.closing.length >= 1 && s.closing.length <= 2]).toEqual([
        r.code,
        true,
      ]);
    }
  });

  it('proposes only catalogue offers, without repeats; every managed point has an offer chain', () => {
    for (const r of DEFAULT_CHURN_REASONS) {
      for (const offer of r.offerCodes)
        expect([
          r.code,
          offer,
          (OFFER_CODES as readonly string[]).includes(offer),
        ]).toEqual([r.code, offer, true]);
      expect(new Set(r.offerCodes).size).toBe(r.offerCodes.length);
      if (r.managed)
        expect([r.code, r.offerCodes.length >= 2]).toEqual([r.code, true]);
    }
    expect(byCode('temporary_absence').offerCodes[0]).toBe('pause');
    expect(byCode('move_within_coverage').offerCodes[0]).toBe('service_move');
    expect(byCode('financial_hardship').offerCodes).toContain('pause');
  });

  it('has positive thresholds that sum to the documented monthly norm range', () => {
    for (const r of DEFAULT_CHURN_REASONS) {
      expect([r.code, r.threshold > 0 && r.threshold < 0.01]).toEqual([
        r.code,
        true,
      ]);
    }
    const total = DEFAULT_CHURN_REASONS.reduce(
      (sum, r) => sum + r.threshold,
      0,
    );
    expect(total).toBeGreaterThanOrEqual(DEFAULT_CLASSIFIER_NORM_RANGE.min);
    expect(total).toBeLessThanOrEqual(DEFAULT_CLASSIFIER_NORM_RANGE.max);
    expect(DEFAULT_CLASSIFIER_NORM_RANGE.min).toBeGreaterThanOrEqual(0.015);
    expect(DEFAULT_CLASSIFIER_NORM_RANGE.max).toBeLessThanOrEqual(0.025);
    // A good operation keeps the catch-all small.
    expect(byCode(CATCH_ALL_REASON_CODE).threshold).toBeLessThanOrEqual(0.001);
  });

  it('splits managed and unmanaged where the methodology says so', () => {
    for (const code of [
      'move_out_of_coverage',
      'death',
      'emigration',
      'business_closure',
    ]) {
      expect([code, byCode(code).managed]).toEqual([code, false]);
    }
    for (const r of DEFAULT_CHURN_REASONS.filter((x) =>
      ['price', 'competitor', 'quality', 'technical', 'service'].includes(
        x.group,
      ),
    )) {
      expect([r.code, r.managed]).toEqual([r.code, true]);
    }
    expect(byCode('move_within_coverage').managed).toBe(true);
    expect(byCode('temporary_absence').managed).toBe(true);
    // Both kinds appear inside several groups, so the split is by reason, not by group.
    for (const group of ['relocation', 'financial', 'life']) {
      const inGroup = DEFAULT_CHURN_REASONS.filter((r) => r.group === group);
      expect([
        group,
        inGroup.some((r) => r.managed),
        inGroup.some((r) => !r.managed),
      ]).toEqual([group, true, true]);
    }
    expect(
      DEFAULT_CHURN_REASONS.filter((r) => r.managed).length,
    ).toBeGreaterThan(20);
  });

  it('marks competitor reasons as implying a competitor', () => {
    const competitor = DEFAULT_CHURN_REASONS.filter(
      (r) => r.group === 'competitor',
    );
    expect(competitor.length).toBeGreaterThanOrEqual(3);
    for (const r of competitor)
      expect([r.code, r.impliesCompetitor]).toEqual([r.code, true]);
    // Unmanaged reasons never name a competitor; moving out only hints at one (see its description).
    for (const r of DEFAULT_CHURN_REASONS.filter((x) => !x.managed))
      expect([r.code, r.impliesCompetitor]).toEqual([r.code, false]);
  });

  it('warns that moving out of coverage often hides a competitor, in every language', () => {
    const d = byCode('move_out_of_coverage').description;
    expect(d.en).toMatch(/competitor/i);
    expect(d.ru).toMatch(/конкурент/i);
    expect(d.uk).toMatch(/конкурент/i);
  });

  it('is deeply frozen, so edits go into a new classifier version', () => {
    expect(Object.isFrozen(DEFAULT_CHURN_REASONS)).toBe(true);
    expect(Object.isFrozen(DEFAULT_CHURN_REASONS[0])).toBe(true);
    expect(Object.isFrozen(DEFAULT_CHURN_REASONS[0].title)).toBe(true);
    expect(Object.isFrozen(DEFAULT_CHURN_REASONS[0].script.objections[0])).toBe(
      true,
    );
  });

  it('keeps the offer catalogue free of duplicates', () => {
    expect(new Set(OFFER_CODES).size).toBe(OFFER_CODES.length);
    for (const required of [
      'discount_10_3m',
      'tariff_downgrade',
      'technician_visit',
      'service_move',
      'pause',
      'annual_prepay',
    ]) {
      expect(OFFER_CODES).toContain(required);
    }
  });
});
