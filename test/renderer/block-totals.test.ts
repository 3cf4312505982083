// Block totals read the outline plugin's entries, which leave blank lines out: the decorations
// must find each block's entry by its node index, not by its place in the entry list.
import { EditorState } from 'prosemirror-state';
import type { DecorationSet } from 'prosemirror-view';
import { describe, expect, it } from 'vitest';
import { blockTotals, differingEntries, totalsText } from '../../renderer/src/briefs/brief-plugins.js';
import type { OutlineEntry } from '../../shared/outline.js';
import { outlinePlugin } from '../../shared/outline-plugin.js';
import type { DocJSON } from '../../shared/model.js';
import { block, card, hat, hl, pocket, stateOf } from '../shared/brief-builders.js';

const BLANK: DocJSON = { type: 'blank' };

/** A brief shaped like an imported Verbatim file: blank lines after headings, between and after cards, empty headings, analytics. */
const imported = stateOf(
  pocket('Russia'), BLANK,
  hat(''), BLANK,
  block('AT: Russia won’t cooperate'), BLANK,
  { type: 'analytic', attrs: { heading: false }, content: [{ type: 'text', text: 'They conflate mediation with cooperation' }] }, BLANK,
  card('Mediation fails|', 'TASS 21', [[hl('one two three')], []]), BLANK, BLANK,
  block(''),
  card('Analytic as a tag'), BLANK,
  block('A2: Sanctions'), BLANK,
  card('Sanctions bite', 'Ace 21', [['Not read ', hl('four five')]]), BLANK,
);

function withPlugins(state: EditorState): EditorState {
  return EditorState.create({ doc: state.doc, selection: state.selection, plugins: [outlinePlugin(120), blockTotals()] });
}

/** Each block heading's decoration, as [top-level index, totals text, class]. */
function totalsOf(state: EditorState): [number, string, string][] {
  const set = state.plugins[1]!.getState(state) as DecorationSet;
  const out: [number, string, string][] = [];
  state.doc.forEach((node, pos, index) => {
    for (const d of set.find(pos, pos + node.nodeSize).filter((d) => d.from === pos)) {
      const attrs = (d as unknown as { type: { attrs: Record<string, string> } }).type.attrs;
      out.push([index, attrs['data-totals']!, attrs.class!]);
    }
  });
  return out;
}

const EXPECTED: [number, string, string][] = [
  [4, totalsText(1, 3, 2), 'answers'],
  [11, totalsText(1, 0, 0), ''],
  [14, totalsText(1, 2, 1), 'answers'],
];

describe('block totals in a brief with blank lines', () => {
  it('decorates every block with its own totals when the brief opens', () => {
    expect(totalsOf(withPlugins(imported))).toEqual(EXPECTED);
  });

  it('keeps them right through typing, a blank line removed and one added', () => {
    let state = withPlugins(imported);
    state = state.apply(state.tr.insertText(' now'));
    expect(totalsOf(state)).toEqual(EXPECTED);
    // The blank line after the pocket goes: every block moves up one node.
    const afterPocket = state.doc.child(0).nodeSize;
    state = state.apply(state.tr.delete(afterPocket, afterPocket + 1));
    expect(totalsOf(state)).toEqual(EXPECTED.map(([i, t, c]) => [i - 1, t, c]));
    state = state.apply(state.tr.insert(0, state.schema.nodes.blank!.create()));
    expect(totalsOf(state)).toEqual(EXPECTED);
  });
});

describe('differingEntries', () => {
  const entry = (index: number): OutlineEntry => ({ level: 'card', title: `n${index}`, index, end: index + 1, analytic: false, totals: { cards: 1, highlightedWords: 0, seconds: 0 } });
  const [e0, e1, e2, e3] = [0, 1, 2, 3].map(entry) as [OutlineEntry, OutlineEntry, OutlineEntry, OutlineEntry];
  const e1b = { ...e1, title: 'retitled' };
  const cases: [string, OutlineEntry[], OutlineEntry[], [number, string | undefined][]][] = [
    ['nothing changed', [e0, e1, e2], [e0, e1, e2], []],
    ['one entry replaced', [e0, e1b, e2], [e0, e1, e2], [[1, 'retitled']]],
    ['an entry added (a blank line became a card)', [e0, e1, e2, e3], [e0, e1, e3], [[2, 'n2']]],
    ['an entry gone (a card became a blank line)', [e0, e2], [e0, e1, e2], [[1, undefined]]],
    ['everything new', [e0, e1], [], [[0, 'n0'], [1, 'n1']]],
    ['everything gone', [], [e2, e3], [[2, undefined], [3, undefined]]],
  ];
  for (const [what, now, then, expected] of cases) {
    it(what, () => {
      expect([...differingEntries(now, then)].map(([i, e]) => [i, e?.title])).toEqual(expected);
    });
  }
});
