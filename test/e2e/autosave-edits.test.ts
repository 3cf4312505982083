import { describe, expect, it } from 'vitest';
import type { DocJSON } from '../../shared/model.js';
import { httpApi, launchApp } from '../helpers/e2e.js';

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
      const method = /\/api\/(editBrief|updateBrief)$/.exec(r.url())?.[1];
      if (method) saves.push({ method, bytes: (r.postData() ?? '').length });
    });
    await page.getByRole('tab', { name: 'Briefs' }).click();
    await page.getByRole('list', { name: 'Briefs' }).locator('button.row', { hasText: 'Long brief' }).click();
    const tag = page.locator('.brief-editor .ProseMirror h4.tag').nth(150);
    await tag.click();
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
    await expect.poll(() => saves.map((s) => s.method)).toEqual(['editBrief', 'updateBrief']);
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
