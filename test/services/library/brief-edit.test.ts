// editBrief: an autosave that carries only the top-level nodes that changed (brief-edit.ts).
import { describe, expect, it } from 'vitest';
import { createHandlers } from '../../../electron/services/api-handlers.js';
import { dispatch } from '../../../electron/services/dispatch.js';
import { Library } from '../../../electron/services/library/library.js';
import { CardSearch } from '../../../electron/services/search/card-search.js';
import { apiClient } from '../../../shared/api.js';
import type { DocJSON } from '../../../shared/model.js';
import { tempLibraryPath } from '../../helpers/temp-dir.js';

const text = (s: string): DocJSON[] => [{ type: 'text', text: s }];
const card = (tag: string, words = `Evidence for ${tag}.`): DocJSON => ({
  type: 'card',
  content: [{ type: 'tag', content: text(tag) }, { type: 'cite', content: [{ type: 'text', text: 'Ace 21', marks: [{ type: 'strong' }] }] }, { type: 'body', content: [{ type: 'paragraph', content: text(words) }] }],
});
const block = (title: string): DocJSON => ({ type: 'block', content: text(title) });
const tags = (doc: DocJSON) => (doc.content ?? []).map((n) => (n.type === 'card' ? n.content![0]!.content?.[0]?.text : `[${n.content?.[0]?.text}]`));

function setUp() {
  const library = Library.open(tempLibraryPath());
  const api = apiClient((method, input) => dispatch(createHandlers(library), method, input));
  const brief = library.briefs.insert({ title: 'Russia', kind: 'brief', doc: { type: 'doc', content: [block('AT: one'), card('A'), card('B'), block('AT: two'), card('C')] } });
  const rows = () => new Map(library.db.prepare('SELECT uid, id, updated_at, headings FROM cards WHERE brief_id = ?').all(brief.id).map((r) => [(r as { uid: string }).uid, r as { id: number; updated_at: string; headings: string }]));
  return { library, api, brief, rows };
}

