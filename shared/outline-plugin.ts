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
    const fresh = summariesOf(tr.doc, range.from, range.newEnd);
    const retitled = wpm === prev.wpm ? retitle(prev, range, fresh) : null;
    if (retitled) return retitled;
    const copy = nodes.slice();
    copy.splice(range.from, range.oldEnd - range.from, ...fresh);
    nodes = copy;
  }
  return { nodes, entries: entriesOf(nodes, wpm, prev.entries), wpm };
}

/**
 * A key typed in a tag or heading changes one node's title (or whether it is an analytic) and
 * nothing any other entry counts: that entry alone is replaced, without going over the whole
 * outline. Null for any other edit.
 */
function retitle(prev: OutlineState, range: { from: number; oldEnd: number; newEnd: number }, fresh: readonly NodeSummary[]): OutlineState | null {
  const was = prev.nodes[range.from];
  const now = fresh[0];
  if (fresh.length !== 1 || range.oldEnd !== range.from + 1 || !was || !now) return null;
  if (now.level !== was.level || now.card !== was.card || now.blank !== was.blank || now.highlighted !== was.highlighted) return null;
  // Typing in a card's body that highlights nothing new: the outline is as it was.
  if (now.title === was.title && now.analytic === was.analytic) return prev;
  const at = entryAt(prev.entries, range.from);
  if (at < 0) return null;
  const nodes = prev.nodes.slice();
  nodes[range.from] = now;
  const entries = prev.entries.slice();
  entries[at] = { ...prev.entries[at]!, title: now.title, analytic: now.analytic };
  return { nodes, entries, wpm: prev.wpm };
}

/** Where in `entries` (sorted by node index) the entry of node `index` is; -1 for none (a blank line). */
export function entryAt(entries: readonly OutlineEntry[], index: number): number {
  let lo = 0;
  let hi = entries.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const at = entries[mid]!.index;
    if (at === index) return mid;
    if (at < index) lo = mid + 1;
    else hi = mid - 1;
  }
  return -1;
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
