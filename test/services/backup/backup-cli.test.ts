import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../../electron/cli.js';
import { Library } from '../../../electron/services/library/library.js';
import { corpusPath } from '../../helpers/corpus.js';
import { damageIndexPage, fillWithCards } from '../../helpers/damage-library.js';
import { tempDir } from '../../helpers/temp-dir.js';

async function cardfile(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(argv, (l) => out.push(l), (l) => err.push(l));
  return { code, out: out.join('\n'), err: err.join('\n') };
}

describe('cardfile backups / restore / export-library', () => {
  it('backs up, restores the newest backup with a safety copy, and moves a library through an export', async () => {
    const dir = tempDir();
    const lib = path.join(dir, 'squad.cardfile');
    expect((await cardfile('--library', lib, 'import', corpusPath('ceasefire'))).code).toBe(0);
    expect((await cardfile('--library', lib, 'backups')).out).toMatch(/No backups yet/);
    expect((await cardfile('--library', lib, 'backup')).out).toMatch(/Backed up to .*backups[/\\]squad\..*\.manual\.cardfile/);
    await cardfile('--library', lib, 'import', corpusPath('aleppo'));
    expect((await cardfile('--library', lib, 'list', 'articles')).out.split('\n')).toHaveLength(2);

    const restored = await cardfile('--library', lib, 'restore');
    expect(restored).toMatchObject({ code: 0, out: expect.stringMatching(/Restored squad\..*manual\.cardfile \(1 articles[\s\S]*before-restore/) });
    expect((await cardfile('--library', lib, 'list', 'articles')).out.split('\n')).toHaveLength(1);
    const listed = JSON.parse((await cardfile('--library', lib, 'backups', '--json')).out) as { reason: string; articles: number }[];
    expect(listed.map((b) => [b.reason, b.articles])).toEqual([['before-restore', 2], ['manual', 1]]);

    const folder = path.join(dir, 'export');
    expect((await cardfile('--library', lib, 'export-library', folder)).code).toBe(0);
    const copy = path.join(dir, 'copy.cardfile');
    expect((await cardfile('--library', copy, 'import-library', folder)).out).toBe('Imported 1 articles, 0 cards, 0 briefs.');
    expect((await cardfile('--library', copy, 'list', 'articles')).out).toBe((await cardfile('--library', lib, 'list', 'articles')).out);
  });

  it('names the problem when there is nothing or no such backup to restore', async () => {
    const lib = path.join(tempDir(), 'empty.cardfile');
    expect(await cardfile('--library', lib, 'restore')).toMatchObject({ code: 1, err: expect.stringMatching(/no backups of .*empty\.cardfile/) });
    expect(await cardfile('--library', lib, 'restore', 'nope')).toMatchObject({ code: 1, err: expect.stringMatching(/no backup named "nope"/) });
    expect(await cardfile('--library', lib, 'export-library')).toMatchObject({ code: 2, err: expect.stringMatching(/needs a folder/) });
  });
});

describe('cardfile backups / restore on a library that cannot be opened', () => {
  it('lists the backups and restores one over a library truncated to half, keeping the damaged file aside', async () => {
    const dir = tempDir();
    const lib = path.join(dir, 'squad.cardfile');
    await cardfile('--library', lib, 'import', corpusPath('ceasefire'), corpusPath('aleppo'));
    expect((await cardfile('--library', lib, 'backup')).code).toBe(0);
    const whole = fs.readFileSync(lib);
    const half = whole.subarray(0, Math.floor(whole.length / 2));
    fs.writeFileSync(lib, half);
    expect(await cardfile('--library', lib, 'list', 'articles')).toMatchObject({ code: 1, err: expect.stringMatching(/could not be read/) });

    const listed = await cardfile('--library', lib, 'backups');
    expect(listed).toMatchObject({ code: 0, out: expect.stringMatching(/manual\t2 articles, 0 cards, 0 briefs/) });
    const restored = await cardfile('--library', lib, 'restore');
    expect(restored).toMatchObject({ code: 0, out: expect.stringMatching(/Restored squad\..*manual\.cardfile \(2 articles[\s\S]*damaged library is kept as .*squad\.damaged-.*\.cardfile/) });
    expect((await cardfile('--library', lib, 'list', 'articles')).out.split('\n')).toHaveLength(2);
    const damaged = fs.readdirSync(dir).filter((name) => /^squad\.damaged-.*\.cardfile$/.test(name));
    expect(damaged).toHaveLength(1);
    expect(fs.readFileSync(path.join(dir, damaged[0]!)).equals(half)).toBe(true);
  });

  it('restores over a library whose header reads but whose search index is damaged', async () => {
    const dir = tempDir();
    const lib = path.join(dir, 'squad.cardfile');
    await cardfile('--library', lib, 'import', corpusPath('ceasefire'), corpusPath('aleppo'), corpusPath('article004'));
    expect((await cardfile('--library', lib, 'backup')).code).toBe(0);
    // Garbage over the last tenth of the pages: the header and schema still read.
    const bytes = fs.readFileSync(lib);
    const pageSize = bytes.readUInt16BE(16);
    bytes.fill(0xa5, pageSize * Math.floor((bytes.length / pageSize) * 0.9));
    fs.writeFileSync(lib, bytes);
    expect(await cardfile('--library', lib, 'list', 'articles')).toMatchObject({ code: 1, err: expect.stringMatching(/malformed|vtable constructor failed/) });
    const restored = await cardfile('--library', lib, 'restore');
    expect(restored, restored.err).toMatchObject({ code: 0, out: expect.stringMatching(/Restored squad\..*manual\.cardfile \(3 articles[\s\S]*damaged library is kept as .*squad\.damaged-/) });
    expect((await cardfile('--library', lib, 'list', 'articles')).out.split('\n')).toHaveLength(3);
  });

  it('reads and restores a library whose first page is zeroed on disk but whole in its -wal', async () => {
    const dir = tempDir();
    const lib = path.join(dir, 'squad.cardfile');
    await cardfile('--library', lib, 'import', corpusPath('ceasefire'), corpusPath('aleppo'));
    expect((await cardfile('--library', lib, 'backup')).code).toBe(0);
    await cardfile('--library', lib, 'import', corpusPath('article004'));
    // A writer that died with page 1 committed to the -wal only, then a torn first page on disk.
    const writer = new Database(lib);
    writer.pragma('wal_autocheckpoint = 0');
    writer.pragma(`user_version = ${writer.pragma('user_version', { simple: true }) as number}`);
    const crashed = path.join(dir, 'crashed.cardfile');
    fs.copyFileSync(lib, crashed);
    fs.copyFileSync(`${lib}-wal`, `${crashed}-wal`);
    writer.close();
    const pageSize = fs.readFileSync(crashed).readUInt16BE(16);
    const fd = fs.openSync(crashed, 'r+');
    fs.writeSync(fd, Buffer.alloc(pageSize), 0, pageSize, 0);
    fs.closeSync(fd);
    for (const name of fs.readdirSync(path.join(dir, 'backups'))) fs.renameSync(path.join(dir, 'backups', name), path.join(dir, 'backups', name.replace(/^squad\./, 'crashed.')));

    expect((await cardfile('--library', crashed, 'list', 'articles')).out.split('\n')).toHaveLength(3);
    const restored = await cardfile('--library', crashed, 'restore');
    expect(restored, restored.err).toMatchObject({ code: 0, out: expect.stringMatching(/Restored crashed\..*manual\.cardfile \(2 articles/) });
    expect((await cardfile('--library', crashed, 'list', 'articles')).out.split('\n')).toHaveLength(2);
  });

  it('restores over a file that is no database at all any more', async () => {
    const dir = tempDir();
    const lib = path.join(dir, 'squad.cardfile');
    await cardfile('--library', lib, 'import', corpusPath('ceasefire'));
    expect((await cardfile('--library', lib, 'backup')).code).toBe(0);
    fs.writeFileSync(lib, Buffer.alloc(8192));
    expect(await cardfile('--library', lib, 'list', 'articles')).toMatchObject({ code: 1, err: expect.stringMatching(/not a SQLite database/) });
    const restored = await cardfile('--library', lib, 'restore');
    expect(restored, restored.err).toMatchObject({ code: 0, out: expect.stringMatching(/Restored squad\..*\(1 articles[\s\S]*kept as .*squad\.damaged-/) });
    expect((await cardfile('--library', lib, 'list', 'articles')).out.split('\n')).toHaveLength(1);
  });

  it('refuses to back up a library with a damaged index page, and rebuilds the index from the cards', async () => {
    const lib = path.join(tempDir(), 'squad.cardfile');
    const library = Library.open(lib);
    fillWithCards(library);
    const cards = library.cards.count();
    library.close();
    expect((await cardfile('--library', lib, 'backup')).code).toBe(0);
    const before = (await cardfile('--library', lib, 'backups')).out;
    damageIndexPage(lib);

    expect(await cardfile('--library', lib, 'backup')).toMatchObject({ code: 1, err: expect.stringMatching(/search index of .*squad\.cardfile is damaged.*No backup was taken/) });
    expect((await cardfile('--library', lib, 'backups')).out).toBe(before);
    expect(await cardfile('--library', lib, 'rebuild-index')).toMatchObject({ code: 0, out: expect.stringMatching(new RegExp(`Rebuilt the search index from ${cards} cards\\. The damaged library is kept as .*squad\\.damaged-`)) });
    expect((await cardfile('--library', lib, 'search', 'Aleppo')).out).toMatch(/Aleppo/);
    expect((await cardfile('--library', lib, 'backup')).code).toBe(0);
    expect(await cardfile('--library', lib, 'rebuild-index')).toMatchObject({ code: 0, out: expect.stringMatching(/is sound: there is nothing to rebuild/) });
  });
});