describe('editBrief', () => {
  it('writes only the card that changed; the rest of the brief is untouched', async () => {
    const { library, api, brief, rows } = setUp();
    const before = rows();
    const [, , b] = brief.doc.content!;
    const retagged = { ...b!, content: [{ type: 'tag', content: text('B, retagged') }, ...b!.content!.slice(1)] };
    await new Promise((resolve) => setTimeout(resolve, 5));
    const result = await api.editBrief({ id: brief.id, revision: brief.updatedAt, from: 2, to: 3, nodes: [retagged] });
    expect(result).toMatchObject({ applied: true, brief: { id: brief.id, title: 'Russia', kind: 'brief', cards: 3 } });
    const after = rows();
    const uid = (i: number) => String(brief.doc.content![i]!.attrs!['cardId']);
    expect(after.get(uid(1))).toEqual(before.get(uid(1)));
    expect(after.get(uid(4))).toEqual(before.get(uid(4)));
    expect(after.get(uid(2))!.updated_at).not.toBe(before.get(uid(2))!.updated_at);
    expect(tags(library.briefs.get(brief.id).doc)).toEqual(['[AT: one]', 'A', 'B, retagged', '[AT: two]', 'C']);
    expect(new CardSearch(library.db, library.cards).search({ query: 'retagged', limit: 5 }).hits.map((h) => h.uid)).toEqual([uid(2)]);
    library.close();
  });

  it('moves the cards under a heading that changed, and deletes a card that left', async () => {
    const { library, api, brief, rows } = setUp();
    const result = await api.editBrief({ id: brief.id, revision: brief.updatedAt, from: 2, to: 4, nodes: [block('AT: renamed')] });
    expect(result.applied).toBe(true);
    expect(tags(library.briefs.get(brief.id).doc)).toEqual(['[AT: one]', 'A', '[AT: renamed]', 'C']);
    const c = rows().get(String(brief.doc.content![4]!.attrs!['cardId']))!;
    expect(c.headings).toBe('AT: renamed');
    expect(rows().has(String(brief.doc.content![2]!.attrs!['cardId']))).toBe(false);
    library.close();
  });

  it('chains: each save gives the revision the next one is made against', async () => {
    const { library, api, brief } = setUp();
    let revision = brief.updatedAt;
    for (let i = 0; i < 5; i++) {
      const result = await api.editBrief({ id: brief.id, revision, from: 5 + i, to: 5 + i, nodes: [card(`New ${i}`)] });
      if (!result.applied) throw new Error('not applied');
      expect(result.brief.updatedAt > revision).toBe(true);
      revision = result.brief.updatedAt;
    }
    expect(tags(library.briefs.get(brief.id).doc).slice(5)).toEqual(['New 0', 'New 1', 'New 2', 'New 3', 'New 4']);
    library.close();
  });

  it('writes nothing against a revision that is not the stored one (saved elsewhere since)', async () => {
    const { library, api, brief } = setUp();
    library.briefs.update(brief.id, { title: 'Renamed in another window' });
    const result = await api.editBrief({ id: brief.id, revision: brief.updatedAt, from: 0, to: 5, nodes: [] });
    expect(result).toEqual({ applied: false });
    expect(tags(library.briefs.get(brief.id).doc)).toEqual(['[AT: one]', 'A', 'B', '[AT: two]', 'C']);
    library.close();
  });

  it('makes a pasted duplicate of an unchanged card a copy of it, leaving the original its uid', async () => {
    const { library, api, brief } = setUp();
    const a = brief.doc.content![1]!;
    const result = await api.editBrief({ id: brief.id, revision: brief.updatedAt, from: 5, to: 5, nodes: [a] });
    expect(result.applied).toBe(true);
    const saved = library.briefs.get(brief.id).doc.content!;
    expect(saved[1]!.attrs).toEqual(a.attrs);
    expect(saved[5]!.attrs!['cardId']).not.toBe(a.attrs!['cardId']);
    expect(saved[5]!.attrs!['copiedFrom']).toBe(a.attrs!['cardId']);
    library.close();
  });

  it.each([
    { what: 'a range past the end', edit: { from: 4, to: 9, nodes: [] }, error: /nodes 4 to 9 of a document of 5/ },
    { what: 'from after to', edit: { from: 3, to: 2, nodes: [] }, error: /from must not be after to/ },
    { what: 'a card without a tag', edit: { from: 0, to: 0, nodes: [{ type: 'card', attrs: { cardId: 'x' } }] }, error: /card schema/ },
    { what: 'a node that cannot stand at the top', edit: { from: 0, to: 0, nodes: [{ type: 'paragraph', content: text('loose') }] }, error: /cannot stand at the top/ },
  ])('refuses $what and changes nothing', async ({ edit, error }) => {
    const { library, api, brief, rows } = setUp();
    const before = rows();
    await expect(api.editBrief({ id: brief.id, revision: brief.updatedAt, ...edit })).rejects.toThrow(error);
    expect(rows()).toEqual(before);
    expect(library.briefs.get(brief.id).updatedAt).toBe(brief.updatedAt);
    library.close();
  });
});

