import { createHash } from 'node:crypto';
import fs from 'node:fs';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { CardSearch } from '../../../electron/services/search/card-search.js';
import { Library } from '../../../electron/services/library/library.js';
import { DERIVED_VERSION } from '../../../electron/services/library/card-content.js';
import { librarySearch } from '../../../electron/services/search/library-search.js';
import { checkIndex, ensureIndex, refreshIndex, type RebuildProgress } from '../../../electron/services/search/search-index.js';
import { headingNode, insertNodes } from '../../../shared/brief-doc.js';
import { copyOfCard } from '../../shared/brief-builders.js';
import { bodyFromParagraphs } from '../../../shared/schema.js';
import { buildCorpusLibrary, type CorpusLibrary } from './corpus-library.js';

let corpus: CorpusLibrary;
let search: CardSearch;
beforeEach(() => {
  corpus = buildCorpusLibrary();
  search = new CardSearch(corpus.library.db, corpus.library.cards);
});
afterEach(() => corpus.library.close());

const hits = (query: string) => search.search({ query, limit: 100 }).hits;
const ids = (query: string) => hits(query).map((h) => h.cardId);
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

  test('marked words are indexed as words, text runs split mid-word are joined', () => {
    const card = corpus.library.cards.insert({
      tag: 'Marks', label: null, shortCite: '', fullCite: '', articleId: null, passage: null,
      body: { type: 'body', content: [{ type: 'paragraph', content: [
        { type: 'text', text: 'Balkan' }, { type: 'text', text: 'ization', marks: [{ type: 'highlight', attrs: { colour: 'yellow' } }] },
        { type: 'text', text: ' looms over ' }, { type: 'text', text: 'Transnistria', marks: [{ type: 'underline' }] },
      ] }] },
    });
    expect(ids('balkanization')).toEqual([card.id]);
    expect(ids('Transnistria')).toEqual([card.id]);
  });

  test("an edited card's old words no longer match, its new words do; the brief's own copy keeps its words", () => {
    const choi = corpus.byCite('Joseph Choi');
    const inBrief = hits('Zelensky')[0]!.places.find((p) => p.briefId === corpus.briefId)!;
    expect(hits('Zelensky')[0]!.places.map((p) => p.cardId).sort()).toEqual([choi.id, inBrief.cardId].sort());
    corpus.library.cards.update(choi.id, { body: bodyFromParagraphs(['Peskov spoke of regret over Kyiv.']) });
    expect(ids('Zelensky')).toEqual([inBrief.cardId]);
    expect(ids('Kyiv')).toEqual([choi.id]);
    expect(integrityOk()).toBe(true);
  });

  test('a brief card edited in its brief is found by its new words and shows them in its snippet', () => {
    const brief = corpus.library.briefs.get(corpus.briefId);
    const content = (brief.doc.content ?? []).map((node) => node.type === 'card' && JSON.stringify(node).includes('Zelensky')
      ? { ...node, content: [...(node.content ?? []).slice(0, 2), bodyFromParagraphs(['Moldova fears the Transnistria precedent.'])] }
      : node);
    const saved = corpus.library.briefs.update(brief.id, { doc: { type: 'doc', content } });
    const [hit] = hits('Transnistria');
    expect(hit).toMatchObject({ briefId: brief.id, briefTitle: brief.title });
    expect(hit!.uid).toBe(saved.doc.content!.find((n) => JSON.stringify(n).includes('Transnistria'))!.attrs!['cardId']);
    expect(hit!.snippet.filter((p) => p.marked).map((p) => p.text)).toEqual(['Transnistria']);
    expect(corpus.library.briefs.get(brief.id).doc).toEqual(saved.doc);
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
      doc: { type: 'doc', content: [headingNode('block', 'AT: Escalation'), copyOfCard(choi), headingNode('hat', 'Impacts')] },
    });
    const copy = brief.doc.content![1]!;
    const copyId = corpus.library.cards.rowByUid(String(copy.attrs!['cardId']))!.id;
    expect(ids('block:escalation')).toEqual([copyId]);
    corpus.library.briefs.update(brief.id, { doc: { type: 'doc', content: [headingNode('block', 'AT: Deterrence'), copy] } });
    expect(ids('block:escalation')).toEqual([]);
    expect(ids('block:deterrence')).toEqual([copyId]);
    expect(hits('block:deterrence')[0]).toMatchObject({ briefTitle: 'Ukraine neg', headings: 'AT: Deterrence' });
    corpus.library.briefs.update(brief.id, { title: 'Crimea neg' });
    expect(ids('brief:crimea')).toEqual([copyId]);
    // The 003 brief's own card stays after the new brief goes.
    corpus.library.briefs.delete(brief.id);
    expect(ids('brief:crimea')).toEqual([]);
    expect(() => corpus.library.cards.get(copyId)).toThrow(/No card/);
    expect(hits('brief:"Russia cooperation" Zelensky')[0]?.briefId).toBe(corpus.briefId);
    expect(integrityOk()).toBe(true);
  });

  test('a card copied into the speech doc is a card of its own, found by the speech doc title, remembering its source', () => {
    const ace = corpus.byCite('Mehmet Ace');
    const speech = corpus.library.briefs.insert({ title: '1NC Octas', kind: 'speech', doc: { type: 'doc', content: [] } });
    const sent = corpus.library.briefs.update(speech.id, { doc: insertNodes(speech.doc, [copyOfCard(ace)]) });
    const [hit] = hits('octas');
    expect(hit).toMatchObject({ briefId: speech.id, uid: sent.doc.content![0]!.attrs!['cardId'] });
    expect(corpus.library.cards.get(hit!.cardId).copiedFrom).toBe(ace.uid);
    expect(hit!.places.map((p) => p.cardId)).toContain(ace.id);
  });

  test('renaming an article re-indexes the author of its cards', () => {
    const card = corpus.articleCards[0]!;
    corpus.library.articles.update(card.articleId!, { authors: [{ name: 'Vladimir Yevseyev', quals: '' }] });
    expect(ids('author:Yevseyev')).toContain(card.id);
  });
});

