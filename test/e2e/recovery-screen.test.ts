// A library that cannot be read opens the app on its recovery screen, not on an error.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createBackup } from '../../electron/services/backup/rolling-backups.js';
import { articleFromText } from '../../electron/services/importers/text-importer.js';
import { Library } from '../../electron/services/library/library.js';
import { corpusText } from '../helpers/corpus.js';
import { damageIndexPage, fillWithCards } from '../helpers/damage-library.js';
import { launchApp, screenshot } from '../helpers/e2e.js';
import { tempLibraryPath } from '../helpers/temp-dir.js';

describe('the recovery screen', () => {
  it('lists the backups of a damaged library, restores one and keeps the damaged file aside', async () => {
    const libraryPath = tempLibraryPath();
    const library = Library.open(libraryPath);
    library.articles.insert(articleFromText(corpusText('ceasefire'), { source: 'ceasefire' }));
    library.articles.insert(articleFromText(corpusText('aleppo'), { source: 'aleppo' }));
    await createBackup(library, 'manual', { force: true });
    library.close();
    const whole = fs.readFileSync(libraryPath);
    fs.writeFileSync(libraryPath, whole.subarray(0, Math.floor(whole.length / 2)));

    const { page } = await launchApp({ libraryPath });
    await page.getByRole('heading', { name: 'Your library needs to be restored' }).waitFor();
    expect(await page.getByRole('alert').first().innerText()).toMatch(/could not be read/);
    const backups = page.getByRole('list', { name: 'Backups' });
    await expect.poll(() => backups.innerText()).toMatch(/by hand[\s\S]*2 articles · 0 cards · 0 briefs/);
    await screenshot(page, 'recovery-screen');

    await backups.getByRole('button', { name: /Restore the backup of/ }).click();
    await page.getByRole('group', { name: 'Confirm restore' }).getByRole('button', { name: 'Restore' }).click();

    // The app itself, on the restored library, without a restart.
    const articles = page.getByRole('list', { name: 'Articles' });
    await expect.poll(() => articles.getByRole('button').count()).toBe(2);
    expect(await page.getByRole('note', { name: 'Library restored' }).innerText()).toMatch(/damaged library is kept as .*library\.damaged-.*\.cardfile/);
    const damaged = fs.readdirSync(path.dirname(libraryPath)).filter((name) => /^library\.damaged-.*\.cardfile$/.test(name));
    expect(damaged).toHaveLength(1);
    expect(fs.statSync(path.join(path.dirname(libraryPath), damaged[0]!)).size).toBe(Math.floor(whole.length / 2));
  });

  it('finds a damaged search index after the app is up and rebuilds it from the cards, with no backup', async () => {
    const libraryPath = tempLibraryPath();
    const library = Library.open(libraryPath);
    fillWithCards(library);
    const cards = library.cards.count();
    library.close();
    damageIndexPage(libraryPath);

    const { page } = await launchApp({ libraryPath });
    await page.getByRole('heading', { name: 'Your library’s search index is damaged' }).waitFor();
    expect(await page.getByRole('alert').first().innerText()).toMatch(/search index of .* is damaged/);
    await screenshot(page, 'recovery-screen-index');
    await page.getByRole('button', { name: 'Rebuild the search index' }).click();

    expect(await page.getByRole('note', { name: 'Library restored' }).innerText()).toMatch(new RegExp(`Rebuilt the search index from your ${cards} cards\\. The damaged library is kept as .*library\\.damaged-.*\\.cardfile`));
    await page.keyboard.press('Alt+2');
    await page.keyboard.press('Control+k');
    await page.getByRole('searchbox', { name: 'Search the library' }).fill('Aleppo');
    const hits = page.getByRole('listbox', { name: 'Results' }).getByRole('option').filter({ has: page.locator('.snippet') });
    await expect.poll(() => hits.count()).toBeGreaterThan(0);
    expect(fs.readdirSync(path.dirname(libraryPath)).filter((name) => /^library\.damaged-.*\.cardfile$/.test(name))).toHaveLength(1);
  });
});
