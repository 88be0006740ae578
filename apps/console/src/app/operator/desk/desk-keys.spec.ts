import { deskCommand, isTypingTarget, type KeyContext, stepSelection } from './desk-keys';

const idle: KeyContext = { typing: false, inQueue: false, dialogOpen: false };
const typing: KeyContext = { ...idle, typing: true };

describe('deskCommand', () => {
  it('maps the single letters when nothing is being typed', () => {
    expect(deskCommand({ key: 'j' }, idle)).toEqual({ kind: 'next' });
    expect(deskCommand({ key: 'k' }, idle)).toEqual({ kind: 'prev' });
    expect(deskCommand({ key: 'c' }, idle)).toEqual({ kind: 'claim' });
    expect(deskCommand({ key: 'p' }, idle)).toEqual({ kind: 'postpone' });
    expect(deskCommand({ key: 'n' }, idle)).toEqual({ kind: 'newRequest' });
    expect(deskCommand({ key: 's' }, idle)).toEqual({ kind: 'focusReason' });
    expect(deskCommand({ key: '/' }, idle)).toEqual({ kind: 'focusSearch' });
    expect(deskCommand({ key: '?', shiftKey: true }, idle)).toEqual({ kind: 'help' });
  });

  it('ignores letter case (Caps Lock on)', () => {
    expect(deskCommand({ key: 'C', shiftKey: true }, idle)).toEqual({ kind: 'claim' });
  });

  it('works by physical key in a Cyrillic layout', () => {
    expect(deskCommand({ key: 'о', code: 'KeyJ' }, idle)).toEqual({ kind: 'next' });
    expect(deskCommand({ key: 'с', code: 'KeyC' }, idle)).toEqual({ kind: 'claim' });
    expect(deskCommand({ key: '.', code: 'Slash' }, idle)).toEqual({ kind: 'focusSearch' });
    expect(deskCommand({ key: ',', code: 'Slash', shiftKey: true }, idle)).toEqual({ kind: 'help' });
  });

  it('leaves letters to the text field that has the focus', () => {
    expect(deskCommand({ key: 'c' }, typing)).toBeNull();
    expect(deskCommand({ key: '1', code: 'Digit1' }, typing)).toBeNull();
  });

  it('never hijacks browser shortcuts such as Ctrl+C', () => {
    expect(deskCommand({ key: 'c', ctrlKey: true }, idle)).toBeNull();
    expect(deskCommand({ key: 'c', metaKey: true }, idle)).toBeNull();
    expect(deskCommand({ key: 'j', altKey: true }, idle)).toBeNull();
  });

  it('resolves with Ctrl+Enter or Cmd+Enter, even while typing', () => {
    expect(deskCommand({ key: 'Enter', ctrlKey: true }, typing)).toEqual({ kind: 'resolve' });
    expect(deskCommand({ key: 'Enter', metaKey: true }, idle)).toEqual({ kind: 'resolve' });
    expect(deskCommand({ key: 'Enter' }, idle)).toBeNull();
  });

  it('picks the outcome with 1–4, or Alt+1–4 while typing (by physical key, whatever the layout)', () => {
    expect(deskCommand({ key: '1', code: 'Digit1' }, idle)).toEqual({ kind: 'outcome', outcome: 'retained' });
    expect(deskCommand({ key: '2', code: 'Digit2' }, idle)).toEqual({ kind: 'outcome', outcome: 'retained_with_offer' });
    expect(deskCommand({ key: '3', code: 'Numpad3' }, idle)).toEqual({ kind: 'outcome', outcome: 'partially_retained' });
    expect(deskCommand({ key: '¡', code: 'Digit4', altKey: true }, typing)).toEqual({ kind: 'outcome', outcome: 'disconnected' });
    expect(deskCommand({ key: '5', code: 'Digit5' }, idle)).toBeNull();
  });

  it('moves through the queue with the arrow keys only when the queue has the focus', () => {
    expect(deskCommand({ key: 'ArrowDown' }, { ...idle, inQueue: true })).toEqual({ kind: 'next' });
    expect(deskCommand({ key: 'ArrowUp' }, { ...idle, inQueue: true })).toEqual({ kind: 'prev' });
    expect(deskCommand({ key: 'ArrowDown' }, idle)).toBeNull();
  });

  it('does nothing while a dialog is open', () => {
    expect(deskCommand({ key: 'c' }, { ...idle, dialogOpen: true })).toBeNull();
    expect(deskCommand({ key: 'Enter', ctrlKey: true }, { ...idle, dialogOpen: true })).toBeNull();
  });
});

describe('isTypingTarget', () => {
  const el = (html: string) => {
    const host = document.createElement('div');
    host.innerHTML = html;
    return host.firstElementChild as Element;
  };

  it('treats text inputs, text areas and selects as typing', () => {
    expect(isTypingTarget(el('<input type="text">'))).toBe(true);
    expect(isTypingTarget(el('<input type="search">'))).toBe(true);
    expect(isTypingTarget(el('<textarea></textarea>'))).toBe(true);
    expect(isTypingTarget(el('<div role="combobox"></div>'))).toBe(true);
  });

  it('lets shortcuts through on buttons, radios, checkboxes and the page itself', () => {
    expect(isTypingTarget(el('<input type="radio">'))).toBe(false);
    expect(isTypingTarget(el('<input type="checkbox">'))).toBe(false);
    expect(isTypingTarget(el('<button></button>'))).toBe(false);
    expect(isTypingTarget(null)).toBe(false);
  });
});

describe('stepSelection', () => {
  const ids = ['a', 'b', 'c'];

  it('moves one step and stops at the ends', () => {
    expect(stepSelection(ids, 'a', 1)).toBe('b');
    expect(stepSelection(ids, 'c', 1)).toBe('c');
    expect(stepSelection(ids, 'b', -1)).toBe('a');
    expect(stepSelection(ids, 'a', -1)).toBe('a');
  });

  it('starts at the top going down and at the bottom going up when nothing (or a vanished item) is selected', () => {
    expect(stepSelection(ids, null, 1)).toBe('a');
    expect(stepSelection(ids, 'gone', -1)).toBe('c');
  });

  it('has nothing to select in an empty queue', () => {
    expect(stepSelection([], 'a', 1)).toBeNull();
  });
});
