import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { LibraryError } from '../../../electron/services/library/library-error.js';
import { Library } from '../../../electron/services/library/library.js';
import { LATEST_VERSION, MIGRATIONS } from '../../../electron/services/library/migrations.js';
import { APPLICATION_ID, openLibrary } from '../../../electron/services/library/open-library.js';
import { checkIndex, rebuildIndex } from '../../../electron/services/search/search-index.js';
import { bodyFromParagraphs } from '../../../shared/schema.js';
import { tempDir, tempLibraryPath } from '../../helpers/temp-dir.js';

const ARTICLE = {
  title: 'Russia: US seeking ‘de facto partition’ of Syria through occupation',
  authors: [{ name: 'Press TV', quals: '' }],
  publication: 'Press TV', publishedDate: '2021-09-15', url: 'https://www.presstv.ir/Detail/2021/09/15/666',
  accessedDate: '2026-11-23', sourceKind: 'url' as const,
  text: 'Russian Deputy Foreign Minister Sergei Ryabkov has denounced the illegal US military presence in Syria.',
};
const CARD = {
  tag: 'Russia opposes the US in Syria now', label: null, shortCite: 'Press TV 21', fullCite: 'Press TV, September 15, 2021',
  body: bodyFromParagraphs(['Ryabkov has denounced the illegal US military presence in Syria.']), articleId: null, passage: null,
};

function sha(file: string): string {
  return fs.readFileSync(file).toString('base64');
}

describe('the library store', () => {
  it('creates a new library with WAL, foreign keys, its application id and the latest schema', () => {
    const file = tempLibraryPath();
    const library = Library.open(file);
    expect(library.db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(library.db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(library.db.pragma('application_id', { simple: true })).toBe(APPLICATION_ID);
    expect(library.info()).toEqual({ path: file, schemaVersion: LATEST_VERSION, articles: 0, cards: 0, briefs: 0 });
    library.close();
  });

  it('creates, reads, updates, lists and deletes articles, cards and briefs, and keeps them after reopening', () => {
    const file = tempLibraryPath();
    let library = Library.open(file);
    const article = library.articles.insert(ARTICLE);
    const card = library.cards.insert({ ...CARD, articleId: article.id, passage: { start: 0, end: 40 } });
    const brief = library.briefs.insert({ title: 'Russia aff', kind: 'brief', doc: { type: 'doc', content: [{ type: 'block', content: [{ type: 'text', text: 'AT: Russia' }] }] } });
    expect(article).toMatchObject(ARTICLE);
    expect(card).toMatchObject({ ...CARD, articleId: article.id, passage: { start: 0, end: 40 } });

    const updated = library.cards.update(card.id, { tag: 'Non-unique: Russia opposes the US', label: 'Non-unique' });
    expect(updated.tag).toBe('Non-unique: Russia opposes the US');
    expect(updated.shortCite).toBe('Press TV 21');
    library.close();

    library = Library.open(file);
    expect(library.articles.list()).toEqual([article]);
    expect(library.cards.get(card.id)).toEqual(updated);
    expect(library.briefs.get(brief.id)).toEqual(brief);
    expect(library.cards.delete(card.id)).toEqual({ deleted: card.id });
    expect(() => library.cards.get(card.id)).toThrow(LibraryError);
    expect(() => library.cards.delete(card.id)).toThrow(/No card with id/);
    library.close();
  });

  it('unlinks cards from a deleted article instead of deleting the evidence', () => {
    const library = Library.open(tempLibraryPath());
    const article = library.articles.insert(ARTICLE);
    const card = library.cards.insert({ ...CARD, articleId: article.id });
    library.articles.delete(article.id);
    expect(library.cards.get(card.id).articleId).toBeNull();
    library.close();
  });

  it.each([
    ['a body that is not a body', { type: 'doc', content: [] }],
    ['a body with an unknown mark', { type: 'body', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'x', marks: [{ type: 'bold' }] }] }] }],
    ['an empty body', { type: 'body', content: [] }],
  ])('refuses %s and writes nothing', (_name, body) => {
    const library = Library.open(tempLibraryPath());
    expect(() => library.cards.insert({ ...CARD, body })).toThrow(LibraryError);
    expect(library.cards.count()).toBe(0);
    library.close();
  });

  it('rolls back every write of a failed transaction', () => {
    const library = Library.open(tempLibraryPath());
    expect(() => library.transaction(() => {
      library.articles.insert(ARTICLE);
      library.cards.insert({ ...CARD, articleId: 9999 }); // no such article: foreign key fails
    })).toThrow();
    expect(library.info()).toMatchObject({ articles: 0, cards: 0 });
    library.close();
  });

  it('keeps settings as JSON', () => {
    const library = Library.open(tempLibraryPath());
    expect(library.getSetting('wpm')).toBeUndefined();
    library.setSetting('wpm', 250);
    library.setSetting('wpm', 300);
    library.setSetting('keys', { underline: 'F9' });
    expect(library.getSetting('wpm')).toBe(300);
    expect(library.getSetting('keys')).toEqual({ underline: 'F9' });
    library.close();
  });
});

