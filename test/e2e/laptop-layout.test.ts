// The in-round experience on a laptop (issue 17, item 6): areas keep their state, panes fold by
// themselves so the brief keeps a readable column, toolbars stay one row, and whatever is
// opened or jumped to lands where it can be read.
import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { Api } from '../../shared/api.js';
import type { DocJSON } from '../../shared/model.js';
import { block, card } from '../shared/brief-builders.js';
import { httpApi, launchApp, screenshot } from '../helpers/e2e.js';

const LONG_TAG = 'Russian mediation in Syria fails because Assad ignores Moscow'; // 60 characters
const body = (i: number) => [[`Evidence number ${i}: officials conceded in a long briefing that sanctions cut revenue by a third this year, the ministry said, and that the talks had collapsed before any pressure was applied by anyone at all.`]];

/** A brief of `blocks` blocks with `perBlock` cards each; card tags are "Card b.c". */
function longDoc(blocks: number, perBlock: number): DocJSON {
  const content: DocJSON[] = [];
  for (let b = 1; b <= blocks; b++) {
    content.push(block(`AT: argument ${b}`));
    for (let c = 1; c <= perBlock; c++) content.push(card(b === 1 && c === 1 ? LONG_TAG : `Card ${b}.${c}`, `Ace ${b}${c}`, body(b * 100 + c)));
  }
  return { type: 'doc', content };
}

async function seedCutCards(api: Api, tags: string[]): Promise<void> {
  for (const tag of tags) {
    await api.createCard({ tag, label: null, shortCite: 'Ace 21', fullCite: 'Ace, 2021, The Hill', body: { type: 'body', content: [{ type: 'paragraph', content: [{ type: 'text', text: `Evidence for ${tag}.` }] }] }, articleId: null, passage: null });
  }
}

/** Width of the text column of an editor: its box less its padding. */
const textColumn = (editor: Locator) => editor.evaluate((el) => {
  const style = getComputedStyle(el);
  return el.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
});

/** How far the page scrolls sideways (0 when it fits). */
const sideways = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);

/** The tag of the card the DOM selection is in, and the caret's offset in its text. */
const caret = (page: Page) => page.evaluate(() => {
  const sel = window.getSelection();
  const node = sel?.anchorNode;
  const tag = (node?.nodeType === Node.ELEMENT_NODE ? node as Element : node?.parentElement)?.closest('h4.tag');
  if (!sel || !node || !tag) return null;
  const before = document.createRange();
  before.setStart(tag, 0);
  before.setEnd(node, sel.anchorOffset);
  return { tag: tag.textContent, offset: before.toString().length };
});

/** How many rows of tools a toolbar shows (the More menu aside), and its height. */
const rowsOf = (toolbar: Locator) => toolbar.evaluate((el) => {
  const tops = [...el.querySelectorAll('button, select')]
    .filter((b) => (b as HTMLElement).offsetParent !== null && getComputedStyle(b).visibility !== 'hidden' && !b.closest('[role="menu"]'))
    .map((b) => Math.round(b.getBoundingClientRect().top));
  return { tops: new Set(tops).size, height: el.getBoundingClientRect().height };
});

async function openBrief(page: Page, title: string): Promise<void> {
  await page.getByRole('tab', { name: 'Briefs' }).click();
  const list = page.getByRole('list', { name: 'Briefs' });
  // The list or, on a narrow window, the button that shows it: whichever the tab shows once it
  // has drawn (asking isVisible at once raced the drawing and then waited for a button never shown).
  const show = page.getByRole('button', { name: 'Show briefs' });
  await list.or(show).first().waitFor();
  if (!(await list.isVisible())) await show.click();
  await list.locator('button.row', { hasText: title }).click();
  await page.locator('.brief-editor .ProseMirror h4.tag').first().waitFor();
}

