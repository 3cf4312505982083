// The outline of a brief: what the navigation pane shows and what moves when a heading moves.
// A brief is a flat run of top-level nodes (schema.ts); a heading owns every node after it up
// to the next heading of the same or a higher level, so moving a heading is moving a range.
import type { Node as PMNode } from 'prosemirror-model';
import type { Transform } from 'prosemirror-transform';
import { splitLabel } from './tag-label.js';
import { DEFAULT_WPM, readingSeconds, wordCounts } from './word-counts.js';

export type OutlineLevel = 'pocket' | 'hat' | 'block' | 'card';

// Analytics sit at card level. A blank line belongs to the node above it, heading or card: a card
// moves with the blank lines after it, and moving one never stops at a blank line between cards.
const RANK: Record<string, number> = { pocket: 1, hat: 2, block: 3, card: 4, analytic: 4, blank: 5 };

/** Pocket 1, hat 2, block 3, card (analytic) 4, blank line 5: a node owns the following nodes of a larger rank. */
export function rankOf(node: PMNode): number {
  const rank = RANK[node.type.name];
  if (rank === undefined) throw new Error(`"${node.type.name}" is not a top-level node of a brief.`);
  return rank;
}

export interface Totals {
  cards: number;
  highlightedWords: number;
  /** Reading time of the highlighted words at the given words per minute. */
  seconds: number;
}

export interface OutlineEntry {
  level: OutlineLevel;
  /** The heading text, or the card's tag. */
  title: string;
  /** Index among the doc's top-level nodes (positionOf gives its document position). */
  index: number;
  /** One past the last top-level node this entry owns. */
  end: number;
  /** An analytic, or a card with no cite and no body: the debater's own argument. */
  analytic: boolean;
  totals: Totals;
}

/** What the outline needs of one top-level node: computed once per node, never per keystroke. */
export interface NodeSummary {
  level: OutlineLevel;
  title: string;
  analytic: boolean;
  /** A card node: what the totals count (an analytic node is not evidence). */
  card: boolean;
  /** A blank line kept from a Word file: it moves with its heading but is no outline entry. */
  blank: boolean;
  /** Highlighted words of a card (0 for a heading). */
  highlighted: number;
}

export function summarise(node: PMNode): NodeSummary {
  rankOf(node);
  const isCard = node.type.name === 'card';
  const atCardLevel = isCard || node.type.name === 'analytic' || node.type.name === 'blank';
  return {
    level: atCardLevel ? 'card' : (node.type.name as OutlineLevel),
    title: isCard ? node.firstChild!.textContent : node.textContent,
    analytic: node.type.name === 'analytic' || (isCard && node.childCount === 1),
    card: isCard,
    blank: node.type.name === 'blank',
    highlighted: isCard ? wordCounts(node).highlighted : 0,
  };
}

/** The top-level index range [index, end) of the node at index with everything it owns. */
export function unitRange(doc: PMNode, index: number): { index: number; end: number } {
  const rank = rankOf(doc.child(index));
  let end = index + 1;
  while (end < doc.childCount && rankOf(doc.child(end)) > rank) end++;
  return { index, end };
}

const sameEntry = (a: OutlineEntry, b: OutlineEntry): boolean =>
  a.level === b.level && a.title === b.title && a.index === b.index && a.end === b.end && a.analytic === b.analytic
  && a.totals.cards === b.totals.cards && a.totals.highlightedWords === b.totals.highlightedWords && a.totals.seconds === b.totals.seconds;

/**
 * The outline of summarised nodes, in one pass (a stack finds where each heading's unit ends,
 * prefix sums give its totals). An entry equal to `previous`'s at the same index is that very
 * object, so a view redraws only the entries an edit changed.
 */
export function entriesOf(nodes: readonly NodeSummary[], wpm: number = DEFAULT_WPM, previous: readonly OutlineEntry[] = []): OutlineEntry[] {
  const n = nodes.length;
  const ends = new Array<number>(n).fill(n);
  const open: number[] = [];
  const cards = [0];
  const words = [0];
  nodes.forEach((node, i) => {
    const rank = RANK[node.level]!;
    while (open.length > 0 && RANK[nodes[open[open.length - 1]!]!.level]! >= rank) ends[open.pop()!] = i;
    open.push(i);
    cards.push(cards[i]! + (node.card ? 1 : 0));
    words.push(words[i]! + node.highlighted);
  });
  // Blank lines have no entry, so `previous` is looked up by node index, not array position.
  const previousAt = new Map(previous.map((e) => [e.index, e]));
  const entries: OutlineEntry[] = [];
  nodes.forEach((node, index) => {
    if (node.blank) return;
    const end = ends[index]!;
    const highlightedWords = words[end]! - words[index]!;
    const entry: OutlineEntry = {
      level: node.level, title: node.title, index, end, analytic: node.analytic,
      totals: { cards: cards[end]! - cards[index]!, highlightedWords, seconds: readingSeconds(highlightedWords, wpm) },
    };
    const before = previousAt.get(index);
    entries.push(before && sameEntry(before, entry) ? before : entry);
  });
  return entries;
}

