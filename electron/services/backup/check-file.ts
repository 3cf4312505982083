// Whether a library file is sound, by SQLite's PRAGMA quick_check (which, since SQLite 3.44, also
// runs FTS5's own check of the search index). It reads every page: 1.8 s for a 111 MB library
// here, so it runs in a worker thread, never on the thread that answers the Api.
import { LibraryError } from '../library/library-error.js';
import { APPLICATION_ID } from '../library/open-library.js';
import { startWorker } from '../worker-thread.js';

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

/** Resolves to null for a sound Cardfile library, or to what is wrong with it and where. */
export function checkFile(file: string): Promise<Damage | null> {
  return new Promise((resolve, reject) => {
    const worker = startWorker(new URL('./check-worker.js', import.meta.url), { file, applicationId: APPLICATION_ID });
    worker.once('message', (damage: Damage | null) => {
      resolve(damage);
      void worker.terminate();
    });
    worker.once('error', reject);
  });
}
