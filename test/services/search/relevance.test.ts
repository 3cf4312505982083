import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { CardSearch } from '../../../electron/services/search/card-search.js';
import type { SearchHit, SearchOptions } from '../../../shared/search.js';
import { buildCorpusLibrary, type CorpusLibrary } from './corpus-library.js';

let corpus: CorpusLibrary;
let search: CardSearch;
beforeEach(() => {
  corpus = buildCorpusLibrary();
  search = new CardSearch(corpus.library.db, corpus.library.cards);
});
afterEach(() => corpus.library.close());

// The block's cards are filed twice, as cut cards and in the brief: one piece of evidence, one hit,
// named here by its cut card.
const evidence = (hit: SearchHit) => hit.places.find((p) => p.briefId === null)?.cardId ?? hit.cardId;
const ids = (query: string, options: Partial<SearchOptions> = {}) => search.search({ query, limit: 50, ...options }).hits.map(evidence);

describe('relevance on the corpus library', () => {
  test('the fixture holds the eight cards of 003 and cards cut from the four articles', () => {
    expect(corpus.blockCards.map((c) => c.shortCite)).toEqual([
      'Thai News Service 21', 'Ace 21', 'Press TV 21', 'Telegraph Media 21', 'TASS 21', 'Thai News Service 21', 'Istomin', 'Choi 21',
    ]);
    expect(corpus.articleCards.length).toBeGreaterThan(8);
  });

  test("Dara'a deal finds the Thai News Service card first", () => {
    const [first] = ids("Dara'a deal");
    expect(first).toBe(corpus.byCite('Thai News Service, September 7').id);
  });

  test('"de facto partition" finds the Press TV and Thai News Service cards, and no other', () => {
    expect(new Set(ids('"de facto partition"'))).toEqual(new Set([corpus.byCite('Press TV').id, corpus.byCite('Thai News Service, 9-16').id]));
  });

  test('author:Choi finds the Joseph Choi card only', () => {
    expect(ids('author:Choi')).toEqual([corpus.byCite('Joseph Choi').id]);
  });

  test('Ryabkov finds every card quoting him', () => {
    const quoting = [...corpus.blockCards, ...corpus.articleCards].filter((c) => JSON.stringify(c.body).includes('Ryabkov')).map((c) => c.id);
    expect(quoting.length).toBe(3);
    expect(new Set(ids('Ryabkov'))).toEqual(new Set(quoting));
  });

  test('label:non-unique finds exactly the Non-unique cards, as does the label filter', () => {
    const nonUnique = corpus.blockCards.filter((c) => c.label === 'Non-unique').map((c) => c.id);
    expect(nonUnique.length).toBe(2);
    expect(new Set(ids('label:non-unique'))).toEqual(new Set(nonUnique));
    expect(new Set(ids('label:NU'))).toEqual(new Set(nonUnique));
    expect(new Set(ids('russia', { label: 'Non-unique' }))).toEqual(new Set(nonUnique));
  });

  test('a word in the tag outranks the same word in a body', () => {
    // "aggression" is in the tag of the Ace card and in the body of the Choi card.
    expect(ids('aggression').slice(0, 2)).toEqual([corpus.byCite('Mehmet Ace').id, corpus.byCite('Joseph Choi').id]);
  });

  test('words are stemmed and all must match', () => {
    expect(ids('partitioned syrian')).toEqual(expect.arrayContaining([corpus.byCite('Press TV').id]));
    expect(ids('Ryabkov Zelensky')).toEqual([]);
  });

  test('prefixes, exclusions and OR', () => {
    const prefixed = ids('partit*');
    expect(prefixed).toEqual(expect.arrayContaining([corpus.byCite('Press TV').id, corpus.byCite('Thai News Service, 9-16').id]));
    expect(ids('Ryabkov -Washington')).not.toContain(corpus.byCite('Press TV').id);
    expect(ids('Ryabkov -Washington')).toContain(corpus.byCite('TASS').id);
    expect(new Set(ids('Zelensky OR Quilliam'))).toEqual(new Set([corpus.byCite('Joseph Choi').id, corpus.byCite('Telegraph').id]));
  });

  test('year: and the year range filter read short cites and full cites', () => {
    // Every block card but Istomin's, whose cite gives no year.
    const of2021 = new Set(corpus.blockCards.filter((c) => c.shortCite !== 'Istomin').map((c) => c.id));
    expect(new Set(ids('year:2021'))).toEqual(of2021);
    expect(new Set(ids('year:21 Ukraine'))).toEqual(new Set([corpus.byCite('Joseph Choi').id]));
    expect(ids('Syria', { yearFrom: 2015, yearTo: 2020 })).toEqual([]);
    expect(ids('Ukraine', { yearFrom: 2020, yearTo: 2022 })).toEqual([corpus.byCite('Joseph Choi').id]);
  });

  test('titles of the block and brief the card sits in are searched, and the brief filter narrows', () => {
    expect(new Set(ids('block:"Won\'t Cooperate"'))).toEqual(new Set(corpus.blockCards.map((c) => c.id)));
    const inBrief = ids('Syria', { briefId: corpus.briefId });
    expect(inBrief.length).toBeGreaterThan(0);
    expect(inBrief.every((id) => corpus.blockCards.some((c) => c.id === id))).toBe(true);
    expect(ids('Syria').length).toBeGreaterThan(inBrief.length);
  });

  test('snippets mark the matched words', () => {
    const hit = search.search({ query: 'Ryabkov', limit: 5 }).hits.find((h) => evidence(h) === corpus.byCite('Press TV').id);
    expect(hit?.snippet.filter((p) => p.marked).map((p) => p.text)).toContain('Ryabkov');
    expect(hit?.tag).toBe('Russia. Fighting the US in Syria now');
    expect(hit?.shortCite).toBe('Press TV 21');
  });

  test.each([
    ['"de facto AND (partition OR -', 'de facto partition'],
    ['((((Ryabkov', 'Ryabkov'],
    ['author: "', 'author'],
    ['"""', ''],
    ['NOT', ''],
    ['unknown:Ryabkov', 'unknown Ryabkov'],
    ['tag:"Russia* OR', 'tag:Russia*'],
  ])('a query that cannot be read as written, %j, is answered like %j and never fails', (broken, readable) => {
    const result = search.search({ query: broken, limit: 50 });
    expect(result.hits.map(evidence)).toEqual(ids(readable));
  });

  test('limit and more', () => {
    const result = search.search({ query: 'Syria', limit: 3 });
    expect(result.hits).toHaveLength(3);
    expect(result.more).toBe(true);
  });
});
