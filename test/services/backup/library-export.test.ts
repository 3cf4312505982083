import fs from 'node:fs';
import path from 'node:path';
import mammoth from 'mammoth';
import { describe, expect, it } from 'vitest';
import { EXPORT_BRIEFS, EXPORT_JSON, exportLibrary, importLibraryExport, writeLibraryExport } from '../../../electron/services/backup/library-export.js';
import { ImportError } from '../../../electron/services/importers/import-error.js';
import { Library } from '../../../electron/services/library/library.js';
import { tempDir, tempLibraryPath } from '../../helpers/temp-dir.js';
import { fillLibrary } from './fill-library.js';

const withoutStamp = (library: Library) => {
  const { exportedAt: _, ...rest } = exportLibrary(library);
  return rest;
};

async function exported(): Promise<{ original: Library; folder: string; briefs: string[] }> {
  const original = Library.open(tempLibraryPath());
  fillLibrary(original);
  // A gap in the ids and an edited record: both must survive as they are.
  original.cards.delete(original.cards.insert({ tag: 'gone', label: null, shortCite: '', fullCite: '', body: { type: 'body', content: [{ type: 'paragraph' }] }, articleId: null, passage: null }).id);
  original.cards.update(1, { tag: 'Uniqueness: edited' });
  const folder = path.join(tempDir(), 'export');
  const { briefs } = await writeLibraryExport(original, folder);
  return { original, folder, briefs };
}

describe('library export (JSON)', () => {
  it('imports into an empty library reproducing every article, card, brief and setting exactly', async () => {
    const { original, folder } = await exported();
    const copy = Library.open(tempLibraryPath());
    importLibraryExport(copy, folder);
    const want = withoutStamp(original);
    expect(want.articles).toHaveLength(2);
    expect(want.cards.map((c) => c.id)).toEqual([1, 2]);
    expect(withoutStamp(copy)).toEqual(want);
    expect(copy.getSetting('keys.F9')).toBe('underline');
    // The copy carries on like any library: a new id follows every id it holds.
    const top = copy.db.prepare('SELECT max(id) FROM cards').pluck().get() as number;
    expect(copy.cards.insert({ tag: 'next', label: null, shortCite: '', fullCite: '', body: { type: 'body', content: [{ type: 'paragraph' }] }, articleId: 1, passage: null }).id).toBe(top + 1);
    original.close();
    copy.close();
  });

  it('writes every brief as a Verbatim .docx that Word readers open', async () => {
    const { original, folder, briefs } = await exported();
    original.briefs.insert({ title: original.briefs.get(1).title, kind: 'speech', doc: original.briefs.get(1).doc });
    const again = await writeLibraryExport(original, folder);
    expect(briefs).toEqual([path.join(folder, EXPORT_BRIEFS, 'AT- Russia won’t cooperate.docx')]);
    // Same title twice: two files, neither overwritten.
    expect(again.briefs.map((f) => path.basename(f))).toEqual(['AT- Russia won’t cooperate.docx', 'AT- Russia won’t cooperate (2).docx']);
    for (const file of again.briefs) {
      const { value: html } = await mammoth.convertToHtml({ path: file }, { styleMap: ["p[style-name='Tag'] => h4:fresh"] });
      expect(html).toContain('Syria');
      expect(html).toMatch(/Non-unique: Russian mediation in Syria fails/);
      expect(html).toContain('Choi 21');
    }
    original.close();
  });

  it('refuses a library that already holds anything, changing nothing', async () => {
    const { original, folder } = await exported();
    const before = withoutStamp(original);
    expect(() => importLibraryExport(original, folder)).toThrow(/is not empty/);
    expect(withoutStamp(original)).toEqual(before);
    original.close();
  });

  const spoil = (edit: (data: Record<string, unknown[]>) => void) => (file: string) => {
    const data = JSON.parse(fs.readFileSync(file, 'utf8')) as Record<string, unknown[]>;
    edit(data);
    fs.writeFileSync(file, JSON.stringify(data));
  };
  it.each([
    ['truncated JSON', (file: string) => fs.writeFileSync(file, fs.readFileSync(file, 'utf8').slice(0, 500)), /is not JSON/],
    ['a card body outside the schema', spoil((d) => { (d.cards![0] as { body: unknown }).body = { type: 'body', content: [{ type: 'tag' }] }; }), /does not fit the card schema/],
    ['a field this Cardfile does not know', spoil((d) => { (d.briefs![0] as Record<string, unknown>).colour = 'red'; }), /at briefs\.0/],
    ['a card of a missing article', spoil((d) => { (d.cards![0] as { articleId: number }).articleId = 99; }), /do not fit together/],
    ['two cards with one id', spoil((d) => { (d.cards![1] as { id: number }).id = 1; }), /do not fit together/],
  ])('refuses %s with one clear error and imports nothing', async (_what, damage, message) => {
    const { original, folder } = await exported();
    original.close();
    const file = path.join(folder, EXPORT_JSON);
    damage(file);
    const copy = Library.open(tempLibraryPath());
    let error: unknown;
    try {
      importLibraryExport(copy, folder);
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(ImportError);
    expect((error as Error).message).toContain(folder);
    expect((error as Error).message).toMatch(message);
    expect(copy.info()).toMatchObject({ articles: 0, cards: 0, briefs: 0 });
    copy.close();
  });
});
