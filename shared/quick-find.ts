// Quick find over the open briefs and speech doc (lunr, in the renderer): the headings, tags
// and cites, found as you type, with stemming and one typo per word forgiven. Each hit says
// where it is (brief and top-level node), so the editor can jump there.
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

// Exact: same stem, or the start of a longer word (typing is still going on).
const exactMatch = (word: string, token: string) => token.startsWith(word) || stem(token) === stem(word);
// Forgiving: one edit away from the word, its stem, or the start of a word ("Rusia" → "Russian").
const typoMatch = (word: string, token: string) =>
  word.length >= 3 &&
  (distance(word, token, 1) <= 1 ||
    distance(stem(word), stem(token), 1) <= 1 ||
    [word.length - 1, word.length, word.length + 1].some((n) => n >= 3 && n < token.length && distance(word, token.slice(0, n), 1) <= 1));

export class QuickFind {
  private constructor(
    private readonly index: lunr.Index,
    private readonly hits: Map<string, QuickFindHit>,
    private readonly vocabulary: readonly string[],
  ) {}

  static build(sources: readonly QuickFindSource[]): QuickFind {
    const hits = new Map<string, QuickFindHit>();
    const vocabulary = new Set<string>();
    const builder = new lunr.Builder();
    // Words are kept as typed (lowercased); stems and typos are matched at query time.
    builder.pipeline.add(lunr.trimmer);
    builder.ref('ref');
    builder.field('text', { boost: 3 });
    builder.field('cite');
    for (const source of sources) {
      (source.doc.content ?? []).forEach((node, index) => {
        if (!KINDS.has(node.type)) return;
        const kind = node.type as QuickFindKind;
        const card = kind === 'card';
        const text = card ? textOf(node.content?.find((n) => n.type === 'tag')) : textOf(node);
        const cite = card ? textOf(node.content?.find((n) => n.type === 'cite')) : '';
        if (!text.trim() && !cite.trim()) return;
        const ref = `${source.briefId}:${index}`;
        hits.set(ref, { briefId: source.briefId, briefTitle: source.title, index, kind, text, cite });
        builder.add({ ref, text: wordsOf(text).join(' '), cite: wordsOf(cite).join(' ') });
        for (const w of wordsOf(`${text} ${cite}`)) vocabulary.add(w);
      });
    }
    return new QuickFind(builder.build(), hits, [...vocabulary]);
  }

  /** Hits for every word of the query; typos are forgiven only when the exact words find nothing. */
  find(query: string, limit = 20): QuickFindHit[] {
    const words = wordsOf(query);
    if (words.length === 0) return [];
    const exact = this.search(words, exactMatch, limit);
    return exact.length > 0 ? exact : this.search(words, typoMatch, limit);
  }

  private search(words: string[], matches: (word: string, token: string) => boolean, limit: number): QuickFindHit[] {
    const expansions = words.map((w) => new Set(this.vocabulary.filter((token) => matches(w, token))));
    if (expansions.some((e) => e.size === 0)) return [];
    const results = this.index.query((q) => {
      for (const token of new Set(expansions.flatMap((e) => [...e]))) q.term(token, { usePipeline: false });
    });
    return results
      .filter((r) => {
        const found = Object.keys(r.matchData.metadata);
        return expansions.every((e) => found.some((t) => e.has(t)));
      })
      .slice(0, limit)
      .flatMap((r) => this.hits.get(r.ref) ?? []);
  }
}
