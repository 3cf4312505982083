import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseVerbatimDocx } from '../../electron/services/importers/verbatim-docx.js';
import type { DocJSON } from '../../shared/model.js';
import { httpApi, launchApp, screenshot, toolbarButton, toolbarItem } from '../helpers/e2e.js';
import { textRun as text } from '../shared/brief-builders.js';
import { tempDir } from '../helpers/temp-dir.js';

/** Each body paragraph of each card, a marker written as ^. */
const bodies = (doc: DocJSON): string[] =>
  (doc.content ?? []).filter((n) => n.type === 'card').flatMap((c) => (c.content ?? []).filter((p) => p.type === 'body').flatMap((b) => (b.content ?? []).map((p) => (p.content ?? []).map((n) => (n.type === 'marker' ? '^' : n.text)).join(''))));

describe('Mark card in the speech doc', () => {
  it('Ctrl+Alt+M marks where the speaker stopped: shown in the doc, saved, undoable, in the .docx, PDF and reading copy', async () => {
    const app = await launchApp();
    const { page } = app;
    const api = httpApi(app.url);
    const speech = await api.createBrief({ title: '1NC', kind: 'speech', doc: { type: 'doc', content: [{
      type: 'card', content: [
        { type: 'tag', content: [text('Sanctions bite')] },
        { type: 'cite', content: [text('TASS 21', ['strong']), text(' TASS, 2021, Moscow')] },
        { type: 'body', content: [{ type: 'paragraph', content: [text('Officials conceded that '), text('sanctions cut revenue', ['underline', 'highlight']), text(' by a third this year.')] }] },
      ],
    }] } });
    await page.getByRole('tab', { name: 'Briefs' }).click();
    await page.getByRole('list', { name: 'Speech docs' }).locator('button.row', { hasText: '1NC' }).click();
    const editor = page.locator('.brief-editor .ProseMirror').first();
    // Keys as a person presses them: Playwright's come faster than Chromium reports the
    // selection they moved (selectionchange waits behind input), which no hand can do.
    const press = async (...keys: string[]) => {
      for (const key of keys) {
        await page.keyboard.press(key);
        await page.evaluate(() => new Promise((done) => setTimeout(done, 30)));
      }
    };
    await editor.locator('h4.tag').click();

    // From the tag, by keys alone: down to the body, three words in ("Officials conceded that|").
    await press('ArrowDown', 'ArrowDown', 'Home', 'Control+ArrowRight', 'Control+ArrowRight', 'Control+ArrowRight', 'Control+Alt+m');
    await expect.poll(() => editor.locator('span.marker').count()).toBe(1);
    expect(await editor.locator('span.marker').innerText()).toBe('MARKED');
    await expect.poll(async () => bodies((await api.getBrief({ id: speech.id })).doc)).toEqual(['Officials conceded that^ sanctions cut revenue by a third this year.']);
    await screenshot(page, 'mark-card-1440');
    await page.setViewportSize({ width: 1024, height: 700 });
    await screenshot(page, 'mark-card-1024');

    // Further on, the mark moves: a card has one.
    await press('Control+ArrowRight', 'Control+ArrowRight', 'Control+ArrowRight', 'Control+Alt+m');
    await expect.poll(async () => bodies((await api.getBrief({ id: speech.id })).doc)).toEqual(['Officials conceded that sanctions cut revenue^ by a third this year.']);
    await expect.poll(() => editor.locator('span.marker').count()).toBe(1);
    // Beside it, the key takes it away; undo brings it back (each mark is its own undo step).
    await press('Control+Alt+m');
    await expect.poll(() => editor.locator('span.marker').count()).toBe(0);
    await press('Control+z');
    await expect.poll(() => editor.locator('span.marker').count()).toBe(1);
    await expect.poll(async () => bodies((await api.getBrief({ id: speech.id })).doc)).toEqual(['Officials conceded that sanctions cut revenue^ by a third this year.']);

    // Saved: a reload shows it where it was.
    await page.setViewportSize({ width: 1440, height: 900 });
    await page.reload();
    await page.getByRole('tab', { name: 'Briefs' }).click();
    await page.getByRole('list', { name: 'Speech docs' }).locator('button.row', { hasText: '1NC' }).click();
    await expect.poll(() => editor.locator('span.marker').count()).toBe(1);
    expect(bodies((await api.getBrief({ id: speech.id })).doc)).toEqual(['Officials conceded that sanctions cut revenue^ by a third this year.']);

    // In the exports: the .docx and its reading copy come back marked; the PDF prints it.
    const download = async (variant: string) => {
      await (await toolbarItem(page.getByRole('toolbar', { name: 'Brief tools' }), (scope) => scope.getByLabel('What to export'))).selectOption({ label: variant });
      const file = page.waitForEvent('download');
      await (await toolbarButton(page.getByRole('toolbar', { name: 'Brief tools' }), '.docx')).click();
      const got = await file;
      return parseVerbatimDocx(fs.readFileSync((await got.path())!), got.suggestedFilename()).doc;
    };
    expect(bodies(await download('Brief'))).toEqual(['Officials conceded that sanctions cut revenue^ by a third this year.']);
    expect(bodies(await download('Reading copy'))).toEqual(['sanctions cut revenue^']);
    const pdf = await api.exportBrief({ id: speech.id, format: 'pdf' });
    const file = path.join(tempDir(), pdf.name);
    fs.writeFileSync(file, Buffer.from(pdf.dataBase64, 'base64'));
    expect(execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ')).toContain('sanctions cut revenue<<MARKED>> by a third');
  });
});
