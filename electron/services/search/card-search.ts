// Library search over the FTS5 index. The ranking rule (ARCHITECTURE.md): cards whose tag, cite,
// author, year, label or headings hold every query term come first, then cards that need their
// body to match; within each tier, bm25 over all of that tier's matches with the tag weighted
// most. The first tier is what debaters search for (a name, a claim) and is small, so a broad
// word ranks its tag matches without scoring every body that mentions it. Hits are grouped by
// fingerprint: the same evidence filed in several places is one hit listing its places.
import type Database from 'better-sqlite3';
import { type SearchHit, type SearchOptions, type SearchResult } from '../../../shared/search.js';
import { bodyTextOf, decodeContent } from '../library/card-content.js';
import type { CardStore } from '../library/card-store.js';
import { LibraryError } from '../library/library-error.js';
import { costlyQuery, excludedExpression, matchExpression, parseQuery, plainWords, type ParsedQuery, type Term } from './query-parser.js';
import { snippetOf } from './snippet.js';

type Db = Database.Database;
type RankParams = { match: string; excluded: string | null; limit: number; offset: number; brief: number | null; label: string | null };

// bm25 weights in column order. card_fts: tag, label, author, cite, year, body, headings;
// card_fts_about, the first tier's: the same without the body.
const BM25_ALL = 'bm25(card_fts, 10.0, 5.0, 4.0, 3.0, 2.0, 1.0, 2.0)';
const BM25_ABOUT = 'bm25(card_fts_about, 10.0, 5.0, 4.0, 3.0, 2.0, 2.0)';

interface HitRow {
  id: number; uid: string; brief_id: number | null; brief_title: string | null; headings: string;
  tag: string; label: string | null; short_cite: string; full_cite: string; fingerprint: string; content: Buffer;
}

/** Filters become more required terms: the index answers them without touching other tables. */
function withFilters(query: ParsedQuery, options: SearchOptions): ParsedQuery {
  const groups = [...query.groups];
  if (options.label) groups.push([{ field: 'label', words: options.label.toLowerCase().split(/[^\p{L}\p{N}]+/u).filter(Boolean), prefix: false }]);
  if (options.yearFrom !== undefined || options.yearTo !== undefined) {
    const from = options.yearFrom ?? options.yearTo!;
    const to = Math.min(options.yearTo ?? options.yearFrom!, from + 200);
    const anyOf = Array.from({ length: Math.max(0, to - from + 1) }, (_, i) => String(from + i));
    const year: Term = { field: 'year', words: [anyOf[0] ?? String(from)], prefix: false, anyOf };
    groups.push([year]);
  }
  return { groups, excluded: query.excluded };
}

export class CardSearch {
  /** Each tier's ranked ids: the first reads card_fts_about, so it never reads body postings. */
  private readonly ranked: Record<'about' | 'anywhere', Database.Statement<RankParams, { id: number }>>;
  private readonly hit: Database.Statement<[number], HitRow>;

  constructor(db: Db, private readonly cards: CardStore) {
    const filters = `
        AND (@brief IS NULL OR rowid IN (SELECT id FROM cards WHERE brief_id = @brief))
        AND (@label IS NULL OR rowid IN (SELECT id FROM cards WHERE label = @label COLLATE NOCASE))`;
    this.ranked = {
      // Words a query excludes count anywhere, the body too.
      about: db.prepare(`
        SELECT rowid AS id FROM card_fts_about
        WHERE card_fts_about MATCH @match
          AND (@excluded IS NULL OR rowid NOT IN (SELECT rowid FROM card_fts WHERE card_fts MATCH @excluded)) ${filters}
        ORDER BY ${BM25_ABOUT} LIMIT @limit OFFSET @offset`),
      anywhere: db.prepare(`
        SELECT rowid AS id FROM card_fts
        WHERE card_fts MATCH @match ${filters}
        ORDER BY ${BM25_ALL} LIMIT @limit OFFSET @offset`),
    };
    this.hit = db.prepare(`
      SELECT c.id, c.uid, c.brief_id, b.title AS brief_title, c.headings, c.tag, c.label, c.short_cite, c.full_cite,
             c.fingerprint, c.content
      FROM cards c LEFT JOIN briefs b ON b.id = c.brief_id WHERE c.id = ?`);
  }

  search(options: SearchOptions): SearchResult {
    const started = performance.now();
    const parsed = parseQuery(options.query);
    const costly = costlyQuery(parsed);
    if (costly) throw new LibraryError('invalid', costly);
    let readAs: SearchResult['readAs'] = 'query';
    let query = parsed;
    let found = this.run(withFilters(parsed, options), options);
    if (found === 'unreadable') {
      readAs = 'plain-words';
      query = plainWords(options.query);
      found = this.run(withFilters(query, options), options);
    }
    const rows = found === 'unreadable' ? [] : found;
    const hits = rows.slice(0, options.limit).map((row) => this.toHit(row, query));
    return { hits, more: rows.length > options.limit, readAs, tookMs: performance.now() - started };
  }

  /** The best card of each of the first limit + 1 pieces of evidence, in rank order. */
  private run(query: ParsedQuery, options: SearchOptions): HitRow[] | 'unreadable' {
    const about = matchExpression({ groups: query.groups, excluded: [] });
    const anywhere = matchExpression(query);
    if (about === null || anywhere === null) return [];
    const excluded = excludedExpression(query);
    const want = options.limit + 1;
    const filter = { brief: options.briefId ?? null, label: options.label ?? null };
    const groups = new Map<string, HitRow>();
    const seen = new Set<number>();
    try {
      // The second tier's expression holds the exclusions itself.
      const tiers = [{ ranked: this.ranked.about, match: about }, { ranked: this.ranked.anywhere, match: anywhere }];
      for (const tier of tiers) {
        // Pages grow, so a tier read to its end costs few queries; bm25 orders each page the same.
        for (let offset = 0, page = want * 2 + 20; groups.size < want; offset += page, page *= 4) {
          const ids = tier.ranked.all({ match: tier.match, excluded, limit: page, offset, ...filter });
          for (const { id } of ids) {
            if (seen.has(id)) continue;
            seen.add(id);
            const row = this.hit.get(id);
            if (row && !groups.has(row.fingerprint)) groups.set(row.fingerprint, row);
            if (groups.size >= want) break;
          }
          if (ids.length < page) break;
        }
        if (groups.size >= want) break;
      }
    } catch (err) {
      // Quoting makes every expression well formed; this is the net under that promise.
      if (err instanceof Error && /fts5|syntax/i.test(err.message)) return 'unreadable';
      throw err;
    }
    return [...groups.values()];
  }

  private toHit(row: HitRow, query: ParsedQuery): SearchHit {
    const text = bodyTextOf(decodeContent(row.content));
    return {
      cardId: row.id, uid: row.uid, briefId: row.brief_id, briefTitle: row.brief_title, headings: row.headings,
      tag: row.tag, label: row.label, shortCite: row.short_cite, fullCite: row.full_cite,
      snippet: snippetOf(text, query),
      places: this.cards.placesOf(row.fingerprint),
    };
  }
}
