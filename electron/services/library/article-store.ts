// Articles: the sources cards are cut from. Statements prepared once; queries are typed methods.
import type Database from 'better-sqlite3';
import type { Article, ArticleFields } from '../../../shared/model.js';
import { LibraryError } from './library-error.js';
import type { Db } from './open-library.js';

interface ArticleRow {
  id: number; title: string; authors: string; publication: string; published_date: string; url: string;
  accessed_date: string; source_kind: Article['sourceKind']; text: string; created_at: string; updated_at: string;
}

const toArticle = (r: ArticleRow): Article => ({
  id: r.id, title: r.title, authors: JSON.parse(r.authors) as Article['authors'], publication: r.publication,
  publishedDate: r.published_date, url: r.url, accessedDate: r.accessed_date, sourceKind: r.source_kind,
  text: r.text, createdAt: r.created_at, updatedAt: r.updated_at,
});
const params = (a: ArticleFields) => ({
  title: a.title, authors: JSON.stringify(a.authors), publication: a.publication, published_date: a.publishedDate,
  url: a.url, accessed_date: a.accessedDate, source_kind: a.sourceKind, text: a.text,
});
type Params = ReturnType<typeof params>;

export function definedOnly<T extends object>(patch: T): Partial<T> {
  return Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined)) as Partial<T>;
}

export class ArticleStore {
  private readonly all: Database.Statement<[], ArticleRow>;
  private readonly one: Database.Statement<[number], ArticleRow>;
  private readonly sameSource: Database.Statement<{ url: string; text: string }, ArticleRow>;
  private readonly insertRow: Database.Statement<Params & { now: string }>;
  private readonly updateRow: Database.Statement<Params & { id: number; now: string }>;
  private readonly deleteRow: Database.Statement<[number]>;
  private readonly countRows: Database.Statement<[], number>;

  constructor(
    db: Db,
    private readonly tx: <T>(fn: () => T) => T,
    /** Told before an article's authors or date change or it goes: the cards cut from it are indexed by them. */
    private readonly onArticleChanging: (articleId: number, change: 'cite-fields' | 'deleted') => void,
  ) {
    this.all = db.prepare('SELECT * FROM articles ORDER BY updated_at DESC, id DESC');
    this.one = db.prepare('SELECT * FROM articles WHERE id = ?');
    this.sameSource = db.prepare("SELECT * FROM articles WHERE (@url <> '' AND url = @url) OR text = @text LIMIT 1");
    const cols = Object.keys(params({ title: '', authors: [], publication: '', publishedDate: '', url: '', accessedDate: '', sourceKind: 'paste', text: '' }));
    this.insertRow = db.prepare(`INSERT INTO articles (${cols.join(', ')}, created_at, updated_at)
      VALUES (${cols.map((c) => '@' + c).join(', ')}, @now, @now)`);
    this.updateRow = db.prepare(`UPDATE articles SET ${cols.map((c) => `${c} = @${c}`).join(', ')}, updated_at = @now WHERE id = @id`);
    this.deleteRow = db.prepare('DELETE FROM articles WHERE id = ?');
    this.countRows = db.prepare('SELECT count(*) FROM articles').pluck() as Database.Statement<[], number>;
  }

  list(): Article[] {
    return this.all.all().map(toArticle);
  }

  get(id: number): Article {
    const row = this.one.get(id);
    if (!row) throw new LibraryError('not-found', `No article with id ${id} in this library.`);
    return toArticle(row);
  }

  /** An article already imported from the same URL, or with the same text. */
  findSameSource(fields: Pick<ArticleFields, 'url' | 'text'>): Article | null {
    const row = this.sameSource.get({ url: fields.url, text: fields.text });
    return row ? toArticle(row) : null;
  }

  insert(fields: ArticleFields): Article {
    return this.tx(() => this.get(Number(this.insertRow.run({ ...params(fields), now: new Date().toISOString() }).lastInsertRowid)));
  }

  update(id: number, patch: Partial<ArticleFields>): Article {
    return this.tx(() => {
      const current = this.get(id);
      const next = { ...current, ...definedOnly(patch) };
      this.updateRow.run({ ...params(next), id, now: new Date().toISOString() });
      if (JSON.stringify(next.authors) !== JSON.stringify(current.authors) || next.publishedDate !== current.publishedDate) {
        this.onArticleChanging(id, 'cite-fields');
      }
      return this.get(id);
    });
  }

  delete(id: number): { deleted: number } {
    return this.tx(() => {
      this.get(id);
      this.onArticleChanging(id, 'deleted');
      if (this.deleteRow.run(id).changes === 0) throw new LibraryError('not-found', `No article with id ${id} in this library.`);
      return { deleted: id };
    });
  }

  count(): number {
    return this.countRows.get()!;
  }
}
