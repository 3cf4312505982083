// The copy paths of the app itself, in Chromium: each puts the card node in the other doc byte
// for byte (Alt+B is in search.test.ts), remembering the card it came from.
import { describe, expect, it } from 'vitest';
import type { DocJSON } from '../../shared/model.js';
import { httpApi, launchApp, toolbarButton } from '../helpers/e2e.js';
import { FORMATTED_CARD } from '../shared/brief-builders.js';

const text = (s: string): DocJSON[] => [{ type: 'text', text: s }];
const opening: DocJSON = { type: 'card', content: [{ type: 'tag', content: text('Opening') }] };
const withoutAttrs = ({ attrs: _attrs, ...node }: DocJSON): string => JSON.stringify(node);

describe('copies in Chromium keep the card', () => {
  it('the backtick to the speech pane, a paste between the two, and Alt+S from Search each copy the card byte for byte', async () => {
    const app = await launchApp();
    const { page } = app;
    const api = httpApi(app.url);
    const source = await api.createBrief({ title: 'Sanctions aff', kind: 'brief', doc: { type: 'doc', content: [{ type: 'card', content: FORMATTED_CARD }] } });
    const speech = await api.createBrief({ title: '1AC', kind: 'speech', doc: { type: 'doc', content: [opening] } });
    const original = (await api.getBrief({ id: source.id })).doc.content![0]!;
    // Search lists the evidence once, by its first place: Alt+S copies whichever copy that is.
    const copies = async () => (await api.getBrief({ id: speech.id })).doc.content!.filter((n) => n.attrs?.['copiedFrom'] !== null && n.attrs?.['copiedFrom'] !== undefined);

    await page.getByRole('tab', { name: 'Briefs' }).click();
    await page.evaluate(() => localStorage.setItem('cardfile.pane.speech', 'open'));
    await page.reload();
    await page.getByRole('tab', { name: 'Briefs' }).click();
    await page.getByRole('list', { name: 'Briefs' }).locator('button.row', { hasText: 'Sanctions aff' }).click();
    const brief = page.locator('.desk-pane').first().locator('.ProseMirror');
    const speechPane = page.locator('.speech-pane .ProseMirror');
    await speechPane.locator('h4.tag', { hasText: 'Opening' }).waitFor();

    // The backtick: received at the speech pane's cursor, saved by its autosave.
    await brief.locator('h4.tag').click();
    await page.keyboard.press('`');
    await expect.poll(async () => (await copies()).length).toBe(1);

    // Copy the whole brief (its one card) and paste it into the speech doc after "Opening".
    await brief.locator('h4.tag').click();
    await page.keyboard.press('Control+a');
    await page.keyboard.press('Control+c');
    await speechPane.locator('h4.tag', { hasText: 'Opening' }).click();
    await page.keyboard.press('End');
    await page.keyboard.press('Control+v');
    await expect.poll(async () => (await copies()).length).toBe(2);

    // Alt+S from Search.
    await page.keyboard.press('Control+k');
    await page.keyboard.type('war chest');
    await page.getByRole('listbox', { name: 'Results' }).getByRole('option').filter({ has: page.locator('.snippet') }).first().waitFor();
    await page.keyboard.press('Alt+s');
    await expect.poll(async () => (await copies()).length).toBe(3);

    const made = await copies();
    expect(made.slice(0, 2).map((c) => c.attrs!['copiedFrom'])).toEqual([original.attrs!['cardId'], original.attrs!['cardId']]);
    for (const copy of made) expect(withoutAttrs(copy)).toBe(withoutAttrs(original));
    // Each is a card of its own: the one piece of evidence lists all three places in the speech doc.
    const { hits } = await api.search({ query: '"war chest"', limit: 10 });
    expect(hits.flatMap((h) => h.places).filter((p) => p.briefId === speech.id)).toHaveLength(3);
  });

  it('the card picker adds the cut card as it is stored, with its custom label and its article', async () => {
    const app = await launchApp();
    const { page } = app;
    const api = httpApi(app.url);
    const article = await api.createArticle({
      title: 'Sanctions and the war chest', authors: [{ name: 'Miriam Okonkwo', quals: '' }], publication: 'Reuters',
      publishedDate: '2019-03-02', url: 'https://example.com/wire', accessedDate: '2024-01-01', sourceKind: 'url', text: 'Officials conceded that sanctions cut revenue.',
    });
    const cut = await api.createCard({
      tag: 'Spin: sanctions bite', label: 'Spin', shortCite: 'Reuters', fullCite: 'Reuters desk, Moscow wire',
      body: { type: 'body', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Officials conceded that ' }, { type: 'text', text: 'sanctions cut revenue', marks: [{ type: 'underline' }, { type: 'highlight', attrs: { colour: 'green' } }] }] }] },
      articleId: article.id, passage: null,
    });
    const brief = await api.createBrief({ title: 'Neg', kind: 'brief', doc: { type: 'doc', content: [opening] } });
    const [stored] = await api.copyCards({ cardIds: [cut.id] });

    await page.getByRole('tab', { name: 'Briefs' }).click();
    await page.getByRole('list', { name: 'Briefs' }).locator('button.row', { hasText: 'Neg' }).click();
    await page.locator('.brief-editor .ProseMirror h4.tag', { hasText: 'Opening' }).click();
    await (await toolbarButton(page.getByRole('toolbar', { name: 'Brief tools' }), 'Add cards')).click();
    const picker = page.getByRole('dialog', { name: 'Add cards from the library' });
    await picker.getByRole('checkbox').first().check();
    await picker.getByRole('button', { name: /Add 1 to brief/ }).click();
    await expect.poll(async () => (await api.getBrief({ id: brief.id })).doc.content!.length).toBe(2);
    const added = (await api.getBrief({ id: brief.id })).doc.content![1]!;
    // (The same JSON but for key order: the Api's validation writes keys in the schema's order.)
    expect(JSON.parse(withoutAttrs(added))).toEqual(JSON.parse(withoutAttrs(stored!)));
    expect(added.attrs!['copiedFrom']).toBe(cut.uid);
    for (const query of ['label:spin', 'author:okonkwo', 'year:2019']) {
      const { hits } = await api.search({ query, limit: 10 });
      expect(hits.flatMap((h) => h.places).map((p) => p.briefId), query).toContain(brief.id);
    }
  });
});
