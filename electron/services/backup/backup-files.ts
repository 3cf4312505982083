// Where backups live and what their names say. A backup is a complete SQLite library file in a
// `backups/` folder beside the library, named <library>.<UTC time>.<reason>.cardfile so that names
// sort by age and a listing needs no index file that could itself be lost.
import fs from 'node:fs';
import path from 'node:path';
import type { BackupReason } from '../../../shared/model.js';
import { LibraryError } from '../library/library-error.js';

export const BACKUPS_FOLDER = 'backups';
const REASONS: readonly BackupReason[] = ['open', 'hourly', 'manual', 'before-restore'];
const NAME = /^(.+)\.(\d{4}-\d{2}-\d{2}T\d{2}-\d{2}-\d{2}-\d{3}Z)\.(open|hourly|manual|before-restore)\.cardfile$/;

export interface BackupFile {
  name: string;
  file: string;
  createdAt: string;
  reason: BackupReason;
}

export function backupsDir(libraryPath: string): string {
  return path.join(path.dirname(path.resolve(libraryPath)), BACKUPS_FOLDER);
}

/** The library's name without extension: several libraries may share one folder. */
function stem(libraryPath: string): string {
  return path.basename(libraryPath).replace(/\.[^.]*$/, '');
}

export function backupName(libraryPath: string, at: Date, reason: BackupReason): string {
  return `${stem(libraryPath)}.${at.toISOString().replace(/[:.]/g, '-')}.${reason}.cardfile`;
}

function parse(libraryPath: string, name: string): BackupFile | undefined {
  const match = NAME.exec(name);
  if (!match || match[1] !== stem(libraryPath) || !REASONS.includes(match[3] as BackupReason)) return undefined;
  const [date, time] = match[2]!.split('T') as [string, string];
  const [h, m, s, ms] = time.slice(0, -1).split('-');
  return {
    name,
    file: path.join(backupsDir(libraryPath), name),
    createdAt: `${date}T${h}:${m}:${s}.${ms}Z`,
    reason: match[3] as BackupReason,
  };
}

/** This library's backups, newest first. */
export function backupFiles(libraryPath: string): BackupFile[] {
  const dir = backupsDir(libraryPath);
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir)
    .map((name) => parse(libraryPath, name))
    .filter((b): b is BackupFile => b !== undefined)
    .sort((a, b) => (a.name < b.name ? 1 : a.name > b.name ? -1 : 0));
}

/**
 * Resolves a backup name a caller passed in. Only names of this library's backups are accepted,
 * so no caller can point restore at an arbitrary file.
 */
export function findBackup(libraryPath: string, name: string): BackupFile {
  const found = backupFiles(libraryPath).find((b) => b.name === name);
  if (!found) throw new LibraryError('not-found', `There is no backup named "${name.slice(0, 200)}" in ${backupsDir(libraryPath)}.`);
  return found;
}

/**
 * Files a killed backup or restore left behind: a backup's `.partial` copy (with the -journal,
 * -wal or -shm SQLite kept beside it) and the `.restoring` copy of a restore over a damaged
 * library. Removed when the library is next opened; one still being written (by the app while
 * the CLI opens the same library) changes every moment, so only those untouched for a while go.
 */
export function removeLeftovers(libraryPath: string, now = Date.now()): string[] {
  const dir = backupsDir(libraryPath);
  const partials = fs.existsSync(dir)
    ? fs.readdirSync(dir).filter((name) => /\.partial(-journal|-wal|-shm)?$/.test(name) && parse(libraryPath, name.replace(/\.partial.*$/, '')))
      .map((name) => path.join(dir, name))
    : [];
  const removed: string[] = [];
  for (const file of [...partials, `${path.resolve(libraryPath)}.restoring`]) {
    const stat = fs.statSync(file, { throwIfNoEntry: false });
    if (!stat || now - stat.mtimeMs < LEFTOVER_AGE_MS) continue;
    fs.rmSync(file, { force: true });
    removed.push(file);
  }
  return removed;
}

/** A backup step writes every few milliseconds: a minute without a write is a dead process's file. */
export const LEFTOVER_AGE_MS = 60_000;
