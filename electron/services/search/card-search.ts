// Library search over the FTS5 index (migration 3): ranked by bm25 with the tag weighted most,
// filtered by label, brief and year, each hit with a snippet of its body with the matches marked.
import type Database from 'better-sqlite3';
import { MARK_CLOSE, MARK_OPEN, snippetParts, type SearchHit, type SearchOptions, type SearchResult } from '../../../shared/search.js';
import { matchExpression, parseQuery, plainWords, type ParsedQuery, type Term } from './query-parser.js';

type Db = Database.Database;
type RankParams = { match: string; limit: number; brief: number | null; label: string | null };

// Column numbers in card_fts (see CARD_FTS_TABLE).
const BODY_COLUMN = 7;
const SNIPPET_TOKENS = 28;
// bm25 scores every matching card: past this many matches a query is broad (a word in most
// cards, whose ranking says little), and only its newest matches are ranked, so that the
// answer stays within a frame (16 ms) at 100k cards. Narrow queries are ranked over all matches.
const RANK_ALL_UP_TO = 1500;

interface HitRow {
  id: number;
  tag: string;
  label: string | null;
  short_cite: string;
  full_cite: string;
  snippet: string;
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
  private readonly ranked: Database.Statement<RankParams, { id: number }>;
  private readonly rankedRecent: Database.Statement<RankParams, { id: number }>;
  private readonly matchCount: Database.Statement<{ match: string; cap: number }, { n: number }>;
  private readonly hit: Database.Statement<{ match: string; id: number }, HitRow>;

  constructor(private readonly db: Db) {
    const matching = `
      FROM card_fts
      WHERE card_fts MATCH @match
        AND (@brief IS NULL OR rowid IN (SELECT card_id FROM card_places WHERE brief_id = @brief AND stale <> 1))
        AND (@label IS NULL OR rowid IN (SELECT id FROM cards WHERE label = @label COLLATE NOCASE))`;
    this.ranked = db.prepare(`SELECT rowid AS id ${matching} ORDER BY rank LIMIT @limit`);
    this.rankedRecent = db.prepare(`
      SELECT id FROM (SELECT rowid AS id, rank AS score ${matching} ORDER BY rowid DESC LIMIT ${RANK_ALL_UP_TO})
      ORDER BY score LIMIT @limit`);
    this.matchCount = db.prepare('SELECT count(*) AS n FROM (SELECT 1 FROM card_fts WHERE card_fts MATCH @match LIMIT @cap)');
    this.hit = db.prepare(`
      SELECT c.id, c.tag, c.label, c.short_cite, c.full_cite,
             snippet(card_fts, ${BODY_COLUMN}, '${MARK_OPEN}', '${MARK_CLOSE}', '…', ${SNIPPET_TOKENS}) AS snippet
      FROM card_fts JOIN cards c ON c.id = card_fts.rowid
      WHERE card_fts MATCH @match AND card_fts.rowid = @id`);
  }

  search(options: SearchOptions): SearchResult {
    const started = performance.now();
    const parsed = parseQuery(options.query);
    let readAs: SearchResult['readAs'] = 'query';
    let found = this.run(withFilters(parsed, options), options);
    if (found === 'unreadable') {
      readAs = 'plain-words';
      found = this.run(withFilters(plainWords(options.query), options), options);
    }
    const rows = found === 'unreadable' ? [] : found;
    const hits = rows.slice(0, options.limit);
    return { hits, more: rows.length > options.limit, readAs, tookMs: performance.now() - started };
  }

  private run(query: ParsedQuery, options: SearchOptions): SearchHit[] | 'unreadable' {
    const match = matchExpression(query);
    if (match === null) return [];
    try {
      const broad = this.matchCount.get({ match, cap: RANK_ALL_UP_TO + 1 })!.n > RANK_ALL_UP_TO;
      const params = { match, limit: options.limit + 1, brief: options.briefId ?? null, label: options.label ?? null };
      const ids = (broad ? this.rankedRecent : this.ranked).all(params);
      return ids.flatMap(({ id }) => {
        const row = this.hit.get({ match, id });
        return row ? [toHit(row)] : [];
      });
    } catch (err) {
      // Quoting makes every expression well formed; this is the net under that promise.
      if (err instanceof Error && /fts5|syntax/i.test(err.message)) return 'unreadable';
      throw err;
    }
  }
}

function toHit(row: HitRow): SearchHit {
  return {
    cardId: row.id, tag: row.tag, label: row.label, shortCite: row.short_cite, fullCite: row.full_cite,
    snippet: snippetParts(row.snippet),
  };
}
