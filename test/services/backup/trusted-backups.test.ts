// Backups that can be trusted: a damaged library never pushes a sound backup out, a restore and
// its undo never push out history, a killed backup or restore leaves nothing behind for long,
// and no id is issued twice across a restore.
import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { backupName, backupsDir, LEFTOVER_AGE_MS, removeLeftovers } from '../../../electron/services/backup/backup-files.js';
import { restoreDamagedLibrary } from '../../../electron/services/backup/recover-library.js';
import { restoreBackup } from '../../../electron/services/backup/restore-backup.js';
import { createBackup, HOUR_MS, listBackups } from '../../../electron/services/backup/rolling-backups.js';
import { Library } from '../../../electron/services/library/library.js';
import { dispatch } from '../../../electron/services/dispatch.js';
import { openLibrarySession } from '../../../electron/services/library-session.js';
import { checkedSessionOfCards, damageCardsPage, damageIndexPage, fillWithCards } from '../../helpers/damage-library.js';
import { tempLibraryPath } from '../../helpers/temp-dir.js';
import { fillLibrary } from './fill-library.js';

const START = Date.parse('2025-01-01T00:00:00Z');
const at = (hours: number) => new Date(START + hours * HOUR_MS);

describe('backups of a damaged library', () => {
  it('takes none of a library with one damaged index page, through 12 hourly backups, and keeps the sound one', async () => {
    const libraryPath = tempLibraryPath();
    let library = Library.open(libraryPath);
    fillWithCards(library);
    const sound = (await createBackup(library, 'hourly', { now: at(0) }))!;
    library.close();
    damageIndexPage(libraryPath);

    library = Library.open(libraryPath);
    // The damage is where no open looks: the library opens writable and its cards read.
    expect(library.db.readonly).toBe(false);
    expect(library.cards.count()).toBeGreaterThan(20);
    for (let hour = 1; hour <= 12; hour++) {
      library.setSetting('edits', hour);
      await expect(createBackup(library, 'hourly', { now: at(hour) })).rejects.toThrow(/is damaged .*No backup was taken/);
    }
    library.close();
    expect(listBackups(libraryPath).map((b) => b.name)).toEqual([sound.name]);
    expect(fs.readdirSync(backupsDir(libraryPath))).toEqual([sound.name]);
    // And that backup brings the library back whole.
    restoreDamagedLibrary(libraryPath, sound.name);
    const restored = new Database(libraryPath, { readonly: true });
    expect(restored.pragma('quick_check', { simple: true })).toBe('ok');
    restored.close();
  });
});

describe('restore and undo', () => {
  it('keeps all ten backups of the history: the safety copies a restore makes are counted apart', async () => {
    const library = Library.open(tempLibraryPath());
    fillLibrary(library);
    for (let hour = 0; hour < 10; hour++) {
      library.setSetting('edits', hour);
      await createBackup(library, 'hourly', { now: at(hour) });
    }
    const history = listBackups(library.path).map((b) => b.name);
    expect(history).toHaveLength(10);

    const { safetyCopy } = await restoreBackup(library, history[9]!);
    await restoreBackup(library, safetyCopy.name); // undo
    const kept = listBackups(library.path);
    expect(kept.filter((b) => b.reason !== 'before-restore').map((b) => b.name)).toEqual(history);
    expect(kept.filter((b) => b.reason === 'before-restore')).toHaveLength(2);
    library.close();
  });

  it('never issues an id twice: ids given out after the backup stay given out', async () => {
    const library = Library.open(tempLibraryPath());
    fillLibrary(library);
    const made = (await createBackup(library, 'manual'))!;
    const later = fillLibraryAgain(library);
    await restoreBackup(library, made.name);
    const next = fillLibraryAgain(library);
    for (const table of ['articles', 'cards', 'briefs'] as const) expect(Math.min(...next[table])).toBeGreaterThan(Math.max(...later[table]));
    library.close();
  });

  it('never issues an id twice after a restore over a damaged library either', async () => {
    const libraryPath = tempLibraryPath();
    const library = Library.open(libraryPath);
    fillWithCards(library);
    const made = (await createBackup(library, 'manual'))!;
    const later = fillLibraryAgain(library);
    library.close();
    damageIndexPage(libraryPath);
    restoreDamagedLibrary(libraryPath, made.name);
    const reopened = Library.open(libraryPath);
    const next = fillLibraryAgain(reopened);
    for (const table of ['articles', 'cards', 'briefs'] as const) expect(Math.min(...next[table])).toBeGreaterThan(Math.max(...later[table]));
    reopened.close();
  });
});

/** Adds an article, two cards and a brief; returns their ids. */
function fillLibraryAgain(library: Library): Record<'articles' | 'cards' | 'briefs', number[]> {
  const before = { articles: maxId(library, 'articles'), cards: maxId(library, 'cards'), briefs: maxId(library, 'briefs') };
  fillLibrary(library);
  const ids = (table: 'articles' | 'cards' | 'briefs') =>
    library.db.prepare(`SELECT id FROM ${table} WHERE id > ?`).pluck().all(before[table]) as number[];
  return { articles: ids('articles'), cards: ids('cards'), briefs: ids('briefs') };
}

