import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseVerbatimDocx } from '../../electron/services/importers/verbatim-docx.js';
import type { DocJSON } from '../../shared/model.js';
import { nodeFromJSON } from '../../shared/schema.js';
import { httpApi, launchApp, screenshot, toolbarButton, toolbarItem } from '../helpers/e2e.js';
import { textRun as text } from '../shared/brief-builders.js';

const plain = (doc: DocJSON) => { const node = nodeFromJSON(doc); return node.textBetween(0, node.content.size, '\n'); };

describe('a reading copy and a cite request, exported from the brief', () => {
  it('downloads .docx files holding only the highlighted words, or the tag, cite and ends of the evidence', async () => {
    const app = await launchApp();
    const { page } = app;
    const api = httpApi(app.url);
    await api.createBrief({ title: '1AC', kind: 'speech', doc: { type: 'doc', content: [{
      type: 'card', content: [
        { type: 'tag', content: [text('Sanctions bite')] },
        { type: 'cite', content: [text('TASS 21', ['strong']), text(' TASS, 2021, Moscow')] },
        { type: 'body', content: [{ type: 'paragraph', content: [text('Officials conceded in a long briefing that '), text('sanctions cut revenue', ['underline', 'highlight']), text(' by a third this year, the ministry said.')] }] },
      ],
    }] } });
    await page.getByRole('tab', { name: 'Briefs' }).click();
    await page.getByRole('list', { name: 'Speech docs' }).locator('button.row', { hasText: '1AC' }).click();
    await page.locator('.brief-editor .ProseMirror').waitFor();

    const download = async (variant: string) => {
      await (await toolbarItem(page.getByRole('toolbar', { name: 'Brief tools' }), (scope) => scope.getByLabel('What to export'))).selectOption({ label: variant });
      const file = page.waitForEvent('download');
      await (await toolbarButton(page.getByRole('toolbar', { name: 'Brief tools' }), '.docx')).click();
      const got = await file;
      return { name: got.suggestedFilename(), doc: parseVerbatimDocx(fs.readFileSync((await got.path())!), got.suggestedFilename()).doc };
    };

    const reading = await download('Reading copy');
    expect(reading.name).toBe('1AC (reading copy).docx');
    expect(plain(reading.doc)).toBe('Sanctions bite\nTASS 21 TASS, 2021, Moscow\nsanctions cut revenue');
    await expect.poll(() => page.getByRole('status').innerText()).toContain('Exported 1AC (reading copy).docx');

    const request = await download('Cite request');
    expect(request.name).toBe('1AC (cite request).docx');
    expect(plain(request.doc)).toBe('Sanctions bite\nTASS 21 TASS, 2021, Moscow\nOfficials conceded in a long briefing … third this year, the ministry said.');
    await screenshot(page, 'export-variants-1440');
    await page.setViewportSize({ width: 1024, height: 700 });
    await screenshot(page, 'export-variants-1024');
  });
});
