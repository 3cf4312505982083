import { describe, expect, it } from 'vitest';
import { corpusText } from '../helpers/corpus.js';
import { httpApi, launchApp } from '../helpers/e2e.js';

describe('the Backups panel', () => {
  it('backs up by hand and restores a deleted article after a confirming click', async () => {
    const app = await launchApp();
    const { page } = app;
    const api = httpApi(app.url);
    const article = await api.importText({ text: corpusText('ceasefire') });
    await page.reload();

    const backups = page.getByRole('list', { name: 'Backups' });
    await page.getByRole('button', { name: 'Back up now' }).click();
    await expect.poll(() => backups.getByRole('listitem').count()).toBe(1);
    await expect.poll(() => backups.innerText()).toContain('1 articles · 0 cards · 0 briefs');

    await api.deleteArticle({ id: article.id });
    await page.reload();
    const articles = page.getByRole('list', { name: 'Articles' });
    await expect.poll(() => articles.getByRole('button').count()).toBe(0);

    await backups.getByRole('button', { name: /Restore the backup of/ }).click();
    await page.getByRole('group', { name: 'Confirm restore' }).getByRole('button', { name: 'Restore' }).click();
    await expect.poll(() => articles.getByRole('button').allInnerTexts()).toEqual([expect.stringContaining('No Ceasefire in Syria Any More')]);
    await expect.poll(() => page.getByRole('status').innerText()).toContain('Restored the backup');
    // The library as it was (without the article) is now a backup of its own.
    await expect.poll(() => backups.innerText()).toMatch(/before a restore[\s\S]*0 articles/);
  });
});