describe('the index is checked at open and rebuilt when needed', () => {
  test('an index in step is left alone', async () => {
    expect(await ensureIndex(corpus.library.db, corpus.library.cards)).toBe('ok');
  });

  test('a missing index is rebuilt, with progress, and answers as before', async () => {
    const before = ids('"de facto partition"');
    corpus.library.db.exec('DROP TABLE card_fts');
    expect(checkIndex(corpus.library.db)).toBe('missing');
    const progress: RebuildProgress[] = [];
    expect(await ensureIndex(corpus.library.db, corpus.library.cards, (p) => progress.push(p))).toBe('missing');
    expect(checkIndex(corpus.library.db, { thorough: true })).toBe('ok');
    expect(progress.at(-1)).toEqual({ done: corpus.library.cards.count(), total: corpus.library.cards.count() });
    expect(new CardSearch(corpus.library.db, corpus.library.cards).search({ query: '"de facto partition"', limit: 10 }).hits.map((h) => h.cardId)).toEqual(before);
    expect(ids('block:"Won\'t Cooperate"')).toHaveLength(corpus.blockCards.length);
  });

  test('an index out of step with the cards is found and rebuilt', async () => {
    corpus.library.db.prepare('DELETE FROM card_fts WHERE rowid = ?').run(corpus.byCite('TASS').id);
    expect(checkIndex(corpus.library.db)).toBe('stale');
    await ensureIndex(corpus.library.db, corpus.library.cards);
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
    expect(await ensureIndex(corpus.library.db, corpus.library.cards)).toBe('corrupt');
    expect(checkIndex(corpus.library.db, { thorough: true })).toBe('ok');
    expect(new CardSearch(corpus.library.db, corpus.library.cards).search({ query: 'author:Choi', limit: 5 }).hits.map((h) => h.cardId)).toEqual([corpus.byCite('Joseph Choi').id]);
  });

  test('a card missing from the index and an extra row, with the same count and highest id, is out of step', () => {
    const db = corpus.library.db;
    const tass = corpus.byCite('TASS').id;
    const gone = corpus.library.cards.insert({ tag: 'Gone', label: null, shortCite: '', fullCite: '', body: bodyFromParagraphs(['Soon deleted.']), articleId: null, passage: null });
    corpus.library.cards.insert({ tag: 'Newest', label: null, shortCite: '', fullCite: '', body: bodyFromParagraphs(['Stays.']), articleId: null, passage: null });
    corpus.library.cards.delete(gone.id);
    // TASS's index row is lost and one for the deleted card appears: counts and top ids agree.
    db.prepare('DELETE FROM card_fts WHERE rowid = ?').run(tass);
    db.prepare("INSERT INTO card_fts (rowid, tag, label, author, cite, year, body, headings) VALUES (?, 'Gone', '', '', '', '', '', '')").run(gone.id);
    expect(checkIndex(db)).toBe('stale');
    refreshIndex(db, corpus.library.cards);
    expect(checkIndex(db)).toBe('ok');
    expect(ids('Ryabkov')).toContain(tass);
    expect(ids('Gone')).toEqual([]);
  });
});

