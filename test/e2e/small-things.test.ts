// Issue 12's smaller things a debater notices, each as a debater meets it in Chromium.
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { DocJSON } from '../../shared/model.js';
import { clickAtEnd, httpApi, launchApp, screenshot, toolbarButton } from '../helpers/e2e.js';
import { tempDir } from '../helpers/temp-dir.js';
import { textRun as text } from '../shared/brief-builders.js';

const body = (...runs: DocJSON[]): DocJSON => ({ type: 'body', content: [{ type: 'paragraph', content: runs }] });

describe('the smaller things a debater notices', () => {
  it('says why typing in a locked card does nothing, shows a label once, and keeps words apart in invisibility mode', async () => {
    const app = await launchApp();
    const { page } = app;
    const api = httpApi(app.url);
    await api.createCard({
      tag: 'Russian aggression in Syria now', label: 'Non-unique', shortCite: 'Ace 21', fullCite: 'Mehmet Ace, 2021, TRT World',
      body: body(text('Officials admitted'), text(' late on Tuesday that they had acted', []), text(' deliberately.')), articleId: null, passage: null,
    });
    await page.reload();

    // The Library lists the label once, and a click opens the card in the Cutter.
    const row = page.getByRole('list', { name: 'Cards' }).getByRole('button', { name: /Russian aggression/ });
    expect((await row.innerText()).match(/Non-unique/g)).toHaveLength(1);
    await row.click();
    const cardBody = page.locator('.card-doc .body p').first();
    await cardBody.click();
    await page.keyboard.press('End');
    await page.keyboard.type('x');
    await expect.poll(() => page.getByText('Words are locked — Edit text to change them').count()).toBe(1);
    expect(await cardBody.innerText()).toBe('Officials admitted late on Tuesday that they had acted deliberately.');

    // Invisibility mode: "admitted … deliberately" stays two words.
    await api.createBrief({ title: 'Russia', kind: 'brief', doc: { type: 'doc', content: [{ type: 'card', content: [
      { type: 'tag', content: [text('They admit it')] }, { type: 'cite', content: [text('Ace 21', ['strong'])] },
      body(text('Officials '), text('admitted', ['highlight']), text(' late on Tuesday that they had acted ')),
    ] }, { type: 'card', content: [
      { type: 'tag', content: [text('Deliberately')] }, { type: 'cite', content: [text('Ace 21', ['strong'])] },
      body(text('admitted', ['highlight']), text(' late on Tuesday that they had acted '), text('deliberately', ['highlight']), text('.')),
    ] }] } });
    await page.getByRole('tab', { name: 'Briefs' }).click();
    await page.getByRole('list', { name: 'Briefs' }).locator('button.row', { hasText: 'Russia' }).click();
    const editor = page.locator('.brief-editor .ProseMirror');
    await editor.locator('h4.tag').first().waitFor();
    await (await toolbarButton(page.getByRole('toolbar', { name: 'Brief tools' }), 'Invisibility')).click();
    await expect.poll(() => editor.locator('.body').nth(1).innerText()).toMatch(/^admitted\s+deliberately$/);
    // Typing into a brief's locked card says so too.
    // Its unread words are hidden: the click is on the end of what shows.
    await clickAtEnd(editor.locator('.body p').first());
    await page.keyboard.type('x');
    await expect.poll(() => page.getByRole('status').first().innerText()).toContain('Words are locked');
  });

  it('shows the Briefs keys on the toolbar, says a PDF export is under way, and lets a notice go after a while without covering the top bar', async () => {
    const app = await launchApp();
    const { page } = app;
    const api = httpApi(app.url);
    await api.createBrief({ title: 'A brief with a rather long name to show the notice stays on one line', kind: 'brief', doc: { type: 'doc', content: [
      { type: 'block', content: [text('AT: sanctions fail')] },
      { type: 'card', content: [{ type: 'tag', content: [text('Sanctions bite')] }, { type: 'cite', content: [text('Ace 21', ['strong'])] }, body(text('Evidence.'))] },
    ] } });
    await page.setViewportSize({ width: 1024, height: 700 });
    await page.reload();
    await page.getByRole('tab', { name: 'Briefs' }).click();
    await page.getByRole('button', { name: 'Show briefs' }).click();
    await page.getByRole('list', { name: 'Briefs' }).locator('button.row', { hasText: 'rather long name' }).click();
    const toolbar = page.getByRole('toolbar', { name: 'Brief tools' });
    for (const [name, key] of [['Pocket', 'F4'], ['Hat', 'F5'], ['Block', 'F6'], ['Tag', 'F7'], ['Highlight', 'F11']]) {
      // Each tool names its key, in the row or, past the edge, in the More menu.
      expect(await (await toolbarButton(toolbar, new RegExp(`^${name}`))).locator('kbd').innerText()).toBe(key);
    }

    await page.locator('.brief-editor .ProseMirror h4.tag').click();
    await (await toolbarButton(toolbar, '.pdf')).click();
    const notice = page.getByRole('status').first();
    await expect.poll(() => notice.innerText()).toContain('Exporting “A brief with a rather long name');
    await expect.poll(() => notice.innerText(), { timeout: 30_000 }).toContain('Exported');
    // One line inside the top bar, however long the name.
    const [bar, box] = await Promise.all([page.locator('header.topbar').boundingBox(), notice.boundingBox()]);
    expect(box!.y).toBeGreaterThanOrEqual(bar!.y);
    expect(box!.y + box!.height).toBeLessThanOrEqual(bar!.y + bar!.height);
    expect(box!.x + box!.width).toBeLessThanOrEqual(1024);
    // The long text gives way; the Dismiss button stays inside the notice.
    const dismiss = await notice.getByRole('button', { name: 'Dismiss' }).boundingBox();
    expect(dismiss!.x + dismiss!.width).toBeLessThanOrEqual(box!.x + box!.width);
    await screenshot(page, 'notice-1024');
    // Information goes by itself (errors stay until dismissed).
    await expect.poll(() => page.getByRole('status').count(), { timeout: 15_000 }).toBe(0);
  });
  it('prints the brief running on, each pocket on a new page once Pocket pages is pressed, and tagged once Tagged PDF is', async () => {
    const app = await launchApp();
    const { page } = app;
    const api = httpApi(app.url);
    const card = (tag: string) => ({ type: 'card', content: [{ type: 'tag', content: [text(tag)] }, { type: 'cite', content: [text('Ace 21', ['strong'])] }, body(text('Evidence.'))] });
    await api.createBrief({ title: 'Two pockets', kind: 'brief', doc: { type: 'doc', content: [
      { type: 'pocket', content: [text('First pocket')] }, card('Sanctions bite'),
      { type: 'pocket', content: [text('Second pocket')] }, card('Talks fail'),
    ] } });
    await page.reload();
    await page.getByRole('tab', { name: 'Briefs' }).click();
    await page.getByRole('list', { name: 'Briefs' }).locator('button.row', { hasText: 'Two pockets' }).click();
    const toolbar = page.getByRole('toolbar', { name: 'Brief tools' });
    await page.locator('.brief-editor .ProseMirror h4.tag').first().click();
    const pdfFile = async (): Promise<string> => {
      const file = page.waitForEvent('download', { timeout: 60_000 });
      await (await toolbarButton(toolbar, '.pdf')).click();
      const got = await file;
      const to = path.join(tempDir(), got.suggestedFilename());
      await got.saveAs(to);
      return to;
    };
    /** The exported PDF's pages, as pdftotext separates them. */
    const pdfPages = async (): Promise<string[]> => execFileSync('pdftotext', [await pdfFile(), '-'], { encoding: 'utf8' }).split('\f').filter((p) => p.trim());
    const tagged = (file: string): boolean => /Tagged:\s+yes/.test(execFileSync('pdfinfo', [file], { encoding: 'utf8' }));
    const runningOn = await pdfPages();
    expect(runningOn.at(-1)).toMatch(/First pocket[\s\S]*Second pocket/);
    const pocketPages = await toolbarButton(toolbar, 'Pocket pages');
    await pocketPages.click();
    expect(await (await toolbarButton(toolbar, 'Pocket pages')).getAttribute('aria-pressed')).toBe('true');
    const pocketed = await pdfPages();
    expect(pocketed).toHaveLength(runningOn.length + 1);
    expect(pocketed.at(-1)!.trim()).toMatch(/^Second pocket/);

    expect(tagged(await pdfFile())).toBe(false);
    await (await toolbarButton(toolbar, 'Tagged PDF')).click();
    expect(await (await toolbarButton(toolbar, 'Tagged PDF')).getAttribute('aria-pressed')).toBe('true');
    expect(tagged(await pdfFile())).toBe(true);
  });
});
