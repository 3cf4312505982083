// What Search asks the Api: quick find's outlines once a session, corrections once typing pauses.
import { describe, expect, it } from 'vitest';
import { cardNode, headingNode } from '../../shared/brief-doc.js';
import { bodyFromParagraphs } from '../../shared/schema.js';
import { httpApi, launchApp } from '../helpers/e2e.js';

const card = (tag: string, shortCite: string) => ({ tag, shortCite, fullCite: `${shortCite}, 2021`, body: bodyFromParagraphs([`${tag}, the evidence says.`]) });

describe('quick find, indexed once a session', () => {
  it('reads every outline once across two Search opens and an Alt+B, and finds a tag edited since', async () => {
    const app = await launchApp();
    const { page } = app;
    const api = httpApi(app.url);
    const brief = await api.createBrief({
      title: 'Russia neg', doc: { type: 'doc', content: [headingNode('block', 'AT: Russia cooperates'), cardNode(card('Ryabkov rejects talks', 'TASS 21'))] },
    });
    await api.createCard({ ...card('Sanctions already bite', 'Reuters 22'), label: null, articleId: null, passage: null });
    // Outline reads: every brief's (no ids), or only the briefs named.
    const reads: string[] = [];
    page.on('request', (r) => { if (r.url().includes('/api/briefOutlines')) reads.push(r.postData() ?? ''); });
    const fullReads = () => reads.filter((body) => !body.includes('"ids"')).length;

    const box = page.getByRole('searchbox', { name: 'Search the library' });
    const rows = page.getByRole('listbox', { name: 'Results' }).getByRole('option');
    const places = rows.filter({ hasNot: page.locator('.snippet') });
    await page.keyboard.press('Alt+4');
    await box.fill('ryabkof');
    await expect.poll(() => places.locator('.title').allInnerTexts()).toEqual(['Ryabkov rejects talks']);

    // Away and back: Search opens again.
    await page.keyboard.press('Alt+2');
    await page.keyboard.press('Alt+4');
    await box.fill('sanctions');
    await expect.poll(() => rows.filter({ has: page.locator('.snippet') }).count()).toBe(1);
    await page.keyboard.press('Alt+b');
    await expect.poll(() => page.getByRole('status').innerText()).toContain('Inserted “Sanctions already bite” into “Russia neg”');
    // The brief Alt+B wrote is found in it at once.
    await expect.poll(() => places.locator('.meta').allInnerTexts()).toEqual([expect.stringContaining('card in Russia neg')]);

    // A tag edited elsewhere (another window, the CLI): found once Search opens again.
    const saved = await api.getBrief({ id: brief.id });
    await api.updateBrief({ id: brief.id, patch: { doc: { ...saved.doc, content: [...(saved.doc.content ?? []), cardNode(card('Zelensky refuses partition', 'Kyiv Post 22'))] } } });
    await page.keyboard.press('Alt+2');
    await page.keyboard.press('Alt+4');
    // Misspelt, so the library search (which lists the card itself) finds nothing and quick find answers.
    await box.fill('zelenskyy');
    await expect.poll(() => places.locator('.title').allInnerTexts()).toEqual(['Zelensky refuses partition']);

    expect(fullReads()).toBe(1);
    expect(reads.filter((body) => body.includes('"ids"'))).toEqual([`{"ids":[${brief.id}]}`]);
  });
});

describe('"Did you mean" while typing', () => {
  it('asks for a correction once typing pauses, not at each keystroke that finds nothing, nor for an empty box', async () => {
    const app = await launchApp();
    const { page } = app;
    const api = httpApi(app.url);
    await api.createCard({ ...card('Ryabkov rejects talks', 'TASS 21'), label: null, articleId: null, passage: null });
    const asked: string[] = [];
    page.on('request', (r) => { if (r.url().includes('/api/suggest')) asked.push(r.postData() ?? ''); });

    await page.getByRole('tab', { name: 'Search' }).click();
    const box = page.getByRole('searchbox', { name: 'Search the library' });
    await box.click();
    await page.keyboard.type('Ryabkv rejcts');
    await expect.poll(() => page.locator('.suggestion').innerText()).toBe('Did you mean ryabkov rejects?');
    expect(asked).toEqual(['{"query":"Ryabkv rejcts"}']);
    // Emptied, key by key: nothing more is asked.
    for (let i = 0; i < 'Ryabkv rejcts'.length; i++) await page.keyboard.press('Backspace');
    await expect.poll(() => box.inputValue()).toBe('');
    await page.waitForTimeout(600);
    expect(asked).toHaveLength(1);
  });
});
