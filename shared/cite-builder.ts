// Cites built from an article's citation fields, with the template language debaters know from
// Cite Creator: %author% %last% %y% %quals% %date% %title% %publication% %url% %accessed%, and
// **...** for bold. A field the article lacks is left out with its separator and label
// ("accessed "), never filled in with a guess.
import { lastName } from './cite-parser.js';
import type { ArticleFields } from './model.js';

export const DEFAULT_CITE_TEMPLATE = '**%last% %y%** (%author%, %quals%, %date%, %title%, %publication%, %url%, accessed %accessed%)';
/** The library setting that holds the debater's template. */
export const CITE_TEMPLATE_SETTING = 'citeTemplate';

export const CITE_FIELDS = ['author', 'last', 'y', 'quals', 'date', 'title', 'publication', 'url', 'accessed'] as const;
export type CiteField = (typeof CITE_FIELDS)[number];

export interface CiteRun {
  text: string;
  bold: boolean;
}

export interface BuiltCite {
  /** Last name (or publication) and two-digit year: 'Choi 21'. */
  shortCite: string;
  /** The template's line after its leading bold part (the short cite), ready for citeNode. */
  fullCite: string;
  /** The whole line as the template formats it. */
  runs: CiteRun[];
}

export type CiteSource = Pick<ArticleFields, 'title' | 'authors' | 'publication' | 'publishedDate' | 'url' | 'accessedDate'>;

export function citeValues(article: CiteSource): Record<CiteField, string> {
  const names = article.authors.map((a) => a.name.trim()).filter(Boolean);
  const last = names.length > 0 ? lastName(names[0]!) : article.publication.trim();
  return {
    author: names.length <= 2 ? names.join(' and ') : `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`,
    last,
    y: /^\d{4}/.test(article.publishedDate) ? article.publishedDate.slice(2, 4) : '',
    quals: article.authors.map((a) => a.quals.trim()).filter(Boolean).join('; '),
    date: debateDate(article.publishedDate),
    title: article.title.trim(),
    publication: article.publication.trim(),
    url: article.url.trim(),
    accessed: debateDate(article.accessedDate),
  };
}

export function shortCiteOf(article: CiteSource): string {
  const v = citeValues(article);
  return [v.last, v.y].filter(Boolean).join(' ');
}

export function buildCite(article: CiteSource, template: string = DEFAULT_CITE_TEMPLATE): BuiltCite {
  const runs = renderTemplate(template, citeValues(article));
  const leadingBold = runs[0]?.bold ? runs[0].text : '';
  const fullCite = runs.slice(leadingBold ? 1 : 0).map((r) => r.text).join('').trim();
  return { shortCite: shortCiteOf(article), fullCite, runs };
}

/** Dates as debaters write them: 9-15-2021, September 2021, 2021. */
export function debateDate(iso: string): string {
  const m = iso.match(/^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?/);
  if (!m) return '';
  const [, year, month, day] = m;
  if (month && day) return `${+month}-${+day}-${year}`;
  if (month) return `${MONTH_NAMES[+month - 1] ?? ''} ${year}`.trim();
  return year!;
}

const MONTH_NAMES = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

type Token = { literal: string } | { field: CiteField };

function tokenize(template: string): Token[] {
  const tokens: Token[] = [];
  const re = new RegExp(`%(${CITE_FIELDS.join('|')})%`, 'g');
  let at = 0;
  for (const m of template.matchAll(re)) {
    tokens.push({ literal: template.slice(at, m.index) }, { field: m[1] as CiteField });
    at = m.index + m[0].length;
  }
  tokens.push({ literal: template.slice(at) });
  return tokens;
}

const SEPARATOR = /^[\s,;:|.–—-]*$/;
const LABEL = /(^|[,;:|(\[])(\s*)\p{L}+(?: \p{L}+)*\s*$/u;

/**
 * Fills the template. An empty field takes its label (the words just before it, as in
 * ", accessed ") and one separator beside it away, so no ", ," or "accessed )" is left.
 */
export function renderTemplate(template: string, values: Record<CiteField, string>): CiteRun[] {
  const tokens = tokenize(template).map((t) => ('literal' in t ? t.literal : values[t.field]));
  let previousFilled = false;
  // Fields sit at odd indices, literals at even ones.
  for (let i = 1; i < tokens.length; i += 2) {
    if (tokens[i]) {
      previousFilled = true;
      continue;
    }
    const left = tokens[i - 1]!.replace(LABEL, '$1$2');
    const right = tokens[i + 1]!;
    tokens[i - 1] = left;
    if (SEPARATOR.test(left) && previousFilled) tokens[i - 1] = '';
    else if (SEPARATOR.test(right)) tokens[i + 1] = '';
    else if (SEPARATOR.test(left)) tokens[i - 1] = '';
    previousFilled = false;
  }
  const line = tokens
    .join('')
    .replace(/\(\s*\)|\[\s*\]/g, '')
    .replace(/\*\*\s*\*\*/g, '')
    .replace(/([(\[])[\s,;:|–—-]+/g, '$1')
    .replace(/[\s,;:|–—-]+([)\]])/g, '$1')
    .replace(/[ \t]+/g, ' ')
    .trim()
    .replace(/^[,;:|–—-]\s*|\s*[,;:|–—-]$/g, '');
  return line.split('**').flatMap((text, i) => (text ? [{ text, bold: i % 2 === 1 }] : []));
}
