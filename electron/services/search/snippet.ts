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
// Once a match is found, a window holding more of the query's words is looked for this far on:
// a 6,000-word card is not read to its end for a better snippet.
const LOOK_AHEAD_WORDS = 1500;

// Accents are folded as FTS5's remove_diacritics does; most words are ASCII and skip that work.
const fold = (word: string): string => {
  const lower = word.toLowerCase();
  return /^[\x00-\x7f]*$/.test(lower) ? lower : lower.normalize('NFD').replace(/\p{M}/gu, '');
};
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

function matches(token: string, needles: readonly Needle[], stems: Map<string, string>): number {
  const word = fold(token);
  return needles.findIndex((n) => {
    if (n.prefix) return word.startsWith(n.word);
    if (word === n.word) return true;
    // Stemming every word of a long card is the cost of a snippet: a Porter stem keeps the word's
    // first letters, so only words sharing them are stemmed.
    if (word[0] !== n.stem[0] || word[1] !== n.stem[1]) return false;
    let stemmed = stems.get(word);
    if (stemmed === undefined) stems.set(word, (stemmed = stem(word)));
    return stemmed === n.stem;
  });
}

interface Token {
  start: number;
  end: number;
  /** Which needle it matches, -1 for none. */
  needle: number;
}

export function snippetOf(text: string, query: ParsedQuery, words = SNIPPET_WORDS): SnippetPart[] {
  const needles = needlesOf(query);
  const stems = new Map<string, string>();
  const tokens: Token[] = [];
  const wordRe = /[\p{L}\p{N}\p{M}]+/gu;
  const next = (): boolean => {
    const m = wordRe.exec(text);
    if (!m) return false;
    tokens.push({ start: m.index, end: m.index + m[0].length, needle: needles.length > 0 ? matches(m[0], needles, stems) : -1 });
    return true;
  };
  // The window with the most different query words in it, the earliest among equals, found in
  // one pass that stops once a window holds them all: a window of `words` tokens slides over the
  // text, counting the needles inside it.
  const inWindow = new Array<number>(needles.length).fill(0);
  let distinct = 0;
  let best = 0;
  let bestScore = 0;
  let foundAt = -1;
  for (let end = 0; bestScore < needles.length && (foundAt < 0 || end - foundAt < LOOK_AHEAD_WORDS) && next(); end++) {
    const entering = tokens[end]!.needle;
    if (entering >= 0 && (inWindow[entering] = inWindow[entering]! + 1) === 1) distinct++;
    const start = end - words + 1;
    if (start > 0) {
      const leaving = tokens[start - 1]!.needle;
      if (leaving >= 0 && (inWindow[leaving] = inWindow[leaving]! - 1) === 0) distinct--;
    }
    if (distinct > bestScore) {
      if (foundAt < 0) foundAt = end;
      bestScore = distinct;
      // Show the first match a few words in, not as the window's first word.
      let first = Math.max(0, start);
      while (tokens[first]!.needle < 0) first++;
      best = Math.max(0, first - LEAD_WORDS);
    }
  }
  while (tokens.length < best + words && next());
  if (tokens.length === 0) return [];
  const more = wordRe.exec(text) !== null;
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
  if (last < tokens.length - 1 || more) push('…', false);
  return parts.map((p) => ({ ...p, text: p.text.replace(/\s*\n+\s*/g, ' ') }));
}
