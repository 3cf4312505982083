// The search index's health: checked cheaply at open, rebuilt off the UI's thread when it is
// missing, out of step or corrupt. Writes keep it current through the triggers of migration 3.
import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import type Database from 'better-sqlite3';
import { CARD_FTS_TABLE } from '../library/migrations.js';

type Db = Database.Database;

export type IndexState = 'ok' | 'missing' | 'stale' | 'corrupt';

export interface RebuildProgress {
  done: number;
  total: number;
}

/**
 * Fast enough for every open: the index exists, answers a query, and holds one row per card.
 * `thorough` adds FTS5's integrity check (index against its stored text), which reads it all.
 */
export function checkIndex(db: Db, options: { thorough?: boolean } = {}): IndexState {
  const exists = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'card_fts'").get();
  if (!exists) return 'missing';
  try {
    db.prepare("SELECT rowid FROM card_fts WHERE card_fts MATCH 'a*' LIMIT 1").all();
    if (options.thorough) db.prepare("INSERT INTO card_fts (card_fts, rank) VALUES ('integrity-check', 1)").run();
    const indexed = db.prepare('SELECT count(*) AS n, coalesce(max(rowid), 0) AS top FROM card_fts').get() as { n: number; top: number };
    const cards = db.prepare('SELECT count(*) AS n, coalesce(max(id), 0) AS top FROM cards').get() as { n: number; top: number };
    return indexed.n === cards.n && indexed.top === cards.top ? 'ok' : 'stale';
  } catch (err) {
    if (err instanceof Error && /corrupt|malformed|fts5/i.test(err.message)) return 'corrupt';
    throw err;
  }
}

// Runs in a worker thread on its own connection. One transaction, so a search on the main
// connection sees the old index (WAL) until the new one is complete. Plain JS evaluated in the
// worker, so it runs the same from the sources under vitest and from the build.
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.sqlitePath);
const db = new Database(workerData.file);
try {
  db.pragma('busy_timeout = 5000');
  db.transaction(() => {
    const ids = db.prepare('SELECT id FROM cards ORDER BY id').pluck().all();
    db.exec('DROP TABLE IF EXISTS card_fts');
    db.exec(workerData.ftsTable);
    const insert = db.prepare(\`INSERT INTO card_fts (rowid, tag, label, author, cite, year, highlighted, underlined, body, headings)
      SELECT * FROM card_search_source WHERE id >= ? AND id <= ?\`);
    db.exec('DELETE FROM card_places');
    db.exec('INSERT INTO card_places (brief_id, card_id, headings) SELECT brief_id, card_id, headings FROM brief_card_places');
    for (let i = 0; i < ids.length; i += workerData.batch) {
      const last = Math.min(i + workerData.batch, ids.length) - 1;
      insert.run(ids[i], ids[last]);
      parentPort.postMessage({ done: last + 1, total: ids.length });
    }
  })();
} catch (err) {
  // Errors lose their message crossing threads: send it as data.
  parentPort.postMessage({ error: String(err && err.message || err) });
} finally {
  db.close();
}
`;

const BATCH = 2000;

/** Rebuilds the index of the library file in a worker thread, reporting progress as it goes. */
export function rebuildIndex(file: string, onProgress: (p: RebuildProgress) => void = () => {}): Promise<void> {
  const sqlitePath = createRequire(import.meta.url).resolve('better-sqlite3');
  const worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { file, sqlitePath, ftsTable: CARD_FTS_TABLE, batch: BATCH } });
  return new Promise((resolve, reject) => {
    worker.on('message', (m: RebuildProgress | { error: string }) => {
      if ('error' in m) reject(new Error(`The search index of ${file} could not be rebuilt: ${m.error}`));
      else onProgress(m);
    });
    worker.on('error', reject);
    worker.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`The search index rebuild stopped (exit code ${code}).`))));
  });
}

/** Checks the index and rebuilds it when needed; resolves with what was found. */
export async function ensureIndex(db: Db, file: string, onProgress?: (p: RebuildProgress) => void): Promise<IndexState> {
  const state = checkIndex(db);
  if (state !== 'ok') await rebuildIndex(file, onProgress);
  return state;
}
