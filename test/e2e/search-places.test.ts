import { describe, expect, it } from 'vitest';
import type { DocJSON } from '../../shared/model.js';
import { httpApi, launchApp, screenshot } from '../helpers/e2e.js';

const text = (s: string): DocJSON[] => [{ type: 'text', text: s }];
// The same evidence (cite and words) filed in each brief, re-tagged as debaters do.
const card = (tag: string): DocJSON => ({
  type: 'card',
  content: [
    { type: 'tag', content: text(tag) },
    // Two authors bolded apart, the ampersand between them plain, as Word files often hold them.
    { type: 'cite', content: [
      { type: 'text', text: 'Cimbala', marks: [{ type: 'strong' }] }, { type: 'text', text: ' & ' }, { type: 'text', text: 'Korb 24', marks: [{ type: 'strong' }] },
      { type: 'text', text: ' (Stephen Cimbala and Lawrence Korb, 3-4-24, Bulletin of the Atomic Scientists)' },
    ] },
    { type: 'body', content: [{ type: 'paragraph', content: text('Deterrence rests on the credibility of the threat, and credibility rests on capability the adversary can see.') }] },
  ],
});

describe('a hit filed in many briefs', () => {
  it('shows its whole short cite, lists its first 3 places and "+37 more", expands on click and by key, and names each brief once', async () => {
    const app = await launchApp();
    const { page } = app;
    const api = httpApi(app.url);
    for (let n = 1; n <= 40; n++) {
      const title = `Neg ${String(n).padStart(2, '0')}`;
      // The pocket repeats the brief's name, as a Verbatim file's first heading often does.
      await api.createBrief({ title, doc: { type: 'doc', content: [{ type: 'pocket', content: text(title) }, { type: 'block', content: text('AT: Deterrence fails') }, card(`Deterrence holds ${n}`)] } });
    }

    await page.keyboard.press('Control+k');
    await page.keyboard.type('author:Cimbala');
    const rows = page.getByRole('listbox', { name: 'Results' }).getByRole('option').filter({ has: page.locator('.snippet') });
    await expect.poll(() => rows.count()).toBe(1);
    // The hit's short cite is the whole bold stretch, not "Cimbala".
    expect(await rows.first().locator('.meta').innerText()).toBe('Cimbala & Korb 24');
    const places = rows.first().locator('.places');
    const more = places.getByRole('button', { name: '+37 more' });
    await more.waitFor();
    const shown = await places.innerText();
    expect(shown.match(/Neg \d\d/g)).toHaveLength(3);
    expect(shown).toMatch(/^in Neg \d\d › AT: Deterrence fails · also in Neg \d\d › AT: Deterrence fails; Neg \d\d › AT: Deterrence fails · \+37 more$/);
    await screenshot(page, 'search-places-collapsed');

    await more.click();
    const all = places.getByRole('button', { name: 'fewer places' });
    await all.waitFor();
    const listed = (await places.innerText()).match(/Neg \d\d/g) ?? [];
    expect(new Set(listed).size).toBe(40);
    expect(listed).toHaveLength(40);
    await screenshot(page, 'search-places-expanded');

    // From the keyboard: the toggle is a button, Enter on it folds the list (and opens no card).
    await all.focus();
    await page.keyboard.press('Enter');
    await places.getByRole('button', { name: '+37 more' }).waitFor();
    await page.keyboard.press('Enter');
    await places.getByRole('button', { name: 'fewer places' }).waitFor();
    expect(await page.getByRole('article', { name: 'Card' }).count()).toBe(0);
  });
});