describe('each area keeps its state, as Word keeps its windows', () => {
  it('comes back to the same brief, scroll and cursor, and the same card in the Cutter; a hidden area\'s keys do nothing', async () => {
    const app = await launchApp();
    const { page } = app;
    const api = httpApi(app.url);
    const brief = await api.createBrief({ title: 'Long brief', kind: 'brief', doc: longDoc(6, 6) });
    await seedCutCards(api, ['Sanctions bite', 'Talks failed', 'Aid is stolen']);
    await page.reload();

    await openBrief(page, 'Long brief');
    const editor = page.locator('.brief-editor .ProseMirror');
    // The cursor deep in the brief, inside a tag, the page scrolled past it.
    const deep = editor.locator('h4.tag', { hasText: /^Card 5\.X?3$/ });
    await deep.scrollIntoViewIfNeeded();
    await deep.click();
    await page.keyboard.press('End');
    await page.keyboard.press('ArrowLeft');
    await page.evaluate(() => window.scrollBy(0, 137));
    const before = { scroll: await page.evaluate(() => window.scrollY), caret: await caret(page) };
    expect(before.caret).toEqual({ tag: 'Card 5.3', offset: 7 });
    expect(before.scroll).toBeGreaterThan(1000);

    await page.keyboard.press('Alt+4');
    await page.getByRole('searchbox', { name: 'Search the library' }).waitFor();
    await page.keyboard.press('Alt+3');
    await expect.poll(() => page.getByRole('region', { name: 'Editing Long brief' }).count()).toBe(1);
    expect(Math.abs(await page.evaluate(() => window.scrollY) - before.scroll)).toBeLessThanOrEqual(4);
    await expect.poll(() => caret(page)).toEqual(before.caret);
    // The keys go where the cursor was: the typed letter lands in that tag, and is saved.
    await page.keyboard.type('X');
    await expect.poll(() => deep.innerText()).toBe('Card 5.X3');
    await expect.poll(async () => JSON.stringify((await api.getBrief({ id: brief.id })).doc)).toContain('Card 5.X3');

    // The Cutter's open card survives a trip to Search and back.
    await page.keyboard.press('Alt+2');
    await page.getByRole('button', { name: /^Talks failed/ }).click();
    const tag = page.locator('.card-doc h4.tag');
    await expect.poll(() => tag.innerText()).toBe('Talks failed');
    // The card's markup tools are one row on a laptop too.
    await page.setViewportSize({ width: 1024, height: 700 });
    await expect.poll(async () => (await rowsOf(page.getByRole('toolbar', { name: 'Markup' }))).tops).toBe(1);
    await screenshot(page, 'laptop-cutter-1024');
    await page.keyboard.press('Alt+4');
    await page.keyboard.press('Alt+2');
    await expect.poll(() => tag.isVisible()).toBe(true);
    expect(await tag.innerText()).toBe('Talks failed');

    // The Cutter's own keys act only while it is shown: the palette key in Briefs opens nothing.
    await page.keyboard.press('Alt+3');
    await page.keyboard.press('Control+Shift+P');
    await page.keyboard.press('Alt+2');
    await page.waitForTimeout(200);
    expect(await page.getByRole('dialog').count()).toBe(0);

    // A card put into the open brief from Search (Alt+B) is there on coming back, and stays there.
    await page.keyboard.press('Alt+3');
    await page.keyboard.press('Control+k');
    await page.keyboard.type('Sanctions bite');
    await page.getByRole('listbox', { name: 'Results' }).getByRole('option').filter({ has: page.locator('.snippet') }).first().waitFor();
    await page.keyboard.press('Alt+b');
    await expect.poll(() => page.getByRole('status').first().innerText()).toContain('Inserted “Sanctions bite” into “Long brief”');
    await page.keyboard.press('Alt+3');
    await expect.poll(() => editor.locator('h4.tag', { hasText: 'Sanctions bite' }).count()).toBe(1);
    await page.keyboard.type('Y');
    await expect.poll(async () => JSON.stringify((await api.getBrief({ id: brief.id })).doc)).toMatch(/Y.*Sanctions bite|Sanctions bite.*Y/);
    expect(JSON.stringify((await api.getBrief({ id: brief.id })).doc)).toContain('Card 5.X3');
  });
});

