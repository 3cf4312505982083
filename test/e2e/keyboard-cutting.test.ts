import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { corpusText } from '../helpers/corpus.js';
import { httpApi, launchApp, screenshot } from '../helpers/e2e.js';

const SENTENCE = 'On Thursday, September 22, representatives of the armed opposition announced the resumption of bombing their positions near the city of Aleppo.';

/** The caret's paragraph text and offset in it, and the selected text, as the page shows them. */
function caret(page: Page): Promise<{ paragraph: string; offset: number; selected: string }> {
  return page.evaluate(() => {
    const s = window.getSelection()!;
    const p = s.focusNode?.parentElement?.closest('p');
    const range = document.createRange();
    if (p && s.focusNode) {
      range.setStart(p, 0);
      range.setEnd(s.focusNode, s.focusOffset);
    }
    return { paragraph: p?.textContent ?? '', offset: range.toString().length, selected: s.toString() };
  });
}

async function press(page: Page, key: string, until: (c: Awaited<ReturnType<typeof caret>>) => boolean, max = 200): Promise<void> {
  for (let i = 0; i < max; i++) {
    if (until(await caret(page))) return;
    await page.keyboard.press(key);
  }
  throw new Error(`${key} pressed ${max} times without getting there: ${JSON.stringify(await caret(page))}`);
}

describe('cutting from the keyboard alone', () => {
  it('moves a caret through the article, selects words with Ctrl+Shift+arrows, and cuts with Alt+C', async () => {
    const app = await launchApp();
    const { page } = app;
    await page.setViewportSize({ width: 1024, height: 700 });
    const api = httpApi(app.url);
    const article = await api.createArticle({ title: 'Battle for Aleppo', text: corpusText('article001'), publication: 'Kommersant', publishedDate: '2016-09-27' });
    await page.reload();

    // Open the article from the Library with Enter: the caret lands in the article.
    await page.getByRole('button', { name: /Battle for Aleppo/ }).first().focus();
    await page.keyboard.press('Enter');
    const text = page.getByRole('textbox', { name: /Article text/ });
    await text.waitFor();
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('aria-label') ?? '')).toMatch(/^Article text/);

    // Typing changes nothing: the article is the source's words.
    await page.keyboard.type('xyz');
    await page.keyboard.press('Backspace');
    expect((await api.getArticle({ id: article.id })).text).toBe(article.text);
    expect(await text.innerText()).not.toContain('xyz');

    // Down to the paragraph, right to the sentence, then select it a word at a time.
    await page.keyboard.press('Control+Home');
    await press(page, 'ArrowDown', (c) => c.paragraph.includes(SENTENCE));
    await page.keyboard.press('Home');
    const start = (await caret(page)).paragraph.indexOf(SENTENCE);
    await press(page, 'ArrowRight', (c) => c.offset >= start);
    await press(page, 'Control+Shift+ArrowRight', (c) => c.selected.includes('Aleppo'));
    await press(page, 'Shift+ArrowRight', (c) => c.selected.trimEnd().endsWith('.'));
    expect((await caret(page)).selected.trim()).toBe(SENTENCE);
    await screenshot(page, 'keyboard-cutting-1024');

    await page.keyboard.press('Alt+c');
    const body = page.locator('.card-doc .body');
    await body.waitFor();
    await expect.poll(() => body.innerText()).toBe(SENTENCE);
    const [card] = await api.listCards({});
    expect(article.text.slice(card!.passage!.start, card!.passage!.end)).toBe(SENTENCE);

    // Ctrl+A selects the article, not the page.
    await text.focus();
    await page.keyboard.press('Control+a');
    const all = (await caret(page)).selected;
    expect(all).toContain(SENTENCE);
    expect(all).not.toContain('Cut card');
    await page.setViewportSize({ width: 1440, height: 900 });
    await screenshot(page, 'keyboard-cutting-1440');
  });

  it('keeps the open article across a reload', async () => {
    const app = await launchApp();
    const { page } = app;
    const api = httpApi(app.url);
    await api.createArticle({ title: 'Battle for Aleppo', text: corpusText('article001') });
    await page.reload();
    await page.getByRole('button', { name: /Battle for Aleppo/ }).first().click();
    await page.getByRole('textbox', { name: /Article text/ }).waitFor();
    await page.reload();
    await page.getByRole('tab', { name: 'Cutter' }).click();
    await expect.poll(() => page.getByRole('textbox', { name: /Article text/ }).count()).toBe(1);
  });
});
