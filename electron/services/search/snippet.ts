// A hit's snippet, cut from its own card's body text: the index is contentless, so the words come
// from the card as stored, and the matches are found as FTS5 found them (same word splitting,
// case and accents folded, Porter stems, prefixes).
import lunr from 'lunr';
import type { SnippetPart } from '../../../shared/search.js';
import type { ParsedQuery } from './query-parser.js';

/** About as many words as FTS5's snippet() gave before (28 tokens). */
const SNIPPET_WORDS = 28;
// A match is shown a few words into the window, not as its first word.
const LEAD_WORDS = 4;

const fold = (word: string): string => word.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
const stem = (word: string): string => lunr.stemmer(new lunr.Token(word, {})).toString();

interface Needle {
  word: string;
  stem: string;
  prefix: boolean;
}

/** The body words a query looks for: body-wide terms only, not author:, year: or tag: ones. */
function needlesOf(query: ParsedQuery): Needle[] {
  return query.groups.flat()
    .filter((term) => term.field === null)
    .flatMap((term) => term.words.map((w, i) => {
      const word = fold(w);
      return { word, stem: stem(word), prefix: term.prefix && i === term.words.length - 1 };
    }));
}

function matches(token: string, needles: readonly Needle[]): number {
  const word = fold(token);
  return needles.findIndex((n) => (n.prefix ? word.startsWith(n.word) : word === n.word || stem(word) === n.stem));
}

interface Token {
  start: number;
  end: number;
  /** Which needle it matches, -1 for none. */
  needle: number;
}

export function snippetOf(text: string, query: ParsedQuery, words = SNIPPET_WORDS): SnippetPart[] {
  const needles = needlesOf(query);
  const tokens: Token[] = [];
  for (const m of text.matchAll(/[\p{L}\p{N}\p{M}]+/gu)) {
    tokens.push({ start: m.index, end: m.index + m[0].length, needle: needles.length > 0 ? matches(m[0], needles) : -1 });
  }
  if (tokens.length === 0) return [];
  // The window with the most different query words in it; the earliest among equals.
  let best = 0;
  let bestScore = -1;
  for (let i = 0; i < tokens.length; i++) {
    if (tokens[i]!.needle < 0) continue;
    const from = Math.max(0, i - LEAD_WORDS);
    const seen = new Set<number>();
    for (let j = from; j < Math.min(tokens.length, from + words); j++) if (tokens[j]!.needle >= 0) seen.add(tokens[j]!.needle);
    if (seen.size > bestScore) {
      best = from;
      bestScore = seen.size;
    }
  }
  const last = Math.min(tokens.length, best + words) - 1;
  const parts: SnippetPart[] = [];
  const push = (piece: string, marked: boolean) => {
    if (!piece) return;
    const prev = parts[parts.length - 1];
    if (prev && prev.marked === marked) prev.text += piece;
    else parts.push({ text: piece, marked });
  };
  if (best > 0) push('…', false);
  let at = tokens[best]!.start;
  for (let j = best; j <= last; j++) {
    const t = tokens[j]!;
    if (t.needle < 0) continue;
    const gap = text.slice(at, t.start);
    // Matches a space apart read as one marked phrase ("[de facto partition]").
    push(gap, j > best && tokens[j - 1]!.needle >= 0 && /^[^\S\n]+$/.test(gap));
    push(text.slice(t.start, t.end), true);
    at = t.end;
  }
  push(text.slice(at, tokens[last]!.end).replace(/\n+/g, ' '), false);
  if (last < tokens.length - 1) push('…', false);
  return parts.map((p) => ({ ...p, text: p.text.replace(/\s*\n+\s*/g, ' ') }));
}
