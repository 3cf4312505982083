// The cards laid out from the first frame (brief-plugins.ts): about a screen of text from the
// cursor's card down, never the whole brief, following the cursor when it leaves them.
import { EditorState, TextSelection } from 'prosemirror-state';
import type { DecorationSet } from 'prosemirror-view';
import { describe, expect, it } from 'vitest';
import { laidOutNearCursor } from '../../renderer/src/briefs/brief-plugins.js';
import { after, block, card, stateOf } from '../shared/brief-builders.js';
import type { DocJSON } from '../../shared/model.js';

const words = (n: number) => Array.from({ length: n }, (_, i) => `word${i}`).join(' ');
const long = (tag: string) => card(tag, 'Ace 21', [[words(300)]]);
const short = (tag: string) => card(tag);

function withPlugin(...nodes: DocJSON[]): EditorState {
  const state = stateOf(...nodes);
  return EditorState.create({ doc: state.doc, selection: state.selection, plugins: [laidOutNearCursor()] });
}

/** Tags of the cards marked near-cursor, in doc order. */
function laidOut(state: EditorState): string[] {
  const set = state.plugins[0]!.getState(state).set as DecorationSet;
  return set.find().map((d) => state.doc.nodeAt(d.from)!.child(0).textContent);
}

describe('cards laid out from the cursor down', () => {
  it.each([
    ['short cards: up to forty of them', [block('AT: x'), ...Array.from({ length: 50 }, (_, i) => short(`A${i}`))], 39],
    ['long cards: about a screen of text, two of them', [long('L0'), long('L1'), long('L2'), long('L3')], 2],
  ])('%s', (_, nodes, count) => {
    const state = withPlugin(...nodes);
    expect(laidOut(state)).toHaveLength(count);
    expect(laidOut(state)[0]).toBe((nodes as DocJSON[]).find((n) => n.type === 'card')!.content![0]!.content![0]!.text);
  });

  it('stays while typing in the cards it marked, and moves with the cursor past them', () => {
    let state = withPlugin(long('L0'), long('L1'), long('L2'), long('L3'));
    const before = state.plugins[0]!.getState(state).set;
    state = state.apply(state.tr.insertText('typed ', after(state.doc, 'L0')));
    expect(laidOut(state)).toEqual(['L0typed ', 'L1']);
    expect(state.plugins[0]!.getState(state).set).not.toBe(before);
    state = state.apply(state.tr.setSelection(TextSelection.create(state.doc, after(state.doc, 'L3'))));
    expect(laidOut(state)).toEqual(['L3']);
  });
});
