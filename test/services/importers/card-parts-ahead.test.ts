// A big brief's cards are derived in the parts pool while the .docx is still being read
// (card-parts-ahead.ts, BriefOutline's onCard): the rows must be the ones an inline insert writes,
// and a file that breaks after hundreds of cards were sent on must still change nothing.
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { generateVerbatimDocx } from '../../../bench/verbatim-generator.js';
import { CardPartsAhead } from '../../../electron/services/importers/card-parts-ahead.js';
import { importInto } from '../../../electron/services/importers/import-into-library.js';
import { parseVerbatimDocx } from '../../../electron/services/importers/verbatim-docx.js';
import { cardParts } from '../../../electron/services/library/card-content.js';
import { Library } from '../../../electron/services/library/library.js';
import type { DocJSON } from '../../../shared/model.js';
import { tempLibraryPath } from '../../helpers/temp-dir.js';
import { bigBriefDocx } from '../jobs/big-brief.js';

const cardsOf = (doc: DocJSON) => (doc.content ?? []).filter((n) => n.type === 'card');
const rowsOf = (library: Library) => (library.db.prepare('SELECT * FROM cards ORDER BY id').all() as Record<string, unknown>[])
  .map(({ id: _id, uid: _uid, created_at: _c, updated_at: _u, ...row }) => row);
const counts = (library: Library) => library.db.prepare('SELECT (SELECT count(*) FROM cards) AS cards, (SELECT count(*) FROM briefs) AS briefs').get();

describe('cards derived while the file is read', () => {
  it('hands on each card of the outline once, in order, as the very node the doc holds (headings, analytics and blanks are not cards)', async () => {
    const read: DocJSON[] = [];
    const { doc } = parseVerbatimDocx(await generateVerbatimDocx(3, { cards: 40 }), 'generated.docx', { onCard: (card) => read.push(card) });
    expect(read.length).toBeGreaterThan(30);
    expect(read).toEqual(cardsOf(doc));
    read.forEach((card, i) => expect(card).toBe(cardsOf(doc)[i]));
  });

  it('gives the parts cardParts gives for every card of a piece: sent while read, the tail shared at the end, and cards never read', async () => {
    const { doc } = parseVerbatimDocx(await generateVerbatimDocx(4, { cards: 150 }), 'generated.docx');
    const cards = cardsOf(doc);
    const ahead = new CardPartsAhead();
    // Read as the reader would hand them on, all but the last ten (a piece may hold cards never read).
    cards.slice(0, -10).forEach(ahead.cardRead);
    const parts = await ahead.partsOf(doc.content!, { shareInline: true });
    expect(parts?.size).toBe(cards.length);
    for (const card of cards) expect(parts!.get(card)).toEqual(cardParts(card));
  });

  it('leaves a small brief to the store when nothing was sent (the pool is not worth starting for it)', async () => {
    const { doc } = parseVerbatimDocx(await generateVerbatimDocx(5, { cards: 20 }), 'small.docx');
    const ahead = new CardPartsAhead();
    cardsOf(doc).forEach(ahead.cardRead);
    expect(await ahead.partsOf(doc.content!, { shareInline: true })).toBeUndefined();
  });

  it('refuses a card that does not fit the schema with the store\'s error, whether it was sent or shared inline', async () => {
    const { doc } = parseVerbatimDocx(await generateVerbatimDocx(6, { cards: 120 }), 'generated.docx');
    const bad: DocJSON = { type: 'card', content: [{ type: 'tag', content: [{ type: 'text', text: 'x' }] }, { type: 'paragraph' }] };
    for (const at of [0, 100]) {
      const cards = [...cardsOf(doc)];
      cards.splice(at, 0, bad);
      const ahead = new CardPartsAhead();
      cards.slice(0, 115).forEach(ahead.cardRead);
      await expect(ahead.partsOf(cards, { shareInline: true })).rejects.toMatchObject({ name: 'LibraryError', code: 'invalid' });
    }
  });

  it('stores a one-piece brief exactly as an inline insert of the same document does', async () => {
    const bytes = await generateVerbatimDocx(7, { cards: 300 });
    const imported = Library.open(tempLibraryPath());
    const outcome = await importInto(imported, { name: 'three hundred.docx', bytes });
    expect(outcome).toMatchObject({ status: 'imported', kind: 'brief' });
    const inline = Library.open(tempLibraryPath());
    const { title, doc } = parseVerbatimDocx(bytes, 'three hundred.docx');
    inline.briefs.insert({ title, kind: 'brief', doc });
    const rows = rowsOf(imported);
    expect(rows.length).toBe(cardsOf(doc).length);
    expect(rows).toEqual(rowsOf(inline));
    imported.close();
    inline.close();
  });

  it('a file whose XML breaks after 600 cards were read and sent on: one clear error, the library unchanged', async () => {
    const files = unzipSync(await bigBriefDocx(700));
    const xml = strFromU8(files['word/document.xml']!);
    files['word/document.xml'] = strToU8(xml.slice(0, Math.floor(xml.length * 0.9)));
    const library = Library.open(tempLibraryPath());
    const before = counts(library);
    const unhandled: unknown[] = [];
    const onUnhandled = (reason: unknown) => unhandled.push(reason);
    process.on('unhandledRejection', onUnhandled);
    try {
      const outcome = await importInto(library, { name: 'cut short.docx', bytes: zipSync(files) });
      expect(outcome).toMatchObject({ status: 'failed', failure: 'refused' });
      expect(outcome.status === 'failed' && outcome.error).toMatch(/cut short\.docx.*not well-formed XML.*never closed/);
      expect(counts(library)).toEqual(before);
      await new Promise((resolve) => setTimeout(resolve, 200));
      expect(unhandled).toEqual([]);
    } finally {
      process.off('unhandledRejection', onUnhandled);
      library.close();
    }
  });
});