describe('a stale index is refreshed in a worker', () => {
  test('the first search answers at once from what the index holds, with progress, and later finds every card', async () => {
    const db = corpus.library.db;
    const tass = corpus.byCite('TASS').id;
    const choi = corpus.byCite('Joseph Choi').id;
    db.prepare('DELETE FROM card_fts WHERE rowid = ?').run(tass);
    const search = librarySearch(corpus.library);
    const first = await search({ query: 'Ryabkov', limit: 100 });
    // Answered before the refresh ran: the card without an index row is not found yet.
    expect(first.indexing).toBeDefined();
    expect(first.hits.map((h) => h.cardId)).not.toContain(tass);
    expect((await search({ query: 'author:Choi', limit: 5 })).hits.map((h) => h.cardId)).toEqual([choi]);
    let result = first;
    while (result.indexing) {
      await new Promise((resolve) => setTimeout(resolve, 50));
      result = await search({ query: 'Ryabkov', limit: 100 });
    }
    expect(result.hits.map((h) => h.cardId)).toContain(tass);
    expect(checkIndex(db)).toBe('ok');
  });

  test('a missing index answers nothing while the worker makes it again', async () => {
    corpus.library.db.exec('DROP TABLE card_fts');
    const search = librarySearch(corpus.library);
    const first = await search({ query: 'Ryabkov', limit: 100 });
    expect(first).toMatchObject({ hits: [], indexing: expect.any(Object) });
    let result = first;
    while (result.indexing) {
      await new Promise((resolve) => setTimeout(resolve, 50));
      result = await search({ query: 'Ryabkov', limit: 100 });
    }
    expect(result.hits.map((h) => h.cardId)).toContain(corpus.byCite('TASS').id);
  });
});

