import { describe, expect, it } from 'vitest';
import type { DocJSON } from '../../shared/model.js';
import { httpApi, launchApp, screenshot } from '../helpers/e2e.js';

const text = (s: string): DocJSON[] => [{ type: 'text', text: s }];
const card = (tag: string, id: string): DocJSON => ({
  type: 'card', attrs: { cardId: id },
  content: [{ type: 'tag', content: text(tag) }, { type: 'cite', content: text('Ace 21') }, { type: 'body', content: [{ type: 'paragraph', content: text(`Evidence for ${tag}.`) }] }],
});
const tagsOf = (doc: DocJSON) => (doc.content ?? []).map((n) => (n.type === 'card' ? n.content![0]!.content?.[0]?.text : `[${n.content?.[0]?.text}]`));

describe('the speech doc beside the brief', () => {
  it('sends a block with its three cards to the speech doc\'s cursor with the backtick, as one undo step there, counted as 3 cards', async () => {
    const app = await launchApp();
    const { page } = app;
    const api = httpApi(app.url);
    await api.createBrief({ title: 'Russia', kind: 'brief', doc: { type: 'doc', content: [
      { type: 'block', content: text('AT: sanctions') }, card('One', 'u1'), card('Two', 'u2'), card('Three', 'u3'),
    ] } });
    const speech = await api.createBrief({ title: '1AC', kind: 'speech', doc: { type: 'doc', content: [card('Opening', 'u4'), card('Closing', 'u5')] } });

    for (const [width, height] of [[1024, 700], [1440, 900]] as const) {
      await page.setViewportSize({ width, height });
      await page.reload();
      await page.getByRole('tab', { name: 'Briefs' }).click();
      await page.evaluate(() => { localStorage.setItem('cardfile.pane.briefs', 'open'); localStorage.setItem('cardfile.pane.speech', 'open'); });
      await page.reload();
      await page.getByRole('tab', { name: 'Briefs' }).click();
      await page.getByRole('list', { name: 'Briefs' }).locator('button.row', { hasText: 'Russia' }).click();
      const speechPane = page.getByRole('generic', { name: 'Speech doc' }).or(page.locator('.speech-pane'));
      await speechPane.locator('.ProseMirror h4.tag').first().waitFor();
      expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBe(0);
      // Each side has its own outline, folded by itself where it would squeeze the brief under 480 px
      // of text: at 1440 the brief keeps its outline and the brief list and speech doc's outline fold.
      await expect.poll(() => page.getByRole('navigation', { name: 'Outline' }).count()).toBe(width < 1280 ? 0 : 1);
      expect(await page.getByRole('list', { name: 'Briefs' }).count()).toBe(0);
      await screenshot(page, `speech-pane-${width}`);
    }

    // The speech doc's cursor in "Opening"; the brief's cursor in the block; the backtick sends.
    const speechPane = page.locator('.speech-pane');
    await speechPane.locator('h4.tag', { hasText: 'Opening' }).click();
    const brief = page.locator('.desk-pane').first();
    await brief.locator('h3.block').click();
    await page.keyboard.press('`');
    await expect.poll(() => page.getByRole('status').first().innerText()).toContain('Sent “AT: sanctions” (3 cards) to “1AC”');
    await expect.poll(() => speechPane.locator('.ProseMirror > *').allInnerTexts().then((xs) => xs.map((x) => x.split('\n')[0]))).toEqual(
      ['Opening', 'AT: sanctions', 'One', 'Two', 'Three', 'Closing'].map((t) => expect.stringContaining(t)) as unknown as string[]);
    await expect.poll(async () => tagsOf((await api.getBrief({ id: speech.id })).doc)).toEqual(['Opening', '[AT: sanctions]', 'One', 'Two', 'Three', 'Closing']);
    // The sent cards are new cards, each copied from its original.
    const saved = (await api.getBrief({ id: speech.id })).doc.content!.filter((n) => n.type === 'card');
    expect(new Set(saved.map((n) => n.attrs?.cardId)).size).toBe(5);
    expect(saved.map((n) => n.attrs?.cardId)).not.toContain('u1');
    // The list counts cards, not headings.
    await page.getByRole('button', { name: 'Show briefs' }).click();
    await expect.poll(() => page.getByRole('list', { name: 'Speech docs' }).innerText()).toContain('5 cards');

    // One undo in the speech doc takes the whole send back.
    await speechPane.locator('h4.tag', { hasText: 'Closing' }).click();
    await page.keyboard.press('Control+z');
    await expect.poll(async () => tagsOf((await api.getBrief({ id: speech.id })).doc)).toEqual(['Opening', 'Closing']);

    // The divider resizes from the keyboard; the speech side folds away.
    const divider = page.getByRole('separator', { name: 'Resize brief and speech doc' });
    await divider.focus();
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => divider.getAttribute('aria-valuenow')).toBe('55');
    await page.getByRole('button', { name: 'Hide speech doc' }).click();
    await expect.poll(() => page.locator('.speech-pane').count()).toBe(0);
  });
});
