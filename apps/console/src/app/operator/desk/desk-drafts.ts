import type { DeskDraft } from '@retention/contracts';

/** A draft as this browser keeps it: the work and when it was last changed (ISO instant). */
export interface StoredDraft {
  draft: DeskDraft;
  savedAt: string;
}

const PREFIX = 'rc.desk.draft.';
/** Drafts untouched this long are dropped from the browser when the desk next writes one. */
export const LOCAL_DRAFT_DAYS = 7;

export function sameDraft(a: DeskDraft, b: DeskDraft): boolean {
  return (
    a.statedText.trim() === b.statedText.trim() &&
    a.reasonCode === b.reasonCode &&
    a.outcome === b.outcome &&
    a.offerCode === b.offerCode &&
    a.destination === b.destination &&
    a.competitorId === b.competitorId &&
    a.effectiveDate === b.effectiveDate &&
    [...a.keptServices].sort().join() === [...b.keptServices].sort().join() &&
    a.note.trim() === b.note.trim()
  );
}

/** Of the browser's copy and the server's, the one changed last (either may be missing). */
export function newerDraft(local: StoredDraft | null, server: StoredDraft | null): StoredDraft | null {
  if (!local || !server) return local ?? server;
  return Date.parse(server.savedAt) > Date.parse(local.savedAt) ? server : local;
}

/**
 * The desk's drafts in this browser (localStorage), one per user and request, so that switching requests, a
 * reload or reopening the desk never loses the words typed. Storage that refuses (private mode, full) only
 * means no local copy: the server keeps the claimed request's draft as well.
 */
export class LocalDrafts {
  constructor(private readonly storage: Storage) {}

  private key(user: string, requestId: string): string {
    return `${PREFIX}${user}.${requestId}`;
  }

  read(user: string, requestId: string): StoredDraft | null {
    try {
      const raw = this.storage.getItem(this.key(user, requestId));
      if (!raw) return null;
      const v = JSON.parse(raw) as StoredDraft;
      return v && typeof v.savedAt === 'string' && v.draft && typeof v.draft.statedText === 'string' ? v : null;
    } catch {
      return null;
    }
  }

  write(user: string, requestId: string, draft: DeskDraft, now: Date): void {
    try {
      this.prune(now);
      this.storage.setItem(this.key(user, requestId), JSON.stringify({ draft, savedAt: now.toISOString() } satisfies StoredDraft));
    } catch {
      // No room or no storage: the server copy is what is left.
    }
  }

  remove(user: string, requestId: string): void {
    try {
      this.storage.removeItem(this.key(user, requestId));
    } catch {
      // nothing kept, nothing to remove
    }
  }

  private prune(now: Date): void {
    const oldest = now.getTime() - LOCAL_DRAFT_DAYS * 86_400_000;
    for (let i = this.storage.length - 1; i >= 0; i--) {
      const key = this.storage.key(i);
      if (!key?.startsWith(PREFIX)) continue;
      try {
        const v = JSON.parse(this.storage.getItem(key) ?? 'null') as StoredDraft | null;
        if (!v || !(Date.parse(v.savedAt) >= oldest)) this.storage.removeItem(key);
      } catch {
        this.storage.removeItem(key);
      }
    }
  }
}
