import { EditorState, TextSelection, type Transaction } from 'prosemirror-state';
import { describe, expect, it } from 'vitest';
import { setHeading, moveUnit } from '../../shared/brief-commands.js';
import { outline } from '../../shared/outline.js';
import { outlineOf, outlinePlugin, setOutlineWpm } from '../../shared/outline-plugin.js';
import { schema } from '../../shared/schema.js';
import { after, blank, block, card, hl, pocket, stateOf } from './brief-builders.js';

const WPM = 120;

function withOutline(state: EditorState): EditorState {
  return EditorState.create({ doc: state.doc, selection: state.selection, plugins: [outlinePlugin(WPM)] });
}

const start = withOutline(stateOf(
  pocket('Russia'),
  block('AT: sanctions'),
  card('Sanctions bite|', 'TASS 21', [[hl('seven eight')]]),
  card('Talks failed', 'Ace 21', [['Not read ', hl('one two three')]]),
  block('AT: talks'),
  blank,
  card('Analytic'),
));

/** Each edit a debater makes, as a transaction on the state before it. */
const edits: [string, (s: EditorState) => Transaction | null][] = [
  ['typing in a tag', (s) => s.tr.insertText(' hard')],
  ['a heading made from a tag', (s) => { let out: Transaction | null = null; setHeading('block')(s.apply(s.tr.setSelection(TextSelection.create(s.doc, s.doc.content.size - 2))), (tr) => { out = tr; }); return out; }],
  ['a card moved down', (s) => { let out: Transaction | null = null; moveUnit('down')(s, (tr) => { out = tr; }); return out; }],
  ['a card deleted', (s) => s.tr.delete(s.doc.child(0).nodeSize + s.doc.child(1).nodeSize, s.doc.child(0).nodeSize + s.doc.child(1).nodeSize + s.doc.child(2).nodeSize)],
  ['a block inserted at the start', (s) => s.tr.insert(0, schema.nodes.block!.create(null, schema.text('New')))],
  ['everything deleted', (s) => s.tr.delete(0, s.doc.content.size)],
  ['typing in a heading', (s) => s.tr.insertText('s', after(s.doc, 'AT: talk'))],
  ['typing in an analytic', (s) => s.tr.insertText('al', after(s.doc, 'Analytic'))],
  ['an analytic given a cite', (s) => s.tr.insert(after(s.doc, 'Analytic') + 1, schema.nodes.cite!.create(null, schema.text('Ace 21')))],
  ['typing an unread word in a card body', (s) => s.tr.insertText('more ', after(s.doc, 'Not read '))],
  ['typing a word in a highlighted run', (s) => s.tr.insertText(' four', after(s.doc, 'one two three'))],
  ['highlighting a word', (s) => s.tr.addMark(after(s.doc, 'Not ') - 4, after(s.doc, 'Not '), schema.marks.highlight!.create())],
];

describe('the outline plugin', () => {
  it.each(edits)('after %s, equals the outline computed from scratch', (_name, edit) => {
    const tr = edit(start);
    if (!tr) throw new Error('the edit does not apply');
    let state = start.apply(tr);
    expect(outlineOf(state)).toEqual(outline(state.doc, WPM));
    // Typing after the edit goes on from the mapped state.
    if (state.doc.childCount > 0) {
      state = state.apply(state.tr.insertText('x', 1));
      expect(outlineOf(state)).toEqual(outline(state.doc, WPM));
    }
  });

  it('keeps the very entry objects an edit did not change', () => {
    const before = outlineOf(start);
    const after = outlineOf(start.apply(start.tr.insertText(' hard')));
    expect(after[2]).not.toBe(before[2]);
    expect(after[2]!.title).toBe('Sanctions bite hard');
    for (const i of [0, 1, 3, 4, 5]) expect(after[i]).toBe(before[i]);
  });

  it('is the very same outline after typing in a card body that highlights nothing new', () => {
    const typed = start.apply(start.tr.insertText('more ', after(start.doc, 'Not read ')));
    expect(outlineOf(typed)).toBe(outlineOf(start));
  });

  it('is the same state object after a cursor move', () => {
    const moved = start.apply(start.tr.setSelection(TextSelection.create(start.doc, 3)));
    expect(outlineOf(moved)).toBe(outlineOf(start));
  });

  it('recounts reading times when the speed changes', () => {
    const slower = start.apply(setOutlineWpm(start.tr, 60));
    expect(outlineOf(slower)).toEqual(outline(start.doc, 60));
    expect(outlineOf(slower)[0]!.totals.seconds).toBe(5);
    expect(outlineOf(start)[0]!.totals.seconds).toBe(3);
  });
});
