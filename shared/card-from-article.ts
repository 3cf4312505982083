// A new card cut from an article: the passage verbatim, the cite from the article's metadata.
// The cite here is a stand-in until the import issue's cite builder (with its configurable
// template) lands in shared/cite-builder.ts; then citeOf should call it.
import type { Article, CardFields, Passage } from './model.js';
import { bodyFromPassage } from './passage.js';

// Name suffixes are not last names: "Martin Luther King Jr." cites as King.
const SUFFIX = /^(Jr|Sr|II|III|IV|PhD|MD)\.?$/i;

/** "Ace 21": the first author's last name, or the publication when no person wrote it, and the two-digit year. */
export function shortCiteOf(article: Pick<Article, 'authors' | 'publication' | 'publishedDate'>): string {
  const words = (article.authors[0]?.name ?? '').split(/[\s,]+/).filter((w) => w && !SUFFIX.test(w));
  const who = words[words.length - 1] ?? article.publication.trim();
  const year = /^(\d{4})/.exec(article.publishedDate)?.[1]?.slice(2) ?? '';
  return [who, year].filter(Boolean).join(' ');
}

/** The full cite on one line: authors and qualifications, date, title, publication, URL, accessed date. */
export function fullCiteOf(article: Pick<Article, 'authors' | 'publishedDate' | 'title' | 'publication' | 'url' | 'accessedDate'>): string {
  const authors = article.authors.map((a) => (a.quals ? `${a.name}, ${a.quals}` : a.name)).join('; ');
  const parts = [authors, article.publishedDate, article.title, article.publication, article.url];
  if (article.accessedDate) parts.push(`accessed ${article.accessedDate}`);
  return parts.filter((p) => p.trim().length > 0).join(', ');
}

/** The fields of a card cut from `passage` of the article. */
export function cardFromPassage(article: Article, passage: Passage): CardFields {
  return {
    tag: '',
    label: null,
    shortCite: shortCiteOf(article),
    fullCite: fullCiteOf(article),
    body: bodyFromPassage(article.text, passage),
    articleId: article.id,
    passage,
  };
}
