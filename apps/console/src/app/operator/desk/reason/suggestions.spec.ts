import type { ReasonSuggestionView } from '@retention/contracts';
import { abstentionHint, acceptedCode, confidencePercent, moveHighlight, NO_SUGGESTIONS, receiveSuggestions } from './suggestions';

const s = (code: string, score = 0.5): ReasonSuggestionView => ({ code, score, title: code });
const three = [s('competitor_cheaper', 0.9), s('price_too_high', 0.6), s('price_increase', 0.3)];

describe('reason suggestions', () => {
  it('pre-selects the first suggestion so that Enter accepts it', () => {
    const state = receiveSuggestions(NO_SUGGESTIONS, three);
    expect(state.highlighted).toBe(0);
    expect(acceptedCode(state)).toBe('competitor_cheaper');
  });

  it('has nothing to accept without suggestions', () => {
    expect(receiveSuggestions(NO_SUGGESTIONS, [])).toEqual(NO_SUGGESTIONS);
    expect(acceptedCode(NO_SUGGESTIONS)).toBeNull();
  });

  it('moves the highlight with the arrow keys and wraps around', () => {
    let state = receiveSuggestions(NO_SUGGESTIONS, three);
    state = moveHighlight(state, 1);
    expect(acceptedCode(state)).toBe('price_too_high');
    state = moveHighlight(moveHighlight(state, 1), 1);
    expect(acceptedCode(state)).toBe('competitor_cheaper');
    state = moveHighlight(state, -1);
    expect(acceptedCode(state)).toBe('price_increase');
    expect(moveHighlight(NO_SUGGESTIONS, 1)).toBe(NO_SUGGESTIONS);
  });

  it('keeps a reason the operator moved to when the list refreshes and still contains it', () => {
    const moved = moveHighlight(receiveSuggestions(NO_SUGGESTIONS, three), 1);
    const refreshed = receiveSuggestions(moved, [s('price_increase'), s('price_too_high'), s('competitor_cheaper')]);
    expect(acceptedCode(refreshed)).toBe('price_too_high');
  });

  it('goes back to the first suggestion when the one moved to is gone', () => {
    const moved = moveHighlight(receiveSuggestions(NO_SUGGESTIONS, three), 1);
    expect(acceptedCode(receiveSuggestions(moved, [s('slow_speed'), s('network_outages')]))).toBe('slow_speed');
  });

  it('shows the score as a bounded percentage', () => {
    expect(confidencePercent(0.737)).toBe(74);
    expect(confidencePercent(1.4)).toBe(100);
    expect(confidencePercent(-0.1)).toBe(0);
  });

  it('says why no reason is suggested when the catch-all comes first with the abstention', () => {
    const abstained = (why: string) => [{ ...s('other_unknown', 0.6), abstained: why }, s('billing_errors', 0.4)];
    expect(abstentionHint(abstained('contradictory'))).toBe('reason.abstain.contradictory');
    expect(abstentionHint(abstained('weak_evidence'))).toBe('reason.abstain.weak');
    expect(abstentionHint(abstained('no_reason_words'))).toBe('reason.abstain.weak');
    expect(abstentionHint(abstained('refused'))).toBe('reason.abstain.refused');
    expect(abstentionHint(abstained('catch_all_fits'))).toBe('reason.abstain.catchAll');
    expect(abstentionHint(three)).toBeNull();
    expect(abstentionHint([])).toBeNull();
  });
});