const maxId = (library: Library, table: string) => library.db.prepare(`SELECT coalesce(max(id), 0) FROM ${table}`).pluck().get() as number;

describe('leftovers of a killed backup or restore', () => {
  it('are removed when the library is next opened; a backup still being written is not', async () => {
    const libraryPath = tempLibraryPath();
    const library = Library.open(libraryPath);
    fillLibrary(library);
    const made = (await createBackup(library, 'manual'))!;
    library.close();
    const dir = backupsDir(libraryPath);
    const dead = path.join(dir, `${backupName(libraryPath, at(1), 'before-restore')}.partial`);
    const live = path.join(dir, `${backupName(libraryPath, at(2), 'hourly')}.partial`);
    const leftovers = [dead, `${dead}-journal`, `${libraryPath}.restoring`];
    for (const file of [...leftovers, live]) fs.writeFileSync(file, 'half a copy');
    const old = new Date(Date.now() - 2 * LEFTOVER_AGE_MS);
    for (const file of leftovers) fs.utimesSync(file, old, old);
    // Another program's files in the folder are not ours to remove.
    fs.writeFileSync(path.join(dir, 'notes.txt.partial'), 'not a backup');
    fs.utimesSync(path.join(dir, 'notes.txt.partial'), old, old);

    const session = openLibrarySession(libraryPath);
    session.close();
    expect(fs.readdirSync(dir).sort()).toEqual([made.name, path.basename(live), 'notes.txt.partial'].sort());
    expect(fs.existsSync(`${libraryPath}.restoring`)).toBe(false);
    expect(removeLeftovers(libraryPath, Date.now() + 2 * LEFTOVER_AGE_MS)).toEqual([live]);
  });
});

describe('a session on a library whose search index is damaged', () => {
  it('turns to recovery once the check after open finds it, and rebuilding the index brings every card back, searchable, with no backup', async () => {
    const libraryPath = tempLibraryPath();
    const library = Library.open(libraryPath);
    fillWithCards(library);
    const cards = library.cards.count();
    const ids = library.db.prepare('SELECT max(id) FROM cards').pluck().get() as number;
    library.close();
    damageIndexPage(libraryPath);

    const session = openLibrarySession(libraryPath, { onBackupError: (err) => { throw err; } });
    // It opens: the damage is where no open looks.
    expect(session.status().mode).toBe('writable');
    const status = await dispatch(session.handlers, 'libraryStatus', { checked: true });
    expect(status).toMatchObject({ ok: true, value: { mode: 'damaged', indexOnly: true, notice: expect.stringMatching(/search index of .* is damaged/) } });
    expect(await dispatch(session.handlers, 'listArticles', {})).toMatchObject({ ok: false, error: expect.stringMatching(/damaged/) });
    expect(listBackups(libraryPath)).toEqual([]);

    const rebuilt = await dispatch(session.handlers, 'rebuildSearchIndex', {});
    expect(rebuilt).toMatchObject({ ok: true, value: { cards } });
    expect(fs.existsSync((rebuilt as { value: { damagedCopy: string } }).value.damagedCopy)).toBe(true);
    expect(session.status().mode).toBe('writable');
    await session.checked;
    expect(session.status().mode).toBe('writable');
    const found = await dispatch(session.handlers, 'search', { query: 'Syria' });
    expect(found).toMatchObject({ ok: true, value: { hits: expect.arrayContaining([expect.objectContaining({})]) } });
    // No id is issued twice: the new card's id comes after every one the library ever had.
    expect(await dispatch(session.handlers, 'createCard', { tag: 'New' })).toMatchObject({ ok: true, value: { id: ids + 1 } });
    session.close();
    const sound = new Database(libraryPath, { readonly: true });
    expect(sound.pragma('quick_check', { simple: true })).toBe('ok');
    sound.close();
  });
});

describe('a session meeting damage after the check', () => {
  it('turns to recovery when SQLite reports damage while answering a call', async () => {
    const { libraryPath, session } = await checkedSessionOfCards();
    expect(session.status().mode).toBe('writable');
    // A page of the cards table goes bad under the open library (a failing disk).
    damageCardsPage(libraryPath);
    // Another writer (the CLI) commits: the session's connection drops its page cache and reads again.
    const other = new Database(libraryPath);
    other.prepare("INSERT INTO settings (key, value) VALUES ('other', '1')").run();
    other.close();

    expect(await dispatch(session.handlers, 'listCards', {})).toMatchObject({ ok: false, error: expect.stringMatching(/malformed/) });
    await expect.poll(() => session.status().mode).toBe('damaged');
    expect(session.status()).toMatchObject({ notice: expect.stringMatching(/is damaged .*restore one/) });
    expect(session.status().indexOnly).toBeUndefined();
    expect(await dispatch(session.handlers, 'rebuildSearchIndex', {})).toMatchObject({ ok: false, error: expect.stringMatching(/not in the search index alone/) });
    session.close();
  });
});
