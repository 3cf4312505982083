// A library on a read-only file or folder (a squad's tub on a read-only share, a locked USB
// stick): it opens read-only, says so in one line, reads, searches and exports, and refuses
// writes and backups with a clear error, leaving nothing behind and never hanging.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { Library } from '../../electron/services/library/library.js';
import { corpusPath } from '../helpers/corpus.js';
import { fillWithCards } from '../helpers/damage-library.js';
import { runReadOnly } from '../helpers/read-only-mount.js';
import { tempDir } from '../helpers/temp-dir.js';
import { spawnSync } from 'node:child_process';

const BIN = path.resolve(import.meta.dirname, '../../bin/cardfile.js');

function filledLibrary(): { dir: string; lib: string } {
  const dir = path.join(tempDir(), 'tub');
  const lib = path.join(dir, 'squad.cardfile');
  const made = spawnSync(process.execPath, [BIN, '--library', lib, 'import', corpusPath('ceasefire'), corpusPath('aleppo')], { encoding: 'utf8' });
  expect(made.status, made.stderr).toBe(0);
  return { dir, lib };
}

const listing = (dir: string) => fs.readdirSync(dir, { recursive: true, encoding: 'utf8' }).sort();

describe.each([
  ['folder', (at: { dir: string; lib: string }) => at.dir],
  ['file', (at: { dir: string; lib: string }) => at.lib],
])('a library on a read-only %s', (_what, readOnlyPath) => {
  it('lists, searches and exports with a one-line notice; writes and backups fail clearly', () => {
    const at = filledLibrary();
    const before = fs.readFileSync(at.lib);
    const out = path.join(tempDir(), 'export');
    const cardfile = (...args: string[]) => runReadOnly([readOnlyPath(at)], [process.execPath, BIN, '--library', at.lib, ...args]);

    const listed = cardfile('list', 'articles');
    expect(listed.code).toBe(0);
    expect(listed.stdout.trim().split('\n')).toHaveLength(2);
    expect(listed.stderr.trim().split('\n')).toEqual([`cardfile: ${at.lib} is read-only: you can read, search and export, but changes cannot be saved. To change it, copy it to a folder you can write to and open the copy.`]);
    expect(cardfile('search', 'ceasefire').code).toBe(0);
    expect(cardfile('export-library', out)).toMatchObject({ code: 0 });
    expect(JSON.parse(fs.readFileSync(path.join(out, 'library.json'), 'utf8')).articles).toHaveLength(2);

    const imported = cardfile('import', corpusPath('article004'));
    expect(imported.code).toBe(1);
    expect(imported.stderr).toMatch(/Could not import .*004_.*Not saved: this library is read-only/);

    const backup = cardfile('backup');
    if (readOnlyPath(at) === at.dir) {
      expect(backup.code).toBe(1);
      expect(backup.stderr).toMatch(/cannot back up .*squad\.cardfile: .*read-only/i);
    } else {
      // The folder takes the backup; only the library file is locked.
      expect(backup).toMatchObject({ code: 0, stdout: expect.stringMatching(/Backed up to .*backups/) });
    }
    const restore = cardfile('restore');
    expect(restore.code).toBe(1);
    // A read-only folder never got a backup; beside a read-only file there is one, but no restoring into it.
    expect(restore.stderr).toMatch(readOnlyPath(at) === at.dir ? /there are no backups of .*squad\.cardfile/ : /Cannot restore a backup into .*squad\.cardfile: it is read-only/);
    expect(listing(at.dir).filter((name) => name.endsWith('.partial') || name.includes('before-restore'))).toEqual([]);
    expect(fs.readFileSync(at.lib).equals(before)).toBe(true);
  }, 180_000); // six runs of the built CLI, each a fresh Node process
});

// Another user's library, its file 0444 (root ignores modes, so these run the CLI as `nobody`).
// Big enough (over 100 pages) that a backup takes more than one step of SQLite's backup.
describe('a 0444 library of another user', () => {
  /** Each round adds four articles and their cards: six make about 600 kB, 150 pages. */
  const ROUNDS = 6;
  const AS_NOBODY = ['setpriv', '--reuid=nobody', '--regid=nogroup', '--clear-groups'];

  function sharedLibrary(folderMode: number): { dir: string; lib: string; before: Buffer } {
    const top = tempDir();
    fs.chmodSync(top, 0o755);
    const dir = path.join(top, 'tub');
    const lib = path.join(dir, 'squad.cardfile');
    const library = Library.open(lib);
    for (let i = 0; i < ROUNDS; i++) fillWithCards(library);
    library.close();
    expect(fs.statSync(lib).size).toBeGreaterThan(100 * 4096);
    fs.chmodSync(lib, 0o444);
    fs.chmodSync(dir, folderMode);
    return { dir, lib, before: fs.readFileSync(lib) };
  }

  const asNobody = (lib: string, ...args: string[]) => {
    // A hang fails the test instead of hanging it.
    const run = spawnSync(AS_NOBODY[0]!, [...AS_NOBODY.slice(1), process.execPath, BIN, '--library', lib, ...args], { encoding: 'utf8', timeout: 30_000 });
    return { code: run.status, signal: run.signal, stdout: run.stdout, stderr: run.stderr };
  };

  it('in a 0555 folder: opens read-only for list, search and export', () => {
    const at = sharedLibrary(0o555);
    const out = path.join(tempDir(), 'export');
    fs.chmodSync(path.dirname(out), 0o777);
    const listed = asNobody(at.lib, 'list', 'articles');
    expect(listed, listed.stderr).toMatchObject({ code: 0, stderr: expect.stringMatching(/is read-only: you can read, search and export/) });
    expect(listed.stdout.trim().split('\n')).toHaveLength(4 * ROUNDS);
    expect(asNobody(at.lib, 'search', 'Syria')).toMatchObject({ code: 0, stdout: expect.stringMatching(/Impact/) });
    expect(asNobody(at.lib, 'export-library', out)).toMatchObject({ code: 0 });
    expect(JSON.parse(fs.readFileSync(path.join(out, 'library.json'), 'utf8')).articles).toHaveLength(4 * ROUNDS);
    expect(fs.readFileSync(at.lib).equals(at.before)).toBe(true);
  }, 120_000);

  it('in a writable folder: `cardfile backup` ends at once, backed up or refused, and the library is unchanged', () => {
    const at = sharedLibrary(0o777);
    const backup = asNobody(at.lib, 'backup');
    expect(backup.signal, 'cardfile backup had to be killed').toBeNull();
    if (backup.code === 0) expect(backup.stdout).toMatch(/Backed up to .*backups/);
    else expect(backup).toMatchObject({ code: 1, stderr: expect.stringMatching(/Cannot back up .*squad\.cardfile: /) });
    expect(fs.readdirSync(path.join(at.dir, 'backups')).filter((name) => name.includes('.partial'))).toEqual([]);
    expect(fs.readFileSync(at.lib).equals(at.before)).toBe(true);
  }, 120_000);
});
