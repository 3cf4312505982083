import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { backupsDir } from '../../../electron/services/backup/backup-files.js';
import { exportLibrary } from '../../../electron/services/backup/library-export.js';
import { restoreBackup } from '../../../electron/services/backup/restore-backup.js';
import { createBackup, KEEP_SETTING, listBackups, startRollingBackups } from '../../../electron/services/backup/rolling-backups.js';
import { Library } from '../../../electron/services/library/library.js';
import { LibraryError } from '../../../electron/services/library/library-error.js';
import { tempLibraryPath } from '../../helpers/temp-dir.js';
import { fillLibrary } from './fill-library.js';

const contents = (library: Library) => {
  const { exportedAt: _, ...rest } = exportLibrary(library);
  return rest;
};

function openFilled(): Library {
  const library = Library.open(tempLibraryPath());
  fillLibrary(library);
  return library;
}

describe('rolling backups', () => {
  it('writes a complete, openable copy in backups/ beside the library and lists it', async () => {
    const library = openFilled();
    const made = await createBackup(library, 'manual');
    expect(made).toMatchObject({ reason: 'manual', articles: 2, cards: 4, briefs: 1, problem: null });
    const file = path.join(backupsDir(library.path), made!.name);
    expect(path.dirname(file)).toBe(path.join(path.dirname(library.path), 'backups'));
    const copy = new Database(file, { readonly: true });
    expect(copy.pragma('integrity_check', { simple: true })).toBe('ok');
    copy.close();
    expect(listBackups(library.path).map((b) => b.name)).toEqual([made!.name]);
    expect(fs.readdirSync(backupsDir(library.path)).filter((f) => f.endsWith('.partial'))).toEqual([]);
    library.close();
  });

  it('skips a backup of an empty or unchanged library unless forced', async () => {
    const library = Library.open(tempLibraryPath());
    expect(await createBackup(library, 'open')).toBeNull();
    fillLibrary(library);
    expect(await createBackup(library, 'open')).not.toBeNull();
    expect(await createBackup(library, 'open')).toBeNull();
    library.cards.update(1, { tag: 'Link turn: edited' });
    expect(await createBackup(library, 'hourly')).not.toBeNull();
    expect(await createBackup(library, 'manual', { force: true })).not.toBeNull();
    expect(listBackups(library.path).map((b) => b.reason)).toEqual(['manual', 'hourly', 'open']);
    library.close();
  });

  it('keeps the newest N (10 by default, or the library setting)', async () => {
    const library = openFilled();
    const start = Date.parse('2025-01-01T00:00:00Z');
    for (let i = 0; i < 13; i++) await createBackup(library, 'hourly', { force: true, now: new Date(start + i * 3_600_000) });
    const kept = listBackups(library.path);
    expect(kept).toHaveLength(10);
    expect(kept[0]!.createdAt).toBe('2025-01-01T12:00:00.000Z');
    expect(kept[9]!.createdAt).toBe('2025-01-01T03:00:00.000Z');
    library.setSetting(KEEP_SETTING, 3);
    await createBackup(library, 'manual', { force: true, now: new Date(start + 20 * 3_600_000) });
    expect(listBackups(library.path).map((b) => b.createdAt)).toEqual(['2025-01-01T20:00:00.000Z', '2025-01-01T12:00:00.000Z', '2025-01-01T11:00:00.000Z']);
    library.close();
  });

  it('leaves no -wal or -shm beside backups, and pruning removes those older Cardfiles left', async () => {
    const library = openFilled();
    const start = Date.parse('2025-01-01T00:00:00Z');
    library.setSetting(KEEP_SETTING, 2);
    const first = (await createBackup(library, 'hourly', { force: true, now: new Date(start) }))!;
    // A WAL-mode backup, as Cardfile wrote them before, read once: SQLite leaves its side files.
    const old = path.join(backupsDir(library.path), first.name);
    const wal = new Database(old);
    wal.pragma('journal_mode = WAL');
    wal.close();
    new Database(old, { readonly: true }).prepare('SELECT count(*) FROM cards').get();
    expect(fs.readdirSync(backupsDir(library.path)).sort()).toEqual([first.name, `${first.name}-shm`, `${first.name}-wal`]);
    for (let i = 1; i <= 3; i++) await createBackup(library, 'hourly', { force: true, now: new Date(start + i * 3_600_000) });
    for (const b of listBackups(library.path)) new Database(path.join(backupsDir(library.path), b.name), { readonly: true }).close();
    expect(fs.readdirSync(backupsDir(library.path)).sort()).toEqual(listBackups(library.path).map((b) => b.name).sort());
    expect(fs.readdirSync(backupsDir(library.path))).toHaveLength(2);
    library.close();
  });

  it('backs up at open and then on every interval of use', async () => {
    const library = openFilled();
    const runs: (string | null)[] = [];
    const rolling = startRollingBackups(library, { intervalMs: 40, onError: (err) => { throw err; }, onBackup: (made) => runs.push(made?.reason ?? null) });
    await rolling.atOpen;
    expect(listBackups(library.path).map((b) => b.reason)).toEqual(['open']);
    library.cards.update(1, { tag: 'Impact: edited after open' });
    // Waits for the intervals themselves, not for a guess at how long they take.
    await expect.poll(() => runs.length, { timeout: 10_000, interval: 10 }).toBeGreaterThanOrEqual(5);
    rolling.stop();
    expect(runs.slice(0, 5)).toEqual(['open', 'hourly', null, null, null]);
    // Changed once, so exactly one hourly backup however many intervals passed.
    expect(listBackups(library.path).map((b) => b.reason)).toEqual(['hourly', 'open']);
    library.close();
  });

  it('lists a damaged backup with its problem instead of failing the listing', async () => {
    const library = openFilled();
    const made = (await createBackup(library, 'manual'))!;
    fs.writeFileSync(path.join(backupsDir(library.path), made.name), 'not a database at all');
    const [listed] = listBackups(library.path);
    expect(listed!.problem).toMatch(/cannot be read/);
    library.close();
  });
});

