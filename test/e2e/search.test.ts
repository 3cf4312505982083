import { describe, expect, it } from 'vitest';
import { corpusText } from '../helpers/corpus.js';
import { clickAtEnd, httpApi, launchApp, screenshot } from '../helpers/e2e.js';
import { block, card, FORMATTED_CARD } from '../shared/brief-builders.js';

describe('search in Chromium', () => {
  it('Ctrl+K from anywhere, results as you type, arrows and Enter to open, Alt+S to the speech doc', async () => {
    const app = await launchApp();
    const { page } = app;
    // The corpus block imported as a brief, as a debater would drop it in: its cards land in the library.
    const api = httpApi(app.url);
    const outcome = await api.importData({ name: 'russia-block.txt', dataBase64: Buffer.from(corpusText('block')).toString('base64') });
    expect(outcome).toMatchObject({ status: 'imported', kind: 'brief' });

    await page.keyboard.press('Alt+2');
    await page.keyboard.press('Control+k');
    const box = page.getByRole('searchbox', { name: 'Search the library' });
    await expect.poll(() => box.evaluate((el) => el === document.activeElement)).toBe(true);

    await page.keyboard.type('Ryabkov');
    const rows = page.getByRole('listbox', { name: 'Results' }).getByRole('option');
    // Library hits carry a snippet and come first; quick-find hits (places in the briefs) follow, without.
    const cards = rows.filter({ has: page.locator('.snippet') });
    await expect.poll(() => cards.count()).toBeGreaterThanOrEqual(3);
    const tags = await cards.locator('.title').allInnerTexts();
    expect(tags).toEqual(expect.arrayContaining(['Russia. Fighting the US in Syria now', 'Russia opposes the US in Syria now', 'Russia opposes current US efforts to divide Syria']));
    expect(await cards.first().locator('mark').first().innerText()).toBe('Ryabkov');

    await box.fill('author:Choi');
    await expect.poll(() => cards.locator('.title').allInnerTexts()).toEqual([expect.stringContaining('US pressure on the Ukraine')]);
    // The card says where it lives; quick find does not list the same card again as a place.
    const block = (await api.listBriefs({}))[0]!.title;
    expect(await cards.first().locator('.places').innerText()).toMatch(new RegExp(`^in ${block.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`));
    await expect.poll(() => rows.count()).toBe(1);

    // The same evidence filed again, in a brief of its own: one row, listing both places.
    const choi = (await api.search({ query: 'author:Choi', limit: 1 })).hits[0]!;
    const copy = await api.createBrief({ title: 'Ukraine neg', doc: { type: 'doc', content: [{ type: 'block', content: [{ type: 'text', text: 'AT: Escalation' }] }] } });
    await api.appendCardsToBrief({ briefId: copy.id, cardIds: [choi.cardId] });
    await box.fill('author:Cho');
    await box.fill('author:Choi');
    await expect.poll(() => cards.first().locator('.places').innerText()).toContain('Ukraine neg › AT: Escalation');
    expect(await cards.count()).toBe(1);

    await box.fill('"de facto partition"');
    await expect.poll(() => cards.locator('.meta').allInnerTexts()).toEqual(expect.arrayContaining([expect.stringContaining('Press TV'), expect.stringContaining('Thai News Service')]));
    expect(await cards.count()).toBe(2);
    await page.keyboard.press('ArrowDown');
    const second = await cards.nth(1).locator('.title').innerText();
    await expect.poll(() => cards.nth(1).getAttribute('aria-selected')).toBe('true');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByRole('article', { name: 'Card' }).locator('h3').innerText()).toBe(second);

    await page.keyboard.press('Alt+s');
    await expect.poll(() => page.getByRole('status').innerText()).toContain(`Sent “${second}” to “Speech doc”`);
    await expect.poll(() => cards.nth(1).getAttribute('aria-selected')).toBe('true');
    await screenshot(page, 'search');

    const speeches = (await api.listBriefs({})).filter((b) => b.kind === 'speech');
    expect(speeches.map((b) => b.cards)).toEqual([1]);
  });
});

describe('search that forgives', () => {
  it('offers "Did you mean" from the index for a typo that finds nothing, and a quick-find hit opens its brief at the heading', async () => {
    const app = await launchApp();
    const { page } = app;
    const api = httpApi(app.url);
    await api.importData({ name: 'russia-block.txt', dataBase64: Buffer.from(corpusText('block')).toString('base64') });
    await page.keyboard.press('Control+k');
    await page.keyboard.type('Rusia mediaton');
    const offer = page.locator('.suggestion');
    await expect.poll(() => offer.innerText()).toMatch(/^Did you mean Russia mediation\?$/i);
    await screenshot(page, 'search-did-you-mean-1440');
    await page.setViewportSize({ width: 1024, height: 700 });
    await screenshot(page, 'search-did-you-mean-1024');
    await offer.getByRole('button').click();
    const rows = page.getByRole('listbox', { name: 'Results' }).getByRole('option');
    await expect.poll(() => rows.filter({ has: page.locator('.snippet') }).count()).toBeGreaterThan(0);

    // A place in a brief (quick find): Enter opens the brief with the cursor at that heading.
    await page.getByRole('searchbox', { name: 'Search the library' }).fill('Answers to Russia Cooperate');
    const place = rows.filter({ hasText: /block in/ }).first();
    await place.waitFor();
    const index = await rows.evaluateAll((els, p) => els.indexOf(p as HTMLElement), await place.elementHandle());
    for (let i = 0; i < index; i++) await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    const editor = page.locator('.desk-pane').first().locator('.brief-editor .ProseMirror');
    await editor.waitFor();
    await expect.poll(() => page.evaluate(() => window.getSelection()?.anchorNode?.parentElement?.closest('h3')?.textContent ?? '')).toContain('Russia Won’t Cooperate');
  });
});

