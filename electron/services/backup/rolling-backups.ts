// Rolling backups with SQLite's online backup: a consistent copy taken while the library stays
// open, written in small steps between events so the app never freezes for it.
import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import type { BackupInfo, BackupReason } from '../../../shared/model.js';
import type { Library } from '../library/library.js';
import { LibraryError } from '../library/library-error.js';
import { APPLICATION_ID, canWrite, type Db } from '../library/open-library.js';
import { backupFiles, backupName, backupsDir, type BackupFile } from './backup-files.js';
import { checkFile, DamagedLibraryError, type Damage } from './check-file.js';

export const DEFAULT_KEEP = 10;
export const HOUR_MS = 60 * 60 * 1000;
/** A library setting overriding how many backups are kept. */
export const KEEP_SETTING = 'backups.keep';

export function keepCount(library: Library): number {
  const keep = library.getSetting<unknown>(KEEP_SETTING);
  return typeof keep === 'number' && Number.isInteger(keep) && keep >= 1 ? keep : DEFAULT_KEEP;
}

/**
 * What the library holds, in one comparable string: a backup whose fingerprint equals the
 * library's adds nothing, so opening an unchanged library ten times does not push out older ones.
 */
function fingerprint(db: Db): string {
  const table = (name: string) => `(SELECT count(*) || '/' || ifnull(max(updated_at), '') FROM ${name})`;
  const settings = "(SELECT ifnull(group_concat(key || '=' || value, ';'), '') FROM (SELECT key, value FROM settings ORDER BY key))";
  const row = db.prepare(`SELECT ${table('articles')} || '|' || ${table('cards')} || '|' || ${table('briefs')} || '|' || ${settings} AS f`).get() as { f: string };
  return `${db.pragma('user_version', { simple: true })}|${row.f}`;
}

function withBackupDb<T>(file: string, read: (db: Db) => T): T {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    return read(db);
  } finally {
    db.close();
  }
}

/** Reads a backup's counts; a backup that cannot be read is listed with the reason instead. */
export function describeBackup(backup: BackupFile): BackupInfo {
  const base = { name: backup.name, createdAt: backup.createdAt, reason: backup.reason, bytes: fs.statSync(backup.file).size };
  try {
    return withBackupDb(backup.file, (db) => {
      if (db.pragma('application_id', { simple: true }) !== APPLICATION_ID) throw new Error('it is not a Cardfile library');
      const count = (t: string) => (db.prepare(`SELECT count(*) AS n FROM ${t}`).get() as { n: number }).n;
      return { ...base, articles: count('articles'), cards: count('cards'), briefs: count('briefs'), problem: null };
    });
  } catch (err) {
    return { ...base, articles: 0, cards: 0, briefs: 0, problem: `This backup cannot be read: ${(err as Error).message}.` };
  }
}

export function listBackups(libraryPath: string): BackupInfo[] {
  return backupFiles(libraryPath).map(describeBackup);
}

/**
 * Deletes all but the newest `keep` backups of the library, with the -wal and -shm files that
 * reading a WAL-mode backup (as older Cardfiles wrote them) leaves beside it. The safety copies a
 * restore makes are counted apart from the history (open, hourly, by hand): restoring and
 * undoing it never pushes an older backup out.
 */
export function pruneBackups(libraryPath: string, keep: number): void {
  const all = backupFiles(libraryPath);
  const safety = all.filter((b) => b.reason === 'before-restore');
  const history = all.filter((b) => b.reason !== 'before-restore');
  for (const old of [...history.slice(keep), ...safety.slice(keep)]) {
    for (const suffix of ['', '-wal', '-shm']) fs.rmSync(old.file + suffix, { force: true });
  }
}

/** The backups folder, made if need be; a clear error, not a retry, when it cannot be written. */
function writableBackupsDir(libraryPath: string): string {
  const dir = backupsDir(libraryPath);
  try {
    fs.mkdirSync(dir, { recursive: true });
    fs.accessSync(dir, fs.constants.W_OK);
  } catch (err) {
    const why = (err as NodeJS.ErrnoException).code === 'EROFS' || !canWrite(path.dirname(dir)) ? 'it is on a read-only disk or folder' : (err as Error).message;
    throw new LibraryError('read-only', `Cannot back up ${libraryPath}: its backups folder ${dir} cannot be written (${why}). Copy the library to a folder you can write to, or save everything elsewhere with cardfile export-library FOLDER.`);
  }
  return dir;
}

/**
 * A backup is written as a plain (rollback-journal) SQLite file: reading it later, even
 * read-only, then leaves no -wal or -shm files beside it. Restoring it into the WAL-mode
 * library keeps the library in WAL mode.
 */
function leaveWalMode(file: string): void {
  const db = new Database(file);
  try {
    db.pragma('journal_mode = DELETE');
  } finally {
    db.close();
  }
}

/**
 * How long a backup may make no progress before it gives up. SQLite's backup step answers BUSY,
 * without copying, while it cannot read the library (another process holds it exclusively, or a
 * read-only library's -shm cannot be brought up to date), and better-sqlite3 retries BUSY at
 * once, forever. A readable library copies pages on every step.
 */
