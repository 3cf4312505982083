// The Api's connection never waits for another writer's lock on its thread: a write that finds
// the library locked waits off the thread (other calls answer meanwhile), lands once the lock is
// let go, and past the deadline answers one "busy" message having changed nothing.
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { createHandlers } from '../../../electron/services/api-handlers.js';
import { dispatch } from '../../../electron/services/dispatch.js';
import { Library } from '../../../electron/services/library/library.js';
import { waitingForWriters } from '../../../electron/services/library/wait-for-writers.js';
import { tempLibraryPath } from '../../helpers/temp-dir.js';

/** Another writer (the CLI, say) holding the library's write lock until release(). */
function otherWriter(file: string) {
  const db = new Database(file);
  db.exec('BEGIN IMMEDIATE');
  return { release: () => { db.exec('COMMIT'); db.close(); } };
}

describe('waiting for other writers', () => {
  it('a save waits off the thread while another process holds the lock, other calls answer, and it lands after', async () => {
    const file = tempLibraryPath();
    const library = Library.open(file);
    const handlers = createHandlers(library);
    const writer = otherWriter(file);
    const answered: string[] = [];
    const save = dispatch(handlers, 'createBrief', { title: 'Written while locked', kind: 'brief', doc: { type: 'doc', content: [] } }).then((r) => { answered.push('createBrief'); return r; });
    // On the thread's own timer: a busy wait in SQLite would hold it until its timeout.
    await new Promise((resolve) => setTimeout(resolve, 100));
    const listed = await dispatch(handlers, 'listBriefs', {});
    answered.push('listBriefs');
    expect(listed).toEqual({ ok: true, value: [] });
    writer.release();
    expect(await save).toMatchObject({ ok: true, value: { title: 'Written while locked' } });
    expect(answered).toEqual(['listBriefs', 'createBrief']);
    expect(library.briefs.list().map((b) => b.title)).toEqual(['Written while locked']);
    library.close();
  });

  it('past the deadline: one clear busy message, nothing written', async () => {
    const file = tempLibraryPath();
    const library = Library.open(file);
    const handlers = waitingForWriters(library.db, { save: () => library.setSetting('theme', 'dark') }, 300);
    const writer = otherWriter(file);
    await expect(handlers.save()).rejects.toThrow(/The library is busy: .* for 0.3 seconds. Nothing was changed/);
    writer.release();
    expect(library.getSetting('theme')).toBeUndefined();
    library.close();
  });

  it('a call that wrote something before meeting the lock is not run again', async () => {
    const file = tempLibraryPath();
    const library = Library.open(file);
    let runs = 0;
    let writer: { release: () => void } | undefined;
    const handlers = waitingForWriters(library.db, {
      twoWrites: () => {
        runs++;
        library.setSetting('first', runs);
        writer = otherWriter(file);
        library.setSetting('second', runs);
      },
    });
    await expect(handlers.twoWrites()).rejects.toThrow(/The library is busy: .*only part of this change was made/);
    writer!.release();
    expect(runs).toBe(1);
    expect(library.getSetting('first')).toBe(1);
    library.close();
  });
});
