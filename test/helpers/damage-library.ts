// Real damage to a real library file, the way a bad sector or a torn write leaves it: one page
// of the search index overwritten with garbage while the cards, briefs and the header still read.
import Database from 'better-sqlite3';
import fs from 'node:fs';
import { articleFromText } from '../../electron/services/importers/text-importer.js';
import { openLibrarySession, type LibrarySession } from '../../electron/services/library-session.js';
import { Library } from '../../electron/services/library/library.js';
import { tempLibraryPath } from './temp-dir.js';
import { corpusText, type CORPUS } from './corpus.js';

const ARTICLES: (keyof typeof CORPUS)[] = ['ceasefire', 'article001', 'aleppo', 'article004'];

/** Cards cut from every paragraph of four corpus articles: enough words for a many-page index. */
export function fillWithCards(library: Library): void {
  library.transaction(() => {
    for (const name of ARTICLES) {
      const article = library.articles.insert(articleFromText(corpusText(name), { source: name }));
      for (const paragraph of article.text.split('\n\n').filter((p) => p.length > 80)) {
        library.cards.insert({
          tag: `Impact: ${paragraph.slice(0, 40)}`, label: 'Impact', shortCite: 'Choi 21', fullCite: 'Joseph Choi, 9-2, 21, The Hill',
          body: { type: 'body', content: [{ type: 'paragraph', content: [{ type: 'text', text: paragraph }] }] },
          articleId: article.id, passage: null,
        });
      }
    }
  });
}

/**
 * Overwrites the last page of the search index's data with garbage, in a closed library (its
 * -wal checkpointed). Returns the page's number. Searches for most words still answer, so
 * nothing shows the damage until something reads the whole file.
 */
export function damageIndexPage(libraryPath: string): number {
  const db = new Database(libraryPath);
  const pageSize = db.pragma('page_size', { simple: true }) as number;
  const pages = db.prepare("SELECT pageno FROM dbstat WHERE name = 'card_fts_data' ORDER BY pageno").pluck().all() as number[];
  db.close();
  if (pages.length < 3) throw new Error(`The search index of ${libraryPath} has only ${pages.length} pages: too few to damage one alone.`);
  const page = pages[pages.length - 1]!;
  const fd = fs.openSync(libraryPath, 'r+');
  try {
    fs.writeSync(fd, Buffer.alloc(pageSize, 0xa5), 0, pageSize, (page - 1) * pageSize);
  } finally {
    fs.closeSync(fd);
  }
  return page;
}

/** Overwrites the last page of the cards table with garbage, under a library that may be open (a failing disk). */
export function damageCardsPage(libraryPath: string): void {
  const db = new Database(libraryPath, { readonly: true });
  const page = db.prepare("SELECT max(pageno) FROM dbstat WHERE name = 'cards'").pluck().get() as number;
  db.close();
  const fd = fs.openSync(libraryPath, 'r+');
  try {
    fs.writeSync(fd, Buffer.alloc(4096, 0xa5), 0, 4096, (page - 1) * 4096);
  } finally {
    fs.closeSync(fd);
  }
}

/** A library of corpus cards, opened as the app opens it, with its check of the whole file done. */
export async function checkedSessionOfCards(): Promise<{ libraryPath: string; session: LibrarySession }> {
  const libraryPath = tempLibraryPath();
  const library = Library.open(libraryPath);
  fillWithCards(library);
  library.close();
  const session = openLibrarySession(libraryPath, { onBackupError: (err) => { throw err; } });
  await session.checked;
  return { libraryPath, session };
}
