// An autosave as only what changed: the run of top-level nodes (headings, cards, analytics) that
// differ between the document last saved and the one in the editor. A keystroke in a 1,000-card
// brief changes one card, so the save carries that card, not the 20 MB document.
import type { Node as PMNode } from 'prosemirror-model';

/** Top-level nodes [from, to) of the saved document became `nodes`. */
export interface TopLevelEdit<N> {
  from: number;
  to: number;
  nodes: N[];
}

/**
 * The top-level nodes of `doc` that differ from `saved`, or null when none do. ProseMirror keeps
 * every node an edit did not touch as the same object, so unchanged nodes are found by identity.
 */
export function topLevelEdit(saved: PMNode, doc: PMNode): TopLevelEdit<PMNode> | null {
  const oldCount = saved.childCount;
  const newCount = doc.childCount;
  let from = 0;
  while (from < oldCount && from < newCount && saved.child(from) === doc.child(from)) from++;
  if (from === oldCount && from === newCount) return null;
  let oldEnd = oldCount;
  let newEnd = newCount;
  while (oldEnd > from && newEnd > from && saved.child(oldEnd - 1) === doc.child(newEnd - 1)) {
    oldEnd--;
    newEnd--;
  }
  const nodes: PMNode[] = [];
  for (let i = from; i < newEnd; i++) nodes.push(doc.child(i));
  return { from, to: oldEnd, nodes };
}

/** The content after an edit: what the store applies to the outline it holds. */
export function applyTopLevelEdit<N>(content: readonly N[], edit: TopLevelEdit<N>): N[] {
  if (edit.from > edit.to || edit.to > content.length) {
    throw new RangeError(`The edit replaces nodes ${edit.from} to ${edit.to} of a document of ${content.length}.`);
  }
  return [...content.slice(0, edit.from), ...edit.nodes, ...content.slice(edit.to)];
}
