// The search index's health: checked cheaply at open, rebuilt from the cards when it is missing,
// out of step or corrupt. Writes keep it current: the store indexes each card it writes.
import type Database from 'better-sqlite3';
import { CARD_FTS_TABLE } from '../library/migrations.js';
import type { CardRow, CardStore } from '../library/card-store.js';
import { CardIndex } from './card-index.js';

type Db = Database.Database;

export type IndexState = 'ok' | 'missing' | 'stale' | 'corrupt';

export interface RebuildProgress {
  done: number;
  total: number;
}

/**
 * Fast enough for every open: the index exists, answers a query, and holds one row per card.
 * `thorough` adds FTS5's integrity check, which reads it all.
 */
export function checkIndex(db: Db, options: { thorough?: boolean } = {}): IndexState {
  const exists = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'card_fts'").get();
  if (!exists) return 'missing';
  try {
    db.prepare("SELECT rowid FROM card_fts WHERE card_fts MATCH 'a*' LIMIT 1").all();
    if (options.thorough) db.prepare("INSERT INTO card_fts (card_fts, rank) VALUES ('integrity-check', 1)").run();
    // The docsize table holds one row per indexed card: counting it does not read the index.
    const indexed = db.prepare('SELECT count(*) AS n, coalesce(max(id), 0) AS top FROM card_fts_docsize').get() as { n: number; top: number };
    const cards = db.prepare('SELECT count(*) AS n, coalesce(max(id), 0) AS top FROM cards').get() as { n: number; top: number };
    return indexed.n === cards.n && indexed.top === cards.top ? 'ok' : 'stale';
  } catch (err) {
    if (err instanceof Error && /corrupt|malformed|fts5|no such table/i.test(err.message)) return 'corrupt';
    throw err;
  }
}

const BATCH = 2000;

/**
 * Rebuilds the index from every card, in one transaction, so a search on another connection sees
 * the old index (WAL) until the new one is complete.
 */
export function rebuildIndex(db: Db, cards: CardStore, onProgress: (p: RebuildProgress) => void = () => {}): void {
  const total = (db.prepare('SELECT count(*) FROM cards').pluck().get() as number);
  const batch = db.prepare('SELECT * FROM cards WHERE id > ? ORDER BY id LIMIT ?');
  db.transaction(() => {
    db.exec('DROP TABLE IF EXISTS card_fts');
    db.exec(CARD_FTS_TABLE);
    const index = new CardIndex(db);
    let done = 0;
    for (let last = 0; ;) {
      const rows = batch.all(last, BATCH) as CardRow[];
      if (rows.length === 0) break;
      // A new table: each card is added, with no delete of a row that cannot be there.
      for (const row of rows) index.add(row.id, cards.searchFieldsOf(row));
      done += rows.length;
      last = rows[rows.length - 1]!.id;
      onProgress({ done, total });
    }
  }).immediate();
}

/** Checks the index and rebuilds it when needed; resolves with what was found. */
export async function ensureIndex(db: Db, cards: CardStore, onProgress?: (p: RebuildProgress) => void): Promise<IndexState> {
  const state = checkIndex(db);
  if (state !== 'ok') rebuildIndex(db, cards, onProgress);
  return state;
}
