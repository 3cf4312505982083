import type Database from 'better-sqlite3';
import type { LibraryInfo } from '../../../shared/model.js';
import { CardIndex } from '../search/card-index.js';
import { ArticleStore } from './article-store.js';
import { BriefStore } from './brief-store.js';
import { CardStore } from './card-store.js';
import { openLibrary, schemaVersion, type Db } from './open-library.js';

/**
 * The library store: one SQLite file. Every write is one IMMEDIATE transaction (see open-library
 * for the busy timeout), so the app, browser mode and the CLI can write to one library at once.
 */
export class Library {
  readonly articles: ArticleStore;
  readonly cards: CardStore;
  readonly briefs: BriefStore;
  private readonly readSetting: Database.Statement<[string], { value: string }>;
  private readonly writeSetting: Database.Statement<[string, string]>;

  private constructor(readonly path: string, readonly db: Db) {
    // A store operation checks its input before its first write, so inside a caller's transaction
    // it needs no savepoint of its own: the caller's transaction lands or not. A savepoint per
    // card would also make FTS5 flush its pending postings into a new segment per card (about
    // half again the index's cost in a bulk insert).
    const tx = <T>(fn: () => T): T => (db.inTransaction ? fn() : this.transaction(fn));
    this.cards = new CardStore(db, tx, new CardIndex(db));
    this.articles = new ArticleStore(db, tx, (id, change) => this.cards.articleChanging(id, change));
    this.briefs = new BriefStore(db, tx, this.cards);
    this.readSetting = db.prepare('SELECT value FROM settings WHERE key = ?');
    this.writeSetting = db.prepare('INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value');
  }

  static open(path: string): Library {
    return new Library(path, openLibrary(path));
  }

  /**
   * Runs fn in one transaction: all of its writes land, or none do. IMMEDIATE takes the write
   * lock before the first read, so a commit by another process in between cannot end it with
   * SQLITE_BUSY_SNAPSHOT (which ignores the busy timeout); nested calls become savepoints.
   */
  transaction<T>(fn: () => T): T {
    return this.db.transaction(fn).immediate();
  }

  info(): LibraryInfo {
    return {
      path: this.path, schemaVersion: schemaVersion(this.db),
      articles: this.articles.count(), cards: this.cards.count(), briefs: this.briefs.count(),
    };
  }

  getSetting<T>(key: string): T | undefined {
    const row = this.readSetting.get(key);
    return row ? (JSON.parse(row.value) as T) : undefined;
  }

  setSetting(key: string, value: unknown): void {
    this.transaction(() => this.writeSetting.run(key, JSON.stringify(value)));
  }

  close(): void {
    if (this.db.open) this.db.close();
  }
}