describe('a laptop screen with the speech doc shown', () => {
  it('folds side panes so the brief keeps 480 px of text, keeps each toolbar to one row with a More menu that works', async () => {
    const app = await launchApp();
    const { page } = app;
    const api = httpApi(app.url);
    await api.createBrief({ title: 'Russia', kind: 'brief', doc: longDoc(2, 3) });
    await api.createBrief({ title: '1AC', kind: 'speech', doc: { type: 'doc', content: [card('Opening', 'Ace 21', body(1))] } });

    for (const [width, height] of [[1024, 700], [1440, 900]] as const) {
      // Every pane left open, as on a big screen: the window decides what fits.
      await page.setViewportSize({ width, height });
      await page.evaluate(() => {
        for (const pane of ['briefs', 'speech', 'outline-brief', 'outline-speech']) localStorage.setItem(`cardfile.pane.${pane}`, 'open');
      });
      await page.reload();
      await page.getByRole('tab', { name: 'Briefs' }).click();
      await page.getByRole('list', { name: 'Briefs' }).locator('button.row', { hasText: 'Russia' }).click();
      const speech = page.locator('.speech-pane');
      await speech.locator('.ProseMirror h4.tag').first().waitFor();
      const briefSide = page.locator('.desk-pane').first();
      await briefSide.locator('.ProseMirror h4.tag').first().waitFor();
      await page.waitForTimeout(300);
      await screenshot(page, `laptop-speech-${width}`);

      expect(await sideways(page)).toBe(0);
      expect(await textColumn(briefSide.locator('.ProseMirror'))).toBeGreaterThanOrEqual(480);
      // Each toolbar is one row, no taller than its own buttons.
      const toolbars = page.getByRole('toolbar', { name: 'Brief tools' });
      expect(await toolbars.count()).toBe(2);
      for (const toolbar of await toolbars.all()) {
        const rows = await rowsOf(toolbar);
        expect(rows.tops).toBe(1);
        expect(rows.height).toBeLessThan(48);
      }
    }

    // At 1024 the buttons that do not fit are in More, each still naming its key, and they work.
    await page.setViewportSize({ width: 1024, height: 700 });
    await page.reload();
    await page.getByRole('tab', { name: 'Briefs' }).click();
    await page.getByRole('list', { name: 'Briefs' }).locator('button.row', { hasText: 'Russia' }).click();
    const briefSide = page.locator('.desk-pane').first();
    const toolbar = briefSide.getByRole('toolbar', { name: 'Brief tools' });
    await toolbar.waitFor();
    await briefSide.locator('h4.tag', { hasText: 'Card 1.2' }).click();
    // The toolbar shows what applies at the cursor once typing pauses (600 ms).
    await page.waitForTimeout(800);
    const more = toolbar.getByRole('button', { name: /^More/ });
    await more.focus();
    await page.keyboard.press('Enter');
    const menu = toolbar.getByRole('menu');
    const inMenu = await menu.getByRole('menuitem').allInnerTexts();
    const inRow = await toolbar.locator('.toolbar-row').getByRole('button').allInnerTexts();
    expect(inMenu.length).toBeGreaterThan(0);
    // Every tool is somewhere, exactly once.
    expect(inRow.filter((t) => inMenu.includes(t))).toEqual([]);
    expect(inMenu.join(' ')).toMatch(/Pocket\s*F4|Underline\s*F9|Redo/);
    expect(inMenu).toEqual(expect.arrayContaining([expect.stringMatching(/^Highlight\s*F11$/)]));
    await screenshot(page, 'laptop-more-menu-1024');
    // Arrow keys walk the menu; Enter runs the tool on the brief (Invisibility hides unread text).
    const focused = () => page.evaluate(() => document.activeElement?.textContent ?? '');
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('role'))).toBe('menuitem');
    expect(inMenu).toContain('Invisibility');
    for (let i = 0; i < inMenu.length && (await focused()) !== 'Invisibility'; i++) await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await expect.poll(() => briefSide.locator('.ProseMirror.invisibility, .invisibility .ProseMirror').count()).toBe(1);
    expect(await menu.count()).toBe(0);
  });
});

