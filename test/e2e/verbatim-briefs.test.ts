// Briefs imported from Word files shaped like real Verbatim files (blank lines everywhere,
// analytics of both kinds, undertags, empty headings, 320 cards) open, take edits, save, survive a
// reload and export to .docx and PDF, in Chromium, without one page error.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { parseVerbatimDocx } from '../../electron/services/importers/verbatim-docx.js';
import type { DocJSON } from '../../shared/model.js';
import { DEFAULT_HIGHLIGHT } from '../../shared/schema.js';
import { clickAtEnd, httpApi, launchApp, screenshot, toolbarButton } from '../helpers/e2e.js';
import { tempDir } from '../helpers/temp-dir.js';
import { VERBATIM_FIXTURES, verbatimFixture } from '../helpers/verbatim-fixtures.js';

const EDIT = ' (edited in Chromium)';
const SELECTED = 30;
/** The autosaver writes a second after typing stops: what it saved is read back for this long. */
const SAVED = { timeout: 15_000 };

/** How many of each kind of top-level node, and the undertags: what an import → export → import keeps. */
function shapeOf(doc: DocJSON): Record<string, number> {
  const shape: Record<string, number> = {};
  const count = (key: string) => { shape[key] = (shape[key] ?? 0) + 1; };
  for (const node of doc.content ?? []) {
    count(node.type === 'analytic' ? `analytic${node.attrs?.heading === true ? ' (Heading 4)' : ''}` : node.type);
    for (const part of node.type === 'card' ? node.content ?? [] : []) if (part.type === 'undertag') count('undertag');
  }
  return shape;
}

const textOf = (node: DocJSON | undefined): string => node?.text ?? (node?.content ?? []).map(textOf).join('');
const firstCard = (doc: DocJSON): DocJSON => doc.content!.find((n) => n.type === 'card')!;
/** The card whose tag was edited (real tags repeat in a file: the edit tells it apart), if any. */
const editedCard = (doc: DocJSON): DocJSON | undefined => doc.content!.find((n) => n.type === 'card' && textOf(n.content![0]).endsWith(EDIT));
/** The marks on each of the first `n` characters of a card's first body paragraph. */
function marksOfOpening(card: DocJSON, n: number): string[][] {
  const paragraph = card.content!.find((p) => p.type === 'body')!.content![0]!;
  const named = (m: { type: string; attrs?: Record<string, unknown> }) => (m.type === 'highlight' ? `highlight:${String(m.attrs?.colour)}` : m.type);
  return (paragraph.content ?? []).flatMap((t) => Array.from(t.text ?? '', () => (t.marks ?? []).map(named).filter((m) => m !== 'size').sort())).slice(0, n);
}
const everyHas = (marks: string[][], mark: string) => marks.every((m) => m.includes(mark));

