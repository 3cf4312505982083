import { history, undo } from 'prosemirror-history';
import { Slice } from 'prosemirror-model';
import { TextSelection, type EditorState, type Transaction } from 'prosemirror-state';
import { describe, expect, it } from 'vitest';
import { condense, markCard, shrink, underline } from '../../shared/commands.js';
import { lockText, textGuard, unlockText, wordsOf } from '../../shared/text-guard.js';
import { notate, stateOf } from './card-notation.js';

const BODY = ['Russia mediates in Syria', 'The truce holds'];

function attempt(state: EditorState, edit: (s: EditorState) => Transaction): { state: EditorState; applied: boolean } {
  const result = state.applyTransaction(edit(state));
  return { state: result.state, applied: result.transactions.length > 0 };
}

// Positions in the card doc: tag "T" is 2..3, the body's first paragraph text starts at 6.
const FIRST = 6;

const EDITS: { what: string; edit: (s: EditorState) => Transaction; allowed: boolean }[] = [
  { what: 'typing a letter in the body', edit: (s) => s.tr.insertText('x', FIRST + 3), allowed: false },
  { what: 'deleting a word of the body', edit: (s) => s.tr.delete(FIRST, FIRST + 7), allowed: false },
  { what: 'pasting over a word', edit: (s) => s.tr.insertText('China', FIRST, FIRST + 6), allowed: false },
  { what: 'splitting a word in two', edit: (s) => s.tr.insertText(' ', FIRST + 3), allowed: false },
  { what: 'deleting from the tag into the body', edit: (s) => s.tr.delete(3, FIRST + 7), allowed: false },
  { what: 'deleting a whole paragraph', edit: (s) => s.tr.delete(FIRST - 1, FIRST + 25), allowed: false },
  { what: 'typing in the tag', edit: (s) => s.tr.insertText('ag', 3), allowed: true },
  { what: 'underlining', edit: (s) => s.tr.addMark(FIRST, FIRST + 6, s.schema.marks.underline!.create()), allowed: true },
  { what: 'condensing (F3)', edit: (s) => { let tr = s.tr; condense(s, (t) => { tr = t; }); return tr; }, allowed: true },
  { what: 'shrinking (Alt+F3)', edit: (s) => { let tr = s.tr; shrink(s, (t) => { tr = t; }); return tr; }, allowed: true },
  { what: 'marking where reading stopped, mid-word (Mark card)', edit: (s) => { let tr = s.tr.setSelection(TextSelection.create(s.doc, FIRST + 3)); markCard(s.apply(tr), (t) => { tr = t; }); return tr; }, allowed: true },
  { what: 'deleting the whole card', edit: (s) => s.tr.delete(0, s.doc.content.size), allowed: true },
  { what: 'replacing with identical words (a split paragraph rejoined)', edit: (s) => s.tr.replace(FIRST, FIRST + 6, new Slice(s.doc.slice(FIRST, FIRST + 6).content, 0, 0)), allowed: true },
];

describe('text guard on a locked card', () => {
  it.each(EDITS)('$what: allowed $allowed', ({ edit, allowed }) => {
    const state = stateOf({ tag: 'T', body: BODY, cardId: 7 }, [textGuard()]);
    const result = attempt(state, edit);
    expect(result.applied).toBe(allowed);
    if (!allowed) expect(result.state.doc.eq(state.doc)).toBe(true);
  });

  it('tells the editor when it refused an edit', () => {
    let blocked = 0;
    const state = stateOf({ tag: 'T', body: BODY, cardId: 7 }, [textGuard({ onBlocked: () => blocked++ })]);
    attempt(state, (s) => s.tr.insertText('x', FIRST));
    expect(blocked).toBe(1);
  });
});

describe('edit text', () => {
  it('unlocks only the card it names, and locks again', () => {
    let state = stateOf({ tag: 'T', body: BODY, cardId: 7 }, [textGuard()]);
    expect(unlockText(8)(state, (tr) => { state = state.apply(tr); })).toBe(true);
    expect(attempt(state, (s) => s.tr.insertText('x', FIRST)).applied).toBe(false);
    unlockText(7)(state, (tr) => { state = state.apply(tr); });
    const typed = attempt(state, (s) => s.tr.insertText('Big ', FIRST));
    expect(typed.applied).toBe(true);
    expect(wordsOf(typed.state.doc.firstChild!.lastChild!)).toBe('Big Russia mediates in Syria The truce holds');
    expect(unlockText(7)(state)).toBe(false);
    lockText(7)(state, (tr) => { state = state.apply(tr); });
    expect(attempt(state, (s) => s.tr.insertText('x', FIRST)).applied).toBe(false);
  });

  it('undo of markup passes the guard', () => {
    let state = stateOf({ tag: 'T', body: ['[Russia] mediates'], cardId: 1 }, [textGuard(), history()]);
    underline(state, (tr) => { state = state.apply(tr); });
    undo(state, (tr) => { state = state.applyTransaction(tr).state; });
    expect(notate(state.doc).body).toEqual(['Russia mediates']);
    expect(state.selection).toBeInstanceOf(TextSelection);
  });
});
