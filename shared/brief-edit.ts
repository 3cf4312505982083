// An autosave as only what changed: the run of top-level nodes (headings, cards, analytics) that
// differ between the document last saved and the one in the editor. A keystroke in a 1,000-card
// brief changes one card, so the save carries that card, not the 20 MB document.
import type { Node as PMNode } from 'prosemirror-model';
import type { Transform } from 'prosemirror-transform';
import { changedRange, positionOf } from './outline.js';

/** Top-level nodes [from, to) of the saved document became `nodes`. */
export interface TopLevelEdit<N> {
  from: number;
  to: number;
  nodes: N[];
}

/** The top-level nodes of `doc` that differ from `saved` (outline.ts's changedRange), or null when none do. */
export function topLevelEdit(saved: PMNode, doc: PMNode): TopLevelEdit<PMNode> | null {
  const range = changedRange(saved, doc);
  if (!range) return null;
  const nodes: PMNode[] = [];
  for (let i = range.from; i < range.newEnd; i++) nodes.push(doc.child(i));
  return { from: range.from, to: range.oldEnd, nodes };
}

/** The content after an edit: what the store applies to the outline it holds. */
export function applyTopLevelEdit<N>(content: readonly N[], edit: TopLevelEdit<N>): N[] {
  if (edit.from > edit.to || edit.to > content.length) {
    throw new RangeError(`The edit replaces nodes ${edit.from} to ${edit.to} of a document of ${content.length}.`);
  }
  return [...content.slice(0, edit.from), ...edit.nodes, ...content.slice(edit.to)];
}

/** A card a stale save's merge kept (saved elsewhere, never seen here), at its index in the merged doc. */
export interface KeptCard {
  index: number;
  node: PMNode;
}

/** The cards of `merged` whose uids the merge kept, in order. */
export function keptCards(merged: PMNode, kept: ReadonlySet<string>): KeptCard[] {
  const cards: KeptCard[] = [];
  merged.forEach((node, _offset, index) => {
    if (kept.has(node.attrs.cardId as string)) cards.push({ index, node });
  });
  return cards;
}

/**
 * Puts the kept cards into the doc that was sent (or the editor's doc, edited since: after as many
 * of its nodes as stood before each card in the merged doc): the sent doc becomes the merged one,
 * sharing its nodes, so the next save compares them as unchanged.
 */
export function insertKept<T extends Transform>(tr: T, cards: readonly KeptCard[]): T {
  for (const { index, node } of cards) tr.insert(positionOf(tr.doc, Math.min(index, tr.doc.childCount)), node);
  return tr;
}
