import type { RequestOutcome } from '@retention/domain';
import { REQUEST_OUTCOMES } from '@retention/domain';

/**
 * The desk's keyboard: an operator takes a request from the queue to its resolution without the mouse.
 *
 *   J / K (or ↓ / ↑ in the queue)  next / previous request        C  claim           P  postpone
 *   S  the stated-reason box       /  the queue search             N  new request     ?  this list
 *   1–4 (Alt+1–4 while typing)     outcome                         Ctrl+Enter  resolve (also while typing)
 *
 * Single letters act only when no text field has the focus and no dialog is open, and never with Ctrl, Alt
 * or Meta (so Ctrl+C still copies).
 */
export type DeskCommand =
  | { kind: 'next' }
  | { kind: 'prev' }
  | { kind: 'claim' }
  | { kind: 'postpone' }
  | { kind: 'resolve' }
  | { kind: 'newRequest' }
  | { kind: 'focusReason' }
  | { kind: 'focusSearch' }
  | { kind: 'help' }
  | { kind: 'outcome'; outcome: RequestOutcome };

/** The parts of a KeyboardEvent the mapping reads (so that tests need no DOM). */
export interface KeyInput {
  key: string;
  code?: string;
  ctrlKey?: boolean;
  metaKey?: boolean;
  altKey?: boolean;
  shiftKey?: boolean;
}

export interface KeyContext {
  /** The focus is in a text field, a select or an editable element. */
  typing: boolean;
  /** The focus is inside the queue list (arrow keys move through it). */
  inQueue: boolean;
  /** A dialog is open: it owns the keyboard. */
  dialogOpen: boolean;
}

/**
 * By physical key (`KeyboardEvent.code`), so that the shortcuts work the same in a Cyrillic layout, where the
 * J key types «о»; `key` is the fallback for events without a code.
 */
const LETTERS: Readonly<Record<string, DeskCommand>> = {
  KeyJ: { kind: 'next' },
  KeyK: { kind: 'prev' },
  KeyC: { kind: 'claim' },
  KeyP: { kind: 'postpone' },
  KeyN: { kind: 'newRequest' },
  KeyS: { kind: 'focusReason' },
};

function letter(e: KeyInput): DeskCommand | null {
  if (e.code === 'Slash' || e.key === '/' || e.key === '?') {
    return e.shiftKey || e.key === '?' ? { kind: 'help' } : { kind: 'focusSearch' };
  }
  const code = e.code || (/^[a-z]$/i.test(e.key) ? `Key${e.key.toUpperCase()}` : '');
  return LETTERS[code] ?? null;
}

function digit(e: KeyInput): number | null {
  const fromCode = /^(?:Digit|Numpad)([1-9])$/.exec(e.code ?? '');
  if (fromCode) return Number(fromCode[1]);
  return /^[1-9]$/.test(e.key) ? Number(e.key) : null;
}

function outcomeAt(n: number | null): DeskCommand | null {
  const outcome = n === null ? undefined : REQUEST_OUTCOMES[n - 1];
  return outcome ? { kind: 'outcome', outcome } : null;
}

export function deskCommand(e: KeyInput, ctx: KeyContext): DeskCommand | null {
  if (ctx.dialogOpen) return null;
  if ((e.ctrlKey || e.metaKey) && !e.altKey && e.key === 'Enter') return { kind: 'resolve' };
  if (e.altKey && !e.ctrlKey && !e.metaKey) return outcomeAt(digit(e));
  if (e.ctrlKey || e.metaKey || e.altKey || ctx.typing) return null;
  if (ctx.inQueue && e.key === 'ArrowDown') return { kind: 'next' };
  if (ctx.inQueue && e.key === 'ArrowUp') return { kind: 'prev' };
  const n = digit(e);
  if (n !== null) return outcomeAt(n);
  return letter(e);
}

/** Whether an element takes typed text (then single-letter shortcuts stay out of the way). */
export function isTypingTarget(el: Element | null): boolean {
  if (!el) return false;
  const tag = el.tagName;
  if (tag === 'TEXTAREA' || tag === 'SELECT') return true;
  if (tag === 'INPUT') {
    const type = (el as HTMLInputElement).type;
    return !['checkbox', 'radio', 'button', 'submit', 'reset', 'range', 'color'].includes(type);
  }
  if ((el as HTMLElement).isContentEditable) return true;
  // A Material select keeps the focus on its trigger, which then owns the arrow keys and letters.
  return el.getAttribute('role') === 'combobox' || el.getAttribute('role') === 'listbox';
}

/** The id `delta` steps from `current` in the queue, staying at the ends; the first one when nothing is selected. */
export function stepSelection(ids: readonly string[], current: string | null, delta: 1 | -1): string | null {
  if (!ids.length) return null;
  const i = current === null ? -1 : ids.indexOf(current);
  if (i < 0) return delta > 0 ? ids[0] : ids[ids.length - 1];
  return ids[Math.min(ids.length - 1, Math.max(0, i + delta))];
}
