// Cite warnings are kept per cite node: they must follow every edit of a cite, and stay on a card
// whose tag or body is typed in.
import { EditorState } from 'prosemirror-state';
import type { DecorationSet } from 'prosemirror-view';
import { describe, expect, it } from 'vitest';
import { citeWarnings } from '../../renderer/src/briefs/brief-plugins.js';
import { schema } from '../../shared/schema.js';
import { after, block, card, stateOf } from '../shared/brief-builders.js';

const start = (() => {
  const state = stateOf(block('AT: sanctions'), card('Sanctions bite|', 'Ace', [['Not read']]), card('Talks failed', 'Bo 21', [['read']]));
  return EditorState.create({ doc: state.doc, selection: state.selection, plugins: [citeWarnings()] });
})();

/** Each warned cite's text and its warning, in doc order. */
function warningsOf(state: EditorState): [string, string][] {
  const set = state.plugins[0]!.getState(state) as DecorationSet;
  return set.find().map((d) => [state.doc.nodeAt(d.from)!.textContent, (d as unknown as { type: { attrs: Record<string, string> } }).type.attrs['data-cite-warning']!]);
}

/** The warnings a fresh editor on the same doc shows. */
const fromScratch = (state: EditorState) => warningsOf(EditorState.create({ doc: state.doc, plugins: [citeWarnings()] }));

describe('cite warnings', () => {
  it('stay on a card whose tag or body is typed in', () => {
    const before = warningsOf(start);
    expect(before).toEqual([['Ace', 'Cite lacks short cite, author and date'], ['Bo 21', 'Cite lacks short cite, author and date']]);
    let state = start.apply(start.tr.insertText(' hard'));
    state = state.apply(state.tr.insertText(' at all', after(state.doc, 'Not read')));
    expect(warningsOf(state)).toEqual(before);
  });

  it('follow each edit of a cite', () => {
    const [ace, bo] = warningsOf(start);
    let state = start.apply(start.tr.addMark(after(start.doc, 'Bo 21') - 5, after(start.doc, 'Bo 21'), schema.marks.strong!.create()));
    expect(warningsOf(state)).toEqual(fromScratch(state));
    expect(warningsOf(state)[1]).not.toEqual(bo);
    state = state.apply(state.tr.insertText(', Reuters 2021', after(state.doc, 'Ace')));
    expect(warningsOf(state)).toEqual(fromScratch(state));
    expect(warningsOf(state)[0]).not.toEqual(ace);
  });
});
