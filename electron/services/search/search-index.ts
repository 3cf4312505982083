// The search index's health: checked cheaply at open, refreshed from the cards when it is
// missing, out of step, corrupt, or made by older rules. Writes keep it current: the store
// indexes each card it writes. A refresh runs in short transactions, so writes from the app wait
// at most one of them, and a search meanwhile answers from what the index holds.
import type Database from 'better-sqlite3';
import { DERIVED_VERSION } from '../library/card-content.js';
import { CARD_FTS_TABLES } from '../library/migrations.js';
import type { CardRow, CardStore } from '../library/card-store.js';
import { dropIndexTables, INDEX_TABLE_NAMES, indexTablesExist } from './card-index.js';

type Db = Database.Database;

export type IndexState = 'ok' | 'missing' | 'stale' | 'corrupt';

export interface RebuildProgress {
  done: number;
  total: number;
}

interface IdSummary { n: number; low: number; top: number; sum: number }
const SUMMARY = 'count(*) AS n, coalesce(min(id), 0) AS low, coalesce(max(id), 0) AS top, coalesce(sum(id), 0) AS sum';

/**
 * Fast enough for every open: both index tables exist, answer a query, hold one row for each
 * card (the same count, lowest, highest and sum of ids: a card missing and another extra is
 * seen), and no card was derived by older rules. `thorough` adds FTS5's integrity check, which
 * reads it all.
 */
export function checkIndex(db: Db, options: { thorough?: boolean } = {}): IndexState {
  if (!indexTablesExist(db)) return 'missing';
  try {
    const cards = db.prepare(`SELECT ${SUMMARY} FROM cards`).get() as IdSummary;
    let inStep = true;
    for (const table of Object.values(INDEX_TABLE_NAMES)) {
      // One word, not a prefix: FTS5 reads a word's postings as it goes, but merges every posting
      // of every word a prefix begins before its first row (9.5 s of 'a*' at 1M cards).
      db.prepare(`SELECT rowid FROM ${table} WHERE ${table} MATCH '"a"' LIMIT 1`).all();
      if (options.thorough) db.prepare(`INSERT INTO ${table} (${table}, rank) VALUES ('integrity-check', 1)`).run();
      // The docsize table holds one row per indexed card: summing it does not read the index.
      const indexed = db.prepare(`SELECT ${SUMMARY} FROM ${table}_docsize`).get() as IdSummary;
      inStep &&= indexed.n === cards.n && indexed.low === cards.low && indexed.top === cards.top && indexed.sum === cards.sum;
    }
    return inStep && !db.prepare('SELECT 1 FROM cards WHERE derived < ? LIMIT 1').get(DERIVED_VERSION) ? 'ok' : 'stale';
  } catch (err) {
    if (err instanceof Error && /corrupt|malformed|fts5|no such table/i.test(err.message)) return 'corrupt';
    throw err;
  }
}

/** Cards a transaction of a refresh handles: about a second of work, so a save waits no longer. */
const BATCH = 500;

/**
 * Brings the index in step with the cards: a missing or corrupt index is made again (empty) and
 * filled; cards without an index row, or derived by older rules, are (re)derived; index rows of
 * cards that are gone are removed. Each batch is its own transaction: a card written meanwhile
 * by another connection indexes itself, and the next batch reads it as it then is.
 */
export function refreshIndex(db: Db, cards: CardStore, onProgress: (p: RebuildProgress) => void = () => {}): IndexState {
  const state = checkIndex(db);
  if (state === 'ok') return state;
  if (state !== 'stale') {
    db.transaction(() => {
      dropIndexTables(db);
      db.exec(CARD_FTS_TABLES);
    }).immediate();
  }
  // Found from indexes only (cards_derived holds every id): reading cards' rows for their
  // last column would read every card's content.
  const pending = db.prepare(`SELECT id FROM cards WHERE derived < ?
      UNION SELECT id FROM (SELECT id FROM cards EXCEPT SELECT id FROM card_fts_docsize)
      UNION SELECT id FROM (SELECT id FROM cards EXCEPT SELECT id FROM card_fts_about_docsize)`)
    .pluck().all(DERIVED_VERSION) as number[];
  pending.sort((a, b) => a - b);
  const batch = db.prepare(`SELECT c.*, EXISTS (SELECT 1 FROM card_fts_docsize d WHERE d.id = c.id) AS in_all,
      EXISTS (SELECT 1 FROM card_fts_about_docsize d WHERE d.id = c.id) AS in_about
    FROM cards c WHERE c.id IN (SELECT value FROM json_each(?)) ORDER BY c.id`);
  for (let at = 0; at < pending.length; at += BATCH) {
    db.transaction(() => {
      // A card deleted since is not found; one written since indexed itself and is put again.
      for (const row of batch.all(JSON.stringify(pending.slice(at, at + BATCH))) as (CardRow & { in_all: number; in_about: number })[]) {
        cards.rederive(row, { all: row.in_all === 1, about: row.in_about === 1 });
      }
    }).immediate();
    onProgress({ done: Math.min(at + BATCH, pending.length), total: pending.length });
  }
  db.transaction(() => {
    for (const table of Object.values(INDEX_TABLE_NAMES)) {
      const remove = db.prepare(`DELETE FROM ${table} WHERE rowid = ?`);
      for (const id of db.prepare(`SELECT id FROM ${table}_docsize EXCEPT SELECT id FROM cards`).pluck().all() as number[]) remove.run(id);
    }
  }).immediate();
  return state;
}

/** Makes the index again from every card (the bench's rebuild row; a corrupt index at open). */
export function rebuildIndex(db: Db, cards: CardStore, onProgress?: (p: RebuildProgress) => void): void {
  db.transaction(() => dropIndexTables(db)).immediate();
  refreshIndex(db, cards, onProgress);
}

/** Checks the index and refreshes it when needed, on this thread; resolves with what was found. */
export async function ensureIndex(db: Db, cards: CardStore, onProgress?: (p: RebuildProgress) => void): Promise<IndexState> {
  return refreshIndex(db, cards, onProgress);
}
