// Electron has no window.prompt, and alert/confirm freeze the whole app: the renderer uses none.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { httpApi, launchApp } from '../helpers/e2e.js';

const RENDERER = path.resolve(import.meta.dirname, '../../renderer/src');
const CALL = /(?:\b(?:window|globalThis|self)\s*\.\s*|(?<![\w.$]))(prompt|alert|confirm)\s*\(/g;

/** Every call of prompt/alert/confirm in a source text, comments and strings aside. */
function blockingDialogCalls(source: string): string[] {
  const code = source
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/(^|[^:])\/\/.*$/gm, '$1')
    .replace(/(['"`])(?:\\.|(?!\1)[^\\\n])*\1/g, '""');
  return [...code.matchAll(CALL)].map((m) => m[0]);
}

describe('no blocking dialogs in the renderer', () => {
  it.each([
    ['window.prompt("Custom label")', ['window.prompt(']],
    ['if (confirm("Delete?")) go()', ['confirm(']],
    ['globalThis.alert(x)', ['globalThis.alert(']],
    ['setConfirming(true); obj.confirm(); // alert(no)', []],
    ['const s = "prompt(x)"; <div className="confirm">', []],
  ])('the scan finds %s', (source, found) => {
    expect(blockingDialogCalls(source)).toEqual(found);
  });

  it('finds none in any renderer source', () => {
    const files = fs.readdirSync(RENDERER, { recursive: true, withFileTypes: true })
      .filter((e) => e.isFile() && /\.(tsx?|m?js)$/.test(e.name))
      .map((e) => path.join(e.parentPath, e.name));
    expect(files.length).toBeGreaterThan(10);
    const found = files.flatMap((f) => blockingDialogCalls(fs.readFileSync(f, 'utf8')).map((call) => `${path.relative(RENDERER, f)}: ${call}`));
    expect(found).toEqual([]);
  });

  it('names a custom label in place, from the keyboard, with no dialog', async () => {
    const app = await launchApp();
    const { page } = app;
    const dialogs: string[] = [];
    page.on('dialog', (d) => { dialogs.push(d.type()); void d.dismiss(); });
    const api = httpApi(app.url);
    await api.createCard({
      tag: 'Talks collapse', label: null, shortCite: 'Ace 21', fullCite: 'Ace, 2021',
      body: { type: 'body', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'The talks collapsed.' }] }] }, articleId: null, passage: null,
    });
    await page.getByRole('tab', { name: 'Cutter' }).click();
    await page.locator('.card-row button.row', { hasText: 'Talks collapse' }).click();
    await page.getByLabel('Argument label').selectOption({ label: 'Custom…' });
    const name = page.getByRole('textbox', { name: 'Custom label' });
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe('Custom label');
    await page.keyboard.type('Turn');
    await page.keyboard.press('Enter');
    await name.waitFor({ state: 'detached' });
    await expect.poll(() => page.locator('.card-doc h4.tag').innerText()).toBe('Turn: Talks collapse');
    await expect.poll(async () => (await api.listCards({}))[0]!.label).toBe('Turn');
    expect(dialogs).toEqual([]);
  });
});
