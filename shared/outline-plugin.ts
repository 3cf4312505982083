// The brief's outline kept as plugin state: each edit re-summarises only the top-level nodes it
// replaced (their words counted once, not the whole brief's on every keystroke), and the entries
// an edit left alone stay the same objects, so the outline pane and the block totals redraw
// only what changed.
import type { Node as PMNode } from 'prosemirror-model';
import { Plugin, PluginKey, type EditorState, type Transaction } from 'prosemirror-state';
import { changedRange, entriesOf, summarise, type NodeSummary, type OutlineEntry } from './outline.js';

export interface OutlineState {
  nodes: readonly NodeSummary[];
  entries: readonly OutlineEntry[];
  wpm: number;
}

export const outlineKey = new PluginKey<OutlineState>('outline');

/** Recounts reading times at a new speed (the debater changed it in Settings). */
export function setOutlineWpm(tr: Transaction, wpm: number): Transaction {
  return tr.setMeta(outlineKey, wpm);
}

function summariesOf(doc: PMNode, from: number, to: number): NodeSummary[] {
  const out: NodeSummary[] = [];
  for (let i = from; i < to; i++) out.push(summarise(doc.child(i)));
  return out;
}

/** The outline state after `tr`, from the state before it: O(nodes replaced) summaries. */
export function nextOutline(prev: OutlineState, tr: Transaction, before: PMNode): OutlineState {
  const wpm = (tr.getMeta(outlineKey) as number | undefined) ?? prev.wpm;
  const range = tr.docChanged ? changedRange(before, tr.doc) : null;
  if (!range && wpm === prev.wpm) return prev;
  let nodes = prev.nodes;
  if (range) {
    const copy = nodes.slice();
    copy.splice(range.from, range.oldEnd - range.from, ...summariesOf(tr.doc, range.from, range.newEnd));
    nodes = copy;
  }
  return { nodes, entries: entriesOf(nodes, wpm, prev.entries), wpm };
}

export function outlinePlugin(wpm: number): Plugin<OutlineState> {
  return new Plugin<OutlineState>({
    key: outlineKey,
    state: {
      init: (_config, state: EditorState) => {
        const nodes = summariesOf(state.doc, 0, state.doc.childCount);
        return { nodes, entries: entriesOf(nodes, wpm), wpm };
      },
      apply: (tr, prev, oldState) => nextOutline(prev, tr, oldState.doc),
    },
  });
}

/** The outline entries of an editor state that has outlinePlugin. */
export function outlineOf(state: EditorState): readonly OutlineEntry[] {
  const value = outlineKey.getState(state);
  if (!value) throw new Error('The editor has no outline plugin.');
  return value.entries;
}
