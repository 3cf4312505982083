// Every card in a brief has its own id (DESIGN: one card, one truth). A card typed in (no id
// yet) gets one as soon as it exists, and a card pasted or duplicated inside the doc becomes a
// new card that remembers the one it was copied from: the original keeps its id.
import type { Node as PMNode } from 'prosemirror-model';
import { Plugin, type Transaction } from 'prosemirror-state';
import { changedRange, positionOf } from './outline.js';

type CardId = string | number;

function idOf(node: PMNode): CardId | null {
  return node.type.name === 'card' ? (node.attrs.cardId as CardId | null) : null;
}

/**
 * The transaction that gives fresh ids to the cards of `after` that need one, looking only at
 * the top-level nodes that changed since `before`; null when none does. A card whose id was
 * in the replaced range keeps it (typing in a tag is not a copy); an id that appears anew and
 * already lives elsewhere in the doc marks a copy.
 */
export function assignCardIds(before: PMNode, after: PMNode, tr: Transaction, newId: () => string): Transaction | null {
  const range = changedRange(before, after);
  if (!range) return null;
  const kept = new Map<CardId, number>();
  for (let i = range.from; i < range.oldEnd; i++) {
    const id = idOf(before.child(i));
    if (id !== null) kept.set(id, (kept.get(id) ?? 0) + 1);
  }
  const seen = new Set<CardId>();
  const elsewhere = (id: CardId, index: number): boolean => {
    if (seen.has(id)) return true;
    for (let i = 0; i < after.childCount; i++) if (i !== index && (i < range.from || i >= range.newEnd) && idOf(after.child(i)) === id) return true;
    return false;
  };
  let changed = false;
  let pos = positionOf(after, range.from);
  for (let i = range.from; i < range.newEnd; i++) {
    const node = after.child(i);
    const id = idOf(node);
    if (node.type.name === 'card') {
      if (id === null) {
        tr.setNodeMarkup(pos, undefined, { ...node.attrs, cardId: newId() });
        changed = true;
      } else if ((kept.get(id) ?? 0) > 0 && !seen.has(id)) {
        kept.set(id, kept.get(id)! - 1);
        seen.add(id);
      } else if (elsewhere(id, i)) {
        tr.setNodeMarkup(pos, undefined, { ...node.attrs, cardId: newId(), copiedFrom: id });
        changed = true;
      } else {
        seen.add(id);
      }
    }
    pos += node.nodeSize;
  }
  return changed ? tr : null;
}

/** Keeps every card's id present and unique inside the doc (crypto.randomUUID for new ones). */
export function cardIds(newId: () => string = () => crypto.randomUUID()): Plugin {
  return new Plugin({
    appendTransaction(trs, oldState, newState) {
      if (!trs.some((tr) => tr.docChanged)) return null;
      return assignCardIds(oldState.doc, newState.doc, newState.tr, newId);
    },
  });
}

/** Nodes sent or copied into another doc: every card becomes a new card copied from its original. */
export function copiesOf(nodes: readonly PMNode[], newId: () => string = () => crypto.randomUUID()): PMNode[] {
  return nodes.map((node) => {
    if (node.type.name !== 'card') return node;
    const original = node.attrs.cardId as CardId | null;
    return node.type.create({ ...node.attrs, cardId: newId(), copiedFrom: original }, node.content, node.marks);
  });
}
