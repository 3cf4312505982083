// Restoring a backup over a library that cannot be opened at all (a truncated or damaged file), or
// rebuilding its search index when only the index is damaged. Nothing here writes to the damaged
// file: its bytes, with its -wal and -shm, are copied aside first and never deleted, so whatever a
// specialist could still rescue from it stays.
import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import type { BackupInfo } from '../../../shared/model.js';
import { LibraryError } from '../library/library-error.js';
import { Library } from '../library/library.js';
import { openLibrary, schemaVersion } from '../library/open-library.js';
import { rebuildIndex } from '../search/search-index.js';
import { backupFiles, findBackup } from './backup-files.js';
import { checkFile } from './check-file.js';
import { issuedIdsIn } from './issued-ids.js';
import { checkRestorable, copyDurably, stageRestore } from './restore-backup.js';
import { describeBackup } from './rolling-backups.js';

export interface RecoveryResult {
  restored: BackupInfo;
  /** Where the damaged library was kept, beside the library. */
  damagedCopy: string;
}

/** `<library>.damaged-<UTC time>.cardfile`: beside the library, where its owner will see it. */
export function damagedCopyName(libraryPath: string, at: Date): string {
  const stem = path.basename(libraryPath).replace(/\.[^.]*$/, '');
  return path.join(path.dirname(libraryPath), `${stem}.damaged-${at.toISOString().replace(/[:.]/g, '-')}.cardfile`);
}

const SIDE_FILES = ['-wal', '-shm'];

/**
 * Replaces the library file with a backup. In order, so that a crash at any point leaves either
 * the damaged library in place (with its copy aside) or the restored one, never no library:
 * 1. the damaged file and its -wal/-shm are copied aside;
 * 2. the backup is copied beside the library under a temporary name, and raised to the ids
 *    already issued;
 * 3. the damaged -wal/-shm are removed (their copies are aside), so SQLite cannot replay them
 *    into the restored file;
 * 4. the copy is renamed over the library in one step.
 */
export function restoreDamagedLibrary(libraryPath: string, backupName: string, now = new Date()): RecoveryResult {
  const backup = findBackup(libraryPath, backupName);
  checkRestorable(backup.file, backupName);
  const restored = describeBackup(backup);

  const damagedCopy = keepAside(libraryPath, now);
  // The damaged file's own sequence if it still reads (its -wal still beside it), else the
  // newest any backup knows.
  const issued = issuedIdsIn([libraryPath, ...backupFiles(libraryPath).map((b) => b.file)]);
  putInPlace(libraryPath, stageRestore(libraryPath, backup.file, issued));
  // A backup from an older Cardfile comes up to the current schema like any library on open.
  openLibrary(libraryPath).close();
  return { restored, damagedCopy };
}

/** Step 1: the damaged file and its -wal/-shm, copied aside. Returns the copy's path. */
function keepAside(libraryPath: string, now: Date): string {
  const damagedCopy = damagedCopyName(libraryPath, now);
  if (fs.existsSync(libraryPath)) copyDurably(libraryPath, damagedCopy);
  for (const side of SIDE_FILES) {
    if (fs.existsSync(libraryPath + side)) copyDurably(libraryPath + side, damagedCopy + side);
  }
  return damagedCopy;
}

/** Steps 3 and 4: the damaged -wal/-shm removed, then the new file renamed over the library. */
function putInPlace(libraryPath: string, incoming: string): void {
  for (const side of SIDE_FILES) fs.rmSync(libraryPath + side, { force: true });
  fs.renameSync(incoming, libraryPath);
}

export interface IndexRebuildResult {
  cards: number;
  /** Where the damaged library was kept, beside the library. */
  damagedCopy: string;
}

/**
 * Rebuilds a damaged search index, which needs no backup: the index holds nothing that is not
 * in the cards. FTS5's own 'rebuild' cannot help (a contentless index has nothing to rebuild
 * from) and dropping the index would free its damaged pages, which SQLite refuses; so every
 * other table is copied, rows and ids as they are, into a new file of the same schema, the index
 * is built there from the cards as the search service builds it, and the new file is checked
 * whole before it takes the library's place, the damaged file kept aside as a restore keeps it.
 */
export async function rebuildDamagedIndex(libraryPath: string, now = new Date()): Promise<IndexRebuildResult> {
  const incoming = `${libraryPath}.restoring`;
  for (const side of ['', ...SIDE_FILES]) fs.rmSync(incoming + side, { force: true });
  try {
    copyAllButIndex(libraryPath, incoming);
    const library = Library.open(incoming);
    try {
      rebuildIndex(library.db, library.cards);
    } finally {
      library.close();
    }
    const damage = await checkFile(incoming);
    if (damage) throw new Error(damage.problem);
  } catch (err) {
    for (const side of ['', ...SIDE_FILES]) fs.rmSync(incoming + side, { force: true });
    throw new LibraryError('corrupt', `The search index of ${libraryPath} could not be rebuilt: the damage is not in the index alone (${(err as Error).message}). The library was left as it was; restore a backup.`);
  }
  const damagedCopy = keepAside(libraryPath, now);
  putInPlace(libraryPath, incoming);
  const cards = new Database(libraryPath, { readonly: true }).prepare('SELECT count(*) FROM cards').pluck();
  try {
    return { cards: cards.get() as number, damagedCopy };
  } finally {
    cards.database.close();
  }
}

function copyAllButIndex(damagedPath: string, to: string): void {
  // Read-only: the damaged file is read, never written (not even a checkpoint of its -wal).
  const damaged = new Database(damagedPath, { readonly: true, fileMustExist: true });
  try {
    const tables = damaged.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'card_fts%' AND name NOT LIKE 'sqlite_%'").pluck().all() as string[];
    // The same migrations to the same version give the same tables, columns in the same order.
    const db = openLibrary(to, { upToVersion: schemaVersion(damaged) });
    try {
      db.pragma('foreign_keys = OFF');
      db.transaction(() => {
        for (const table of [...tables, 'sqlite_sequence']) {
          const rows = damaged.prepare(`SELECT * FROM "${table}"`).raw();
          const columns = rows.columns().length;
          // Ids never reused: the sequence as it was, not as high as the rows that are left.
          if (table === 'sqlite_sequence') db.exec('DELETE FROM sqlite_sequence');
          const insert = db.prepare(`INSERT INTO "${table}" VALUES (${Array(columns).fill('?').join(', ')})`);
          for (const row of rows.iterate()) insert.run(row as unknown[]);
        }
      })();
    } finally {
      db.close();
    }
  } finally {
    damaged.close();
  }
}