/** Every error the page throws or logs (but Chromium's own asking for a /favicon.ico that browser mode has none of). */
function watchErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('pageerror', (err) => errors.push(`page error: ${err.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error' && !message.location().url.endsWith('/favicon.ico')) errors.push(`console error: ${message.text()} (${message.location().url})`);
  });
  return errors;
}

describe('real-shaped Verbatim briefs, end to end in Chromium', () => {
  for (const fixture of VERBATIM_FIXTURES) {
    it(`imports “${fixture.title}” (${fixture.cards} cards), opens, edits, saves and exports it`, async () => {
      const app = await launchApp();
      const { page } = app;
      const api = httpApi(app.url);
      const errors = watchErrors(page);
      await page.setViewportSize({ width: 1024, height: 700 });
      const slug = fixture.title.toLowerCase().replace(/[^a-z0-9]+/g, '-');

      // Imported the way a debater does: the Briefs area's file picker.
      await page.getByRole('tab', { name: 'Briefs' }).click();
      // The window is narrow: the list of briefs starts folded (and stays open once opened).
      await page.getByRole('button', { name: 'Show briefs' }).click();
      await page.getByLabel('Import a brief (.docx)').setInputFiles({
        name: `${slug}.docx`, mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', buffer: Buffer.from(verbatimFixture(fixture)),
      });
      await expect.poll(() => page.getByRole('status').innerText()).toContain('as brief');
      const briefId = (await api.listBriefs({})).find((b) => b.kind === 'brief')!.id;
      const imported = (await api.getBrief({ id: briefId })).doc;
      const shape = shapeOf(imported);
      // The file holds every pattern this test is about.
      expect(shape).toMatchObject({ card: fixture.cards, blank: expect.any(Number), analytic: expect.any(Number), 'analytic (Heading 4)': expect.any(Number), undertag: expect.any(Number) });

      // Open: every card, blank line and analytic drawn, the blocks with their totals, no error.
      const editor = page.locator('.brief-editor .ProseMirror');
      await expect.poll(() => editor.locator('section.card').count()).toBe(fixture.cards);
      expect(await editor.locator('p.blank').count()).toBe(shape.blank);
      expect(await editor.locator('p.analytic').count()).toBe(shape.analytic! + shape['analytic (Heading 4)']!);
      expect(await editor.locator('p.undertag').count()).toBe(shape.undertag);
      await expect.poll(() => editor.locator('h3.block').first().getAttribute('data-totals')).toMatch(/^\d+ cards? · \d+ highlighted words? · \d+:\d\d$/);
      expect(await page.locator('.pane-error').count()).toBe(0);

      // Edit: type into the first tag, then underline (F9) and highlight (F11) the opening of its body.
      const tag = editor.locator('section.card h4.tag').first();
      const tagText = await tag.innerText();
      // A long tag wraps, and End ends the line clicked on: the click is on the end of its text.
      await clickAtEnd(tag);
      await page.keyboard.press('End');
      await page.keyboard.type(EDIT);
      await expect.poll(() => tag.innerText()).toBe(tagText + EDIT);
      const before = marksOfOpening(firstCard(imported), SELECTED);
      const paragraph = editor.locator('section.card').first().locator('div.body p').first();
      await paragraph.click({ position: { x: 1, y: 4 } });
      for (let i = 0; i < SELECTED; i++) await page.keyboard.press('Shift+ArrowRight');
      const opening = textOf(firstCard(imported).content!.find((p) => p.type === 'body')!.content![0]).slice(0, SELECTED);
      // The editor takes a selection from the page's selectionchange task, which runs after the key:
      // the markup keys wait for it, as a person's would.
      expect(await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => setTimeout(() => done(window.getSelection()?.toString())))))).toBe(opening);
      await page.keyboard.press('F9');
      await page.keyboard.press('F11');
      // Each key adds its mark to the selection, or takes it off when all of it had it already;
      // F11 highlights in the debater's colour (cyan unless set otherwise).
      const underlined = !everyHas(before, 'underline');
      const highlighted = !everyHas(before, `highlight:${DEFAULT_HIGHLIGHT}`);
      // Word holds a run in one character style: an emphasised run that was also underlined comes
      // back from a .docx as Emphasis alone (whose style underlines it), so there "read" is checked.
      // What a doc holds of the edit: the edited tag, and for each selected character whether it is read and highlighted.
      const editIn = (doc: DocJSON, from: 'saved' | 'exported' = 'saved') => {
        // Else the first card, so a failure shows where the typing went.
        const card = editedCard(doc) ?? firstCard(doc);
        const read = (m: string[]) => m.includes('underline') || (from === 'exported' && underlined && m.includes('emphasis'));
        const describe = (m: string[]) => `${read(m) ? 'read' : 'unread'}${m.includes(`highlight:${DEFAULT_HIGHLIGHT}`) ? ', highlighted' : ''}`;
        return { tag: textOf(card.content![0]), opening: marksOfOpening(card, SELECTED).map(describe) };
      };
      const edit = { tag: tagText + EDIT, opening: Array<string>(SELECTED).fill(`${underlined ? 'read' : 'unread'}${highlighted ? ', highlighted' : ''}`) };
      await expect.poll(() => page.locator('.brief-main .save-state').innerText()).toBe('Saved');
      await expect.poll(async () => editIn((await api.getBrief({ id: briefId })).doc), SAVED).toEqual(edit);

      // The outline's end takes a dragged card after everything, blank lines included. (The drag's
      // events are sent to the rows themselves: a long outline puts its end out of the mouse's reach.)
      await page.getByRole('button', { name: 'Show outline' }).click();
      const outline = page.getByRole('navigation', { name: 'Outline' });
      const dataTransfer = await page.evaluateHandle(() => new DataTransfer());
      await outline.getByRole('listitem').filter({ hasText: tagText + EDIT }).dispatchEvent('dragstart', { dataTransfer });
      for (const type of ['dragover', 'drop']) await outline.locator('li.end').dispatchEvent(type, { dataTransfer });
      await expect.poll(async () => {
        const content = (await api.getBrief({ id: briefId })).doc.content!.filter((n) => n.type !== 'blank');
        return textOf(content[content.length - 1]!.content?.[0]);
      }, SAVED).toBe(tagText + EDIT);
      await expect.poll(() => page.locator('.brief-main .save-state').innerText()).toBe('Saved');

      // A reload shows the saved edit.
      await page.reload();
      await page.getByRole('tab', { name: 'Briefs' }).click();
      await page.getByRole('list', { name: 'Briefs' }).locator('button.row').first().click();
      await expect.poll(() => editor.locator('h4.tag', { hasText: EDIT.trim() }).count()).toBe(1);
      const saved = (await api.getBrief({ id: briefId })).doc;
      expect(editIn(saved)).toEqual(edit);
      expect(shapeOf(saved)).toEqual(shape);
      // What a debater on a laptop sees (test/artifacts).
      await screenshot(page, `verbatim-brief-${slug}`, { fullPage: false });

      // Exports: the .docx reads back with the edit and every blank line, analytic and undertag.
      const download = async (format: 'docx' | 'pdf') => {
        const file = page.waitForEvent('download', { timeout: 60_000 });
        await (await toolbarButton(page.getByRole('toolbar', { name: 'Brief tools' }), `.${format}`)).click();
        const got = await file;
        const to = path.join(tempDir(), got.suggestedFilename());
        await got.saveAs(to);
        return to;
      };
      const docx = parseVerbatimDocx(fs.readFileSync(await download('docx')), `${slug}.docx`).doc;
      expect(shapeOf(docx)).toEqual(shape);
      expect(editIn(docx, 'exported')).toEqual(edit);
      const pdf = execFileSync('pdftotext', [await download('pdf'), '-'], { encoding: 'utf8', maxBuffer: 64 << 20 }).replace(/\s+/g, ' ');
      expect(pdf).toContain(tagText + EDIT);
      expect(pdf).toContain(opening.replace(/\s+/g, ' ').trim());

      expect(errors).toEqual([]);
    }, 240_000);
  }
});
