import { describe, expect, it } from 'vitest';
import type { DocJSON } from '../../shared/model.js';
import { clickAtEnd, httpApi, launchApp } from '../helpers/e2e.js';

const text = (s: string): DocJSON[] => [{ type: 'text', text: s }];
const card = (i: number): DocJSON => ({
  type: 'card',
  content: [
    { type: 'tag', content: text(`Card ${i}`) },
    { type: 'cite', content: [{ type: 'text', text: 'Ace 21', marks: [{ type: 'strong' }] }] },
    { type: 'body', content: [{ type: 'paragraph', content: text(`Evidence number ${i}. ${'Sanctions cut the revenue the war needs. '.repeat(40)}`) }] },
  ],
});
const tagOf = (doc: DocJSON, i: number) => doc.content![i]!.content![0]!.content![0]!.text;

describe('autosave of a long brief', () => {
  it('sends only the card that changed, and the whole brief when it was saved elsewhere since', async () => {
    const app = await launchApp();
    const { page } = app;
    const api = httpApi(app.url);
    const brief = await api.createBrief({ title: 'Long brief', kind: 'brief', doc: { type: 'doc', content: Array.from({ length: 300 }, (_, i) => card(i)) } });
    const saves: { method: string; bytes: number }[] = [];
    page.on('request', (r) => {
      const method = /\/api\/(editBrief|updateBrief|mergeBrief)$/.exec(r.url())?.[1];
      if (method) saves.push({ method, bytes: (r.postData() ?? '').length });
    });
    await page.getByRole('tab', { name: 'Briefs' }).click();
    await page.getByRole('list', { name: 'Briefs' }).locator('button.row', { hasText: 'Long brief' }).click();
    const tag = page.locator('.brief-editor .ProseMirror h4.tag').nth(150);
    await clickAtEnd(tag);
    await page.keyboard.press('End');
    await page.keyboard.type(' edited');
    await expect.poll(async () => tagOf((await api.getBrief({ id: brief.id })).doc, 150)).toBe('Card 150 edited');
    // The brief is about 600 KB of JSON; the save carries one card. (Request events reach the
    // test a little after the page sent them.)
    await expect.poll(() => saves.length).toBeGreaterThan(0);
    expect(saves.every((s) => s.method === 'editBrief' && s.bytes < 5_000)).toBe(true);

    // Renamed in another window: the next save cannot be an edit of what this window last saved.
    await api.updateBrief({ id: brief.id, patch: { title: 'Renamed elsewhere' } });
    await expect.poll(() => page.locator('.brief-main').getByText('Saved', { exact: true }).count()).toBe(1);
    saves.length = 0;
    await page.keyboard.type(' again');
    await expect.poll(async () => tagOf((await api.getBrief({ id: brief.id })).doc, 150)).toBe('Card 150 edited again');
    await expect.poll(() => saves.map((s) => s.method)).toEqual(['editBrief', 'mergeBrief']);
    const saved = await api.getBrief({ id: brief.id });
    expect(saved.title).toBe('Renamed elsewhere');
    expect(saved.doc.content).toHaveLength(300);

    // And the next edit is small again.
    await expect.poll(() => page.locator('.brief-main').getByText('Saved', { exact: true }).count()).toBe(1);
    saves.length = 0;
    await page.keyboard.type('!');
    await expect.poll(async () => tagOf((await api.getBrief({ id: brief.id })).doc, 150)).toBe('Card 150 edited again!');
    await expect.poll(() => saves.map((s) => s.method)).toEqual(['editBrief']);
    await page.reload();
    await page.getByRole('tab', { name: 'Briefs' }).click();
    await page.getByRole('list', { name: 'Briefs' }).locator('button.row', { hasText: 'Renamed elsewhere' }).click();
    // (Cards out of view are not laid out, content-visibility: auto; their text is there all the same.)
    await expect.poll(() => page.locator('.brief-editor .ProseMirror h4.tag').nth(150).textContent()).toBe('Card 150 edited again!');
  });
});

describe('a save after the brief was saved elsewhere', () => {
  it('keeps a card added through the Api while the brief was open and edited, tells the user, and shows it', async () => {
    const app = await launchApp();
    const { page } = app;
    const api = httpApi(app.url);
    const brief = await api.createBrief({ title: 'Open brief', kind: 'brief', doc: { type: 'doc', content: [
      { type: 'block', content: text('AT: one') }, card(1), { type: 'block', content: text('AT: two') }, card(2),
    ] } });
    const elsewhere = await api.createCard({ tag: 'Filed from another window', label: null, shortCite: 'Roe 22', fullCite: 'Roe, 2022', body: { type: 'body', content: [{ type: 'paragraph', content: text('Words filed elsewhere.') }] }, articleId: null, passage: null });
    await page.getByRole('tab', { name: 'Briefs' }).click();
    await page.getByRole('list', { name: 'Briefs' }).locator('button.row', { hasText: 'Open brief' }).click();
    const editor = page.locator('.brief-editor .ProseMirror');
    // clickAtEnd checks the caret landed there: a plain click just after the brief opened could land in another tag.
    await clickAtEnd(editor.locator('h4.tag', { hasText: 'Card 2' }));
    await page.keyboard.press('End');
    await page.keyboard.type(' edited');
    await expect.poll(async () => tagOf((await api.getBrief({ id: brief.id })).doc, 3)).toBe('Card 2 edited');

    // Another window files a card under "AT: one"; this one, not knowing, edits on.
    await api.appendCardsToBrief({ briefId: brief.id, cardIds: [elsewhere.id], position: 2 });
    await page.keyboard.type(' again');
    await expect.poll(() => page.getByRole('status').innerText()).toContain('1 card added there was kept and merged in');
    const saved = (await api.getBrief({ id: brief.id })).doc;
    expect(saved.content!.map((n) => (n.type === 'card' ? n.content![0]!.content![0]!.text : n.type))).toEqual(['block', 'Card 1', 'Filed from another window', 'block', 'Card 2 edited again']);
    // The editor shows it where it was filed, and the next edit keeps it.
    await expect.poll(() => editor.locator('h4.tag').allInnerTexts()).toEqual(['Card 1', 'Filed from another window', 'Card 2 edited again']);
    await page.keyboard.type('!');
    await expect.poll(async () => tagOf((await api.getBrief({ id: brief.id })).doc, 4)).toBe('Card 2 edited again!');
    expect((await api.getBrief({ id: brief.id })).doc.content).toHaveLength(5);
  });
});