export const BACKUP_STALL_MS = 3_000;

/** What is said when a library's own copy fails the check: nothing older is touched. */
export function damagedLibraryMessage(libraryPath: string, damage: Damage): string {
  return damage.indexOnly
    ? `The search index of ${libraryPath} is damaged (${damage.problem}); its cards, briefs and articles are sound. No backup was taken, so the older backups stay as they were. Rebuild the search index from the cards (on the recovery screen, or with cardfile rebuild-index), or restore a backup.`
    : `${libraryPath} is damaged (${damage.problem}). No backup was taken, so the older backups stay as they were; restore one.`;
}

export interface BackupOptions {
  /** Take the backup even when nothing changed since the last one (a user asked for it). */
  force?: boolean;
  /** Delete older backups beyond the library's keep count afterwards (default true). */
  prune?: boolean;
  now?: Date;
}

/**
 * Backs up the open library into its backups folder; resolves to the new backup, or null when
 * it was skipped because the library is empty or unchanged since the newest backup.
 */
export async function createBackup(library: Library, reason: BackupReason, options: BackupOptions = {}): Promise<BackupInfo | null> {
  if (!options.force) {
    const info = library.info();
    if (info.articles + info.cards + info.briefs === 0) return null;
    const latest = backupFiles(library.path)[0];
    if (latest && sameContent(library.db, latest.file)) return null;
  }
  const dir = writableBackupsDir(library.path);
  let at = options.now ?? new Date();
  while (fs.existsSync(path.join(dir, backupName(library.path, at, reason)))) at = new Date(at.getTime() + 1);
  const name = backupName(library.path, at, reason);
  const final = path.join(dir, name);
  // Written under another name and renamed when complete: a crash mid-backup leaves no
  // half-written file that looks like a backup.
  const partial = `${final}.partial`;
  try {
    await copyLibrary(library, partial);
    leaveWalMode(partial);
    // Only a copy that passes the check gets a backup's name: a damaged library never pushes a
    // sound backup out, and every backup in the folder is one that can be restored.
    const damage = await checkFile(partial);
    if (damage) throw new DamagedLibraryError(damagedLibraryMessage(library.path, damage), damage);
    fs.renameSync(partial, final);
  } finally {
    for (const suffix of ['', '-wal', '-shm', '-journal']) fs.rmSync(partial + suffix, { force: true });
  }
  if (options.prune !== false) pruneBackups(library.path, keepCount(library));
  const made = backupFiles(library.path).find((b) => b.name === name);
  if (!made) throw new Error(`The backup ${final} vanished right after it was written.`);
  return describeBackup(made);
}

/** better-sqlite3's own step: short enough that the Api answers between steps. */
const PAGES_PER_STEP = 100;

async function copyLibrary(library: Library, to: string): Promise<void> {
  let remaining = -1;
  let movedAt = Date.now();
  await library.db.backup(to, {
    progress: ({ remainingPages }) => {
      if (remainingPages !== remaining) {
        remaining = remainingPages;
        movedAt = Date.now();
      } else if (Date.now() - movedAt > BACKUP_STALL_MS) {
        throw new LibraryError('read-only', `Cannot back up ${library.path}: it cannot be read for copying (another program holds it, or its ${path.basename(library.path)}-shm file beside it cannot be written). Nothing was written; close the other program, or copy the library to a folder you can write to.`);
      }
      return PAGES_PER_STEP;
    },
  });
}

function sameContent(db: Db, backupFile: string): boolean {
  try {
    return withBackupDb(backupFile, fingerprint) === fingerprint(db);
  } catch {
    return false;
  }
}

export interface RollingBackups {
  /** Settles when the backup taken at open is done (or skipped, or failed and reported). */
  readonly atOpen: Promise<void>;
  stop(): void;
}

/**
 * Backs up the library now and every `intervalMs` while it stays open. Failures are reported,
 * never thrown: a full disk must not take the library down with it.
 */
export function startRollingBackups(
  library: Library,
  options: {
    intervalMs?: number;
    onError?: (err: unknown) => void;
    /** After each scheduled backup: the backup made, or null when nothing had changed. */
    onBackup?: (made: BackupInfo | null) => void;
  } = {},
): RollingBackups {
  const report = options.onError ?? ((err: unknown) => console.error('[cardfile] backup failed:', err));
  // One backup at a time: a tick while one is still being written is skipped, or the next
  // would compare the library with the backup before it and copy the same change twice.
  let running: Promise<void> | undefined;
  const run = (reason: BackupReason): Promise<void> => {
    running ??= createBackup(library, reason)
      .then((made) => options.onBackup?.(made), report)
      .finally(() => { running = undefined; });
    return running;
  };
  const atOpen = run('open');
  const timer = setInterval(() => { if (!running) void run('hourly'); }, options.intervalMs ?? HOUR_MS);
  timer.unref();
  return { atOpen, stop: () => clearInterval(timer) };
}
