import fs from 'node:fs';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { CardSearch } from '../../../electron/services/search/card-search.js';
import { Library } from '../../../electron/services/library/library.js';
import { checkIndex, ensureIndex, type RebuildProgress } from '../../../electron/services/search/search-index.js';
import { appendNodes, cardNode, headingNode } from '../../../shared/brief-doc.js';
import { bodyFromParagraphs } from '../../../shared/schema.js';
import { buildCorpusLibrary, type CorpusLibrary } from './corpus-library.js';

let corpus: CorpusLibrary;
let search: CardSearch;
beforeEach(() => {
  corpus = buildCorpusLibrary();
  search = new CardSearch(corpus.library.db);
});
afterEach(() => corpus.library.close());

const ids = (query: string) => search.search({ query, limit: 100 }).hits.map((h) => h.cardId);
const integrityOk = () => checkIndex(corpus.library.db, { thorough: true }) === 'ok';

describe('the index follows every write', () => {
  test('a saved card is findable at once, by tag, cite and body', () => {
    const card = corpus.library.cards.insert({
      tag: 'Sanctions on Belarus backfire', label: 'Impact', shortCite: 'Lukashenko 22', fullCite: 'Alexander Lukashenko, 2022, Minsk Herald',
      body: bodyFromParagraphs(['Potash exports rerouted through Vladivostok.']), articleId: null, passage: null,
    });
    expect(ids('Belarus')).toEqual([card.id]);
    expect(ids('author:Lukashenko')).toEqual([card.id]);
    expect(ids('Vladivostok')).toEqual([card.id]);
    expect(ids('label:impact year:2022')).toEqual([card.id]);
  });

  test('highlighted and underlined words are indexed, text runs split mid-word are joined', () => {
    const card = corpus.library.cards.insert({
      tag: 'Marks', label: null, shortCite: '', fullCite: '', articleId: null, passage: null,
      body: { type: 'body', content: [{ type: 'paragraph', content: [
        { type: 'text', text: 'Balkan' }, { type: 'text', text: 'ization', marks: [{ type: 'highlight', attrs: { colour: 'yellow' } }] },
        { type: 'text', text: ' looms over ' }, { type: 'text', text: 'Transnistria', marks: [{ type: 'underline' }] },
      ] }] },
    });
    expect(ids('balkanization')).toEqual([card.id]);
    const row = corpus.library.db.prepare('SELECT highlighted, underlined FROM card_fts WHERE rowid = ?').get(card.id);
    expect(row).toEqual({ highlighted: 'ization', underlined: 'Transnistria' });
  });

  test("an edited card's old words no longer match, its new words do", () => {
    const choi = corpus.byCite('Joseph Choi');
    expect(ids('Zelensky')).toEqual([choi.id]);
    corpus.library.cards.update(choi.id, { body: bodyFromParagraphs(['Peskov spoke of regret over Kyiv.']) });
    expect(ids('Zelensky')).toEqual([]);
    expect(ids('Kyiv')).toEqual([choi.id]);
    expect(integrityOk()).toBe(true);
  });

  test('a deleted card disappears', () => {
    const tass = corpus.byCite('TASS');
    expect(ids('Ryabkov')).toContain(tass.id);
    corpus.library.cards.delete(tass.id);
    expect(ids('Ryabkov')).not.toContain(tass.id);
    expect(integrityOk()).toBe(true);
  });

  test('a change that fails rolls back the index with the card', () => {
    const choi = corpus.byCite('Joseph Choi');
    expect(() => corpus.library.transaction(() => {
      corpus.library.cards.update(choi.id, { tag: 'Moldova' });
      throw new Error('abandoned');
    })).toThrow('abandoned');
    expect(ids('Moldova')).toEqual([]);
    expect(ids('Zelensky')).toEqual([choi.id]);
  });

  test('moving a card to another block, renaming and deleting briefs update where it sits', () => {
    const choi = corpus.byCite('Joseph Choi');
    const brief = corpus.library.briefs.insert({
      title: 'Ukraine neg', kind: 'brief',
      doc: { type: 'doc', content: [headingNode('block', 'AT: Escalation'), cardNode(choi), headingNode('hat', 'Impacts')] },
    });
    expect(ids('block:escalation')).toEqual([choi.id]);
    corpus.library.briefs.update(brief.id, { doc: { type: 'doc', content: [headingNode('block', 'AT: Deterrence'), cardNode(choi)] } });
    expect(ids('block:escalation')).toEqual([]);
    expect(ids('block:deterrence')).toEqual([choi.id]);
    corpus.library.briefs.update(brief.id, { title: 'Crimea neg' });
    expect(ids('brief:crimea')).toEqual([choi.id]);
    // Still in the 003 brief after the new brief goes.
    corpus.library.briefs.delete(brief.id);
    expect(ids('brief:crimea')).toEqual([]);
    expect(ids('brief:"Russia cooperation"')).toContain(choi.id);
    expect(integrityOk()).toBe(true);
  });

  test('a card copied into the speech doc is found by the speech doc title', () => {
    const ace = corpus.byCite('Mehmet Ace');
    const speech = corpus.library.briefs.insert({ title: '1NC Octas', kind: 'speech', doc: { type: 'doc', content: [] } });
    corpus.library.briefs.update(speech.id, { doc: appendNodes(speech.doc, [cardNode(ace)]) });
    expect(ids('octas')).toEqual([ace.id]);
  });

  test('renaming an article re-indexes the author of its cards', () => {
    const card = corpus.articleCards[0]!;
    corpus.library.articles.update(card.articleId!, { authors: [{ name: 'Vladimir Yevseyev', quals: '' }] });
    expect(ids('author:Yevseyev')).toContain(card.id);
  });
});

