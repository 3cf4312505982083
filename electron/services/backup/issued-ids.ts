// Ids are never issued twice (see ARCHITECTURE.md), and a restore must not turn that clock back:
// a backup's sqlite_sequence is as old as the backup, so ids issued after it was taken would be
// issued again. The restored copy is raised, before it is put in place, to the highest ids the
// library is known to have issued: the open library's own, or, when the library is damaged,
// whatever of its sequence still reads, and every backup's.
import Database from 'better-sqlite3';
import type { Db } from '../library/open-library.js';

/** The highest id issued so far, by table. */
export type IssuedIds = Map<string, number>;

export function readIssuedIds(db: Db, into: IssuedIds = new Map()): IssuedIds {
  for (const { name, seq } of db.prepare('SELECT name, seq FROM sqlite_sequence').all() as { name: string; seq: number }[]) {
    into.set(name, Math.max(into.get(name) ?? 0, seq));
  }
  return into;
}

/** The highest ids in those of the files that can be read; a damaged one may not, and is skipped. */
export function issuedIdsIn(files: string[], into: IssuedIds = new Map()): IssuedIds {
  for (const file of files) {
    let db: Db | undefined;
    try {
      db = new Database(file, { readonly: true, fileMustExist: true });
      readIssuedIds(db, into);
    } catch {
      // What cannot be read tells nothing; the other files still do.
    } finally {
      db?.close();
    }
  }
  return into;
}

/** Raises the sequences of a library file (not yet in use) so that it issues none of `issued` again. */
export function raiseIssuedIds(file: string, issued: IssuedIds): void {
  const db = new Database(file, { fileMustExist: true });
  try {
    const tables = new Set(db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").pluck().all() as string[]);
    const raise = db.prepare('UPDATE sqlite_sequence SET seq = max(seq, ?) WHERE name = ?');
    const add = db.prepare('INSERT INTO sqlite_sequence (name, seq) VALUES (?, ?)');
    db.transaction(() => {
      for (const [name, seq] of issued) {
        if (tables.has(name) && raise.run(seq, name).changes === 0) add.run(name, seq);
      }
    })();
  } finally {
    db.close();
  }
}
