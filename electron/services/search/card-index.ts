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

  // A library whose index is missing still opens and reads (the search service makes the index
  // again): its statements are prepared at the first write. An index that exists is checked
  // here, at open, as before (a library too damaged to construct it is a case for restore).
  constructor(private readonly db: Db) {
    if (db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'card_fts'").get()) this.statements();
  }

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
