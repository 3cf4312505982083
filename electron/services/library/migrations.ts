// Forward-only schema migrations. Each runs once, in its own transaction, and sets
// PRAGMA user_version to its number. Never edit a released migration: add the next one.

export interface Migration {
  version: number;
  sql: string;
}

export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    sql: `
      CREATE TABLE articles (
        id INTEGER PRIMARY KEY,
        title TEXT NOT NULL,
        authors TEXT NOT NULL,          -- JSON array of {name, quals}
        publication TEXT NOT NULL,
        published_date TEXT NOT NULL,
        url TEXT NOT NULL,
        accessed_date TEXT NOT NULL,
        source_kind TEXT NOT NULL,
        text TEXT NOT NULL,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      );
      CREATE TABLE cards (
        id INTEGER PRIMARY KEY,
        tag TEXT NOT NULL,
        label TEXT,
        short_cite TEXT NOT NULL,
        full_cite TEXT NOT NULL,
        body TEXT NOT NULL,             -- JSON of a schema 'body' node
        article_id INTEGER REFERENCES articles(id) ON DELETE SET NULL,
        passage_start INTEGER,
        passage_end INTEGER,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      );
      CREATE INDEX cards_article ON cards(article_id);
      CREATE TABLE briefs (
        id INTEGER PRIMARY KEY,
        title TEXT NOT NULL,
        kind TEXT NOT NULL CHECK (kind IN ('brief', 'speech')),
        doc TEXT NOT NULL,              -- JSON of a schema 'doc' node
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      );
    `,
  },
  {
    version: 2,
    sql: `
      CREATE TABLE settings (
        key TEXT PRIMARY KEY,
        value TEXT NOT NULL             -- JSON
      );
      CREATE INDEX articles_url ON articles(url) WHERE url <> '';
    `,
  },
];

export const LATEST_VERSION = MIGRATIONS[MIGRATIONS.length - 1]!.version;