describe('migrations', () => {
  it('are numbered 1, 2, 3… with no gaps', () => {
    expect(MIGRATIONS.map((m) => m.version)).toEqual(MIGRATIONS.map((_m, i) => i + 1));
  });

  it.each(MIGRATIONS.slice(0, -1).map((m) => m.version))('upgrade a library from version %i keeping its data', (from) => {
    const file = tempLibraryPath();
    const old = openLibrary(file, { upToVersion: from });
    expect(old.pragma('user_version', { simple: true })).toBe(from);
    old.prepare(`INSERT INTO articles (title, authors, publication, published_date, url, accessed_date, source_kind, text, created_at, updated_at)
                 VALUES ('Old article', '[]', 'TASS', '2021-09-15', '', '2021-09-20', 'paste', 'Text kept across upgrades.', '2021-09-20T10:00:00Z', '2021-09-20T10:00:00Z')`).run();
    old.close();

    const library = Library.open(file);
    expect(library.info().schemaVersion).toBe(LATEST_VERSION);
    expect(library.articles.list()).toMatchObject([{ title: 'Old article', publication: 'TASS', text: 'Text kept across upgrades.' }]);
    expect(library.db.pragma('integrity_check', { simple: true })).toBe('ok');
    library.close();
  });

  it('give a new library, an upgraded one and a rebuilt index the index merge policy for bulk writes', () => {
    const tuning = (db: Database.Database) => db.prepare("SELECT k, v FROM card_fts_config WHERE k IN ('hashsize', 'automerge') ORDER BY k").all();
    const tuned = [{ k: 'automerge', v: 8 }, { k: 'hashsize', v: 16777216 }];
    const fresh = Library.open(tempLibraryPath());
    expect(tuning(fresh.db)).toEqual(tuned);
    rebuildIndex(fresh.db, fresh.cards);
    expect(tuning(fresh.db)).toEqual(tuned);
    fresh.close();
    const file = tempLibraryPath();
    openLibrary(file, { upToVersion: 6 }).close();
    const upgraded = Library.open(file);
    expect(tuning(upgraded.db)).toEqual(tuned);
    upgraded.close();
  });

  it('open a library whose search index is gone: the search service rebuilds it', () => {
    const file = tempLibraryPath();
    const old = openLibrary(file, { upToVersion: 6 });
    old.exec('DROP TABLE card_fts');
    old.close();
    const library = Library.open(file);
    expect(library.info().schemaVersion).toBe(LATEST_VERSION);
    expect(checkIndex(library.db)).toBe('missing');
    library.close();
  });
});

describe('files that are not a library are refused and left untouched', () => {
  const cases: [string, (file: string) => void, RegExp][] = [
    ['a text file', (f) => fs.writeFileSync(f, 'Russia opposes the US in Syria now\n'), /not a SQLite database/],
    ['binary junk', (f) => fs.writeFileSync(f, Buffer.from(Array.from({ length: 4096 }, (_v, i) => (i * 7919) % 256))), /not a SQLite database/],
    ['another program’s SQLite database', (f) => {
      const db = new Database(f);
      db.exec('CREATE TABLE contacts (name TEXT)');
      db.close();
    }, /another program/],
    ['a library from a newer Cardfile', (f) => {
      const db = openLibrary(f);
      db.pragma(`user_version = ${LATEST_VERSION + 5}`);
      db.pragma('journal_mode = DELETE');
      db.close();
    }, /newer Cardfile/],
    ['a truncated library', (f) => {
      const db = openLibrary(f);
      db.prepare("INSERT INTO settings (key, value) VALUES ('x', ?)").run(JSON.stringify('y'.repeat(20_000)));
      db.pragma('journal_mode = DELETE');
      db.close();
      const bytes = fs.readFileSync(f);
      fs.writeFileSync(f, bytes.subarray(0, 100));
    }, /could not be read|not a Cardfile/],
  ];

  it.each(cases)('%s', (_name, make, message) => {
    const file = path.join(tempDir(), 'library.cardfile');
    make(file);
    const before = sha(file);
    const siblings = fs.readdirSync(path.dirname(file));
    let error: unknown;
    try {
      Library.open(file).close();
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(LibraryError);
    expect((error as Error).message).toMatch(message);
    expect((error as Error).message).toContain(file);
    expect(sha(file)).toBe(before);
    expect(fs.readdirSync(path.dirname(file))).toEqual(siblings);
  });

  it('a folder named like a library', () => {
    const dir = path.join(tempDir(), 'library.cardfile');
    fs.mkdirSync(dir);
    expect(() => Library.open(dir)).toThrow(/is not a file/);
  });
});
