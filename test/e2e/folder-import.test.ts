import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { Library } from '../../electron/services/library/library.js';
import { CORPUS, corpusPath, corpusText } from '../helpers/corpus.js';
import { launchApp } from '../helpers/e2e.js';
import { tempDir } from '../helpers/temp-dir.js';
import { bigBriefDocx } from '../services/jobs/big-brief.js';

const ARTICLES = 60;

/** A tub: many articles in subfolders, the corpus block (a brief), a Verbatim brief, one broken .docx. */
async function tub(): Promise<string> {
  const dir = tempDir('cardfile-e2e-tub-');
  const words = corpusText('aleppo').split(/\s+/);
  for (let i = 0; i < ARTICLES; i++) {
    const sub = path.join(dir, 'articles', `part-${i % 3}`);
    fs.mkdirSync(sub, { recursive: true });
    fs.writeFileSync(path.join(sub, `a${String(i).padStart(2, '0')}.txt`), `Aleppo report ${i}\n\n${words.slice(i, i + 150).join(' ')} (${i})`);
  }
  fs.copyFileSync(corpusPath('block'), path.join(dir, CORPUS.block));
  fs.writeFileSync(path.join(dir, 'russia.docx'), await bigBriefDocx(30, 'Russia'));
  fs.writeFileSync(path.join(dir, 'broken.docx'), 'PK\u0003\u0004 not a real zip');
  return dir;
}

describe('folder import in Chromium (browser mode)', () => {
  it('imports a chosen folder as one job with progress, lists the broken file, and a second run skips everything', async () => {
    const folder = await tub();
    const app = await launchApp();
    const { page } = app;
    await page.getByRole('tab', { name: 'Library' }).waitFor();
    await page.getByLabel('Folder to import').setInputFiles(folder);

    const status = page.getByLabel('Import status');
    await expect.poll(() => status.innerText(), { timeout: 60_000 }).toMatch(/^62 imported, 0 duplicates, 1 failed, \d+ cards$/);
    const cards = Number(/(\d+) cards$/.exec(await status.innerText())![1]);
    expect(cards).toBeGreaterThanOrEqual(30);
    expect(await page.getByRole('list', { name: 'Files that failed' }).innerText()).toMatch(/broken\.docx[\s\S]*Could not import .*broken\.docx/);
    await expect.poll(() => page.getByRole('list', { name: 'Articles' }).getByRole('button').count()).toBe(ARTICLES);

    // The same folder again (as after a crash mid-way): nothing is parsed or stored twice.
    await page.getByLabel('Folder to import').setInputFiles(folder);
    await expect.poll(() => status.innerText(), { timeout: 60_000 }).toBe('0 imported, 62 duplicates, 1 failed, 0 cards');
    const library = Library.open(app.libraryPath);
    expect(library.info()).toMatchObject({ articles: ARTICLES, briefs: 2 });
    library.close();
  }, 180_000);

  it('shows files, cards and time left while it runs, and Cancel stops it with what came in kept', async () => {
    const folder = tempDir('cardfile-e2e-briefs-');
    for (let i = 0; i < 30; i++) fs.writeFileSync(path.join(folder, `brief-${String(i).padStart(2, '0')}.docx`), await bigBriefDocx(100, `Brief ${i}`));
    const app = await launchApp();
    const { page } = app;
    await page.getByRole('tab', { name: 'Library' }).waitFor();
    await page.getByLabel('Folder to import').setInputFiles(folder);
    const status = page.getByLabel('Import status');
    // While a file's cards are read and not yet stored, the line names it with the count so far
    // ("· brief-03.docx: 64 cards read"): a slow machine reports mid-file, after REPORT_MS.
    await expect.poll(() => status.innerText(), { timeout: 60_000, interval: 20 }).toMatch(/^Importing: [1-9]\d* of 30 files, [1-9][\d,]* cards, about \d+ (s|min) left( · brief-\d\d\.docx: [1-9]\d* cards read)?$/);
    await page.getByRole('button', { name: 'Cancel' }).click();
    await expect.poll(() => status.innerText(), { timeout: 60_000 }).toMatch(/^\d+ imported, 0 duplicates, 0 failed, [\d,]+ cards, \d+ not started \(cancelled\)$/);
    const [, imported, cards, notStarted] = /^(\d+) imported.* ([\d,]+) cards, (\d+) not started/.exec(await status.innerText())!;
    expect(Number(imported) + Number(notStarted)).toBe(30);
    expect(Number(cards!.replace(/,/g, ''))).toBe(100 * Number(imported));
    const library = Library.open(app.libraryPath);
    expect(library.info().briefs).toBe(Number(imported));
    library.close();
  }, 180_000);
});
