import Database from 'better-sqlite3';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { LibraryError } from './library-error.js';
import { LATEST_VERSION, MIGRATIONS } from './migrations.js';

export type Db = Database.Database;

/** 'CRDF': marks a SQLite file as a Cardfile library, so another app's database is refused. */
export const APPLICATION_ID = 0x43524446;
const SQLITE_HEADER = 'SQLite format 3\u0000';
/** How long a write waits for another process's transaction (a big import's batch) to commit. */
export const BUSY_TIMEOUT_MS = 15_000;

/**
 * Opens (creating if absent) a library file and brings its schema up to date.
 * Everything that could refuse the file is checked read-only first, so a file we refuse
 * is never modified: not even by switching it to WAL.
 * A library on a read-only file or folder (a shared tub, a locked USB stick) opens read-only:
 * reading, searching and exporting work, every write fails with SQLite's SQLITE_READONLY.
 */
export function openLibrary(file: string, options: { upToVersion?: number } = {}): Db {
  const target = options.upToVersion ?? LATEST_VERSION;
  if (fs.existsSync(file)) {
    if (!canWrite(file) || !canWrite(path.dirname(file))) return openReadOnly(file, target);
    inspectExisting(file);
  } else fs.mkdirSync(path.dirname(file), { recursive: true });

  const db = new Database(file);
  try {
    db.pragma('journal_mode = WAL');
    db.pragma('foreign_keys = ON');
    // Another writer (the CLI beside the app) holds the lock for one transaction at most: wait.
    db.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
    // FULL: a commit is on disk before "Saved" is shown. NORMAL in WAL mode can lose the last
    // commits on power loss; the bench measures what FULL costs (one fsync per commit).
    db.pragma('synchronous = FULL');
    migrate(db, target);
  } catch (err) {
    db.close();
    throw err;
  }
  return db;
}

/** access(2) rather than the mode bits: it also answers for read-only mounts and for root. */
export function canWrite(file: string): boolean {
  try {
    fs.accessSync(file, fs.constants.W_OK);
    return true;
  } catch {
    return false;
  }
}

/**
 * SQLite reads a WAL-mode file read-only only where it can create the -shm index beside it
 * (or finds one); on a read-only folder it cannot, so it reads a private copy instead, taken
 * with the -wal so nothing committed is missed.
 */
function openReadOnly(file: string, target: number): Db {
  const hasShm = fs.existsSync(`${file}-shm`);
  const source = canWrite(path.dirname(file)) || hasShm ? file : privateCopy(file);
  let db: Db;
  try {
    inspectExisting(source, file);
    db = new Database(source, { readonly: true, fileMustExist: true });
  } finally {
    if (source !== file) removePrivateCopy(source);
  }
  try {
    const version = schemaVersion(db);
    // Migrating is a write; an older library on a read-only medium is shown to nobody half-read.
    if (version < target) {
      throw new LibraryError('read-only', `${file} is read-only and was saved by an older Cardfile (library version ${version}), so it cannot be brought up to date here. Copy it to a folder you can write to and open the copy.`);
    }
  } catch (err) {
    db.close();
    throw err;
  }
  return db;
}

function privateCopy(file: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cardfile-read-only-'));
  const copy = path.join(dir, path.basename(file));
  // The copies are ours to write: copyFile keeps a 0444 library's mode, and SQLite cannot take
  // a read-only copy out of WAL mode (every read then fails with SQLITE_IOERR_FSTAT).
  for (const side of ['', '-wal']) {
    if (side === '' || fs.existsSync(`${file}${side}`)) {
      fs.copyFileSync(`${file}${side}`, `${copy}${side}`);
      fs.chmodSync(`${copy}${side}`, 0o600);
    }
  }
  // Out of WAL mode, the copy needs no -shm and can be unlinked while it is open.
  const db = new Database(copy);
  try {
    db.pragma('journal_mode = DELETE');
  } catch {
    // Not a library at all: inspectExisting names the problem.
  } finally {
    db.close();
  }
  return copy;
}

/** Where the system allows it (not Windows), the open copy is unlinked now and vanishes on close. */
function removePrivateCopy(copy: string): void {
  try {
    fs.rmSync(path.dirname(copy), { recursive: true });
  } catch {
    // Left to the system's temp cleanup.
  }
}

/** `shownAs` names the file in errors when `file` is a private copy of it. */
function inspectExisting(file: string, shownAs = file): void {
  const stat = fs.statSync(file);
  if (!stat.isFile()) throw new LibraryError('not-a-library', `${shownAs} is not a file, so it cannot be a Cardfile library.`);
  if (stat.size === 0) return;
  const fd = fs.openSync(file, 'r');
  const header = Buffer.alloc(16);
  try {
    fs.readSync(fd, header, 0, 16, 0);
  } finally {
    fs.closeSync(fd);
  }
  // A first page torn or zeroed on disk whose newest copy is in the -wal still reads: SQLite
  // takes page 1 from the -wal, so it, not the bytes on disk, decides.
  if (header.toString('latin1') !== SQLITE_HEADER && !fs.existsSync(`${file}-wal`)) {
    throw new LibraryError('not-a-library', `${shownAs} is not a Cardfile library: it is not a SQLite database. Choose a .cardfile library or a new file name.`);
  }
  let probe: Db | undefined;
  try {
    probe = new Database(file, { readonly: true, fileMustExist: true });
    const appId = probe.pragma('application_id', { simple: true }) as number;
    const version = probe.pragma('user_version', { simple: true }) as number;
    const tables = (probe.prepare("SELECT count(*) AS n FROM sqlite_master").get() as { n: number }).n;
    if (appId !== APPLICATION_ID && (appId !== 0 || tables > 0)) {
      throw new LibraryError('not-a-library', `${shownAs} is a SQLite database of another program, not a Cardfile library. It was left untouched.`);
    }
    if (version > LATEST_VERSION) {
      throw new LibraryError('newer-version', `${shownAs} was saved by a newer Cardfile (library version ${version}; this Cardfile reads up to ${LATEST_VERSION}). Update Cardfile to open it; the file was left untouched.`);
    }
  } catch (err) {
    if (err instanceof LibraryError) throw err;
    throw new LibraryError('corrupt', `${shownAs} could not be read as a Cardfile library (${(err as Error).message}). It was left untouched; restore it from a backup.`);
  } finally {
    probe?.close();
  }
}

/**
 * Every pending migration in one transaction: a new library is made with one commit (one fsync,
 * not one per migration), and an upgrade lands whole or not at all.
 */
function migrate(db: Db, target: number): void {
  const current = db.pragma('user_version', { simple: true }) as number;
  const pending = MIGRATIONS.filter((m) => m.version > current && m.version <= target);
  if (pending.length === 0) return;
  db.transaction(() => {
    for (const migration of pending) {
      db.exec(migration.sql);
      migration.up?.(db);
      db.pragma(`user_version = ${migration.version}`);
    }
    db.pragma(`application_id = ${APPLICATION_ID}`);
  })();
}

export function schemaVersion(db: Db): number {
  return db.pragma('user_version', { simple: true }) as number;
}
