// Writes to the search index: card_fts (every field, the body too) and card_fts_about (every field
// but the body: search's first tier), both contentless FTS5: they keep the index, not the text.
// The store calls these in the same transaction as the card write, so search never sees a card
// other than as it is stored.
import type Database from 'better-sqlite3';
import type { SearchFields } from './search-fields.js';

type Db = Database.Database;

/** The index's two tables. */
export type IndexTable = 'all' | 'about';
export const BOTH: readonly IndexTable[] = ['all', 'about'];
/** The FTS5 table of each (migrations.ts makes them). */
export const INDEX_TABLE_NAMES: Readonly<Record<IndexTable, string>> = { all: 'card_fts', about: 'card_fts_about' };
const NAMES = BOTH.map((t) => INDEX_TABLE_NAMES[t]);

/** Whether both index tables exist (a library whose index is missing still opens and reads). */
export function indexTablesExist(db: Db): boolean {
  return db.prepare(`SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name IN (${NAMES.map(() => '?').join(', ')})`).pluck().get(...NAMES) === NAMES.length;
}

/** Drops both index tables, to make them again. */
export function dropIndexTables(db: Db): void {
  db.exec(NAMES.map((name) => `DROP TABLE IF EXISTS ${name};`).join(' '));
}

interface TableStatements {
  insertRow: Database.Statement<[number, ...string[]]>;
  deleteRow: Database.Statement<[number]>;
}

const valuesOf: Record<IndexTable, (f: SearchFields) => string[]> = {
  all: (f) => [f.tag, f.label, f.author, f.cite, f.year, f.body, f.headings],
  about: (f) => [f.tag, f.label, f.author, f.cite, f.year, f.headings],
};

export class CardIndex {
  private prepared: Record<IndexTable, TableStatements> | undefined;

  // A library whose index is missing still opens and reads (the search service makes the index
  // again): its statements are prepared at the first write. An index that exists is checked
  // here, at open, as before (a library too damaged to construct it is a case for restore).
  constructor(private readonly db: Db) {
    if (indexTablesExist(db)) this.statements();
  }

  put(id: number, fields: SearchFields, tables: readonly IndexTable[] = BOTH): void {
    for (const table of tables) this.statements()[table].deleteRow.run(id);
    this.add(id, fields, tables);
  }

  /** For a card written for the first time: nothing to delete first. */
  add(id: number, fields: SearchFields, tables: readonly IndexTable[] = BOTH): void {
    for (const table of tables) this.statements()[table].insertRow.run(id, ...valuesOf[table](fields));
  }

  remove(id: number): void {
    for (const table of BOTH) this.statements()[table].deleteRow.run(id);
  }

  private statements(): Record<IndexTable, TableStatements> {
    // Positional: binding by name looks each name up for every card.
    this.prepared ??= {
      all: {
        insertRow: this.db.prepare(`INSERT INTO card_fts (rowid, tag, label, author, cite, year, body, headings) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`),
        deleteRow: this.db.prepare('DELETE FROM card_fts WHERE rowid = ?'),
      },
      about: {
        insertRow: this.db.prepare(`INSERT INTO card_fts_about (rowid, tag, label, author, cite, year, headings) VALUES (?, ?, ?, ?, ?, ?, ?)`),
        deleteRow: this.db.prepare('DELETE FROM card_fts_about WHERE rowid = ?'),
      },
    };
    return this.prepared;
  }
}
