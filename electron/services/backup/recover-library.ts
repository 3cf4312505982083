// Restoring a backup over a library that cannot be opened at all (a truncated or damaged file).
// Nothing here opens the damaged file: its bytes, with its -wal and -shm, are copied aside first
// and never deleted, so whatever a specialist could still rescue from it stays.
import fs from 'node:fs';
import path from 'node:path';
import type { BackupInfo } from '../../../shared/model.js';
import { openLibrary } from '../library/open-library.js';
import { backupFiles, findBackup } from './backup-files.js';
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

  const damagedCopy = damagedCopyName(libraryPath, now);
  if (fs.existsSync(libraryPath)) copyDurably(libraryPath, damagedCopy);
  for (const side of SIDE_FILES) {
    if (fs.existsSync(libraryPath + side)) copyDurably(libraryPath + side, damagedCopy + side);
  }
  // The damaged file's own sequence if it still reads (its -wal still beside it), else the
  // newest any backup knows.
  const issued = issuedIdsIn([libraryPath, ...backupFiles(libraryPath).map((b) => b.file)]);
  const incoming = stageRestore(libraryPath, backup.file, issued);
  for (const side of SIDE_FILES) fs.rmSync(libraryPath + side, { force: true });
  fs.renameSync(incoming, libraryPath);
  // A backup from an older Cardfile comes up to the current schema like any library on open.
  openLibrary(libraryPath).close();
  return { restored, damagedCopy };
}
