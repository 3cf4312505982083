// Quick find over the open briefs and speech doc (in the renderer): the headings, tags and
// cites, found as you type, with stemming and one typo per word forgiven. Each hit says where it
// is (brief and top-level node), so the editor can jump there. The index is built once a session
// and changed a brief at a time (put, remove), so a saved brief costs what that brief costs.
import lunr from 'lunr';
import type { DocJSON } from './model.js';

export interface QuickFindSource {
  briefId: number;
  title: string;
  doc: DocJSON;
}

export type QuickFindKind = 'pocket' | 'hat' | 'block' | 'card';

export interface QuickFindHit {
  briefId: number;
  briefTitle: string;
  /** Index of the node in the brief's doc.content. */
  index: number;
  kind: QuickFindKind;
  /** The heading, or the card's tag. */
  text: string;
  cite: string;
}

const KINDS = new Set<string>(['pocket', 'hat', 'block', 'card']);

const textOf = (node: DocJSON | undefined): string => node?.text ?? (node?.content ?? []).map(textOf).join('');
const wordsOf = (text: string) => text.toLowerCase().split(/[^\p{L}\p{N}]+/u).filter((w) => w.length > 0);
const stem = (word: string) => lunr.stemmer(new lunr.Token(word, {})).toString();

/** Levenshtein distance, giving up (returning max + 1) once it exceeds max. */
export function distance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) row[j] = Math.min(prev[j]! + 1, row[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    if (Math.min(...row) > max) return max + 1;
    prev = row;
  }
  return prev[b.length]!;
}

/**
 * Levenshtein distance at most 1, without the table: past the common start, the rest must be
 * equal after one letter changed, added or dropped. Quick find asks this of every word it holds
 * at each keystroke of a typo, so it allocates nothing.
 */
export function withinOneEdit(a: string, b: string): boolean {
  if (Math.abs(a.length - b.length) > 1) return false;
  let i = 0;
  while (i < a.length && i < b.length && a.charCodeAt(i) === b.charCodeAt(i)) i++;
  const skipA = a.length >= b.length ? 1 : 0;
  const skipB = b.length >= a.length ? 1 : 0;
  for (let j = i + skipA, k = i + skipB; j < a.length || k < b.length; j++, k++) if (a.charCodeAt(j) !== b.charCodeAt(k)) return false;
  return true;
}

/** A query word with its stem, worked out once per search rather than once per vocabulary word. */
interface Word { word: string; stem: string }
type Matcher = (word: Word, token: string, tokenStem: string) => boolean;

// Exact: same stem, or the start of a longer word (typing is still going on). One letter is
// the start of a word only for a word that is just that letter: as a start it is most of the
// index, and finds nothing worth reading.
const exactMatch: Matcher = ({ word, stem: wordStem }, token, tokenStem) =>
  (word.length > 1 ? token.startsWith(word) : token === word) || tokenStem === wordStem;
// Forgiving: one edit away from the word, its stem, or the start of a word ("Rusia" → "Russian").
const typoMatch: Matcher = ({ word, stem: wordStem }, token, tokenStem) =>
  word.length >= 3 &&
  (withinOneEdit(word, token) ||
    withinOneEdit(wordStem, tokenStem) ||
    [word.length - 1, word.length, word.length + 1].some((n) => n >= 3 && n < token.length && withinOneEdit(word, token.slice(0, n))));

// A word in the heading or tag counts three times a word of the cite.
const TEXT_WEIGHT = 3;
const CITE_WEIGHT = 1;
// Dead entries (of briefs since changed) are swept out of the postings once they outnumber this and the live ones.
const SWEEP_AT = 10_000;

/**
 * An inverted index of the outline entries, mutable a brief at a time. Postings hold entry
 * numbers (doubled, plus one when the word is in the heading or tag): a brief put again gets new
 * numbers and its old entries are marked dead, to be swept out of the postings in bulk later.
 * Why not lunr: its index is immutable, so every saved brief would rebuild every brief's index.
 */
export class QuickFind {
  private readonly entries: (QuickFindHit | null)[] = [];
  private readonly entriesOfBrief = new Map<number, number[]>();
  private readonly postings = new Map<string, number[]>();
  private readonly stems = new Map<string, string>();
  private live = 0;
  private dead = 0;

  static build(sources: readonly QuickFindSource[]): QuickFind {
    const index = new QuickFind();
    for (const source of sources) index.put(source);
    return index;
  }

