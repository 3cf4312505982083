// "Did you mean": corrections from the index's own vocabulary, on a real library of the corpus.
import { afterAll, describe, expect, it } from 'vitest';
import { Suggester } from '../../../electron/services/search/suggest.js';
import { bodyFromParagraphs, plainText } from '../../../shared/schema.js';
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

  it('reads a letter of the vocabulary once, and again only after the library changed and half a minute passed', () => {
    let clock = 0;
    const counted = new Suggester(corpus.library.db, (id) => corpus.library.cards.get(id).tag, () => clock);
    // An empty or cleared box, and a query that finds cards, read nothing.
    expect(['', '   ', 'Russia'].map((q) => counted.suggest(q))).toEqual([null, null, null]);
    expect(counted.vocabularyReads).toBe(0);
    // Keystrokes of a typo that finds nothing: its letters are read once ('r', then 'm').
    for (const typed of ['Rusi', 'Rusia', 'Rusia m', 'Rusia med', 'Rusia mediat', 'Rusia mediaton']) counted.suggest(typed);
    expect(counted.suggest('Rusia mediaton')?.toLowerCase()).toBe('russia mediation');
    expect(counted.vocabularyReads).toBe(2);
    // A new card's word: offered once the cached letters have aged, not on the next keystroke.
    expect(counted.suggest('Zzqorblx')).toBe(null);
    expect(counted.vocabularyReads).toBe(3);
    const card = corpus.library.cards.insert({ tag: 'Zzqorblax rejects the partition', label: null, shortCite: '', fullCite: '', body: bodyFromParagraphs(['Kyiv will not trade land for talks.']), articleId: null, passage: null });
    expect(counted.suggest('Zzqorblx')).toBe(null);
    clock += 10_000;
    expect(counted.suggest('Zzqorblx')).toBe(null);
    expect(counted.vocabularyReads).toBe(3);
    clock += 30_000;
    expect(counted.suggest('Zzqorblx')?.toLowerCase()).toBe('zzqorblax');
    expect(counted.vocabularyReads).toBe(4);
    corpus.library.cards.delete(card.id);
  });

  it('writes nothing to the library file', () => {
    const tables = corpus.library.db.prepare("SELECT name FROM main.sqlite_master WHERE name LIKE '%vocab%'").all();
    expect(tables).toEqual([]);
  });
});