describe('what is opened or jumped to can be read', () => {
  it('shows the card Enter opens in Search within the window', async () => {
    const app = await launchApp();
    const { page } = app;
    const api = httpApi(app.url);
    await seedCutCards(api, Array.from({ length: 30 }, (_, i) => `Sanctions fail, reason ${i}`));
    await page.setViewportSize({ width: 1024, height: 700 });
    await page.reload();
    // The keys work once the app is up: before, Ctrl+K reached a page still loading.
    await page.getByRole('tab', { name: 'Search' }).waitFor();
    await page.keyboard.press('Control+k');
    const box = page.getByRole('searchbox', { name: 'Search the library' });
    await expect.poll(() => box.evaluate((el) => el === document.activeElement)).toBe(true);
    await page.keyboard.type('sanctions');
    const rows = page.getByRole('listbox', { name: 'Results' }).getByRole('option');
    await expect.poll(() => rows.count()).toBeGreaterThanOrEqual(30);
    for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowDown');
    const chosen = await rows.nth(3).locator('.title').innerText();
    await page.keyboard.press('Enter');
    const opened = page.getByRole('article', { name: 'Card' }).locator('h3');
    await expect.poll(() => opened.innerText()).toBe(chosen);
    await expect.poll(() => opened.evaluate((el) => {
      const box = el.getBoundingClientRect();
      return box.top >= 0 && box.bottom <= window.innerHeight;
    })).toBe(true);
    await screenshot(page, 'laptop-search-open-1024');
  });

  it('jumps from the outline to a heading below the sticky toolbar, and shows long tags in full width', async () => {
    const app = await launchApp();
    const { page } = app;
    const api = httpApi(app.url);
    await api.createBrief({ title: 'Long brief', kind: 'brief', doc: longDoc(6, 6) });
    await page.setViewportSize({ width: 1440, height: 900 });
    await page.reload();
    await openBrief(page, 'Long brief');
    const outline = page.getByRole('navigation', { name: 'Outline' });
    const toolbar = page.getByRole('toolbar', { name: 'Brief tools' });

    // A 60-character tag shows well past 20 characters in a 1440 px window: more than half of it
    // (the outline takes about a quarter of the area; a 260 px outline showed 26).
    const text = outline.locator('.entry .text', { hasText: LONG_TAG });
    const shown = await text.evaluate((el) => {
      const node = el.firstChild as Text;
      const right = el.getBoundingClientRect().right;
      const range = document.createRange();
      let n = 0;
      while (n < node.length) {
        range.setStart(node, n);
        range.setEnd(node, n + 1);
        if (range.getBoundingClientRect().right > right + 0.5) break;
        n++;
      }
      return n;
    });
    expect(shown).toBeGreaterThan(30);

    for (const [name, selector] of [['AT: argument 4', 'h3.block'], ['Card 5.4', 'h4.tag'], ['AT: argument 2', 'h3.block']] as const) {
      await outline.locator(`button.entry[title="${name}"]`).click();
      const heading = page.locator(`.brief-editor ${selector}`, { hasText: name });
      await page.waitForTimeout(100);
      const [top, bar] = await Promise.all([heading.evaluate((el) => el.getBoundingClientRect().top), toolbar.evaluate((el) => el.getBoundingClientRect().bottom)]);
      expect(top, name).toBeGreaterThanOrEqual(bar);
      expect(top, name).toBeLessThan(900 / 2);
    }
    await screenshot(page, 'laptop-outline-jump-1440');
  });
});
