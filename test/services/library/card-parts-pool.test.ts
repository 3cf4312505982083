// Bulk writes derive cards' parts in worker threads (card-parts-pool.ts); a single insert derives
// them inline. Both must store exactly the same rows and find exactly the same cards.
import { afterAll, describe, expect, it } from 'vitest';
import { makeGenerator } from '../../../bench/card-generator.js';
import { cardParts, nodeOfFields } from '../../../electron/services/library/card-content.js';
import { CardPartsPool } from '../../../electron/services/library/card-parts-pool.js';
import { Library } from '../../../electron/services/library/library.js';
import { CARDS_PER_COMMIT, importInto } from '../../../electron/services/importers/import-into-library.js';
import { parseVerbatimDocx } from '../../../electron/services/importers/verbatim-docx.js';
import { CardSearch } from '../../../electron/services/search/card-search.js';
import type { CardFields, DocJSON } from '../../../shared/model.js';
import { bodyFromParagraphs } from '../../../shared/schema.js';
import { tempLibraryPath } from '../../helpers/temp-dir.js';
import { bigBriefDocx } from '../jobs/big-brief.js';

const pool = new CardPartsPool(2);
afterAll(() => pool.close());

const generator = makeGenerator(5);
const cards: CardFields[] = [
  ...Array.from({ length: 60 }, (_, i) => generator.card(i)),
  // An analytic (no cite, no body), odd spacing and case (the fingerprint folds them), non-ASCII.
  { tag: 'Analytic: no link', label: null, shortCite: '', fullCite: '', body: { type: 'body', content: [{ type: 'paragraph' }] }, articleId: null, passage: null, textEdited: false },
  { tag: 'Ünïcode  tag — “quoted”', label: 'Non-unique', shortCite: 'Çelik 19', fullCite: 'Ayşe Çelik, Prof at Boğaziçi, 3/4/2019, "Türkiye\'s  pivot" 🙂',
    body: bodyFromParagraphs(['First  paragraph\twith tabs.', '', 'Ünïcode 🙂 words']), articleId: null, passage: null, textEdited: true },
];

function store(parts: ReturnType<typeof cardParts>[] | null) {
  const library = Library.open(tempLibraryPath());
  library.transaction(() => cards.forEach((c, i) => library.cards.insert({ ...c, id: i + 1, uid: `uid-${i}` }, parts?.[i])));
  const rows = library.db.prepare('SELECT * FROM cards ORDER BY id').all() as Record<string, unknown>[];
  const search = new CardSearch(library.db, library.cards);
  const found = ['war', 'russia OR china', '"the united states"', 'Çelik', 'author:Celik', 'tabs', 'year:2019', 'analytic'].map((query) =>
    search.search({ query, limit: 100 }).hits);
  library.close();
  return { rows: rows.map(({ created_at: _c, updated_at: _u, ...row }) => row), found };
}

describe('card parts derived in the pool', () => {
  it('store the same rows (content blob, fingerprint, content hash, every column) and find the same cards as inline', async () => {
    const inline = store(null);
    const pooled = store(await pool.parts(cards.map(nodeOfFields)));
    expect(pooled.rows.length).toBe(cards.length);
    for (const [i, row] of pooled.rows.entries()) expect(row, cards[i]!.tag).toEqual(inline.rows[i]);
    expect(pooled.found).toEqual(inline.found);
    expect(inline.found.some((hits) => hits.length > 0)).toBe(true);
  });

  it('are the parts cardParts gives, in the order given, whatever the number of threads', async () => {
    const nodes = cards.map(nodeOfFields);
    const expected = nodes.map(cardParts);
    expect(await pool.parts(nodes)).toEqual(expected);
    expect(await pool.parts(nodes.slice(0, 1))).toEqual(expected.slice(0, 1));
    expect(await pool.parts([])).toEqual([]);
    // More than a chunk, so the cards go out in several messages to every thread and come back in order.
    const many = Array.from({ length: 700 }, (_, i) => nodes[i % nodes.length]!);
    expect(await pool.parts(many)).toEqual(many.map(cardParts));
  });

  it('refuse a card that does not fit the schema with the error an inline insert gives', async () => {
    const bad: DocJSON = { type: 'card', content: [{ type: 'tag', content: [{ type: 'text', text: 'x' }] }, { type: 'paragraph' }] };
    const nodes = [...cards.slice(0, 3).map(nodeOfFields), bad];
    let inline: unknown;
    try { cardParts(bad); } catch (err) { inline = err; }
    await expect(pool.parts(nodes)).rejects.toMatchObject({ name: 'LibraryError', code: 'invalid', message: (inline as Error).message });
  });

  it('store a big brief imported in pieces (its cards derived in the pool while the file is read) as one written inline whole', async () => {
    const cards = 2 * CARDS_PER_COMMIT + 50;
    const bytes = await bigBriefDocx(cards);
    const rowsOf = (library: Library) => (library.db.prepare('SELECT * FROM cards ORDER BY id').all() as Record<string, unknown>[])
      .map(({ id: _id, uid: _uid, created_at: _c, updated_at: _u, ...row }) => row);
    const imported = Library.open(tempLibraryPath());
    expect(await importInto(imported, { name: 'big.docx', bytes })).toMatchObject({ status: 'imported', cards });
    const inline = Library.open(tempLibraryPath());
    const { title, doc } = parseVerbatimDocx(bytes, 'big.docx');
    inline.briefs.insert({ title, kind: 'brief', doc });
    const rows = rowsOf(imported);
    expect(rows.length).toBe(cards);
    expect(rows).toEqual(rowsOf(inline));
    imported.close();
    inline.close();
  });
});
