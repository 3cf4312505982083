// A new card cut from an article: the passage verbatim, the cite built from the article's
// metadata with the debater's cite template.
import { buildCite, DEFAULT_CITE_TEMPLATE } from './cite-builder.js';
import type { Article, CardFields, Passage } from './model.js';
import { bodyFromPassage } from './passage.js';

/** The fields of a card cut from `passage` of the article. */
export function cardFromPassage(article: Article, passage: Passage, citeTemplate: string = DEFAULT_CITE_TEMPLATE): CardFields {
  const { shortCite, fullCite } = buildCite(article, citeTemplate);
  return { tag: '', label: null, shortCite, fullCite, body: bodyFromPassage(article.text, passage), articleId: article.id, passage };
}
