// The search box's little language, read leniently: words (all must match), "exact phrases",
// prefixes (partit*), fields (author: label: year: tag: cite: block:), -excluded, OR.
// Whatever the user types becomes a well-formed FTS5 expression: every word is quoted, so no
// input can be a syntax error; what cannot be read as an operator is read as words.
import { splitLabel } from '../../../shared/tag-label.js';

export type Field = 'tag' | 'label' | 'author' | 'cite' | 'year' | 'headings';

const FIELDS: Record<string, Field> = {
  tag: 'tag', label: 'label', author: 'author', by: 'author', cite: 'cite', year: 'year',
  block: 'headings', brief: 'headings',
};

export interface Term {
  field: Field | null;
  /** Tokens of one word or phrase; several tokens must appear in this order. */
  words: string[];
  prefix: boolean;
  /** Alternatives for year ranges: any of these years. */
  anyOf?: string[];
}

export interface ParsedQuery {
  /** Every group must match; within a group any term (OR). */
  groups: Term[][];
  excluded: Term[];
}

/** The letters-and-digits runs of a text, as the unicode61 tokenizer splits it. */
export function words(text: string): string[] {
  return text.toLowerCase().split(/[^\p{L}\p{N}\p{M}]+/u).filter((w) => w.length > 0);
}

interface Token {
  text: string;
  quoted: boolean;
  negated: boolean;
  field: Field | null;
}

// Splits the input into tokens; an unclosed quote runs to the end of the input.
function tokenize(input: string): Token[] {
  const tokens: Token[] = [];
  // An unclosed quote is not a phrase: its words are read one by one.
  const re = /(-?)(?:([A-Za-z]+):)?(?:"([^"]*)"|"?(\S+))/g;
  for (const m of input.matchAll(re)) {
    const [, minus, fieldName, quoted, bare] = m;
    const field = fieldName ? FIELDS[fieldName.toLowerCase()] : undefined;
    if (fieldName && !field) {
      // An unknown field is just more words: "foo:bar" searches foo and bar.
      tokens.push({ text: `${fieldName} ${quoted ?? bare ?? ''}`, quoted: false, negated: minus === '-', field: null });
      continue;
    }
    tokens.push({ text: quoted ?? bare ?? '', quoted: quoted !== undefined, negated: minus === '-', field: field ?? null });
  }
  return tokens;
}

function yearTerm(text: string): Term | null {
  const range = /^(\d{2}|\d{4})(?:\s*(?:-|–|\.\.)\s*(\d{2}|\d{4}))?$/.exec(text.trim());
  if (!range) return null;
  const from = fullYear(range[1]!);
  const to = range[2] ? fullYear(range[2]) : from;
  if (to < from || to - from > 100) return null;
  const years = Array.from({ length: to - from + 1 }, (_, i) => String(from + i));
  return { field: 'year', words: [years[0]!], prefix: false, anyOf: years };
}

/** Two-digit years as debaters write them in short cites ("Choi 21"). */
export function fullYear(text: string): number {
  const n = Number(text);
  if (text.length > 2) return n;
  return n < 50 ? 2000 + n : 1900 + n;
}

function termOf(token: Token): Term[] {
  if (token.field === 'year') {
    const year = yearTerm(token.text);
    if (year) return [year];
  }
  if (token.field === 'label') {
    // "label:nu" or "label:non-unique": the label as the store spells it.
    const label = splitLabel(`${token.text}: x`).label ?? token.text;
    return [{ field: 'label', words: words(label), prefix: false }];
  }
  const prefix = !token.quoted && token.text.endsWith('*');
  const tokens = words(token.text);
  if (tokens.length === 0) return [];
  // A quoted phrase, or a word with inner punctuation (Dara'a, non-unique), keeps its order.
  if (token.quoted || /^[\p{L}\p{N}\p{M}]+(?:[^\s\p{L}\p{N}\p{M}]+[\p{L}\p{N}\p{M}]+)+\*?$/u.test(token.text)) {
    return [{ field: token.field, words: tokens, prefix }];
  }
  return tokens.map((w, i) => ({ field: token.field, words: [w], prefix: prefix && i === tokens.length - 1 }));
}

