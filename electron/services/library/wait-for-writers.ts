// better-sqlite3 is synchronous: a busy timeout waits by blocking the thread. On the thread that
// answers the Api, a save that waited for another process's import froze every call for as long
// as that import's transaction (5.4 s for a 20,000-card brief; near 15 s it failed "database is
// locked"). The Api's connection therefore does not wait in SQLite (busy_timeout 0): a call that
// finds the library locked is run again after a pause, with the thread free meanwhile.
import type { Statement } from 'better-sqlite3';
import { LibraryError } from './library-error.js';
import type { Db } from './open-library.js';

/** How long a call waits for other writers before it answers "busy" (the autosaver tries again). */
export const BUSY_DEADLINE_MS = 30_000;
// Pauses grow from a few ms (a typical commit) to 50 ms, shorter than the gap a big import leaves
// between its pieces (import-into-library.ts), so a waiting call gets in after one piece.
const FIRST_PAUSE_MS = 5;
const LONGEST_PAUSE_MS = 50;

/** SQLITE_BUSY and its extended codes: another connection holds the lock this one needs. */
export function isBusy(err: unknown): boolean {
  const code = err instanceof Error ? (err as Error & { code?: unknown }).code : undefined;
  return typeof code === 'string' && code.startsWith('SQLITE_BUSY');
}

const changesOf = new WeakMap<Db, Statement<[], number>>();
function totalChanges(db: Db): number {
  let statement = changesOf.get(db);
  if (!statement) {
    statement = db.prepare('SELECT total_changes()').pluck() as Statement<[], number>;
    changesOf.set(db, statement);
  }
  return statement.get()!;
}

type Handler = (args: never) => unknown;

/**
 * Each handler, run again while it fails because another writer holds the library, until
 * deadlineMs; db's connection stops waiting in SQLite. A call is run again only when it changed
 * nothing before failing (every Api write is one IMMEDIATE transaction, which fails at its BEGIN),
 * so no change is ever made twice.
 */
export function waitingForWriters<H extends Record<string, Handler>>(db: Db, handlers: H, deadlineMs = BUSY_DEADLINE_MS): H {
  db.pragma('busy_timeout = 0');
  const wrap = (handler: Handler) => async (args: never): Promise<unknown> => {
    const deadline = Date.now() + deadlineMs;
    for (let pause = FIRST_PAUSE_MS; ; pause = Math.min(pause * 2, LONGEST_PAUSE_MS)) {
      const before = totalChanges(db);
      try {
        return await handler(args);
      } catch (err) {
        if (!isBusy(err)) throw err;
        if (totalChanges(db) !== before) throw busyError(null);
        if (Date.now() + pause > deadline) throw busyError(deadlineMs);
      }
      await new Promise((resolve) => setTimeout(resolve, pause));
    }
  };
  return Object.fromEntries(Object.entries(handlers).map(([name, handler]) => [name, wrap(handler)])) as H;
}

/** waitedMs: null when the call was not run again because it had already changed something. */
function busyError(waitedMs: number | null): LibraryError {
  const who = 'another program (an import from the command line?)';
  if (waitedMs === null) return new LibraryError('busy', `The library is busy: ${who} is writing to it, and only part of this change was made. Try again when it is done.`);
  return new LibraryError('busy', `The library is busy: ${who} has been writing to it for ${(waitedMs / 1000).toLocaleString('en-US')} seconds. Nothing was changed; try again when it is done.`);
}
