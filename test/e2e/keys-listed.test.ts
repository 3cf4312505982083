import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { COMMANDS, FIXED_KEYS, displayKey } from '../../shared/keymap.js';
import { launchApp } from '../helpers/e2e.js';

const README = fs.readFileSync(path.resolve(import.meta.dirname, '../../README.md'), 'utf8');
const keysSection = README.slice(README.indexOf('### Keys'), README.indexOf('Your library is one file.'));
const shown = (key: string) => (key === '`' ? '`` ` ``' : displayKey(key, false));

describe('the key lists are true', () => {
  it.each([...COMMANDS.flatMap((c) => c.keys.map((key) => ({ key, title: c.title }))), ...FIXED_KEYS])('README lists $title on $key', ({ key, title }) => {
    const row = keysSection.split('\n').find((line) => line.split('|')[2]?.trim() === title);
    expect(row, title).toBeDefined();
    expect(row).toContain(`**${shown(key)}**`);
  });

  it('Settings lists every rebindable key in one notation, and the fixed keys of briefs and search', async () => {
    const { page } = await launchApp();
    await page.getByRole('tab', { name: 'Cutter' }).click();
    await page.getByRole('button', { name: 'Settings' }).click();
    const dialog = page.getByRole('dialog', { name: 'Settings' });
    await expect.poll(() => dialog.getByLabel('Keys for Command palette').inputValue()).toBe('Ctrl+Shift+P');
    await expect.poll(() => dialog.getByLabel('Keys for Shrink').inputValue()).toBe('Alt+F3, Ctrl+8');
    const fixed = dialog.getByRole('table', { name: 'Fixed keys' });
    for (const k of FIXED_KEYS) expect(await fixed.getByRole('row', { name: new RegExp(`^${k.title.replace(/[()+]/g, '\\$&')}`) }).innerText()).toContain(displayKey(k.key, false));
    // Saving without a change keeps the defaults (the shown notation is not an override).
    await dialog.getByRole('button', { name: 'Save' }).click();
    await dialog.waitFor({ state: 'detached' });
  });
});
