// What library search answers, as every layer sees it.
import type { CardPlace } from './model.js';

/** A piece of a snippet; marked pieces are the words the query matched. Rendered as text, never HTML. */
export interface SnippetPart {
  text: string;
  marked: boolean;
}

/**
 * One piece of evidence: the best-ranked card holding it, where that card lives, and every
 * place the same evidence (same fingerprint) is filed.
 */
export interface SearchHit {
  cardId: number;
  uid: string;
  briefId: number | null;
  /** null for the cut cards. */
  briefTitle: string | null;
  /** The headings above the card in its brief, joined by " › ". */
  headings: string;
  tag: string;
  label: string | null;
  shortCite: string;
  fullCite: string;
  /** From this hit's own card. */
  snippet: SnippetPart[];
  /** Every card with the same evidence, this one included. */
  places: CardPlace[];
}

// Case and spacing aside, for comparing a heading with the brief's name.
const folded = (s: string) => s.trim().replace(/\s+/g, ' ').toLowerCase();

/**
 * Where a card lives, as a debater reads it: "cut cards", or its brief and the headings above it,
 * the brief's name once (a Verbatim file's pocket or block often repeats the file's name).
 */
export function placeLabel(place: Pick<CardPlace, 'briefTitle' | 'headings'>): string {
  if (place.briefTitle === null) return 'cut cards';
  const title = folded(place.briefTitle);
  const headings = place.headings.split(' › ').filter((h) => h.trim() !== '' && folded(h) !== title);
  return [place.briefTitle, ...headings].join(' › ');
}

export interface SearchOptions {
  query: string;
  limit: number;
  /** Only cards with this argument label ("Non-unique"). */
  label?: string | undefined;
  /** Only cards that sit in this brief. */
  briefId?: number | undefined;
  yearFrom?: number | undefined;
  yearTo?: number | undefined;
}

export interface SearchResult {
  hits: SearchHit[];
  /** More cards match than were returned. */
  more: boolean;
  /** 'plain-words' when the query could not be read as written and its words were searched instead. */
  readAs: 'query' | 'plain-words';
  tookMs: number;
  /** The index is being brought in step in the background: hits come from what it holds so far. */
  indexing?: { done: number; total: number };
}

// Private-use characters: FTS5 puts them around matched words, and no card text holds them.
export const MARK_OPEN = '\uE000';
export const MARK_CLOSE = '\uE001';

/** Splits text with marker characters into plain and marked parts. */
export function snippetParts(text: string): SnippetPart[] {
  const parts: SnippetPart[] = [];
  for (const piece of text.split(MARK_OPEN)) {
    const close = piece.indexOf(MARK_CLOSE);
    if (close < 0) {
      if (piece) parts.push({ text: piece, marked: false });
      continue;
    }
    const marked = piece.slice(0, close);
    const rest = piece.slice(close + 1).replaceAll(MARK_CLOSE, '');
    if (marked) parts.push({ text: marked, marked: true });
    if (rest) parts.push({ text: rest, marked: false });
  }
  return parts;
}
