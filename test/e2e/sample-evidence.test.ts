import { describe, expect, it } from 'vitest';
import { httpApi, launchApp, screenshot } from '../helpers/e2e.js';

describe('first run', () => {
  it('"Try with sample evidence" brings in the bundled articles and the block as a brief, in one click', async () => {
    const app = await launchApp();
    const { page } = app;
    await page.keyboard.press('Alt+1');
    const articles = page.getByRole('list', { name: 'Articles' }).getByRole('button');
    await page.getByRole('button', { name: 'Try with sample evidence' }).click();
    await expect.poll(() => articles.count(), { timeout: 30_000 }).toBe(4);
    expect(await articles.locator('.title').allInnerTexts()).toEqual(expect.arrayContaining(['No Ceasefire in Syria Any More']));
    await expect.poll(() => page.getByRole('status').innerText()).toContain('Sample evidence: 4 articles in the Library, 1 brief in Briefs');
    await screenshot(page, 'sample-evidence');

    const api = httpApi(app.url);
    const briefs = await api.listBriefs({});
    expect(briefs).toHaveLength(1);
    expect(briefs[0]!.cards).toBe(8);
    // The offer is for an empty library only.
    await expect.poll(() => page.getByRole('button', { name: 'Try with sample evidence' }).count()).toBe(0);
  });
});