describe("the first tier's own index (card_fts_about)", () => {
  /** Cards whose tag, cite or headings hold every word of the text, read from the first tier's table. */
  const aboutIds = (text: string) => corpus.library.db.prepare('SELECT rowid FROM card_fts_about WHERE card_fts_about MATCH ?').pluck()
    .all(text.split(/[^\p{L}\p{N}]+/u).filter(Boolean).map((w) => `"${w}"`).join(' ')) as number[];
  const indexBytes = (table: string) => createHash('sha1').update(corpus.library.db.prepare(`SELECT group_concat(hex(block), '') FROM ${table}_data`).pluck().get() as string).digest('hex');

  test('a version-7 library upgrades with it empty: every card is still found, and the refresh fills that table alone', () => {
    const { library, path: file } = corpus;
    const tass = corpus.byCite('TASS').id;
    // A version-7 file: the same cards, indexed in card_fts only.
    library.db.exec('DROP TABLE card_fts_about; PRAGMA user_version = 7');
    library.close();
    corpus.library = Library.open(file);
    const db = corpus.library.db;
    search = new CardSearch(db, corpus.library.cards);
    expect(db.pragma('user_version', { simple: true })).toBe(8);
    expect(db.prepare('SELECT count(*) FROM card_fts_about_docsize').pluck().get()).toBe(0);
    expect(checkIndex(db)).toBe('stale');
    // Answered from card_fts meanwhile: the body tier holds every card.
    expect(ids('Ryabkov')).toContain(tass);
    const bodyIndex = indexBytes('card_fts');
    const progress: RebuildProgress[] = [];
    refreshIndex(db, corpus.library.cards, (p) => progress.push(p));
    const cards = corpus.library.cards.count();
    expect(progress.at(-1)).toEqual({ done: cards, total: cards });
    expect(checkIndex(db, { thorough: true })).toBe('ok');
    expect(db.prepare('SELECT count(*) FROM card_fts_about_docsize').pluck().get()).toBe(cards);
    expect(indexBytes('card_fts')).toBe(bodyIndex);
    expect(aboutIds(corpus.byCite('TASS').tag)).toContain(tass);
    expect(ids('Ryabkov')).toContain(tass);
  });

  test('a card whose tag holds the word but whose body holds an excluded word is left out of the first tier', () => {
    const add = (tag: string, words: string) => corpus.library.cards.insert({
      tag, label: null, shortCite: '', fullCite: '', body: bodyFromParagraphs([words]), articleId: null, passage: null,
    }).id;
    const rerouted = add('Potash sanctions fail', 'Belarus reroutes its potash through Vladivostok.');
    const falling = add('Potash sanctions work', 'Exports fall by a third.');
    const mentions = add('Exports', 'Potash is mentioned here and nowhere else.');
    expect(ids('potash -vladivostok')).toEqual([falling, mentions]);
    expect(ids('potash')).toEqual(expect.arrayContaining([rerouted, falling, mentions]));
  });

  test('a card missing from the first tier only is out of step, and is put back there', () => {
    const db = corpus.library.db;
    const tass = corpus.byCite('TASS').id;
    db.prepare('DELETE FROM card_fts_about WHERE rowid = ?').run(tass);
    expect(checkIndex(db)).toBe('stale');
    const bodyIndex = indexBytes('card_fts');
    refreshIndex(db, corpus.library.cards);
    expect(checkIndex(db, { thorough: true })).toBe('ok');
    expect(indexBytes('card_fts')).toBe(bodyIndex);
    expect(aboutIds(corpus.byCite('TASS').tag)).toContain(tass);
  });
});

describe('derived data carries the version of the rules that made it', () => {
  test('a card derived by older rules has its fingerprint, content hash and index row made again', () => {
    const db = corpus.library.db;
    const tass = corpus.library.cards.row(corpus.byCite('TASS').id);
    expect(tass.derived).toBe(DERIVED_VERSION);
    // As a rule change leaves a row: older version, other fingerprint and hash, an index row of other words.
    db.prepare("UPDATE cards SET derived = ?, fingerprint = 'old', content_hash = 'old' WHERE id = ?").run(DERIVED_VERSION - 1, tass.id);
    db.prepare('DELETE FROM card_fts WHERE rowid = ?').run(tass.id);
    db.prepare("INSERT INTO card_fts (rowid, tag, label, author, cite, year, body, headings) VALUES (?, 'Outdated', '', '', '', '', '', '')").run(tass.id);
    expect(checkIndex(db)).toBe('stale');
    const progress: RebuildProgress[] = [];
    refreshIndex(db, corpus.library.cards, (p) => progress.push(p));
    expect(progress).toEqual([{ done: 1, total: 1 }]);
    expect(corpus.library.cards.row(tass.id)).toMatchObject({ derived: DERIVED_VERSION, fingerprint: tass.fingerprint, content_hash: tass.content_hash, updated_at: tass.updated_at });
    expect(checkIndex(db)).toBe('ok');
    expect(ids('Outdated')).toEqual([]);
    expect(ids('Ryabkov')).toContain(tass.id);
  });
});
