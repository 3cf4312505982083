// Writes to the search index (card_fts, contentless FTS5: it keeps the index, not the text).
// The store calls these in the same transaction as the card write, so search never sees a card
// other than as it is stored.
import type Database from 'better-sqlite3';
import type { SearchFields } from './search-fields.js';

type Db = Database.Database;

interface Statements {
  insertRow: Database.Statement<[number, ...string[]]>;
  deleteRow: Database.Statement<[number]>;
}

export class CardIndex {
  private prepared: Statements | undefined;

  // Prepared at the first write, not at open: a library whose index is missing or corrupt still
  // opens and reads, and the search service rebuilds the index.
  constructor(private readonly db: Db) {}

  put(id: number, fields: SearchFields): void {
    this.statements().deleteRow.run(id);
    this.add(id, fields);
  }

  /** For a card written for the first time: nothing to delete first. */
  add(id: number, f: SearchFields): void {
    this.statements().insertRow.run(id, f.tag, f.label, f.author, f.cite, f.year, f.body, f.headings);
  }

  remove(id: number): void {
    this.statements().deleteRow.run(id);
  }

  private statements(): Statements {
    this.prepared ??= {
      // Positional: binding by name looks each of the eight names up for every card.
      insertRow: this.db.prepare(`INSERT INTO card_fts (rowid, tag, label, author, cite, year, body, headings)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?)`),
      deleteRow: this.db.prepare('DELETE FROM card_fts WHERE rowid = ?'),
    };
    return this.prepared;
  }
}
