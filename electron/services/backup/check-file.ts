// Whether a library file is sound, by SQLite's PRAGMA quick_check (which, since SQLite 3.44, also
// runs FTS5's own check of the search index). It reads every page: 1.8 s for a 111 MB library
// here, so it runs in a worker thread, never on the thread that answers the Api.
import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import { LibraryError } from '../library/library-error.js';
import { APPLICATION_ID } from '../library/open-library.js';

export interface Damage {
  /** SQLite's words for what is wrong. */
  problem: string;
  /**
   * Every table but the search index's checks sound, table by table: the damage is in the index
   * alone, which can be rebuilt from the cards without a backup.
   */
  indexOnly: boolean;
}

/** A library that failed the check; `damage` says where. */
export class DamagedLibraryError extends LibraryError {
  constructor(message: string, readonly damage: Damage) {
    super('corrupt', message);
  }
}

// Plain JavaScript, so the same worker runs from the build and from the TypeScript sources.
const CHECK = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
const checks = (db, pragma) => {
  try {
    return db.pragma(pragma, { simple: true }) === 'ok';
  } catch {
    return false;
  }
};
let db;
try {
  db = new Database(workerData.file, { readonly: true, fileMustExist: true });
  let problem = null;
  try {
    const rows = db.pragma('quick_check').map((row) => row.quick_check);
    if (rows.length !== 1 || rows[0] !== 'ok') problem = rows.slice(0, 3).join('; ');
  } catch (err) {
    problem = err.message;
  }
  if (problem === null) {
    // An empty or foreign file checks "ok" too: a copy that never started is no library.
    const id = db.pragma('application_id', { simple: true });
    parentPort.postMessage(id === workerData.applicationId ? null : { problem: 'it is not a Cardfile library', indexOnly: false });
  } else {
    const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'card_fts%'").pluck().all();
    const indexOnly = tables.length > 0 && tables.every((name) => checks(db, 'quick_check("' + name.replace(/"/g, '""') + '")'));
    parentPort.postMessage({ problem, indexOnly });
  }
} catch (err) {
  parentPort.postMessage({ problem: err.message, indexOnly: false });
} finally {
  db?.close();
}`;

const driver = createRequire(import.meta.url).resolve('better-sqlite3');

/** Resolves to null for a sound Cardfile library, or to what is wrong with it and where. */
export function checkFile(file: string): Promise<Damage | null> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(CHECK, { eval: true, workerData: { file, driver, applicationId: APPLICATION_ID } });
    worker.once('message', (damage: Damage | null) => {
      resolve(damage);
      void worker.terminate();
    });
    worker.once('error', reject);
  });
}
