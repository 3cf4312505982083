// Citation metadata from a web page's head: scholarly citation_* tags first (the most exact),
// then JSON-LD (NewsArticle and kin), Open Graph and article:* tags, plain meta tags, and
// byline elements. A field no source gives stays ''.
import type { Author } from '../../../shared/model.js';

export interface PageMetadata {
  title: string;
  authors: Author[];
  publication: string;
  publishedDate: string;
  url: string;
}

const ARTICLE_TYPES = /^(NewsArticle|Article|BlogPosting|ReportageNewsArticle|OpinionNewsArticle|AnalysisNewsArticle|ScholarlyArticle|Report|BackgroundNewsArticle|TechArticle)$/;

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type JsonObject = { [key: string]: Json };

export function readPageMetadata(doc: Document, pageUrl: string): PageMetadata {
  const metas = (name: string): string[] =>
    [...doc.querySelectorAll('meta')]
      .filter((m) => (m.getAttribute('name') ?? m.getAttribute('property') ?? m.getAttribute('itemprop') ?? '').toLowerCase() === name)
      .map((m) => clean(m.getAttribute('content') ?? ''))
      .filter((v) => v !== '');
  const meta = (...names: string[]): string => names.map((n) => metas(n)[0] ?? '').find((v) => v !== '') ?? '';
  const ld = jsonLdArticle(doc);

  const publication =
    meta('citation_journal_title', 'citation_conference_title', 'citation_publisher') ||
    text(ld?.['publisher'], 'name') ||
    meta('og:site_name', 'application-name', 'dc.publisher');

  const title =
    meta('citation_title') || str(ld?.['headline']) || str(ld?.['name']) || meta('og:title', 'twitter:title', 'dc.title') ||
    siteSuffixRemoved(clean(doc.title), publication);

  const authors = firstNonEmpty([
    metas('citation_author').map((name) => ({ name: naturalOrder(name), quals: '' })),
    ldAuthors(ld?.['author']),
    metas('article:author').filter((a) => !/^https?:/.test(a)).map(bylineAuthor),
    metas('author').filter((a) => !/^https?:/.test(a)).map(bylineAuthor),
    metas('dc.creator').map(bylineAuthor),
    metas('byl').map(bylineAuthor),
    bylineElements(doc),
  ]);

  const publishedDate = isoFromAny(
    meta('citation_publication_date', 'citation_date', 'citation_online_date') ||
      str(ld?.['datePublished']) ||
      meta('article:published_time', 'og:published_time', 'date', 'dc.date', 'dc.date.issued', 'pubdate', 'publishdate', 'sailthru.date') ||
      (doc.querySelector('time[datetime]')?.getAttribute('datetime') ?? ''),
  );

  const canonical = doc.querySelector('link[rel="canonical"]')?.getAttribute('href') ?? '';
  const url = [meta('citation_public_url', 'citation_abstract_html_url', 'og:url'), str(ld?.['url']), canonical]
    .map((u) => absoluteHttpUrl(u, pageUrl))
    .find((u) => u !== '') ?? absoluteHttpUrl(pageUrl, pageUrl);

  return { title, authors, publication, publishedDate, url };
}

