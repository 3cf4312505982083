import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { corpusText } from '../helpers/corpus.js';
import { launchApp, screenshot } from '../helpers/e2e.js';

describe('browser mode, end to end in Chromium', () => {
  it('pastes an article, lists it, and still lists it after a reload and a server restart', async () => {
    const app = await launchApp();
    const { page } = app;
    await page.getByRole('tab', { name: 'Library' }).waitFor();
    await page.getByLabel('Text').fill(corpusText('ceasefire'));
    await page.getByRole('button', { name: 'Add article' }).click();

    const articles = page.getByRole('list', { name: 'Articles' });
    await expect.poll(() => articles.getByRole('button').allInnerTexts()).toEqual([expect.stringContaining('No Ceasefire in Syria Any More')]);
    await expect.poll(() => page.getByRole('status').innerText()).toContain('Saved article');

    await page.reload();
    await expect.poll(() => articles.getByRole('button').count()).toBe(1);

    await app.restartServer();
    await page.reload();
    await expect.poll(() => articles.getByRole('button').first().innerText()).toContain('No Ceasefire in Syria Any More');

    // Opening it shows the article in the Cutter with its missing citation fields marked.
    await articles.getByRole('button').first().click();
    await expect.poll(() => page.getByRole('tab', { name: 'Cutter' }).getAttribute('aria-selected')).toBe('true');
    await expect.poll(() => page.locator('article h2').innerText()).toBe('No Ceasefire in Syria Any More');
    const shot = await screenshot(page, 'library-paste');
    expect(fs.statSync(shot).size).toBeGreaterThan(10_000);
  });

  it('moves between the four areas with the keyboard', async () => {
    const app = await launchApp();
    const { page } = app;
    await page.getByRole('tab', { name: 'Library' }).focus();
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => page.getByRole('tab', { name: 'Cutter' }).getAttribute('aria-selected')).toBe('true');
    await page.keyboard.press('Alt+3');
    await expect.poll(() => page.getByRole('tab', { name: 'Briefs' }).getAttribute('aria-selected')).toBe('true');
    await page.keyboard.press('Alt+4');
    await expect.poll(() => page.getByRole('tab', { name: 'Search' }).getAttribute('aria-selected')).toBe('true');
    await page.keyboard.press('Alt+1');
    await expect.poll(() => page.getByRole('tab', { name: 'Library' }).getAttribute('aria-selected')).toBe('true');
  });
});