describe('mergeBrief: the whole doc from a window whose revision is stale', () => {
  const uids = (doc: DocJSON) => (doc.content ?? []).flatMap((n) => (n.type === 'card' ? [String(n.attrs!['cardId'])] : []));

  it('keeps the cards another window added since, where they were, and deletes only what this window knew and removed', async () => {
    const { library, api, brief } = setUp();
    // Window 2 adds a card under "AT: two" and one at the top (Alt+B from Search does the same).
    const other = library.briefs.get(brief.id);
    const [atOne, a, b, atTwo, c] = other.doc.content!;
    const added = library.briefs.update(brief.id, { doc: { type: 'doc', content: [card('New first'), atOne!, a!, b!, atTwo!, card('D, from window 2'), c!] } });
    // Window 1, still at the first revision, removed B and retagged A: its edit is refused as stale.
    const mine = [atOne!, { ...a!, content: [{ type: 'tag', content: text('A, retagged') }, ...a!.content!.slice(1)] }, atTwo!, c!];
    expect(await api.editBrief({ id: brief.id, revision: brief.updatedAt, from: 0, to: 5, nodes: mine })).toEqual({ applied: false });
    const merged = await api.mergeBrief({ id: brief.id, doc: { type: 'doc', content: mine }, known: uids(brief.doc) });
    expect(merged.kept).toHaveLength(2);
    expect(tags(merged.brief.doc)).toEqual(['New first', '[AT: one]', 'A, retagged', '[AT: two]', 'D, from window 2', 'C']);
    expect(merged.brief.doc).toEqual(library.briefs.get(brief.id).doc);
    expect(merged.brief.updatedAt).not.toBe(added.updatedAt);
    // The kept cards are the same cards, not copies.
    expect(merged.kept).toEqual(uids(added.doc).filter((u) => !uids(brief.doc).includes(u)));
    expect(uids(merged.brief.doc)).toEqual(expect.arrayContaining(merged.kept));
    expect(library.cards.rowByUid(String(b!.attrs!['cardId']))).toBeUndefined();
    library.close();
  });

  it('keeps every card of a brief restored under it, and reports none when nothing was added', async () => {
    const { library, api, brief } = setUp();
    // Nothing added elsewhere: a plain whole-doc save.
    library.briefs.update(brief.id, { title: 'Renamed elsewhere' });
    const plain = await api.mergeBrief({ id: brief.id, doc: { type: 'doc', content: brief.doc.content!.slice(0, 3) }, known: uids(brief.doc) });
    expect(plain.kept).toEqual([]);
    expect(tags(plain.brief.doc)).toEqual(['[AT: one]', 'A', 'B']);
    expect(plain.brief.title).toBe('Renamed elsewhere');
    // An editor that knew none of the cards (a restore replaced them all) deletes none of them.
    const restored = library.briefs.update(brief.id, { doc: { type: 'doc', content: [block('AT: restored'), card('R1'), card('R2')] } });
    const merged = await api.mergeBrief({ id: brief.id, doc: { type: 'doc', content: [...plain.brief.doc.content!, card('Typed here')] }, known: uids(plain.brief.doc) });
    expect(merged.kept).toEqual(uids(restored.doc));
    // Their heading is gone from what this window saves: they go at the end.
    expect(tags(merged.brief.doc)).toEqual(['[AT: one]', 'A', 'B', 'Typed here', 'R1', 'R2']);
    expect(uids(merged.brief.doc)).toEqual(expect.arrayContaining(uids(restored.doc)));
    library.close();
  });

  it('knows the copy it saved of a card pasted from another brief, whose original uid the editor still holds', async () => {
    const { library, api, brief } = setUp();
    const source = library.briefs.insert({ title: 'Neg', kind: 'brief', doc: { type: 'doc', content: [card('Pasted')] } });
    const pasted = source.doc.content![0]!;
    const content = [...brief.doc.content!, pasted];
    const edit = await api.editBrief({ id: brief.id, revision: brief.updatedAt, from: 5, to: 5, nodes: [pasted] });
    expect(edit.applied).toBe(true);
    library.briefs.update(brief.id, { title: 'Renamed elsewhere' });
    const merged = await api.mergeBrief({ id: brief.id, doc: { type: 'doc', content }, known: uids({ type: 'doc', content }) });
    expect(merged.kept).toEqual([]);
    expect(tags(merged.brief.doc)).toEqual(['[AT: one]', 'A', 'B', '[AT: two]', 'C', 'Pasted']);
    library.close();
  });
});