/** An ISO date ('2021-09-15', '2021-09', '2021') from the forms pages use; '' when unreadable. */
export function isoFromAny(value: string): string {
  const v = value.trim();
  let m: RegExpMatchArray | null;
  if ((m = v.match(/^(\d{4})[-/](\d{1,2})[-/](\d{1,2})/))) return `${m[1]}-${m[2]!.padStart(2, '0')}-${m[3]!.padStart(2, '0')}`;
  if ((m = v.match(/^(\d{4})[-/](\d{1,2})$/))) return `${m[1]}-${m[2]!.padStart(2, '0')}`;
  if ((m = v.match(/^(\d{4})$/))) return m[1]!;
  // "D:20210915..." (PDF) and "20210915"
  if ((m = v.match(/^(?:D:)?(\d{4})(\d{2})(\d{2})/))) return `${m[1]}-${m[2]}-${m[3]}`;
  if ((m = v.match(/^(?:D:)?(\d{4})(\d{2})?$/))) return m[2] ? `${m[1]}-${m[2]}` : m[1]!;
  const parsed = new Date(v);
  if (v === '' || Number.isNaN(parsed.getTime())) return '';
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${parsed.getFullYear()}-${pad(parsed.getMonth() + 1)}-${pad(parsed.getDate())}`;
}

function jsonLdArticle(doc: Document): JsonObject | undefined {
  const found: JsonObject[] = [];
  const visit = (node: Json): void => {
    if (Array.isArray(node)) return node.forEach(visit);
    if (node === null || typeof node !== 'object') return;
    const type = node['@type'];
    if ((Array.isArray(type) ? type : [type]).some((t) => typeof t === 'string' && ARTICLE_TYPES.test(t))) found.push(node);
    if (node['@graph']) visit(node['@graph']);
  };
  for (const script of doc.querySelectorAll('script[type="application/ld+json"]')) {
    try {
      visit(JSON.parse(script.textContent ?? '') as Json);
    } catch {
      // A page's broken JSON-LD is its own problem; the other sources still count.
    }
  }
  return found[0];
}

function ldAuthors(value: Json | undefined): Author[] {
  const list = Array.isArray(value) ? value : value === undefined || value === null ? [] : [value];
  return list
    .map((a): Author => {
      if (typeof a === 'string') return bylineAuthor(a);
      if (a && typeof a === 'object' && !Array.isArray(a)) {
        return { name: clean(str(a['name'])), quals: clean(str(a['jobTitle']) || str(a['description'])) };
      }
      return { name: '', quals: '' };
    })
    .filter((a) => a.name !== '' && !/^https?:/.test(a.name));
}

function bylineElements(doc: Document): Author[] {
  const el = doc.querySelector('[rel="author"], [itemprop="author"], .byline, .author-name, .author');
  const raw = clean(el?.textContent ?? '');
  return raw && raw.length <= 200 ? [bylineAuthor(raw)] : [];
}

/** "By Jane Doe, Senior Fellow at Brookings" → name and qualifications. */
export function bylineAuthor(raw: string): Author {
  const s = clean(raw).replace(/^by\s+/i, '');
  const cut = s.search(/\s*[,|–—]\s+|\s+-\s+/);
  if (cut < 0) return { name: s, quals: '' };
  const name = s.slice(0, cut).trim();
  const quals = s.slice(cut).replace(/^\s*[,|–—-]\s*/, '').trim();
  return { name, quals };
}

// citation_author is often "Last, First".
function naturalOrder(name: string): string {
  const m = name.match(/^([^,]+),\s*([^,]+)$/);
  return m ? `${m[2]} ${m[1]}` : name;
}

function siteSuffixRemoved(title: string, site: string): string {
  const parts = title.split(/\s+[|–—-]\s+/);
  if (parts.length < 2) return title;
  const last = parts[parts.length - 1]!;
  return site === '' || last.toLowerCase() === site.toLowerCase() || last.length < 30 ? parts.slice(0, -1).join(' - ') : title;
}

function absoluteHttpUrl(candidate: string, base: string): string {
  if (!candidate) return '';
  try {
    const u = new URL(candidate, base || undefined);
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.href : '';
  } catch {
    return '';
  }
}

function firstNonEmpty<T>(lists: T[][]): T[] {
  return lists.find((l) => l.length > 0) ?? [];
}

function str(value: Json | undefined): string {
  if (typeof value === 'string') return value;
  if (Array.isArray(value)) return str(value[0]);
  return '';
}

function text(value: Json | undefined, key: string): string {
  if (value && typeof value === 'object' && !Array.isArray(value)) return clean(str(value[key]));
  return clean(str(value));
}

function clean(s: string): string {
  return s.replace(/\s+/g, ' ').trim();
}
