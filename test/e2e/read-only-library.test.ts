// Browser mode (the real `npm run web` entry) on a library in a read-only folder: it starts,
// says so in a banner, shows and searches the library, and refuses changes with a clear error.
import { spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { afterEach, describe, expect, it } from 'vitest';
import { corpusPath, corpusText } from '../helpers/corpus.js';
import { CHROMIUM_ARGS, httpApi } from '../helpers/e2e.js';
import { spawnReadOnly } from '../helpers/read-only-mount.js';
import { tempDir } from '../helpers/temp-dir.js';

const ROOT = path.resolve(import.meta.dirname, '../..');
const children: ChildProcess[] = [];
afterEach(() => {
  for (const child of children.splice(0)) child.kill('SIGTERM');
});

function printedAddress(child: ChildProcess): Promise<string> {
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      const match = /on (http:\/\/127\.0\.0\.1:\d+\/\?\S+)/.exec(out);
      if (match) resolve(match[1]!);
    });
    child.once('exit', (code) => reject(new Error(`browser mode exited (${code}): ${out}`)));
  });
}

describe('browser mode on a read-only library', () => {
  it('shows a banner, lists and searches, and refuses writes and backups with a clear error', async () => {
    const dir = path.join(tempDir(), 'tub');
    const lib = path.join(dir, 'squad.cardfile');
    const made = spawnSync(process.execPath, [path.join(ROOT, 'bin/cardfile.js'), '--library', lib, 'import', corpusPath('ceasefire'), corpusPath('aleppo')], { encoding: 'utf8' });
    expect(made.status, made.stderr).toBe(0);
    const before = fs.readFileSync(lib);

    const child = spawnReadOnly([dir], [process.execPath, path.join(ROOT, 'dist/electron/electron/server-main.js')], { CARDFILE_LIBRARY: lib, CARDFILE_NO_OPEN: '1', CARDFILE_PORT: '0' });
    children.push(child);
    const address = await printedAddress(child);
    const api = httpApi(address);
    expect(await api.libraryStatus({})).toMatchObject({ mode: 'read-only', path: lib });
    await expect(api.backupNow({})).rejects.toThrow(/Cannot back up .*squad\.cardfile: .*read-only/);
    expect(await api.listArticles({})).toHaveLength(2);
    expect(await api.search({ query: 'ceasefire' })).toMatchObject({ hits: [] });

    const browser = await chromium.launch({ executablePath: process.env.CARDFILE_CHROMIUM ?? '/usr/bin/chromium', headless: true, args: CHROMIUM_ARGS });
    try {
      const page = await browser.newPage();
      await page.goto(address);
      await expect.poll(() => page.getByRole('note', { name: 'Read-only library' }).innerText()).toMatch(/squad\.cardfile is read-only: you can read, search and export/);
      const articles = page.getByRole('list', { name: 'Articles' });
      await expect.poll(() => articles.getByRole('button').count()).toBe(2);
      await page.getByLabel('Text').fill(corpusText('article004'));
      await page.getByRole('button', { name: 'Add article' }).click();
      await expect.poll(() => page.getByRole('alert').first().innerText()).toMatch(/Not saved: this library is read-only/);
      expect(await articles.getByRole('button').count()).toBe(2);
    } finally {
      await browser.close();
    }
    expect(fs.readFileSync(lib).equals(before)).toBe(true);
    expect(fs.readdirSync(dir)).toEqual(['squad.cardfile']);
  });
});
