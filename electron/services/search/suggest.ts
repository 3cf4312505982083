// "Did you mean Russia mediation?": corrections for a library search that finds nothing, drawn
// from the index's own vocabulary (FTS5's fts5vocab over card_fts), so a suggestion is always a
// word some card holds, and the corrected query is offered only when it finds cards.
import type { Database } from 'better-sqlite3';
import { distance } from '../../../shared/quick-find.js';
import { MAX_QUERY_WORDS } from './query-parser.js';

// Typos a debater makes: up to two edits, more in longer words.
const maxEdits = (word: string) => (word.length <= 4 ? 1 : 2);
// Cards read to find the word a stem stands for: enough to see which form is common.
const SURFACE_SAMPLE = 20;
// A search with field filters, phrases, prefixes or operators is meant as written.
const PLAIN = /^[\p{L}\p{N}\s'’-]+$/u;

export class Suggester {
  private readonly matches;
  private readonly near;
  private readonly surface;

  /** textOf: the words of the card with this index rowid (the index itself keeps no text). */
  constructor(db: Database, private readonly textOf: (rowid: number) => string) {
    // The vocabulary view lives in the connection's temp schema: nothing is written to the library.
    db.exec("CREATE VIRTUAL TABLE IF NOT EXISTS temp.card_vocab USING fts5vocab(main, card_fts, 'row')");
    this.matches = db.prepare<[string], { n: number }>('SELECT count(*) AS n FROM (SELECT 1 FROM card_fts WHERE card_fts MATCH ? LIMIT 1)');
    // Index terms (stems) sharing the word's first letter: the candidates for a correction.
    this.near = db.prepare<[string, string], { term: string; doc: number }>('SELECT term, doc FROM temp.card_vocab WHERE term >= ? AND term < ?');
    // Cards holding a stem, to read the word it is the stem of ("mediat" → "mediation").
    this.surface = db.prepare<[string], { rowid: number }>(`SELECT rowid FROM card_fts WHERE card_fts MATCH ? LIMIT ${SURFACE_SAMPLE}`);
  }

  private finds(query: string): boolean {
    return this.matches.get(query)!.n > 0;
  }

  private correct(word: string): string | null {
    const lower = word.toLowerCase();
    const first = lower[0]!;
    let best: { term: string; edits: number; doc: number } | null = null;
    for (const { term, doc } of this.near.all(first, String.fromCodePoint(first.codePointAt(0)! + 1))) {
      const limit = maxEdits(lower);
      // Stems are shorter than words ("mediat"): compare with the word's start too.
      const edits = Math.min(distance(lower, term, limit), distance(lower.slice(0, term.length + 1), term, limit));
      if (edits > limit) continue;
      // Fewest edits; then the stem that covers more of the word ("mediat" over "media"); then the commoner.
      const better = !best || edits < best.edits || (edits === best.edits && (term.length > best.term.length || (term.length === best.term.length && doc > best.doc)));
      if (better) best = { term, edits, doc };
    }
    if (!best) return null;
    // Of the words those cards write for the stem, the nearest to what was typed, then the commonest.
    const counts = new Map<string, number>();
    for (const { rowid } of this.surface.all(`"${best.term}"`)) {
      for (const w of this.textOf(rowid).match(/[\p{L}\p{N}]+/gu) ?? []) {
        if (w.toLowerCase().startsWith(best.term)) counts.set(w.toLowerCase(), (counts.get(w.toLowerCase()) ?? 0) + 1);
      }
    }
    const near = (w: string) => distance(lower, w, w.length + lower.length);
    const found = [...counts].sort((a, b) => near(a[0]) - near(b[0]) || b[1] - a[1])[0]?.[0];
    return found ?? best.term;
  }

  /** A corrected query that finds cards, or null when the query finds some already or none is near. */
  suggest(query: string): string | null {
    const trimmed = query.trim();
    if (!trimmed || !PLAIN.test(trimmed) || this.finds(quoted(trimmed))) return null;
    const words = trimmed.split(/\s+/);
    // Each word is looked up and maybe corrected: a search too long to run gets no correction.
    if (words.length > MAX_QUERY_WORDS) return null;
    const fixed = words.map((w) => (this.finds(quoted(w)) ? w : this.correct(w) ?? w));
    if (fixed.every((w, i) => w === words[i])) return null;
    const suggestion = fixed.join(' ');
    return this.finds(quoted(suggestion)) ? suggestion : null;
  }
}

/** Each word as an FTS5 string, so no word is read as an operator. */
function quoted(text: string): string {
  return text.split(/\s+/).filter(Boolean).map((w) => `"${w.replace(/"/g, '""')}"`).join(' ');
}
