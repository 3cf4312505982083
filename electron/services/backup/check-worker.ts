// The check-file.ts worker: PRAGMA quick_check of one file, read-only, on a thread of its own.
import Database from 'better-sqlite3';
import { parentPort, workerData } from 'node:worker_threads';
import type { Damage } from './check-file.js';

const { file, applicationId } = workerData as { file: string; applicationId: number };

const checks = (db: Database.Database, pragma: string): boolean => {
  try {
    return db.pragma(pragma, { simple: true }) === 'ok';
  } catch {
    return false;
  }
};

function damageOf(): Damage | null {
  let db: Database.Database | undefined;
  try {
    db = new Database(file, { readonly: true, fileMustExist: true });
    let problem: string | null = null;
    try {
      const rows = (db.pragma('quick_check') as { quick_check: string }[]).map((row) => row.quick_check);
      if (rows.length !== 1 || rows[0] !== 'ok') problem = rows.slice(0, 3).join('; ');
    } catch (err) {
      problem = err instanceof Error ? err.message : String(err);
    }
    if (problem === null) {
      // An empty or foreign file checks "ok" too: a copy that never started is no library.
      return db.pragma('application_id', { simple: true }) === applicationId ? null : { problem: 'it is not a Cardfile library', indexOnly: false };
    }
    const open = db;
    const tables = open.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'card_fts%'").pluck().all() as string[];
    const indexOnly = tables.length > 0 && tables.every((name) => checks(open, `quick_check("${name.replace(/"/g, '""')}")`));
    return { problem, indexOnly };
  } catch (err) {
    return { problem: err instanceof Error ? err.message : String(err), indexOnly: false };
  } finally {
    db?.close();
  }
}

parentPort!.postMessage(damageOf());
