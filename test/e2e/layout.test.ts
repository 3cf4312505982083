import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { Api } from '../../shared/api.js';
import { corpusText } from '../helpers/corpus.js';
import { httpApi, launchApp, screenshot } from '../helpers/e2e.js';

const CARDS = 10_000;

async function seedCards(api: Api, count: number): Promise<void> {
  const make = (i: number) => api.createCard({
    tag: `Card ${i}: sanctions cut Russia's revenue`, label: null, shortCite: `Ace ${i % 100}`, fullCite: 'Ace, 2021, The Hill',
    body: { type: 'body', content: [{ type: 'paragraph', content: [{ type: 'text', text: `Evidence number ${i}.` }] }] }, articleId: null, passage: null,
  });
  for (let i = 0; i < count; i += 100) await Promise.all(Array.from({ length: Math.min(100, count - i) }, (_, k) => make(i + k)));
}

/** How far the page scrolls sideways (0 when it fits). */
const sideways = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);

describe('layout from 1024×700 up', () => {
  it('fits every view without sideways scrolling, gives the editor the room, and scrolls 10,000 cards a screenful at a time', async () => {
    const app = await launchApp();
    const { page } = app;
    const api = httpApi(app.url);
    await api.createArticle({ title: 'Battle for Aleppo', text: corpusText('article001'), publication: 'Kommersant', publishedDate: '2016-09-27' });
    await seedCards(api, CARDS);
    await api.createBrief({
      title: 'Russia', kind: 'brief',
      doc: { type: 'doc', content: [{ type: 'block', content: [{ type: 'text', text: 'AT: Russia won’t cooperate' }] }, { type: 'card', content: [{ type: 'tag', content: [{ type: 'text', text: 'They will' }] }] }] },
    });

    for (const [width, height] of [[1024, 700], [1440, 900]] as const) {
      await page.evaluate(() => localStorage.clear());
      await page.setViewportSize({ width, height });
      await page.reload();

      // Library: the card list scrolls on its own, drawing only the rows in view.
      const list = page.getByRole('list', { name: 'Cards' });
      await list.locator('li').first().waitFor();
      expect(await list.locator('li').count()).toBeLessThan(80);
      expect(await sideways(page)).toBe(0);
      const importTop = await page.locator('section.import, .import').first().evaluate((el) => el.getBoundingClientRect().top);
      expect(importTop).toBeLessThan(height);
      // Newest first, a page at a time: scrolled to the bottom (more pages coming in as it goes),
      // the first card made is drawn and the newest is not.
      await expect.poll(async () => {
        await list.evaluate((el) => { el.parentElement!.scrollTop = el.parentElement!.scrollHeight; });
        return list.getByRole('button', { name: /^Card 0:/ }).count();
      }, { timeout: 60_000 }).toBe(1);
      expect(await list.getByRole('button', { name: new RegExp(`^Card ${CARDS - 1}:`) }).count()).toBe(0);
      expect(await list.locator('li').count()).toBeLessThan(80);
      await screenshot(page, `layout-library-${width}`);

      // Cutter: article | card | cards, all inside the window.
      await page.getByRole('button', { name: /Battle for Aleppo/ }).first().click();
      await page.getByRole('textbox', { name: /Article text/ }).waitFor();
      expect(await sideways(page)).toBe(0);
      const right = await page.locator('.cutter-grid').evaluate((el) => el.getBoundingClientRect().right);
      expect(right).toBeLessThanOrEqual(width);
      await screenshot(page, `layout-cutter-${width}`);

      // Briefs: the editor first; the brief list and outline fold to strips on a laptop.
      await page.getByRole('tab', { name: 'Briefs' }).click();
      if (width < 1280) await page.getByRole('button', { name: 'Show briefs' }).click();
      await page.getByRole('list', { name: 'Briefs' }).locator('button.row', { hasText: 'Russia' }).click();
      if (width < 1280) await page.getByRole('button', { name: 'Hide briefs' }).click();
      const editor = page.locator('.brief-editor .ProseMirror');
      await editor.waitFor();
      expect(await sideways(page)).toBe(0);
      const editorWidth = await editor.evaluate((el) => el.getBoundingClientRect().width);
      expect(editorWidth / width).toBeGreaterThan(width < 1280 ? 0.8 : 0.5);
      await screenshot(page, `layout-briefs-${width}`);
      await page.getByRole('tab', { name: 'Search' }).click();
      expect(await sideways(page)).toBe(0);
      await page.getByRole('tab', { name: 'Library' }).click();
    }
  }, 300_000);

  it('opens a card clicked in the Library in the Cutter', async () => {
    const app = await launchApp();
    const { page } = app;
    const api = httpApi(app.url);
    await seedCards(api, 3);
    await page.reload();
    await page.getByRole('list', { name: 'Cards' }).getByRole('button', { name: /^Card 1:/ }).click();
    await expect.poll(() => page.locator('.card-doc h4.tag').innerText()).toBe('Card 1: sanctions cut Russia\'s revenue');
  });
});
