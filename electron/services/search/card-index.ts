// Writes to the search index (card_fts, contentless FTS5: it keeps the index, not the text).
// The store calls these in the same transaction as the card write, so search never sees a card
// other than as it is stored.
import type Database from 'better-sqlite3';
import type { SearchFields } from './search-fields.js';

type Db = Database.Database;

export class CardIndex {
  private readonly insertRow: Database.Statement<SearchFields & { id: number }>;
  private readonly deleteRow: Database.Statement<[number]>;

  constructor(db: Db) {
    this.insertRow = db.prepare(`INSERT INTO card_fts (rowid, tag, label, author, cite, year, body, headings)
      VALUES (@id, @tag, @label, @author, @cite, @year, @body, @headings)`);
    this.deleteRow = db.prepare('DELETE FROM card_fts WHERE rowid = ?');
  }

  put(id: number, fields: SearchFields): void {
    this.deleteRow.run(id);
    this.insertRow.run({ id, ...fields });
  }

  /** For a card written for the first time: nothing to delete first. */
  add(id: number, fields: SearchFields): void {
    this.insertRow.run({ id, ...fields });
  }

  remove(id: number): void {
    this.deleteRow.run(id);
  }
}
