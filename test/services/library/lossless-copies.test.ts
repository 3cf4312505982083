// Every way a card is copied into a brief or speech doc copies the card itself: its node byte for
// byte (only the identity attrs differ), and what the node does not hold (custom label, article).
import { randomUUID } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { createHandlers } from '../../../electron/services/api-handlers.js';
import { dispatch } from '../../../electron/services/dispatch.js';
import { Library } from '../../../electron/services/library/library.js';
import { apiClient, type Api } from '../../../shared/api.js';
import { copiesOf } from '../../../shared/card-ids.js';
import type { Brief, DocJSON } from '../../../shared/model.js';
import { bodyFromParagraphs, nodeFromJSON } from '../../../shared/schema.js';
import { tempLibraryPath } from '../../helpers/temp-dir.js';
import { FORMATTED_CARD as REAL_CARD } from '../../shared/brief-builders.js';

let library: Library | undefined;
afterEach(() => library?.close());

const cardsOf = (brief: Brief) => (brief.doc.content ?? []).filter((n) => n.type === 'card');
const withoutAttrs = ({ attrs: _attrs, ...node }: DocJSON): DocJSON => node;

async function setUp(): Promise<{ api: Api; source: { id: number; uid: string; node: DocJSON }; brief: Brief }> {
  library = Library.open(tempLibraryPath());
  const handlers = createHandlers(library);
  const api = apiClient((method, input) => dispatch(handlers, method, input));
  // The author and the year are only the article's: neither is in the cite line.
  const article = await api.createArticle({
    title: 'Sanctions and the war chest', authors: [{ name: 'Miriam Okonkwo', quals: '' }], publication: 'Reuters',
    publishedDate: '2019-03-02', url: 'https://example.com/wire', accessedDate: '2024-01-01', sourceKind: 'url', text: 'Officials conceded that sanctions cut revenue.',
  });
  const cut = await api.createCard({
    tag: 'Spin: sanctions bite', label: 'Spin', shortCite: 'Okonkwo', fullCite: 'Reuters desk, Moscow wire',
    body: bodyFromParagraphs(['Officials conceded that sanctions cut revenue.']), articleId: article.id, passage: { start: 0, end: 46 },
  });
  // Filed in a brief, then formatted there: the brief's card is the real card every copy path starts from.
  const filed = await api.appendCardsToBrief({ briefId: (await api.createBrief({ title: 'Sanctions aff' })).id, cardIds: [cut.id] });
  const formatted = await api.updateBrief({ id: filed.id, patch: { doc: { type: 'doc', content: [{ type: 'block', content: [{ type: 'text', text: 'AT: Sanctions fail' }] }, { type: 'card', attrs: cardsOf(filed)[0]!.attrs!, content: REAL_CARD }] } } });
  const node = cardsOf(formatted)[0]!;
  const uid = String(node.attrs!['cardId']);
  const row = library.cards.rowByUid(uid)!;
  expect(withoutAttrs(node)).toEqual({ type: 'card', content: REAL_CARD });
  expect(row.label).toBe('Spin');
  expect(row.article_id).toBe(article.id);
  return { api, source: { id: row.id, uid, node }, brief: formatted };
}

type CopyPath = (api: Api, source: { id: number; uid: string; node: DocJSON }) => Promise<Brief>;

const PATHS: [string, CopyPath][] = [
  ['Alt+B from Search (appendCardsToBrief)', async (api, source) => api.appendCardsToBrief({ briefId: (await api.createBrief({ title: 'Neg' })).id, cardIds: [source.id] })],
  ['Alt+S from Search (sendToSpeech)', (api, source) => api.sendToSpeech({ cardIds: [source.id] })],
  ['the card picker (copyCards, saved by the autosave)', async (api, source) => {
    const brief = await api.createBrief({ title: 'Neg' });
    const [copy] = await api.copyCards({ cardIds: [source.id] });
    // In the editor the cardIds plugin gives the inserted card an id of its own.
    const inserted = { ...copy!, attrs: { ...copy!.attrs, cardId: randomUUID() } };
    const edit = await api.editBrief({ id: brief.id, revision: brief.updatedAt, from: 0, to: 0, nodes: [inserted] });
    expect(edit.applied).toBe(true);
    return api.getBrief({ id: brief.id });
  }],
  ['backtick send to speech (sendNodesToSpeech)', (api, source) =>
    api.sendNodesToSpeech({ nodes: copiesOf([nodeFromJSON(source.node)]).map((n) => n.toJSON() as DocJSON) })],
  ['a paste into another brief (the clipboard keeps the card id)', async (api, source) => {
    const brief = await api.createBrief({ title: 'Neg' });
    return api.updateBrief({ id: brief.id, patch: { doc: { type: 'doc', content: [source.node] } } });
  }],
];

describe('a copy of a card is the card', () => {
  it.each(PATHS)('%s keeps the node byte for byte, the custom label and the article', async (_path, copy) => {
    const { api, source } = await setUp();
    const into = await copy(api, source);
    const made = cardsOf(into).at(-1)!;
    expect(made.attrs!['copiedFrom']).toBe(source.uid);
    expect(made.attrs!['cardId']).not.toBe(source.uid);
    expect(JSON.stringify(withoutAttrs(made))).toBe(JSON.stringify(withoutAttrs(source.node)));
    // What is stored, read back, is the same.
    const stored = cardsOf(await api.getBrief({ id: into.id })).find((n) => n.attrs!['cardId'] === made.attrs!['cardId'])!;
    expect(JSON.stringify(withoutAttrs(stored))).toBe(JSON.stringify(withoutAttrs(source.node)));
    const row = library!.cards.rowByUid(String(made.attrs!['cardId']))!;
    expect(row.label).toBe('Spin');
    const sourceRow = library!.cards.row(source.id);
    expect([row.article_id, row.passage_start, row.passage_end]).toEqual([sourceRow.article_id, sourceRow.passage_start, sourceRow.passage_end]);
    for (const query of ['author:okonkwo', 'author:miriam', 'year:2019', 'label:spin']) {
      const { hits } = await api.search({ query, limit: 10 });
      const uids = hits.flatMap((h) => h.places.map((p) => p.uid));
      expect(uids, query).toContain(made.attrs!['cardId']);
    }
  });

  it('a custom label stays with a copy while its tag starts with it, and goes when the tag drops it', async () => {
    const { api, source } = await setUp();
    const into = await api.appendCardsToBrief({ briefId: (await api.createBrief({ title: 'Neg' })).id, cardIds: [source.id] });
    const made = cardsOf(into)[0]!;
    const retag = (words: string): DocJSON => ({ ...made, content: [{ type: 'tag', content: [{ type: 'text', text: words }] }, ...made.content!.slice(1)] });
    await api.updateBrief({ id: into.id, patch: { doc: { type: 'doc', content: [retag('Spin: sanctions bite harder')] } } });
    const uid = String(made.attrs!['cardId']);
    expect(library!.cards.rowByUid(uid)!.label).toBe('Spin');
    await api.updateBrief({ id: into.id, patch: { doc: { type: 'doc', content: [retag('Sanctions bite harder')] } } });
    expect(library!.cards.rowByUid(uid)!.label).toBeNull();
    // The article stays: the card's words still came from it.
    expect(library!.cards.rowByUid(uid)!.article_id).toBe(library!.cards.row(source.id).article_id);
  });
});