describe('restore', () => {
  it('brings back the backed-up library into the open connection, after backing up the current one', async () => {
    const library = openFilled();
    const before = contents(library);
    const made = (await createBackup(library, 'manual'))!;
    library.cards.delete(1);
    library.articles.insert({ title: 'Added later', authors: [], publication: '', publishedDate: '', url: '', accessedDate: '', sourceKind: 'paste', text: 'x' });
    const afterEdits = contents(library);

    const result = await restoreBackup(library, made.name);
    expect(contents(library)).toEqual(before);
    expect(library.db.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(library.db.pragma('journal_mode', { simple: true })).toBe('wal');
    // The state it replaced is itself a backup, and restoring that undoes the restore.
    expect(result.safetyCopy.reason).toBe('before-restore');
    await restoreBackup(library, result.safetyCopy.name);
    expect(contents(library)).toEqual(afterEdits);
    library.close();

    const reopened = Library.open(library.path);
    expect(contents(reopened)).toEqual(afterEdits);
    reopened.close();
  });

  it.each([
    ['not a database', (file: string) => fs.writeFileSync(file, 'junk junk junk'), /cannot be (opened|read)/],
    ['another program’s database', (file: string) => { fs.rmSync(file); const db = new Database(file); db.exec('CREATE TABLE t (x)'); db.close(); }, /not a Cardfile library/],
    ['a truncated copy', (file: string) => fs.truncateSync(file, 4096), /damaged|cannot be (opened|read)/],
  ])('refuses %s and leaves the library as it was', async (_what, spoil, message) => {
    const library = openFilled();
    const made = (await createBackup(library, 'manual'))!;
    spoil(path.join(backupsDir(library.path), made.name));
    const before = contents(library);
    await expect(restoreBackup(library, made.name)).rejects.toThrow(message);
    expect(contents(library)).toEqual(before);
    expect(listBackups(library.path)).toHaveLength(1);
    library.close();
  });

  it('accepts only names of this library’s backups, never a path', async () => {
    const library = openFilled();
    await createBackup(library, 'manual');
    for (const name of ['../library.cardfile', library.path, 'other.2025-01-01T00-00-00-000Z.manual.cardfile']) {
      await expect(restoreBackup(library, name)).rejects.toThrow(LibraryError);
    }
    library.close();
  });
});