describe('Alt+B puts a card where the brief\'s cursor was', () => {
  it('offers the block the cursor was in as the default place and inserts the card after its cards', async () => {
    const app = await launchApp();
    const { page } = app;
    const api = httpApi(app.url);
    await api.importData({ name: 'russia-block.txt', dataBase64: Buffer.from(corpusText('block')).toString('base64') });
    const brief = await api.createBrief({ title: 'Aff', kind: 'brief', doc: { type: 'doc', content: [
      block('AT: Ryabkov'), card('First answer'),
      block('AT: Partition'), card('Second answer'),
    ] } });
    // The debater was working in the first block.
    await page.getByRole('tab', { name: 'Briefs' }).click();
    await page.getByRole('list', { name: 'Briefs' }).locator('button.row', { hasText: 'Aff' }).click();
    await page.locator('.desk-pane').first().locator('h4.tag', { hasText: 'First answer' }).click();
    await page.waitForTimeout(300);

    await page.keyboard.press('Control+k');
    await page.keyboard.type('Ryabkov');
    await page.getByRole('listbox', { name: 'Results' }).getByRole('option').filter({ has: page.locator('.snippet') }).first().waitFor();
    await page.getByLabel('Brief to insert into').selectOption({ label: 'Aff' });
    await expect.poll(() => page.getByLabel('Where in the brief').evaluate((el: HTMLSelectElement) => el.selectedOptions[0]!.text)).toContain('AT: Ryabkov (cursor)');
    await page.getByRole('searchbox', { name: 'Search the library' }).focus();
    await page.keyboard.press('Alt+b');
    await expect.poll(() => page.getByRole('status').innerText()).toContain('under “AT: Ryabkov”');
    const doc = (await api.getBrief({ id: brief.id })).doc.content!;
    expect(doc.map((n) => n.type)).toEqual(['block', 'card', 'card', 'block', 'card']);
    expect(doc[2]!.content![0]!.content![0]!.text).not.toBe('Second answer');
    await screenshot(page, 'search-alt-b-1440');
    await page.setViewportSize({ width: 1024, height: 700 });
    await screenshot(page, 'search-alt-b-1024');
  });

  it('files the card under the block the cursor moved into just before, a copy of the card byte for byte', async () => {
    const app = await launchApp();
    const { page } = app;
    const api = httpApi(app.url);
    const source = await api.createBrief({ title: 'Sanctions aff', doc: { type: 'doc', content: [{ type: 'card', content: FORMATTED_CARD }] } });
    const brief = await api.createBrief({ title: 'Aff', kind: 'brief', doc: { type: 'doc', content: [
      block('AT: Ryabkov'), card('First answer'),
      block('AT: Partition'), card('Second answer'),
    ] } });
    await page.getByRole('tab', { name: 'Briefs' }).click();
    await page.getByRole('list', { name: 'Briefs' }).locator('button.row', { hasText: /^Aff/ }).click();
    // Into the second block, and straight to Search: no pause for the outline to catch up.
    // clickAtEnd checks the caret landed there: a plain click just after the brief opened could land in the first tag.
    await clickAtEnd(page.locator('.desk-pane').first().locator('h4.tag', { hasText: 'Second answer' }));
    await page.keyboard.press('Control+k');
    await page.keyboard.type('war chest');
    await page.getByRole('listbox', { name: 'Results' }).getByRole('option').filter({ has: page.locator('.snippet') }).first().waitFor();
    await page.getByLabel('Brief to insert into').selectOption({ label: 'Aff' });
    await expect.poll(() => page.getByLabel('Where in the brief').evaluate((el: HTMLSelectElement) => el.selectedOptions[0]!.text)).toContain('AT: Partition (cursor)');
    await page.getByRole('searchbox', { name: 'Search the library' }).focus();
    await page.keyboard.press('Alt+b');
    await expect.poll(() => page.getByRole('status').innerText()).toContain('under “AT: Partition”');
    const doc = (await api.getBrief({ id: brief.id })).doc.content!;
    expect(doc.map((n) => n.type)).toEqual(['block', 'card', 'block', 'card', 'card']);
    const { attrs, ...copy } = doc[4]!;
    const { attrs: sourceAttrs, ...original } = (await api.getBrief({ id: source.id })).doc.content![0]!;
    expect(JSON.stringify(copy)).toBe(JSON.stringify(original));
    expect(copy).toEqual({ type: 'card', content: FORMATTED_CARD });
    expect(attrs!['copiedFrom']).toBe(sourceAttrs!['cardId']);
  });
});
