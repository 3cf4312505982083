// Forward-only schema migrations. Each runs once, in its own transaction, and sets
// PRAGMA user_version to its number. Never edit a released migration: add the next one.
import type Database from 'better-sqlite3';
import { moveCardsToTheirPlaces } from './migrate-to-one-card.js';

export interface Migration {
  version: number;
  sql: string;
  /** Work SQL should not do (documents to rewrite, fields to compute), run after `sql` in the same transaction. */
  up?: (db: Database.Database) => void;
}

// The card search index of migration 3, frozen with it (migration 5 replaces it).
const CARD_FTS_TABLE_V3 = `
  CREATE VIRTUAL TABLE card_fts USING fts5(
    tag, label, author, cite, year, highlighted, underlined, body, headings,
    tokenize = 'porter unicode61 remove_diacritics 2',
    prefix = '2 3 4 5 6'
  );
  INSERT INTO card_fts (card_fts, rank) VALUES ('rank', 'bm25(10.0, 5.0, 4.0, 3.0, 2.0, 3.0, 2.0, 1.0, 2.0)');
`;

// The card search index of migration 5, frozen with it: contentless (the words are stored once, in
// the cards' content; the index keeps only its postings), rows deletable, no prefix indexes (the
// bench shows prefix queries fast enough without them, at a quarter of the size).
const CARD_FTS_TABLE_V5 = `
  CREATE VIRTUAL TABLE card_fts USING fts5(
    tag, label, author, cite, year, body, headings,
    content = '', contentless_delete = 1,
    tokenize = 'porter unicode61 remove_diacritics 2'
  );
`;

/**
 * How the index merges its segments, kept in its own config table. FTS5 keeps new postings in
 * memory until `hashsize` bytes (1 MB by default: a segment every ~150 real-length cards) and
 * merges 4 segments of a level at a time (`automerge`). A 16 MB hash writes ~16 times fewer
 * level-0 segments and merging 8 at a time climbs fewer levels: 15 to 25% less CPU a card for
 * bulk inserts of 30k bench cards, queries unchanged. The hash is
 * memory only while a write transaction holds postings.
 */
const CARD_FTS_TUNING = `
  INSERT INTO card_fts (card_fts, rank) VALUES ('hashsize', 16777216);
  INSERT INTO card_fts (card_fts, rank) VALUES ('automerge', 8);
`;

// The first tier's index of migration 8, frozen with it: what a card is about (every column of
// card_fts but the body), so a search for a name or a claim never reads body postings. Its name
// starts with card_fts so the checks and recovery that pass over the index pass over it too.
const CARD_FTS_ABOUT_TABLE_V8 = `
  CREATE VIRTUAL TABLE card_fts_about USING fts5(
    tag, label, author, cite, year, headings,
    content = '', contentless_delete = 1,
    tokenize = 'porter unicode61 remove_diacritics 2'
  );
`;

/**
 * The card search index today: two tables. Kept apart so the search service can recreate them
 * when a library's index is missing or corrupt. Columns are filled by search-fields.ts; their
 * order is the order of the bm25 weights in card-search.ts.
 */
export const CARD_FTS_TABLES = CARD_FTS_TABLE_V5 + CARD_FTS_TUNING + CARD_FTS_ABOUT_TABLE_V8;

