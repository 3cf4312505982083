// The outline of a brief: what the navigation pane shows and what moves when a heading moves.
// A brief is a flat run of top-level nodes (schema.ts); a heading owns every node after it up
// to the next heading of the same or a higher level, so moving a heading is moving a range.
import type { Node as PMNode } from 'prosemirror-model';
import type { Transform } from 'prosemirror-transform';
import { DEFAULT_WPM } from './settings.js';
import { splitLabel } from './tag-label.js';
import { readingSeconds, wordCounts } from './word-counts.js';

export type OutlineLevel = 'pocket' | 'hat' | 'block' | 'card';

// Analytics and blank lines sit at card level: they move with the heading above them.
const RANK: Record<string, number> = { pocket: 1, hat: 2, block: 3, card: 4, analytic: 4, blank: 4 };

/** Pocket 1, hat 2, block 3, card (analytic, blank) 4: a node owns the following nodes of a larger rank. */
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
  /** Index among the doc's top-level nodes. */
  index: number;
  /** One past the last top-level node this entry owns. */
  end: number;
  /** Document position just before the node. */
  pos: number;
  /** An analytic, or a card with no cite and no body: the debater's own argument. */
  analytic: boolean;
  totals: Totals;
}

/** The top-level index range [index, end) of the node at index with everything it owns. */
export function unitRange(doc: PMNode, index: number): { index: number; end: number } {
  const rank = rankOf(doc.child(index));
  let end = index + 1;
  while (end < doc.childCount && rankOf(doc.child(end)) > rank) end++;
  return { index, end };
}

/** Every heading, card and analytic of a brief in order (blank lines left out), with the totals of what each owns. */
export function outline(doc: PMNode, wpm: number = DEFAULT_WPM): OutlineEntry[] {
  const positions: number[] = [];
  doc.forEach((_node, offset) => positions.push(offset));
  const words: number[] = [];
  doc.forEach((node) => words.push(node.type.name === 'card' ? wordCounts(node).highlighted : 0));
  const entries: OutlineEntry[] = [];
  doc.forEach((node, _offset, index) => {
    if (node.type.name === 'blank') return;
    const { end } = unitRange(doc, index);
    let cards = 0;
    let highlighted = 0;
    for (let i = index; i < end; i++) {
      if (doc.child(i).type.name === 'card') cards++;
      highlighted += words[i]!;
    }
    const isCard = node.type.name === 'card';
    const isAnalytic = node.type.name === 'analytic';
    entries.push({
      level: isAnalytic ? 'card' : (node.type.name as OutlineLevel),
      title: isCard ? node.firstChild!.textContent : node.textContent,
      index,
      end,
      pos: positions[index]!,
      analytic: isAnalytic || (isCard && node.childCount === 1),
      totals: { cards, highlightedWords: highlighted, seconds: readingSeconds(highlighted, wpm) },
    });
  });
  return entries;
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