  /** Indexes a brief's outline in place of what was indexed for it. */
  put(source: QuickFindSource): void {
    this.remove(source.briefId);
    const numbers: number[] = [];
    (source.doc.content ?? []).forEach((node, index) => {
      if (!KINDS.has(node.type)) return;
      const kind = node.type as QuickFindKind;
      const card = kind === 'card';
      const text = card ? textOf(node.content?.find((n) => n.type === 'tag')) : textOf(node);
      const cite = card ? textOf(node.content?.find((n) => n.type === 'cite')) : '';
      if (!text.trim() && !cite.trim()) return;
      const n = this.entries.push({ briefId: source.briefId, briefTitle: source.title, index, kind, text, cite }) - 1;
      numbers.push(n);
      const inText = new Set(wordsOf(text));
      for (const token of new Set([...inText, ...wordsOf(cite)])) this.post(token, n * 2 + (inText.has(token) ? 1 : 0));
    });
    this.entriesOfBrief.set(source.briefId, numbers);
    this.live += numbers.length;
  }

  /** Forgets a brief's entries (the brief was deleted, or is being put again). */
  remove(briefId: number): void {
    const numbers = this.entriesOfBrief.get(briefId);
    if (!numbers) return;
    for (const n of numbers) this.entries[n] = null;
    this.entriesOfBrief.delete(briefId);
    this.live -= numbers.length;
    this.dead += numbers.length;
    if (this.dead > SWEEP_AT && this.dead > this.live) this.sweep();
  }

  /** Hits for every word of the query; typos are forgiven only when the exact words find nothing. */
  find(query: string, limit = 20): QuickFindHit[] {
    // Each entry counts the words it holds in a byte: a query of more words is cut there.
    const words = wordsOf(query).slice(0, 255).map((word) => ({ word, stem: stem(word) }));
    if (words.length === 0) return [];
    const exact = this.search(words, exactMatch, limit);
    return exact.length > 0 ? exact : this.search(words, typoMatch, limit);
  }

  private post(token: string, posting: number): void {
    const list = this.postings.get(token);
    if (list) list.push(posting);
    else {
      this.postings.set(token, [posting]);
      if (!this.stems.has(token)) this.stems.set(token, stem(token));
    }
  }

  private sweep(): void {
    for (const [token, list] of this.postings) {
      const kept = list.filter((p) => this.entries[p >> 1] !== null);
      if (kept.length > 0) this.postings.set(token, kept);
      else {
        this.postings.delete(token);
        this.stems.delete(token);
      }
    }
    this.dead = 0;
  }

  private search(words: readonly Word[], matches: Matcher, limit: number): QuickFindHit[] {
    const expansions = words.map((w) => {
      const tokens: string[] = [];
      for (const [token, tokenStem] of this.stems) if (matches(w, token, tokenStem)) tokens.push(token);
      return tokens;
    });
    if (expansions.some((e) => e.length === 0)) return [];
    // Per entry: how many of the words it holds so far, and its score. An entry scores, for each
    // word, its best-weighted matching word, rarer words weighing more.
    const size = this.entries.length;
    const held = new Uint8Array(size);
    const score = new Float64Array(size);
    const best = new Float64Array(size);
    let candidates: number[] = [];
    expansions.forEach((tokens, w) => {
      const touched: number[] = [];
      for (const token of tokens) {
        const list = this.postings.get(token) ?? [];
        const rarity = Math.log(1 + (this.live + 1) / list.length);
        for (const posting of list) {
          const n = posting >> 1;
          if (held[n] !== w) continue;
          const weight = ((posting & 1) === 1 ? TEXT_WEIGHT : CITE_WEIGHT) * rarity;
          if (best[n] === 0) touched.push(n);
          if (weight > best[n]!) best[n] = weight;
        }
      }
      for (const n of touched) {
        held[n] = w + 1;
        score[n]! += best[n]!;
        best[n] = 0;
      }
      candidates = touched;
    });
    // The best `limit` entries, kept in order as they are found (ties: the brief's own order).
    const top: number[] = [];
    for (const n of candidates) {
      if (this.entries[n] === null) continue;
      const last = top[top.length - 1];
      if (top.length === limit && (score[n]! < score[last!]! || (score[n] === score[last!] && n > last!))) continue;
      let at = top.length;
      while (at > 0 && (score[top[at - 1]!]! < score[n]! || (score[top[at - 1]!]! === score[n]! && top[at - 1]! > n))) at--;
      top.splice(at, 0, n);
      if (top.length > limit) top.pop();
    }
    return top.map((n) => this.entries[n]!);
  }
}
