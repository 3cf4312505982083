// Restoring a backup into the open library. The backup is checked first, the current library is
// backed up, and the copy-back is SQLite's online backup into the live file: one write
// transaction, so a crash mid-restore leaves the library exactly as it was before.
import Database from 'better-sqlite3';
import fs from 'node:fs';
import type { BackupInfo } from '../../../shared/model.js';
import type { Library } from '../library/library.js';
import { LibraryError } from '../library/library-error.js';
import { LATEST_VERSION } from '../library/migrations.js';
import { APPLICATION_ID, openLibrary } from '../library/open-library.js';
import { findBackup } from './backup-files.js';
import { raiseIssuedIds, readIssuedIds, type IssuedIds } from './issued-ids.js';
import { createBackup, describeBackup, keepCount, pruneBackups } from './rolling-backups.js';

const TABLES = ['articles', 'cards', 'briefs'];

/** Throws, naming the backup and the problem, unless the file opens as a sound Cardfile library. */
export function checkRestorable(file: string, name: string): void {
  const refuse = (problem: string) => new LibraryError('invalid', `The backup ${name} cannot be restored: ${problem}. The library was left as it was.`);
  let db: Database.Database;
  try {
    db = new Database(file, { readonly: true, fileMustExist: true });
  } catch (err) {
    throw refuse(`it cannot be opened (${(err as Error).message})`);
  }
  try {
    if (db.pragma('application_id', { simple: true }) !== APPLICATION_ID) throw refuse('it is not a Cardfile library');
    const version = db.pragma('user_version', { simple: true }) as number;
    if (version > LATEST_VERSION) throw refuse(`it was saved by a newer Cardfile (library version ${version})`);
    const tables = (db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").pluck().all() as string[]);
    const missing = TABLES.filter((t) => !tables.includes(t));
    if (missing.length > 0) throw refuse(`it has no ${missing.join(', ')} table`);
    const integrity = db.pragma('integrity_check', { simple: true });
    if (integrity !== 'ok') throw refuse(`it is damaged (${String(integrity)})`);
  } catch (err) {
    if (err instanceof LibraryError) throw err;
    throw refuse(`it cannot be read (${(err as Error).message})`);
  } finally {
    db.close();
  }
}

function fsyncFile(file: string): void {
  const fd = fs.openSync(file, 'r+');
  try {
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}

export function copyDurably(from: string, to: string): void {
  fs.copyFileSync(from, to, fs.constants.COPYFILE_EXCL);
  fsyncFile(to);
}

/**
 * The backup, copied to `<library>.restoring` beside the library and raised to the ids already
 * issued: the copy, never the backup itself, is what goes in place, and the backup stays as it
 * was taken.
 */
export function stageRestore(libraryPath: string, backupFile: string, issued: IssuedIds): string {
  const incoming = `${libraryPath}.restoring`;
  fs.rmSync(incoming, { force: true });
  fs.copyFileSync(backupFile, incoming, fs.constants.COPYFILE_EXCL);
  raiseIssuedIds(incoming, issued);
  fsyncFile(incoming);
  return incoming;
}

export interface RestoreResult {
  restored: BackupInfo;
  /** The library as it was just before the restore, kept as a backup of its own. */
  safetyCopy: BackupInfo;
}

/** better-sqlite3's backup progress: the answer is how many pages to copy in the next step. */
export type CopyProgress = (info: { totalPages: number; remainingPages: number }) => number;

export async function restoreBackup(library: Library, name: string, options: { progress?: CopyProgress } = {}): Promise<RestoreResult> {
  // Checked first: a safety copy of a library that cannot be replaced would only be clutter.
  if (library.db.readonly) throw new LibraryError('read-only', `Cannot restore a backup into ${library.path}: it is read-only. Copy the library and the backups folder to a folder you can write to, and restore there.`);
  const backup = findBackup(library.path, name);
  checkRestorable(backup.file, name);
  const restored = describeBackup(backup);
  // Not pruned yet: pruning now could delete the very backup being restored.
  const safetyCopy = await createBackup(library, 'before-restore', { force: true, prune: false });
  if (!safetyCopy) throw new Error('The safety copy of the library was not written.');

  const incoming = stageRestore(library.path, backup.file, readIssuedIds(library.db));
  const source = new Database(incoming, { readonly: true, fileMustExist: true });
  try {
    await source.backup(library.path, options.progress ? { progress: options.progress } : undefined);
  } finally {
    source.close();
    fs.rmSync(incoming, { force: true });
  }
  // A backup from an older Cardfile comes up to the current schema like any library on open.
  openLibrary(library.path).close();
  pruneBackups(library.path, keepCount(library));
  return { restored, safetyCopy };
}
