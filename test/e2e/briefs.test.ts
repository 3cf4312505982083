import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { cardNode } from '../../shared/brief-doc.js';
import type { DocJSON } from '../../shared/model.js';
import { nodeFromJSON } from '../../shared/schema.js';
import { briefToDocx } from '../../electron/services/exporters/verbatim-docx-export.js';
import { httpApi, launchApp, screenshot, toolbarButton } from '../helpers/e2e.js';
import { block, card } from '../shared/brief-builders.js';

const para = (...runs: [string, string[]][]): DocJSON => ({
  type: 'paragraph',
  content: runs.map(([text, marks]) => (marks.length ? { type: 'text', text, marks: marks.map((m) => ({ type: m })) } : { type: 'text', text })),
});

/** Nodes as the schema writes them (default attrs filled), as the editor saves them. */
const normal = (nodes: DocJSON[]): DocJSON[] => nodes.map((n) => nodeFromJSON(n).toJSON() as DocJSON);
/** Nodes with card ids blanked: the editor gives every card its own uid, checked apart. */
const withoutIds = (nodes: DocJSON[] | undefined): DocJSON[] => (nodes ?? []).map((n) => (n.type === 'card' ? { ...n, attrs: { ...n.attrs, cardId: null, copiedFrom: null } } : n));
const idsOf = (nodes: DocJSON[] | undefined) => (nodes ?? []).filter((n) => n.type === 'card').map((n) => n.attrs!.cardId as string);

const BLOCK = 'Answers to: Russia Won’t Cooperate on Syria if the US puts pressure on Russia';

