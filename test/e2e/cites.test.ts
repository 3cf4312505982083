import { describe, expect, it } from 'vitest';
import { corpusText } from '../helpers/corpus.js';
import { httpApi, launchApp, screenshot } from '../helpers/e2e.js';

describe('cites you can trust', () => {
  it('warns about a card cut before its article had details, offers to refresh it when they are filled, and asks for a cite for F2 text not in the article', async () => {
    const app = await launchApp();
    const { page } = app;
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: app.url });
    const api = httpApi(app.url);
    const article = await api.createArticle({ title: 'Battle for Aleppo', text: corpusText('article001') });
    await page.reload();

    // Cut the whole article (Ctrl+A in the article selects only it): the cite has no author, date or source.
    await page.getByRole('button', { name: /Battle for Aleppo/ }).first().click();
    await page.getByRole('textbox', { name: /Article text/ }).waitFor();
    // The caret is in the article (it takes the focus as it opens) before the keys go to it.
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toMatch(/^Article text/);
    await page.keyboard.press('Control+a');
    await page.keyboard.press('Alt+c');
    await page.locator('.card-doc .body').waitFor();
    const editorWarning = page.getByRole('region', { name: 'Card editor' }).getByRole('note');
    await expect.poll(() => editorWarning.innerText()).toBe('⚠ Cite lacks short cite, author and date');
    await expect.poll(() => page.locator('.card-library').getByRole('note').count()).toBe(1);
    await screenshot(page, 'cites-warning-1440');
    await page.setViewportSize({ width: 1024, height: 700 });
    await screenshot(page, 'cites-warning-1024');
    await page.setViewportSize({ width: 1440, height: 900 });

    // F2 with text that is not in the article: a cite box, the cite parser reads the line.
    await page.evaluate(() => navigator.clipboard.writeText('Moscow and Ankara agreed on a new corridor.'));
    await page.keyboard.press('F2');
    const box = page.getByRole('dialog', { name: 'Cite for the pasted text' });
    await box.waitFor();
    await page.keyboard.type('Joseph Choi, 9-2-21, The Hill, Kremlin says corridor is open');
    await expect.poll(() => box.locator('.cite-preview strong').innerText()).toBe('Choi 21');
    await page.keyboard.press('Enter');
    await box.waitFor({ state: 'detached' });
    await expect.poll(async () => (await api.listCards({})).find((c) => c.shortCite === 'Choi 21')?.articleId).toBe(null);
    const pasted = (await api.listCards({})).find((c) => c.shortCite === 'Choi 21')!;
    expect(pasted.fullCite).toBe('Joseph Choi, 9-2-21, The Hill, Kremlin says corridor is open');
    await expect.poll(() => editorWarning.count()).toBe(0);

    // Text that is in the article takes the article's cite and its place, no box.
    await page.evaluate(() => navigator.clipboard.writeText('representatives of the armed opposition\nannounced the resumption of bombing'));
    await page.keyboard.press('F2');
    await expect.poll(async () => (await api.listCards({})).length).toBe(3);
    expect(await box.count()).toBe(0);

    // Filling the details in the Library offers to refresh the cites of both cards cut from it.
    await page.getByRole('tab', { name: 'Library' }).click();
    const details = page.getByRole('form', { name: 'Citation details' });
    await details.locator('input[name="publication"]').fill('Kommersant');
    await details.locator('input[name="publishedDate"]').fill('2016-09-27');
    await details.getByRole('button', { name: 'Add author' }).click();
    await details.getByLabel('Author 1 name').fill('Anna Petrova');
    await details.getByRole('button', { name: 'Save details' }).click();
    const offer = page.getByRole('status').getByRole('button', { name: 'Refresh all 2' });
    await offer.click();
    await expect.poll(async () => (await api.listCards({ articleId: article.id })).map((c) => c.shortCite)).toEqual(['Petrova 16', 'Petrova 16']);

    // Back in the Cutter the warning is gone; the refreshed cite is what the editor shows.
    await page.getByRole('tab', { name: 'Cutter' }).click();
    const [first] = (await api.listCards({ articleId: article.id })).sort((a, b) => a.id - b.id);
    await page.locator(`.card-row[data-card-id="${first!.id}"] button.row`).click();
    await expect.poll(() => page.locator('.card-doc p.cite strong').innerText()).toBe('Petrova 16');
    expect(await page.locator('.card-library').getByRole('note').count()).toBe(0);
  });

  it('refreshes one card\'s cite from its article with the palette command', async () => {
    const app = await launchApp();
    const { page } = app;
    const api = httpApi(app.url);
    const article = await api.createArticle({ title: 'Battle for Aleppo', text: corpusText('article001'), publication: 'Kommersant', publishedDate: '2016-09-27' });
    const card = await api.createCard({
      tag: 'Talks collapse', label: null, shortCite: '', fullCite: '(Battle for Aleppo)', articleId: article.id, passage: null,
      body: { type: 'body', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'The talks collapsed.' }] }] },
    });
    await page.getByRole('tab', { name: 'Cutter' }).click();
    await page.locator('.card-row button.row', { hasText: 'Talks collapse' }).click();
    await page.locator('.card-doc .body').click();
    await page.keyboard.press('Control+Shift+P');
    await page.getByRole('dialog', { name: 'Command palette' }).waitFor();
    await page.keyboard.type('Refresh cite');
    await page.keyboard.press('Enter');
    await expect.poll(async () => (await api.getCard({ id: card.id })).shortCite).toBe('Kommersant 16');
    await expect.poll(() => page.locator('.card-doc p.cite strong').innerText()).toBe('Kommersant 16');
  });
});
