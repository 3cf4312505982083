// What the search index holds for a card, computed once in TypeScript when the card is written,
// by the same cite parser the importers and the Cite Creator use. Nothing here lives in SQL.
import { parseCite, type ParsedCite } from '../../../shared/cite-parser.js';
import { fullYear } from './query-parser.js';

/** Index columns, in the order of card_fts (migrations.ts) and of the bm25 weights. */
export interface SearchFields {
  tag: string;
  label: string;
  author: string;
  cite: string;
  year: string;
  body: string;
  headings: string;
}

export interface CardForIndex {
  tag: string;
  label: string | null;
  shortCite: string;
  fullCite: string;
  bodyText: string;
  /** Brief title and headings above the card; '' for cut cards. */
  headings: string;
  /** parseCite(fullCite)'s author and date, when a parts thread has read them already. */
  citeFacts?: CiteFacts | undefined;
}

/** What the index takes from a parsed full cite. */
export type CiteFacts = Pick<ParsedCite, 'author' | 'isoDate'>;

/** The facts of a full cite, as the index reads them: made where the card's other parts are. */
export function citeFactsOf(fullCite: string): CiteFacts {
  const { author, isoDate } = parseCite(fullCite);
  return { author, isoDate };
}

export interface ArticleForIndex {
  authors: readonly string[];
  publishedDate: string;
}

// A two-digit year at the end of a short cite ("Choi 21", "Choi '21"); "Boersma & Jain 3/28" has
// none: two digits after a date's separator are a day or a month.
const SHORT_CITE_YEAR = /(?:^|[^\d/.-])['’]?(\d{2})\s*$/;
const FOUR_DIGIT_YEAR = /\b(1[89]\d\d|20\d\d)\b/;

/** The year a card is from: its full cite's date, else its short cite's two digits, else its article's date. */
export function yearOf(shortCite: string, fullCite: string, publishedDate = '', parsed: CiteFacts = parseCite(fullCite)): string {
  if (parsed.isoDate) return parsed.isoDate.slice(0, 4);
  const four = FOUR_DIGIT_YEAR.exec(fullCite)?.[1];
  if (four) return four;
  const two = SHORT_CITE_YEAR.exec(shortCite.trim())?.[1];
  if (two) return String(fullYear(two));
  return /^\d{4}/.test(publishedDate) ? publishedDate.slice(0, 4) : '';
}

/** Who wrote it: the short cite's name part, the parsed full cite's author, and the article's authors. */
export function authorsOf(shortCite: string, fullCite: string, articleAuthors: readonly string[] = [], parsed: CiteFacts = parseCite(fullCite)): string {
  const shortName = shortCite.replace(/['’]?\d{1,4}(?:[-/.]\d{1,4})*\s*$/, '').trim();
  const names = [shortName, parsed.author, ...articleAuthors].filter((n) => n !== '');
  return [...new Set(names)].join('\n');
}

export function searchFields(card: CardForIndex, article: ArticleForIndex | null): SearchFields {
  const parsed = card.citeFacts ?? parseCite(card.fullCite);
  return {
    tag: card.tag,
    label: card.label ?? '',
    author: authorsOf(card.shortCite, card.fullCite, article?.authors ?? [], parsed),
    cite: `${card.shortCite}\n${card.fullCite}`,
    year: yearOf(card.shortCite, card.fullCite, article?.publishedDate ?? '', parsed),
    body: card.bodyText,
    headings: card.headings,
  };
}