describe('the brief editor, end to end in Chromium', () => {
  it('builds a block of library cards, reorders by drag and by key, sends to speech, hides unread text, and keeps it all after a reload', async () => {
    const app = await launchApp();
    const { page } = app;
    const api = httpApi(app.url);
    const talks = await api.createCard({
      tag: 'Non-unique: talks already failed', label: 'Non-unique', shortCite: 'Ace 21', fullCite: 'Joseph Choi, 9-2, 21, The Hill',
      body: { type: 'body', content: [para(['Moscow said ', []], ['the talks had collapsed', ['underline', 'highlight']], [' before any pressure.', []])] },
    });
    const sanctions = await api.createCard({
      tag: 'Sanctions already bite', shortCite: 'TASS 21', fullCite: 'TASS, 2021',
      body: { type: 'body', content: [para(['Officials conceded that ', []], ['sanctions cut revenue', ['highlight']])] },
    });

    await page.getByRole('tab', { name: 'Briefs' }).click();
    await page.getByRole('button', { name: 'New brief' }).click();
    // The brief's side of the desk (the speech doc opens beside it after the first send).
    const pane = page.locator('.desk-pane').first();
    const editor = pane.locator('.brief-editor .ProseMirror');
    await editor.waitFor();
    await editor.click();
    await page.keyboard.type(BLOCK);
    await page.keyboard.press('F6');
    await expect.poll(() => editor.locator('h3.block').innerText()).toContain(BLOCK);
    await expect.poll(() => pane.getByRole('navigation', { name: 'Outline' }).locator('.at').count()).toBe(1);

    // Library cards go into the block at the cursor, in the order the picker lists them (newest first).
    await (await toolbarButton(pane.getByRole('toolbar', { name: 'Brief tools' }), 'Add cards')).click();
    const picker = page.getByRole('dialog', { name: 'Add cards from the library' });
    await picker.getByRole('checkbox').first().check();
    await picker.getByRole('checkbox').nth(1).check();
    await picker.getByRole('button', { name: /Add 2 to brief/ }).click();
    const tags = editor.locator('h4.tag');
    await expect.poll(() => tags.allInnerTexts()).toEqual([sanctions.tag, talks.tag]);

    // Dragging an outline entry to the end of the outline reorders the brief.
    const outline = pane.getByRole('navigation', { name: 'Outline' });
    await outline.getByRole('button', { name: sanctions.tag }).dragTo(outline.locator('li.end'));
    await expect.poll(() => tags.allInnerTexts()).toEqual([talks.tag, sanctions.tag]);

    // The outline jumps to a card; Ctrl+Alt+Up then moves it above its sibling.
    await outline.getByRole('button', { name: sanctions.tag }).click();
    await expect.poll(() => outline.locator('li.current').innerText()).toContain(sanctions.tag);
    await page.keyboard.press('Control+Alt+ArrowUp');
    await expect.poll(() => tags.allInnerTexts()).toEqual([sanctions.tag, talks.tag]);
    await expect.poll(() => pane.locator('.brief-editor h3.block').getAttribute('data-totals')).toBe('2 cards · 7 highlighted words · 0:02');

    // The backtick sends the card at the cursor to the speech doc (made on the first send).
    await page.keyboard.press('`');
    await expect.poll(() => page.getByRole('status').innerText()).toContain('Sent the card “Sanctions already bite” to “Speech doc”');
    const speech = (await api.listBriefs({})).find((b) => b.kind === 'speech')!;
    const sent = (await api.getBrief({ id: speech.id })).doc.content;
    expect(withoutIds(sent)).toEqual(normal([cardNode(sanctions)]));
    expect(idsOf(sent)[0]).toMatch(/^[0-9a-f-]{36}$/);

    // Copy puts the card on the clipboard as rich text (highlight kept) and as plain text.
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: app.url });
    await (await toolbarButton(pane.getByRole('toolbar', { name: 'Brief tools' }), 'Copy')).click();
    await expect.poll(() => page.getByRole('status').innerText()).toContain('Copied the card “Sanctions already bite”');
    const copied = await page.evaluate(async () => {
      const [item] = await navigator.clipboard.read();
      return { html: await (await item!.getType('text/html')).text(), text: await (await item!.getType('text/plain')).text() };
    });
    expect(copied.text).toContain('Sanctions already bite');
    expect(copied.text).toContain('Officials conceded that sanctions cut revenue');
    expect(copied.html).toMatch(/background(-color)?:\s*#?[0-9a-f]*[^;]*;?[^>]*>sanctions cut revenue/i);

    // Invisibility mode: unread body text hidden, highlighted text, tags and cites still shown.
    await (await toolbarButton(pane.getByRole('toolbar', { name: 'Brief tools' }), 'Invisibility')).click();
    await expect.poll(() => editor.getByText('Moscow said').isVisible()).toBe(false);
    await expect.poll(() => editor.getByText('Officials conceded').isVisible()).toBe(false);
    await expect.poll(() => editor.getByText('the talks had collapsed').isVisible()).toBe(true);
    await expect.poll(() => editor.locator('p.cite').first().isVisible()).toBe(true);
    const shot = await screenshot(page, 'briefs-invisibility');
    expect(shot).toMatch(/briefs-invisibility\.png$/);

    await expect.poll(() => pane.locator('.save-state').innerText()).toBe('Saved');
    const expected = normal([{ type: 'block', content: [{ type: 'text', text: BLOCK }] }, cardNode(sanctions), cardNode(talks)]);
    const brief = (await api.listBriefs({})).find((b) => b.kind === 'brief')!;
    const saved = (await api.getBrief({ id: brief.id })).doc.content;
    expect(withoutIds(saved)).toEqual(expected);
    // Every card has its own id; the one sent lives on in the speech doc as a copy of it.
    expect(new Set([...idsOf(saved), ...idsOf(sent)]).size).toBe(3);
    expect(sent![0]!.attrs!.copiedFrom).toBe(idsOf(saved)[0]);

    const download = page.waitForEvent('download');
    await (await toolbarButton(pane.getByRole('toolbar', { name: 'Brief tools' }), '.docx')).click();
    const file = await download;
    expect(file.suggestedFilename()).toMatch(/\.docx$/);
    expect(fs.statSync((await file.path())).size).toBeGreaterThan(2_000);

    await page.reload();
    await page.getByRole('tab', { name: 'Briefs' }).click();
    // A new brief is named after its first heading until renamed.
    expect(brief.title).toBe(BLOCK);
    await page.getByRole('list', { name: 'Briefs' }).locator('button.row', { hasText: 'Answers to: Russia' }).click();
    await expect.poll(() => editor.locator('h4.tag').allInnerTexts()).toEqual([sanctions.tag, talks.tag]);
    await expect.poll(() => editor.locator('h3.block').innerText()).toContain(BLOCK);
    expect(withoutIds((await api.getBrief({ id: brief.id })).doc.content)).toEqual(expected);
    await screenshot(page, 'briefs-reloaded');
  });

  it('imports a Verbatim .docx picked from disk and opens it as a brief', async () => {
    const app = await launchApp();
    const { page } = app;
    const doc = normal([
      { type: 'block', content: [{ type: 'text', text: 'A2: Sanctions' }] },
      cardNode({ tag: 'Sanctions already bite', shortCite: 'TASS 21', fullCite: 'TASS, 2021', body: { type: 'body', content: [para(['Officials conceded that ', []], ['sanctions cut revenue', ['underline', 'highlight']])] } }),
    ]);
    const bytes = await briefToDocx({ title: 'Sanctions', doc: { type: 'doc', content: doc } });

    await page.getByRole('tab', { name: 'Briefs' }).click();
    await page.getByLabel('Import a brief (.docx)').setInputFiles({
      name: 'sanctions.docx', mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', buffer: Buffer.from(bytes),
    });
    await expect.poll(() => page.getByRole('status').innerText()).toContain('as brief');
    const editor = page.locator('.brief-editor .ProseMirror');
    await expect.poll(() => editor.locator('h3.block').innerText()).toContain('A2: Sanctions');
    await expect.poll(() => editor.locator('h4.tag').allInnerTexts()).toEqual(['Sanctions already bite']);
    await expect.poll(() => editor.locator('mark').innerText()).toBe('sanctions cut revenue');
    await expect.poll(() => page.getByRole('navigation', { name: 'Outline' }).locator('.at').count()).toBe(1);
  });

  it('opens a brief with its cards where they stay: nothing jumps after the first frame, and a click made at once lands', async () => {
    const app = await launchApp();
    const { page } = app;
    const api = httpApi(app.url);
    const answers = Array.from({ length: 30 }, (_, i) => card(`Answer ${i + 1}`));
    await api.createBrief({ title: 'Aff', kind: 'brief', doc: { type: 'doc', content: [block('AT: Ryabkov'), ...answers.slice(0, 15), block('AT: Partition'), ...answers.slice(15)] } });
    await page.evaluate(() => {
      const shifts: string[] = [];
      Object.assign(window, { shifts });
      // Layout Instability names each element that moved without input: none may be in the editor.
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries() as (PerformanceEntry & { sources?: { node?: Node | null }[] })[]) {
          for (const source of entry.sources ?? []) if (source.node?.parentElement?.closest('.ProseMirror')) shifts.push(source.node.textContent ?? '');
        }
      }).observe({ type: 'layout-shift' });
    });

    await page.getByRole('tab', { name: 'Briefs' }).click();
    await page.getByRole('list', { name: 'Briefs' }).locator('button.row', { hasText: /^Aff/ }).click();
    const tag = page.locator('.desk-pane').first().locator('h4.tag', { hasText: /^Answer 9$/ });
    await tag.click();
    expect(await page.evaluate(() => getSelection()?.anchorNode?.textContent)).toBe('Answer 9');
    await page.waitForTimeout(500);
    expect(await page.evaluate(() => (window as unknown as { shifts: string[] }).shifts)).toEqual([]);
    expect(await page.evaluate(() => getSelection()?.anchorNode?.textContent)).toBe('Answer 9');
  });
});