/**
 * The entries by the top-level index of their node: blank lines have no entry, so an entry's
 * place in the list is not its node's index (undefined at a blank line).
 */
export function entriesByIndex(entries: readonly OutlineEntry[]): (OutlineEntry | undefined)[] {
  const byIndex: (OutlineEntry | undefined)[] = [];
  for (const entry of entries) byIndex[entry.index] = entry;
  return byIndex;
}

/** Every heading, card and analytic of a brief in order (blank lines left out), with the totals of what each owns. */
export function outline(doc: PMNode, wpm: number = DEFAULT_WPM): OutlineEntry[] {
  const nodes: NodeSummary[] = [];
  doc.forEach((node) => nodes.push(summarise(node)));
  return entriesOf(nodes, wpm);
}

/**
 * The top-level nodes an edit replaced: [from, oldEnd) of the old doc became [from, newEnd) of
 * the new one. Unchanged nodes are shared between the two docs, so comparing them is a pointer
 * test: null when every node is the same.
 */
export function changedRange(before: PMNode, after: PMNode): { from: number; oldEnd: number; newEnd: number } | null {
  if (before === after) return null;
  const shortest = Math.min(before.childCount, after.childCount);
  let from = 0;
  while (from < shortest && before.child(from) === after.child(from)) from++;
  if (from === before.childCount && from === after.childCount) return null;
  let oldEnd = before.childCount;
  let newEnd = after.childCount;
  while (oldEnd > from && newEnd > from && before.child(oldEnd - 1) === after.child(newEnd - 1)) {
    oldEnd--;
    newEnd--;
  }
  return { from, oldEnd, newEnd };
}

/** "Answers to: X", "AT: X", "A2: X" → {answers: true, claim: X}; any other title as it is. */
export function blockTitle(title: string): { answers: boolean; claim: string } {
  const { label, claim } = splitLabel(title);
  return label === 'Answers to' ? { answers: true, claim } : { answers: false, claim: title };
}

/** Document position just before top-level node index (doc.content.size past the last). */
export function positionOf(doc: PMNode, index: number): number {
  let pos = 0;
  for (let i = 0; i < index; i++) pos += doc.child(i).nodeSize;
  return pos;
}

/** Index of the top-level node holding pos (the last node at the doc's end; -1 in an empty doc). */
export function indexAt(doc: PMNode, pos: number): number {
  return Math.min(doc.resolve(Math.min(pos, doc.content.size)).index(0), doc.childCount - 1);
}

/**
 * Moves the top-level nodes [from, end) so they start before top-level node `before`
 * (doc.childCount for the end). Returns false, changing nothing, when `before` lies inside the
 * range being moved or the move would leave everything where it is.
 */
export function moveRange(tr: Transform, from: number, end: number, before: number): boolean {
  if (before >= from && before <= end) return false;
  const doc = tr.doc;
  const slice = doc.content.cut(positionOf(doc, from), positionOf(doc, end));
  const at = positionOf(doc, before);
  // Insert first when the target lies after the range, so the range's positions still hold.
  if (before > end) {
    tr.insert(at, slice);
    tr.delete(positionOf(doc, from), positionOf(doc, end));
  } else {
    tr.delete(positionOf(doc, from), positionOf(doc, end));
    tr.insert(at, slice);
  }
  return true;
}

/**
 * Where a dragged outline entry lands when dropped on another: a heading of a higher level takes
 * it in as its first child; anything else has it placed before it. Null when the drop is no move.
 */
export function dropTarget(doc: PMNode, dragged: number, onto: number): number | null {
  const { end } = unitRange(doc, dragged);
  if (onto >= doc.childCount) return end === doc.childCount ? null : doc.childCount;
  const before = rankOf(doc.child(onto)) < rankOf(doc.child(dragged)) ? onto + 1 : onto;
  return before >= dragged && before <= end ? null : before;
}