describe('the index is checked at open and rebuilt when needed', () => {
  test('an index in step is left alone', async () => {
    expect(await ensureIndex(corpus.library.db, corpus.path)).toBe('ok');
  });

  test('a missing index is rebuilt in a worker, with progress, and answers as before', async () => {
    const before = ids('"de facto partition"');
    corpus.library.db.exec('DROP TABLE card_fts');
    expect(checkIndex(corpus.library.db)).toBe('missing');
    const progress: RebuildProgress[] = [];
    expect(await ensureIndex(corpus.library.db, corpus.path, (p) => progress.push(p))).toBe('missing');
    expect(checkIndex(corpus.library.db, { thorough: true })).toBe('ok');
    expect(progress.at(-1)).toEqual({ done: corpus.library.cards.count(), total: corpus.library.cards.count() });
    expect(new CardSearch(corpus.library.db).search({ query: '"de facto partition"', limit: 10 }).hits.map((h) => h.cardId)).toEqual(before);
    expect(ids('block:"Won\'t Cooperate"')).toHaveLength(corpus.blockCards.length);
  });

  test('an index out of step with the cards is found and rebuilt', async () => {
    corpus.library.db.prepare('DELETE FROM card_fts WHERE rowid = ?').run(corpus.byCite('TASS').id);
    expect(checkIndex(corpus.library.db)).toBe('stale');
    await ensureIndex(corpus.library.db, corpus.path);
    expect(ids('Ryabkov')).toContain(corpus.byCite('TASS').id);
  });

  test('a corrupt index (its pages overwritten on disk) is found at open and rebuilt', async () => {
    const db = corpus.library.db;
    db.pragma('wal_checkpoint(TRUNCATE)');
    const pages = db.prepare("SELECT pageno FROM dbstat WHERE name = 'card_fts_data' AND pagetype = 'leaf'").pluck().all() as number[];
    const size = db.pragma('page_size', { simple: true }) as number;
    corpus.library.close();
    const fd = fs.openSync(corpus.path, 'r+');
    for (const page of pages) fs.writeSync(fd, Buffer.alloc(size / 2, 0x55), 0, size / 2, (page - 1) * size + size / 2 - 8);
    fs.closeSync(fd);
    corpus.library = Library.open(corpus.path);
    expect(checkIndex(corpus.library.db)).toBe('corrupt');
    expect(await ensureIndex(corpus.library.db, corpus.path)).toBe('corrupt');
    expect(checkIndex(corpus.library.db, { thorough: true })).toBe('ok');
    expect(new CardSearch(corpus.library.db).search({ query: 'author:Choi', limit: 5 }).hits.map((h) => h.cardId)).toEqual([corpus.byCite('Joseph Choi').id]);
  });
});
