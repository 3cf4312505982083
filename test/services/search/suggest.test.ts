// "Did you mean": corrections from the index's own vocabulary, on a real library of the corpus.
import { afterAll, describe, expect, it } from 'vitest';
import { Suggester } from '../../../electron/services/search/suggest.js';
import { plainText } from '../../../shared/schema.js';
import { buildCorpusLibrary } from './corpus-library.js';

const corpus = buildCorpusLibrary();
const suggester = new Suggester(corpus.library.db, (id) => {
  const card = corpus.library.cards.get(id);
  return `${card.tag} ${plainText(card.body)}`;
});
afterAll(() => corpus.library.close());

describe('search suggestions from the index vocabulary', () => {
  it.each([
    { query: 'Rusia mediaton', suggestion: 'Russia mediation' },
    { query: 'Ryabkv', suggestion: 'Ryabkov' },
    { query: 'Russia', suggestion: null },
    { query: 'author:Chio', suggestion: null },
    { query: 'qqqqzzzz', suggestion: null },
  ])('$query → $suggestion', ({ query, suggestion }) => {
    expect(suggester.suggest(query)?.toLowerCase() ?? null).toBe(suggestion?.toLowerCase() ?? null);
  });

  it('writes nothing to the library file', () => {
    const tables = corpus.library.db.prepare("SELECT name FROM main.sqlite_master WHERE name LIKE '%vocab%'").all();
    expect(tables).toEqual([]);
  });
});