const BRIEF_PLACES_REFRESH = `
  UPDATE card_places SET stale = 1 WHERE brief_id = NEW.id;
  INSERT INTO card_places (brief_id, card_id, headings, stale)
    SELECT brief_id, card_id, headings, 2 FROM brief_card_places WHERE brief_id = NEW.id;
  UPDATE card_fts SET headings = (SELECT headings FROM card_search_source s WHERE s.id = card_fts.rowid)
    WHERE rowid IN (SELECT card_id FROM card_places WHERE brief_id = NEW.id
                    GROUP BY card_id, headings HAVING min(stale) = max(stale));
  DELETE FROM card_places WHERE brief_id = NEW.id AND stale = 1;
  UPDATE card_places SET stale = 0 WHERE brief_id = NEW.id;
`;

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
  {
    // Library search: an FTS5 index over every card, kept in step by triggers in the same
    // transaction as each write, so any writer (the app, the CLI, a worker) keeps it current.
    version: 3,
    sql: `
      -- Where cards sit in briefs: one row per card copy (attrs.cardId), with the brief's title
      -- and the block above it. stale marks rows being replaced while a brief trigger runs.
      CREATE TABLE card_places (
        brief_id INTEGER NOT NULL,
        card_id INTEGER NOT NULL,
        headings TEXT NOT NULL,
        stale INTEGER NOT NULL DEFAULT 0
      );
      CREATE INDEX card_places_brief ON card_places(brief_id);
      CREATE INDEX card_places_card ON card_places(card_id);

      -- A brief is a flat run of nodes: a card belongs to the block heading above it, until
      -- the next pocket, hat or block starts a new section.
      CREATE VIEW brief_card_places AS
      SELECT brief_id, card_id, brief_title || coalesce(char(10) || block_title, '') AS headings
      FROM (
        SELECT brief_id, brief_title, type, card_id,
               max(block_title) OVER (PARTITION BY brief_id, section) AS block_title
        FROM (
          SELECT b.id AS brief_id, b.title AS brief_title, n.value ->> '$.type' AS type,
                 CAST(n.value ->> '$.attrs.cardId' AS INTEGER) AS card_id,
                 CASE WHEN n.value ->> '$.type' = 'block'
                      THEN (SELECT group_concat(t.value ->> '$.text', '') FROM json_each(n.value, '$.content') t) END AS block_title,
                 sum(n.value ->> '$.type' IN ('pocket', 'hat', 'block')) OVER (PARTITION BY b.id ORDER BY n.key) AS section
          FROM briefs b, json_each(b.doc, '$.content') n
        )
      )
      WHERE type = 'card' AND card_id IS NOT NULL;

      -- What the index holds for each card. Text runs split by marks are joined without a space
      -- (a highlight can end mid-word); paragraphs are separated by a newline.
      CREATE VIEW card_search_source AS
      SELECT c.id,
        c.tag,
        coalesce(c.label, '') AS label,
        rtrim(c.short_cite, '0123456789 ''’') || char(10)
          || substr(replace(c.full_cite, '|', ','), 1, instr(replace(c.full_cite, '|', ',') || ',', ',') - 1) || char(10)
          || coalesce((SELECT group_concat(a.value ->> '$.name', char(10)) FROM articles ar, json_each(ar.authors) a WHERE ar.id = c.article_id), '')
          AS author,
        c.short_cite || char(10) || c.full_cite AS cite,
        coalesce(
          (SELECT y.value FROM json_each('[${Array.from({ length: 90 }, (_, i) => 1950 + i).join(',')}]') y
            WHERE instr(c.full_cite, y.value) > 0 ORDER BY instr(c.full_cite, y.value) LIMIT 1),
          CASE WHEN trim(c.short_cite) GLOB '*[^0-9][0-9][0-9]'
               THEN CAST(substr(trim(c.short_cite), -2) AS INTEGER) + CASE WHEN CAST(substr(trim(c.short_cite), -2) AS INTEGER) < 50 THEN 2000 ELSE 1900 END END,
          (SELECT substr(ar.published_date, 1, 4) FROM articles ar WHERE ar.id = c.article_id AND ar.published_date <> ''),
          '') AS year,
        coalesce((SELECT group_concat(t.value ->> '$.text', ' ') FROM json_tree(c.body) t
          WHERE t.type = 'object' AND t.value ->> '$.type' = 'text'
            AND EXISTS (SELECT 1 FROM json_each(t.value, '$.marks') m WHERE m.value ->> '$.type' = 'highlight')), '') AS highlighted,
        coalesce((SELECT group_concat(t.value ->> '$.text', ' ') FROM json_tree(c.body) t
          WHERE t.type = 'object' AND t.value ->> '$.type' = 'text'
            AND EXISTS (SELECT 1 FROM json_each(t.value, '$.marks') m WHERE m.value ->> '$.type' IN ('underline', 'emphasis'))), '') AS underlined,
        ltrim(coalesce((SELECT group_concat(CASE WHEN t.key = 'text' THEN t.value WHEN t.key = 'type' AND t.value = 'paragraph' THEN char(10) END, '')
          FROM json_tree(c.body) t), ''), char(10)) AS body,
        coalesce((SELECT group_concat(DISTINCT p.headings) FROM card_places p WHERE p.card_id = c.id AND p.stale <> 1), '') AS headings
      FROM cards c;

      ${CARD_FTS_TABLE_V3}
      INSERT INTO card_places (brief_id, card_id, headings) SELECT brief_id, card_id, headings FROM brief_card_places;
      INSERT INTO card_fts (rowid, tag, label, author, cite, year, highlighted, underlined, body, headings)
        SELECT * FROM card_search_source;

      CREATE TRIGGER cards_search_insert AFTER INSERT ON cards BEGIN
        INSERT INTO card_fts (rowid, tag, label, author, cite, year, highlighted, underlined, body, headings)
          SELECT * FROM card_search_source WHERE id = NEW.id;
      END;
      CREATE TRIGGER cards_search_update AFTER UPDATE ON cards BEGIN
        DELETE FROM card_fts WHERE rowid = OLD.id;
        INSERT INTO card_fts (rowid, tag, label, author, cite, year, highlighted, underlined, body, headings)
          SELECT * FROM card_search_source WHERE id = NEW.id;
      END;
      CREATE TRIGGER cards_search_delete AFTER DELETE ON cards BEGIN
        DELETE FROM card_fts WHERE rowid = OLD.id;
      END;
      -- Article authors are part of the author field of the cards cut from it.
      CREATE TRIGGER articles_search_update AFTER UPDATE OF authors ON articles BEGIN
        UPDATE card_fts SET author = (SELECT author FROM card_search_source s WHERE s.id = card_fts.rowid)
          WHERE rowid IN (SELECT id FROM cards WHERE article_id = NEW.id);
      END;

      -- A brief write re-indexes only the cards whose place changed: old rows are marked stale,
      -- new ones added as 2, and a (card, headings) pair found on one side only is a change.
      CREATE TRIGGER briefs_search_insert AFTER INSERT ON briefs BEGIN
        ${BRIEF_PLACES_REFRESH}
      END;
      CREATE TRIGGER briefs_search_update AFTER UPDATE OF title, doc ON briefs BEGIN
        ${BRIEF_PLACES_REFRESH}
      END;
      CREATE TRIGGER briefs_search_delete AFTER DELETE ON briefs BEGIN
        UPDATE card_places SET stale = 1 WHERE brief_id = OLD.id;
        UPDATE card_fts SET headings = (SELECT headings FROM card_search_source s WHERE s.id = card_fts.rowid)
          WHERE rowid IN (SELECT card_id FROM card_places WHERE brief_id = OLD.id);
        DELETE FROM card_places WHERE brief_id = OLD.id;
      END;
    `,
  },
  {
    // Cards whose body words were edited away from the source passage ("edit text" in the Cutter).
    version: 4,
    sql: `ALTER TABLE cards ADD COLUMN text_edited INTEGER NOT NULL DEFAULT 0;`,
  },
  {
    // One card, one truth (see ARCHITECTURE.md): every card is one row wherever it lives, its
    // content stored once; briefs keep their outline and point at their cards by uid. Ids are
    // never reused (AUTOINCREMENT); search fields are computed in TypeScript, not by triggers.
    version: 5,
    sql: `
      DROP TRIGGER cards_search_insert;
      DROP TRIGGER cards_search_update;
      DROP TRIGGER cards_search_delete;
      DROP TRIGGER articles_search_update;
      DROP TRIGGER briefs_search_insert;
      DROP TRIGGER briefs_search_update;
      DROP TRIGGER briefs_search_delete;
      DROP VIEW card_search_source;
      DROP VIEW brief_card_places;
      DROP TABLE card_places;
      DROP TABLE card_fts;
      DROP INDEX cards_article;
      DROP INDEX articles_url;
      ALTER TABLE cards RENAME TO cards_v4;
      ALTER TABLE briefs RENAME TO briefs_v4;
      ALTER TABLE articles RENAME TO articles_v4;

      CREATE TABLE articles (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
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
      CREATE INDEX articles_url ON articles(url) WHERE url <> '';
      INSERT INTO articles SELECT * FROM articles_v4;

      CREATE TABLE briefs (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        title TEXT NOT NULL,
        kind TEXT NOT NULL CHECK (kind IN ('brief', 'speech')),
        doc TEXT NOT NULL,              -- JSON outline: headings, and card nodes holding only their uid
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        import_hash TEXT                -- of the document a file import read: a re-import is a duplicate
      );
      CREATE INDEX briefs_import ON briefs(import_hash) WHERE import_hash IS NOT NULL;
      INSERT INTO briefs (id, title, kind, doc, created_at, updated_at) SELECT * FROM briefs_v4;

      CREATE TABLE cards (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        uid TEXT NOT NULL UNIQUE,       -- global, stable across export/import
        brief_id INTEGER REFERENCES briefs(id) ON DELETE CASCADE,  -- NULL: the cut cards
        copied_from TEXT,               -- uid of the card this was copied from
        fingerprint TEXT NOT NULL,      -- cite + body text: the same evidence shares it
        content_hash TEXT NOT NULL,     -- of the stored node: unchanged cards are not rewritten
        tag TEXT NOT NULL,
        label TEXT,
        short_cite TEXT NOT NULL,
        full_cite TEXT NOT NULL,
        content BLOB NOT NULL,          -- deflated JSON of the card node: its one copy
        headings TEXT NOT NULL,         -- pocket › hat › block above it in its brief
        article_id INTEGER REFERENCES articles(id) ON DELETE SET NULL,
        passage_start INTEGER,
        passage_end INTEGER,
        text_edited INTEGER NOT NULL DEFAULT 0,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      );
      CREATE INDEX cards_brief ON cards(brief_id);
      CREATE INDEX cards_article ON cards(article_id) WHERE article_id IS NOT NULL;
      CREATE INDEX cards_fingerprint ON cards(fingerprint);
      CREATE INDEX cards_cut ON cards(updated_at) WHERE brief_id IS NULL;
      ${CARD_FTS_TABLE_V5}
    `,
    up: (db) => {
      moveCardsToTheirPlaces(db);
      db.exec('DROP TABLE cards_v4; DROP TABLE briefs_v4; DROP TABLE articles_v4;');
    },
  },
  {
    // Every file an import has read, by the hash of its bytes, so a folder import that died
    // mid-way resumes where it stopped: files already in are skipped without being parsed.
    version: 6,
    sql: `
      CREATE TABLE import_log (
        content_hash TEXT PRIMARY KEY,  -- sha256 of the file's bytes, hex
        source TEXT NOT NULL,           -- the name it was imported under
        kind TEXT NOT NULL CHECK (kind IN ('article', 'brief')),
        item_id INTEGER NOT NULL,       -- the article or brief it became (or already was)
        cards INTEGER NOT NULL,
        imported_at TEXT NOT NULL
      ) WITHOUT ROWID;
    `,
  },
  {
    // Derived data carries the version of the rules that made it (card-content.ts
    // DERIVED_VERSION): every row so far was made by version 1. And the index's merge policy for
    // bulk writes (CARD_FTS_TUNING); a library whose index is missing or unreadable still opens:
    // the search service rebuilds the index, tuned.
    version: 7,
    sql: `
      ALTER TABLE cards ADD COLUMN derived INTEGER NOT NULL DEFAULT 1;
      CREATE INDEX cards_derived ON cards(derived);
    `,
    up: (db) => {
      try {
        db.exec(CARD_FTS_TUNING);
      } catch {
        // Rebuilt at the first search (search-index.ts).
      }
    },
  },
  {
    // Search's first tier reads its own index (card_fts_about). It starts empty: the search
    // service sees it out of step with the cards and fills it in its worker, while search
    // answers from card_fts as before.
    version: 8,
    sql: CARD_FTS_ABOUT_TABLE_V8,
  },
];

export const LATEST_VERSION = MIGRATIONS[MIGRATIONS.length - 1]!.version;
