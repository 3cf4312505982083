import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { shortCiteOf } from '../../shared/cite-builder.js';
import { COMMANDS } from '../../shared/keymap.js';
import type { DocJSON } from '../../shared/model.js';
import { corpusText } from '../helpers/corpus.js';
import { httpApi, launchApp, screenshot } from '../helpers/e2e.js';

const SENTENCE = 'On Thursday, September 22, representatives of the armed opposition announced the resumption of bombing their positions near the city of Aleppo.';
const UNDERLINED = 'representatives of the armed opposition announced the resumption of bombing';
const HIGHLIGHTED = 'armed opposition';
const TAG = 'Non-unique: the Syrian ceasefire is already broken';

/** Selects `text` inside the first element matching `selector` whose text holds it. */
async function selectText(page: Page, selector: string, text: string): Promise<void> {
  const found = await page.evaluate(({ selector, text }) => {
    for (const el of document.querySelectorAll(selector)) {
      const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const at = node.textContent!.indexOf(text);
        if (at < 0) continue;
        const range = document.createRange();
        range.setStart(node, at);
        range.setEnd(node, at + text.length);
        const selection = window.getSelection()!;
        selection.removeAllRanges();
        selection.addRange(range);
        return true;
      }
    }
    return false;
  }, { selector, text });
  expect(found, `"${text}" in ${selector}`).toBe(true);
  // Let ProseMirror read the DOM selection (it listens for selectionchange).
  await page.waitForTimeout(100);
}

/** The body's runs as [text, marks] pairs, to compare what was left with what came back. */
function runs(body: DocJSON): [string, string[]][] {
  return (body.content ?? []).flatMap((p) => (p.content ?? []).map((t): [string, string[]] => [t.text ?? '', (t.marks ?? []).map((m) => (m.type === 'highlight' ? `highlight:${String(m.attrs?.colour)}` : m.type))]));
}

