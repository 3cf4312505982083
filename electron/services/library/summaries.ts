// The library's lists as pages of summaries: what a list shows, never whole texts, so a list
// call costs the same for fifty long articles as for fifty short ones.
import type { Statement } from 'better-sqlite3';
import type { Article } from '../../../shared/model.js';
import type { ArticleSummary } from '../../../shared/summaries.js';
import type { Db } from './open-library.js';

export interface PageRequest {
  offset: number;
  limit: number;
}

interface SummaryRow {
  id: number; title: string; authors: string; publication: string; published_date: string; url: string;
  accessed_date: string; source_kind: Article['sourceKind']; chars: number; created_at: string; updated_at: string;
}

interface Statements {
  articles: Statement<[number, number], SummaryRow>;
}

const prepared = new WeakMap<Db, Statements>();

function statements(db: Db): Statements {
  let s = prepared.get(db);
  if (!s) {
    s = {
      articles: db.prepare(`
        SELECT id, title, authors, publication, published_date, url, accessed_date, source_kind,
               length(text) AS chars, created_at, updated_at
        FROM articles ORDER BY updated_at DESC, id DESC LIMIT ? OFFSET ?`),
    };
    prepared.set(db, s);
  }
  return s;
}

/** A page of article summaries, newest first. */
export function articleSummaries(db: Db, page: PageRequest): ArticleSummary[] {
  return statements(db).articles.all(page.limit, page.offset).map((r) => ({
    id: r.id, title: r.title, authors: JSON.parse(r.authors) as Article['authors'], publication: r.publication,
    publishedDate: r.published_date, url: r.url, accessedDate: r.accessed_date, sourceKind: r.source_kind,
    chars: r.chars, createdAt: r.created_at, updatedAt: r.updated_at,
  }));
}
