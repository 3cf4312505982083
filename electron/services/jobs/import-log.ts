// Which files an import has already read, by the hash of their bytes (migration 6): a folder
// import that died mid-way is run again and skips what came in, without parsing it twice.
import { createHash } from 'node:crypto';
import type { Statement } from 'better-sqlite3';
import type { ImportOutcome } from '../../../shared/import-outcome.js';
import type { Db } from '../library/open-library.js';

export type LoggedOutcome = Extract<ImportOutcome, { status: 'imported' | 'duplicate' }>;

interface LogRow {
  source: string;
  kind: 'article' | 'brief';
  item_id: number;
  title: string | null;
}

interface Statements {
  find: Statement<[string], LogRow>;
  record: Statement<[string, string, string, number, number, string]>;
  forget: Statement<[string]>;
}

const prepared = new WeakMap<Db, Statements>();

function statements(db: Db): Statements {
  let s = prepared.get(db);
  if (!s) {
    s = {
      // The title comes from the item itself, so a renamed or deleted brief is seen as such.
      find: db.prepare(`
        SELECT l.source, l.kind, l.item_id,
               CASE l.kind WHEN 'article' THEN (SELECT title FROM articles WHERE id = l.item_id)
                           ELSE (SELECT title FROM briefs WHERE id = l.item_id) END AS title
        FROM import_log l WHERE l.content_hash = ?`),
      record: db.prepare(`
        INSERT INTO import_log (content_hash, source, kind, item_id, cards, imported_at) VALUES (?, ?, ?, ?, ?, ?)
        ON CONFLICT (content_hash) DO UPDATE SET source = excluded.source, kind = excluded.kind,
          item_id = excluded.item_id, cards = excluded.cards, imported_at = excluded.imported_at`),
      forget: db.prepare('DELETE FROM import_log WHERE content_hash = ?'),
    };
    prepared.set(db, s);
  }
  return s;
}

export function contentHash(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/**
 * The outcome of a file whose bytes were imported before, as a duplicate of what it became;
 * null when they were not, or when what they became has since been deleted (then it imports again).
 */
export function previousImport(db: Db, hash: string, source: string): LoggedOutcome | null {
  const s = statements(db);
  const row = s.find.get(hash);
  if (!row) return null;
  if (row.title === null) {
    s.forget.run(hash);
    return null;
  }
  return { source, status: 'duplicate', kind: row.kind, id: row.item_id, title: row.title };
}

/** Records a file's outcome; call it in the transaction that stored the file. */
export function recordImport(db: Db, hash: string, outcome: LoggedOutcome): void {
  const cards = outcome.status === 'imported' ? (outcome.cards ?? 0) : 0;
  statements(db).record.run(hash, outcome.source, outcome.kind, outcome.id, cards, new Date().toISOString());
}