describe('the Cutter, end to end in Chromium', () => {
  it('cuts a sentence of article 001, tags and marks it up with F9 and F11, and finds it all after a reload', async () => {
    const app = await launchApp();
    const { page } = app;
    const api = httpApi(app.url);

    // Paste article 001 into the Library, then fill in the citation fields a paste lacks.
    await page.fill('textarea[name="text"]', corpusText('article001'));
    await page.click('button[type="submit"]');
    await page.getByRole('button', { name: /Battle for Aleppo/ }).first().waitFor();
    const [pasted] = await api.listArticles({});
    const article = await api.updateArticle({ id: pasted!.id, patch: { authors: [{ name: 'Anna Petrova', quals: 'correspondent' }], publication: 'Kommersant', publishedDate: '2016-09-27' } });
    await page.reload();
    await page.getByRole('button', { name: /Battle for Aleppo/ }).first().click();
    await page.locator('.article-text').waitFor();

    // Select the sentence in the article and cut it with one key.
    await selectText(page, '.article-text', SENTENCE);
    await page.keyboard.press('Alt+c');
    await page.locator('.card-doc h4.tag').waitFor();
    await expect.poll(() => page.locator('.card-doc .body').innerText()).toBe(SENTENCE);

    // The cursor is in the tag: type it; the label is recognised.
    await page.keyboard.type(TAG);
    await expect.poll(() => page.getByLabel('Argument label').inputValue()).toBe('Non-unique');

    // Typing in the body is refused: the evidence stays the source's words.
    await selectText(page, '.card-doc .body', 'Aleppo');
    await page.keyboard.type('Damascus');
    expect(await page.locator('.card-doc .body').innerText()).toBe(SENTENCE);

    await selectText(page, '.card-doc .body', UNDERLINED);
    await page.keyboard.press('F9');
    await selectText(page, '.card-doc .body', HIGHLIGHTED);
    await page.keyboard.press('F11');
    await expect.poll(() => page.locator('.counts [data-count="highlighted"]').innerText()).toBe('2 highlighted');
    expect(await page.locator('.counts [data-count="underlined"]').innerText()).toBe('10 underlined');
    await page.getByRole('status', { name: 'Save state' }).filter({ hasText: /^Saved$/ }).waitFor();

    // In the store, exactly as left.
    const expectedRuns: [string, string[]][] = [
      ['On Thursday, September 22, ', []],
      ['representatives of the ', ['underline']],
      ['armed opposition', ['underline', 'highlight:cyan']],
      [' announced the resumption of bombing', ['underline']],
      [' their positions near the city of Aleppo.', []],
    ];
    const [saved] = await api.listCards({});
    expect(saved).toMatchObject({ tag: TAG, label: 'Non-unique', shortCite: shortCiteOf(article), articleId: article.id, textEdited: false });
    expect(saved!.shortCite).toBe('Petrova 16');
    expect(saved!.fullCite).toContain('Kommersant');
    expect(runs(saved!.body)).toEqual(expectedRuns);
    expect(article.text.slice(saved!.passage!.start, saved!.passage!.end)).toBe(SENTENCE);

    // Reopen the app: the card is there, on the page too.
    await page.reload();
    await page.getByRole('tab', { name: 'Cutter' }).click();
    await page.locator('.card-row button.row', { hasText: 'the Syrian ceasefire' }).click();
    await page.locator('.card-doc h4.tag').waitFor();
    expect(await page.locator('.card-doc h4.tag').innerText()).toBe(TAG);
    expect(await page.getByLabel('Argument label').inputValue()).toBe('Non-unique');
    expect(await page.locator('.card-doc p.cite strong').innerText()).toBe('Petrova 16');
    expect(await page.locator('.card-doc .body u').allInnerTexts()).toEqual([UNDERLINED]);
    expect(await page.locator('.card-doc .body u mark[data-colour="cyan"]').allInnerTexts()).toEqual([HIGHLIGHTED]);
    const [reloaded] = await api.listCards({});
    expect(runs(reloaded!.body)).toEqual(expectedRuns);

    // Show source puts the passage in view in the article.
    await page.getByRole('button', { name: 'Show source' }).click();
    expect(await page.locator('.source-passage').innerText()).toBe(SENTENCE);

    await screenshot(page, 'cutter');
  });

  it('rebinds keys and the highlight colour in settings, lists commands in the palette, duplicates and deletes with undo', async () => {
    const app = await launchApp();
    const { page } = app;
    const api = httpApi(app.url);
    const article = await api.createArticle({ title: 'Aleppo', text: corpusText('article001'), publication: 'Kommersant', publishedDate: '2016-09-27' });
    const card = await api.createCard({
      tag: 'Link: talks collapse', label: 'Link', shortCite: 'Kommersant 16', fullCite: 'Kommersant, 2016',
      body: { type: 'body', content: [{ type: 'paragraph', content: [{ type: 'text', text: SENTENCE }] }] }, articleId: article.id,
    });
    await page.getByRole('tab', { name: 'Cutter' }).click();
    await page.locator('.card-row button.row', { hasText: 'talks collapse' }).click();
    await page.locator('.card-doc .body').waitFor();

    // The palette lists every command with its key.
    await page.locator('.card-doc .body').click();
    await page.keyboard.press('Control+Shift+P');
    const palette = page.getByRole('dialog', { name: 'Command palette' });
    await palette.waitFor();
    expect(await palette.getByRole('option').count()).toBe(COMMANDS.length);
    expect(await palette.getByRole('option', { name: /^Highlight/ }).innerText()).toContain('F11');
    await page.keyboard.press('Escape');

    // Settings: underline on Alt+U, highlight in yellow; both persist in the library.
    await page.getByRole('button', { name: 'Settings' }).click();
    const settings = page.getByRole('dialog', { name: 'Settings' });
    await settings.getByLabel('Highlight colour').selectOption('yellow');
    await settings.getByLabel('Keys for Underline').fill('Alt-u');
    await settings.getByRole('button', { name: 'Save' }).click();
    await settings.waitFor({ state: 'detached' });
    expect(await api.getSettings({})).toMatchObject({ highlightColour: 'yellow', keys: { underline: ['Alt-u'] } });

    await page.reload();
    await page.getByRole('tab', { name: 'Cutter' }).click();
    await page.locator('.card-row button.row', { hasText: 'talks collapse' }).click();
    await page.locator('.card-doc .body').waitFor();
    await selectText(page, '.card-doc .body', 'armed opposition');
    await page.keyboard.press('Alt+u');
    await page.keyboard.press('F11');
    await page.getByRole('status', { name: 'Save state' }).filter({ hasText: /^Saved$/ }).waitFor();
    expect(runs((await api.getCard({ id: card.id })).body)).toContainEqual(['armed opposition', ['underline', 'highlight:yellow']]);
    await expect.poll(() => page.locator('.card-doc .body u mark[data-colour="yellow"]').allInnerTexts()).toEqual(['armed opposition']);

    // Duplicate, then delete the copy and undo the delete.
    await page.getByRole('button', { name: 'Duplicate Link: talks collapse' }).click();
    await expect.poll(async () => (await api.listCards({})).length).toBe(2);
    const copy = (await api.listCards({})).find((c) => c.id !== card.id)!;
    expect(runs(copy.body)).toEqual(runs((await api.getCard({ id: card.id })).body));
    await page.locator(`.card-row[data-card-id="${copy.id}"]`).getByRole('button', { name: /^Delete/ }).click();
    await expect.poll(async () => (await api.listCards({})).length).toBe(1);
    await page.getByRole('status').getByRole('button', { name: 'Undo' }).click();
    await expect.poll(async () => (await api.listCards({})).map((c) => c.tag)).toEqual(['Link: talks collapse', 'Link: talks collapse']);

    // Filters: by label.
    await page.getByLabel('Filter by label').selectOption('Link');
    await expect.poll(() => page.locator('.card-row').count()).toBe(2);
    await page.getByLabel('Filter by label').selectOption({ label: 'No label' });
    await expect.poll(() => page.locator('.card-row').count()).toBe(0);
    await screenshot(page, 'cutter-settings');
  });

  it('F2 pastes clipboard text as a new card, its place in the open article found', async () => {
    const app = await launchApp();
    const { page } = app;
    const api = httpApi(app.url);
    const article = await api.createArticle({ title: 'Aleppo', text: corpusText('article001'), publication: 'Kommersant', publishedDate: '2016-09-27' });
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: app.url });
    await page.reload();
    await page.getByRole('button', { name: /Aleppo/ }).first().click();
    await page.locator('.article-text').waitFor();
    await page.evaluate((text) => navigator.clipboard.writeText(text), SENTENCE);
    await page.keyboard.press('F2');
    await page.locator('.card-doc .body').waitFor();
    expect(await page.locator('.card-doc .body').innerText()).toBe(SENTENCE);
    const [card] = await api.listCards({});
    expect(card).toMatchObject({ articleId: article.id, shortCite: 'Kommersant 16' });
    expect(article.text.slice(card!.passage!.start, card!.passage!.end)).toBe(SENTENCE);
  });
});
