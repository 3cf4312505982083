import type { Article, ArticleFields, Brief, BriefFields, Card, CardFields, LibraryInfo } from '../../../shared/model.js';
import { nodeFromJSON } from '../../../shared/schema.js';
import { LibraryError } from './library-error.js';
import { openLibrary, schemaVersion, type Db } from './open-library.js';

interface ArticleRow {
  id: number; title: string; authors: string; publication: string; published_date: string; url: string;
  accessed_date: string; source_kind: Article['sourceKind']; text: string; created_at: string; updated_at: string;
}
interface CardRow {
  id: number; tag: string; label: string | null; short_cite: string; full_cite: string; body: string;
  article_id: number | null; passage_start: number | null; passage_end: number | null; text_edited: number;
  created_at: string; updated_at: string;
}
interface BriefRow { id: number; title: string; kind: Brief['kind']; doc: string; created_at: string; updated_at: string }

const toArticle = (r: ArticleRow): Article => ({
  id: r.id, title: r.title, authors: JSON.parse(r.authors) as Article['authors'], publication: r.publication,
  publishedDate: r.published_date, url: r.url, accessedDate: r.accessed_date, sourceKind: r.source_kind,
  text: r.text, createdAt: r.created_at, updatedAt: r.updated_at,
});
const articleParams = (a: ArticleFields) => ({
  title: a.title, authors: JSON.stringify(a.authors), publication: a.publication, published_date: a.publishedDate,
  url: a.url, accessed_date: a.accessedDate, source_kind: a.sourceKind, text: a.text,
});

const toCard = (r: CardRow): Card => ({
  id: r.id, tag: r.tag, label: r.label, shortCite: r.short_cite, fullCite: r.full_cite,
  body: JSON.parse(r.body) as Card['body'], articleId: r.article_id,
  passage: r.passage_start === null || r.passage_end === null ? null : { start: r.passage_start, end: r.passage_end },
  textEdited: r.text_edited === 1, createdAt: r.created_at, updatedAt: r.updated_at,
});
const cardParams = (c: CardFields) => ({
  tag: c.tag, label: c.label, short_cite: c.shortCite, full_cite: c.fullCite, body: JSON.stringify(checkNode(c.body, 'body')),
  article_id: c.articleId, passage_start: c.passage?.start ?? null, passage_end: c.passage?.end ?? null,
  text_edited: c.textEdited ? 1 : 0,
});

const toBrief = (r: BriefRow): Brief => ({
  id: r.id, title: r.title, kind: r.kind, doc: JSON.parse(r.doc) as Brief['doc'], createdAt: r.created_at, updatedAt: r.updated_at,
});
const briefParams = (b: BriefFields) => ({ title: b.title, kind: b.kind, doc: JSON.stringify(checkNode(b.doc, 'doc')) });

function checkNode<T extends { type: string }>(json: T, type: string): T {
  if (json.type !== type) throw new LibraryError('invalid', `Expected a ${type} document, got "${json.type}".`);
  try {
    nodeFromJSON(json);
  } catch (err) {
    throw new LibraryError('invalid', `The ${type} document does not fit the card schema: ${(err as Error).message}`);
  }
  return json;
}

/** One table's insert/update/select, written once for articles, cards and briefs. */
class Table<Fields, Rec extends { id: number }, Row> {
  constructor(
    private readonly db: Db,
    private readonly name: string,
    private readonly noun: string,
    private readonly toRecord: (row: Row) => Rec,
    private readonly toParams: (fields: Fields) => Record<string, unknown>,
  ) {}

  list(where = '', params: Record<string, unknown> = {}): Rec[] {
    const rows = this.db.prepare(`SELECT * FROM ${this.name} ${where} ORDER BY updated_at DESC, id DESC`).all(params) as Row[];
    return rows.map(this.toRecord);
  }

  get(id: number): Rec {
    const row = this.db.prepare(`SELECT * FROM ${this.name} WHERE id = ?`).get(id) as Row | undefined;
    if (!row) throw new LibraryError('not-found', `No ${this.noun} with id ${id} in this library.`);
    return this.toRecord(row);
  }

  insert(fields: Fields): Rec {
    return this.db.transaction(() => this.insertNow(fields))();
  }

  private insertNow(fields: Fields): Rec {
    const params = this.toParams(fields);
    const now = new Date().toISOString();
    const cols = Object.keys(params);
    const sql = `INSERT INTO ${this.name} (${cols.join(', ')}, created_at, updated_at)
                 VALUES (${cols.map((c) => '@' + c).join(', ')}, @now, @now)`;
    const info = this.db.prepare(sql).run({ ...params, now });
    return this.get(Number(info.lastInsertRowid));
  }

  update(id: number, patch: Partial<Fields>): Rec {
    return this.db.transaction(() => this.updateNow(id, patch))();
  }

  private updateNow(id: number, patch: Partial<Fields>): Rec {
    const current = this.get(id);
    const params = this.toParams({ ...current, ...definedOnly(patch) } as Fields);
    const sets = Object.keys(params).map((c) => `${c} = @${c}`).join(', ');
    this.db.prepare(`UPDATE ${this.name} SET ${sets}, updated_at = @now WHERE id = @id`).run({ ...params, id, now: new Date().toISOString() });
    return this.get(id);
  }

  delete(id: number): { deleted: number } {
    const info = this.db.prepare(`DELETE FROM ${this.name} WHERE id = ?`).run(id);
    if (info.changes === 0) throw new LibraryError('not-found', `No ${this.noun} with id ${id} in this library.`);
    return { deleted: id };
  }

  count(): number {
    return (this.db.prepare(`SELECT count(*) AS n FROM ${this.name}`).get() as { n: number }).n;
  }
}

function definedOnly<T extends object>(patch: T): Partial<T> {
  return Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined)) as Partial<T>;
}

/** The library store: one SQLite file, every write one transaction. */
export class Library {
  readonly articles: Table<ArticleFields, Article, ArticleRow>;
  readonly cards: Table<CardFields, Card, CardRow>;
  readonly briefs: Table<BriefFields, Brief, BriefRow>;

  private constructor(readonly path: string, readonly db: Db) {
    this.articles = new Table(db, 'articles', 'article', toArticle, articleParams);
    this.cards = new Table(db, 'cards', 'card', toCard, cardParams);
    this.briefs = new Table(db, 'briefs', 'brief', toBrief, briefParams);
  }

  static open(path: string): Library {
    return new Library(path, openLibrary(path));
  }

  /** Runs fn in one transaction: all of its writes land, or none do. */
  transaction<T>(fn: () => T): T {
    return this.db.transaction(fn)();
  }

  info(): LibraryInfo {
    return {
      path: this.path, schemaVersion: schemaVersion(this.db),
      articles: this.articles.count(), cards: this.cards.count(), briefs: this.briefs.count(),
    };
  }

  getSetting<T>(key: string): T | undefined {
    const row = this.db.prepare('SELECT value FROM settings WHERE key = ?').get(key) as { value: string } | undefined;
    return row ? (JSON.parse(row.value) as T) : undefined;
  }

  setSetting(key: string, value: unknown): void {
    this.db.prepare('INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value')
      .run(key, JSON.stringify(value));
  }

  close(): void {
    if (this.db.open) this.db.close();
  }
}
