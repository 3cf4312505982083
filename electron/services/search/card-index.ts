// Writes to the search index (card_fts, contentless FTS5: it keeps the index, not the text).
// The store calls these in the same transaction as the card write, so search never sees a card
// other than as it is stored.
import type Database from 'better-sqlite3';
import type { SearchFields } from './search-fields.js';

type Db = Database.Database;

export class CardIndex {
  private readonly insertRow: Database.Statement<[number, ...string[]]>;
  private readonly deleteRow: Database.Statement<[number]>;

  constructor(db: Db) {
    // Positional: binding by name looks each of the eight names up for every card.
    this.insertRow = db.prepare(`INSERT INTO card_fts (rowid, tag, label, author, cite, year, body, headings)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?)`);
    this.deleteRow = db.prepare('DELETE FROM card_fts WHERE rowid = ?');
  }

  put(id: number, fields: SearchFields): void {
    this.deleteRow.run(id);
    this.add(id, fields);
  }

  /** For a card written for the first time: nothing to delete first. */
  add(id: number, f: SearchFields): void {
    this.insertRow.run(id, f.tag, f.label, f.author, f.cite, f.year, f.body, f.headings);
  }

  remove(id: number): void {
    this.deleteRow.run(id);
  }
}
