// Whether a library file is sound, by SQLite's PRAGMA quick_check (which, since SQLite 3.44, also
// runs FTS5's own check of the search index). It reads every page: 1.8 s for a 111 MB library
// here, so it runs in a worker thread, never on the thread that answers the Api.
import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import { APPLICATION_ID } from '../library/open-library.js';

// Plain JavaScript, so the same worker runs from the build and from the TypeScript sources.
const CHECK = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
let db;
try {
  db = new Database(workerData.file, { readonly: true, fileMustExist: true });
  const rows = db.pragma('quick_check').map((row) => row.quick_check);
  const problem = rows.length === 1 && rows[0] === 'ok' ? null : rows.slice(0, 3).join('; ');
  // An empty or foreign file checks "ok" too: a copy that never started is no library.
  const id = db.pragma('application_id', { simple: true });
  parentPort.postMessage(problem ?? (id === workerData.applicationId ? null : 'it is not a Cardfile library'));
} catch (err) {
  parentPort.postMessage(err.message);
} finally {
  db?.close();
}`;

const driver = createRequire(import.meta.url).resolve('better-sqlite3');

/** Resolves to null for a sound Cardfile library, or to SQLite's words for what is wrong with it. */
export function checkFile(file: string): Promise<string | null> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(CHECK, { eval: true, workerData: { file, driver, applicationId: APPLICATION_ID } });
    worker.once('message', (problem: string | null) => {
      resolve(problem);
      void worker.terminate();
    });
    worker.once('error', reject);
  });
}
