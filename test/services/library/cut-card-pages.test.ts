import { describe, expect, it } from 'vitest';
import { Library } from '../../../electron/services/library/library.js';
import type { CardFields } from '../../../shared/model.js';
import { bodyFromParagraphs } from '../../../shared/schema.js';
import { tempLibraryPath } from '../../helpers/temp-dir.js';

const card = (i: number, over: Partial<CardFields> = {}): CardFields => ({
  tag: `Generic tag ${i}`, label: i % 2 ? 'Impact' : null, shortCite: `Smith ${i % 90}`, fullCite: `John Smith, professor, ${2000 + (i % 20)}`,
  body: bodyFromParagraphs([`Body ${i}`]), articleId: null, passage: null, ...over,
});

/** 1,200 cut cards, the oldest one of a kind: past the 1,000 a list once showed. */
function library(): { library: Library; oldest: number } {
  const library = Library.open(tempLibraryPath());
  const article = library.articles.insert({
    title: 'Ryabkov on partition', authors: [{ name: 'Sergei Ryabkov', quals: 'Deputy Foreign Minister' }], publication: 'TASS',
    publishedDate: '2021-09-15', url: '', accessedDate: '', sourceKind: 'paste', text: 'Ryabkov said the US seeks a partition.',
  });
  const oldest = library.cards.insert(card(0, { tag: 'Partition 100% likely_now', label: 'Oldest label', shortCite: 'TASS 21', fullCite: 'TASS, 2021', articleId: article.id }));
  library.transaction(() => { for (let i = 1; i < 1200; i++) library.cards.insert(card(i)); });
  // Cut on an earlier day than every other card.
  library.db.prepare("UPDATE cards SET created_at = '2020-01-02T10:00:00.000Z', updated_at = '2020-01-02T10:00:00.000Z' WHERE id = ?").run(oldest.id);
  return { library, oldest: oldest.id };
}

describe('the cut cards, a page at a time, filtered in the store', () => {
  it('pages through every cut card, newest first, to the oldest', () => {
    const { library: lib, oldest } = library();
    const pages = [0, 500, 1000].map((offset) => lib.cards.list({ offset, limit: 500 }));
    expect(pages.map((p) => p.length)).toEqual([500, 500, 200]);
    const ids = pages.flat().map((c) => c.id);
    expect(new Set(ids).size).toBe(1200);
    expect(ids.at(-1)).toBe(oldest);
    lib.close();
  });

  it.each([
    ['label', { label: 'Oldest label' }],
    ['author in the short cite', { author: 'tass' }],
    ["article's author name", { author: 'Ryabkov' }],
    ['article', { articleId: 1 }],
    ['cut until a day', { to: '2020-01-02' }],
    ['words in the tag, % and _ as written', { words: ['100%', 'likely_now'] }],
    ['words across label and cite', { words: ['oldest', 'tass'] }],
  ])('%s finds the oldest card and no other', (_, filter) => {
    const { library: lib, oldest } = library();
    expect(lib.cards.list({ ...filter, limit: 50 }).map((c) => c.id)).toEqual([oldest]);
    lib.close();
  });

  it('filters combine, page, and "no label" is a filter of its own', () => {
    const { library: lib } = library();
    const unlabelled = lib.cards.list({ label: null, from: '2021-01-01', words: ['smith'] });
    expect(unlabelled).toHaveLength(599);
    expect(unlabelled.every((c) => c.label === null)).toBe(true);
    expect(lib.cards.list({ label: null, words: ['smith'], offset: 550, limit: 100 })).toHaveLength(49);
    expect(lib.cards.list({ words: ['100_'] })).toEqual([]);
    expect(lib.cards.labels()).toEqual(['Impact', 'Oldest label']);
    lib.close();
  });
});
