import type { Locator } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { Library } from '../../electron/services/library/library.js';
import { bodyFromParagraphs } from '../../shared/schema.js';
import { launchApp, toolbarButton } from '../helpers/e2e.js';
import { tempLibraryPath } from '../helpers/temp-dir.js';

const OLDEST = 'Partition was always the plan';

/** 1,200 cut cards, more than the 1,000 a list once showed; the oldest has a label and an author of its own. */
function seededLibrary(): string {
  const file = tempLibraryPath();
  const library = Library.open(file);
  const oldest = library.cards.insert({
    tag: OLDEST, label: 'Oldest label', shortCite: 'Ryabkov 21', fullCite: 'Sergei Ryabkov, TASS, 2021',
    body: bodyFromParagraphs(['The US seeks a de facto partition.']), articleId: null, passage: null,
  });
  library.transaction(() => {
    for (let i = 1; i < 1200; i++) {
      library.cards.insert({
        tag: `Generic card ${i}`, label: null, shortCite: `Smith ${i % 90}`, fullCite: 'John Smith, 2024',
        body: bodyFromParagraphs([`Body ${i}`]), articleId: null, passage: null,
      });
    }
  });
  library.db.prepare("UPDATE cards SET created_at = '2020-01-02T10:00:00.000Z', updated_at = '2020-01-02T10:00:00.000Z' WHERE id = ?").run(oldest.id);
  library.close();
  return file;
}

/** Scrolls a list's scroller to its end until `row` is drawn (a page is fetched as the end comes near). */
async function scrollUntil(scroller: Locator, row: Locator): Promise<void> {
  await expect.poll(async () => {
    await scroller.evaluate((el) => { el.scrollTop = el.scrollHeight; el.dispatchEvent(new Event('scroll')); });
    return row.count();
  }, { timeout: 20_000, interval: 200 }).toBe(1);
}

describe('the cut cards past the first thousand, in Chromium', () => {
  it('the Cutter list, its filters and the brief card picker all reach the oldest of 1,200 cards', async () => {
    const app = await launchApp({ libraryPath: seededLibrary() });
    const { page } = app;

    await page.getByRole('tab', { name: 'Cutter' }).click();
    const list = page.locator('.card-library');
    await expect.poll(() => list.locator('.card-row').count()).toBeGreaterThan(0);
    const oldestRow = list.locator('.card-row', { hasText: OLDEST });
    await scrollUntil(list.locator('.scroll'), oldestRow);
    await expect.poll(() => list.locator('.count').innerText()).toBe('1200');

    // Filters ask the store, so they find what no page loaded yet.
    await page.reload();
    await page.getByRole('tab', { name: 'Cutter' }).click();
    await page.getByLabel('Filter by label').selectOption('Oldest label');
    await expect.poll(() => list.locator('.card-row .title').allInnerTexts()).toEqual([`Oldest label${OLDEST}`]);
    await page.getByLabel('Filter by label').selectOption('');
    await page.getByLabel('Filter by author').fill('Ryabkov');
    await expect.poll(() => list.locator('.card-row .title').allInnerTexts()).toEqual([`Oldest label${OLDEST}`]);
    await page.getByLabel('Filter by author').fill('');
    await page.getByLabel('Cut from').fill('2020-01-01');
    await page.locator('.card-library label.date', { hasText: 'to' }).last().locator('input').fill('2020-12-31');
    await expect.poll(() => list.locator('.card-row .title').allInnerTexts()).toEqual([`Oldest label${OLDEST}`]);

    // The brief card picker: scrolled to its end, and filtered.
    await page.getByRole('tab', { name: 'Briefs' }).click();
    await page.getByRole('button', { name: 'New brief' }).click();
    // The new brief's editor first: on a narrow window Add cards is in the toolbar's More menu.
    await page.locator('.brief-editor .ProseMirror').waitFor();
    await (await toolbarButton(page.getByRole('toolbar', { name: 'Brief tools' }), 'Add cards')).click();
    const picker = page.getByRole('dialog', { name: 'Add cards from the library' });
    await expect.poll(() => picker.getByRole('checkbox').count()).toBeGreaterThan(0);
    await scrollUntil(picker.locator('.scroll'), picker.locator('.pick', { hasText: OLDEST }));
    await picker.getByLabel('Filter cards').fill('always the plan');
    await expect.poll(() => picker.locator('.pick .title').allInnerTexts()).toEqual([`Oldest label${OLDEST}`]);
    await picker.getByRole('checkbox').check();
    await picker.getByRole('button', { name: /Add 1 to brief/ }).click();
    await expect.poll(() => page.locator('.brief-editor h4.tag').allInnerTexts()).toEqual(expect.arrayContaining([expect.stringContaining(OLDEST)]));
  });
});
