// What lists send: enough to show and choose an item, never its full text.
import type { Article } from './model.js';

/** An article without its text; `chars` says how long the text is. getArticle gives the text. */
export type ArticleSummary = Omit<Article, 'text'> & { chars: number };