export function parseQuery(input: string): ParsedQuery {
  const groups: Term[][] = [];
  const excluded: Term[] = [];
  let joinNext = false;
  let negateNext = false;
  for (const token of tokenize(input)) {
    const operator = !token.quoted && !token.negated && token.field === null ? token.text : '';
    if (operator === 'OR') {
      joinNext = groups.length > 0;
      continue;
    }
    if (operator === 'AND') continue;
    if (operator === 'NOT') {
      negateNext = true;
      continue;
    }
    if (negateNext) {
      token.negated = true;
      negateNext = false;
    }
    const terms = termOf(token);
    if (terms.length === 0) continue;
    if (token.negated) {
      excluded.push(...terms);
      joinNext = false;
      continue;
    }
    if (joinNext) {
      // "a b OR c": the OR joins its neighbours, b and c (the first of several words only).
      groups[groups.length - 1]!.push(terms[0]!);
      groups.push(...terms.slice(1).map((t) => [t]));
    } else {
      groups.push(...terms.map((t) => [t]));
    }
    joinNext = false;
  }
  return { groups, excluded };
}

// A query's cost grows faster than its words: FTS5 merges every word's postings, and a prefix
// merges those of every indexed word it begins (measured on 5,000 bench cards: 8 two-letter
// prefixes 0.7 s, 32 of them 2.8 s, 128 of them 17 s; 666 took 100 s on 23,000 cards). A tag
// pasted whole is rarely over 64 words; a debater types a prefix or two, never a single letter.
/** The most words a search reads (phrase words and excluded words included). */
export const MAX_QUERY_WORDS = 64;
/** The most prefixes (partit*) in one search. */
export const MAX_PREFIXES = 4;
/** The fewest letters before a prefix's star: `a*` is every word starting with a. */
export const MIN_PREFIX_LETTERS = 2;

/** Why the query is too costly to run, in words the user can act on; null when it is not. */
export function costlyQuery(query: ParsedQuery): string | null {
  const terms = [...query.groups.flat(), ...query.excluded];
  const count = terms.reduce((n, term) => n + term.words.length, 0);
  if (count > MAX_QUERY_WORDS) return `This search has ${count.toLocaleString('en-US')} words; at most ${MAX_QUERY_WORDS} can be searched. Shorten it.`;
  const prefixes = terms.filter((term) => term.prefix);
  if (prefixes.length > MAX_PREFIXES) return `This search has ${prefixes.length} prefixes (words ending in *); at most ${MAX_PREFIXES} can be searched. Write some words out in full.`;
  const short = prefixes.find((term) => term.words[term.words.length - 1]!.length < MIN_PREFIX_LETTERS);
  if (short) return `“${short.words.join(' ')}*” begins too many words to search: give at least ${MIN_PREFIX_LETTERS} letters before the *.`;
  return null;
}

/** Words only, no operators: what a query that could not be used is searched as. */
export function plainWords(input: string): ParsedQuery {
  return { groups: words(input).map((w) => [{ field: null, words: [w], prefix: false }]), excluded: [] };
}

const quote = (ws: readonly string[]) => `"${ws.join(' ')}"`;

function termExpression(term: Term): string {
  const body = term.anyOf ? `(${term.anyOf.map((w) => quote([w])).join(' OR ')})` : `${quote(term.words)}${term.prefix ? '*' : ''}`;
  return term.field ? `${term.field} : ${body}` : body;
}

/** The FTS5 MATCH expression of a parsed query; null when nothing is required to match. */
export function matchExpression(query: ParsedQuery): string | null {
  if (query.groups.length === 0) return null;
  const required = query.groups
    .map((group) => (group.length === 1 ? termExpression(group[0]!) : `(${group.map(termExpression).join(' OR ')})`))
    .join(' AND ');
  const excluded = excludedExpression(query);
  return excluded === null ? required : `(${required}) NOT (${excluded})`;
}

/** Any of the query's excluded terms, as an FTS5 expression; null when it excludes nothing. */
export function excludedExpression(query: ParsedQuery): string | null {
  return query.excluded.length === 0 ? null : query.excluded.map(termExpression).join(' OR ');
}
