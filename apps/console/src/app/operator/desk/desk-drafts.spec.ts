import type { DeskDraft } from '@retention/contracts';
import { LocalDrafts, newerDraft, sameDraft } from './desk-drafts';

const draft: DeskDraft = {
  statedText: 'FastNet is cheaper',
  reasonCode: 'competitor_cheaper',
  outcome: null,
  offerCode: null,
  destination: null,
  competitorId: null,
  effectiveDate: null,
  keptServices: ['tv', 'internet'],
  note: '',
};

describe('desk drafts', () => {
  beforeEach(() => localStorage.clear());

  it('counts only real changes as work: spacing at the ends and the order of kept services do not matter', () => {
    expect(sameDraft(draft, { ...draft, statedText: ' FastNet is cheaper ', keptServices: ['internet', 'tv'] })).toBe(true);
    expect(sameDraft(draft, { ...draft, outcome: 'retained' })).toBe(false);
    expect(sameDraft(draft, { ...draft, note: 'call back' })).toBe(false);
  });

  it('takes the copy changed last, the browser’s or the server’s', () => {
    const local = { draft, savedAt: '2026-11-15T10:00:00.000Z' };
    const server = { draft: { ...draft, note: 'from the other PC' }, savedAt: '2026-11-15T10:05:00.000Z' };
    expect(newerDraft(local, server)).toBe(server);
    expect(newerDraft({ ...local, savedAt: '2026-11-15T10:06:00.000Z' }, server)?.draft).toBe(draft);
    expect(newerDraft(null, server)).toBe(server);
    expect(newerDraft(local, null)).toBe(local);
  });

  it('keeps a draft per user and request, and drops the ones untouched for a week', () => {
    const drafts = new LocalDrafts(localStorage);
    drafts.write('olena', 'r1', draft, new Date('2026-11-01T10:00:00Z'));
    drafts.write('petro', 'r1', { ...draft, note: 'his' }, new Date('2026-11-15T10:00:00Z'));
    expect(drafts.read('olena', 'r1')).toBeNull(); // 14 days old: pruned by the later write
    expect(drafts.read('petro', 'r1')?.draft.note).toBe('his');
    drafts.write('olena', 'r2', draft, new Date('2026-11-15T11:00:00Z'));
    expect(drafts.read('olena', 'r2')).toEqual({ draft, savedAt: '2026-11-15T11:00:00.000Z' });
    drafts.remove('olena', 'r2');
    expect(drafts.read('olena', 'r2')).toBeNull();
    localStorage.setItem('rc.desk.draft.olena.r3', '{not json');
    expect(drafts.read('olena', 'r3')).toBeNull();
  });
});
