// A web page (saved file or fetched URL) becomes an article: Readability finds the main text,
// DOMPurify cleans the HTML that is kept before it is read, and the head gives the citation.
// The page is parsed by jsdom without running its scripts or loading anything.
import { Readability } from '@mozilla/readability';
import createDOMPurify from 'dompurify';
import { JSDOM } from 'jsdom';
import type { ArticleFields } from '../../../shared/model.js';
import { isoDate } from '../../../shared/text.js';
import { bylineAuthor, isoFromAny, readPageMetadata } from './html-metadata.js';
import { htmlDepth, MAX_HTML_DEPTH } from './html-depth.js';
import { ImportError } from './import-error.js';
import { dropJunkLines, readByline } from './line-cleanup.js';

const BLOCKS = new Set([
  'P', 'DIV', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'LI', 'BLOCKQUOTE', 'PRE', 'SECTION', 'ARTICLE', 'TR', 'TD', 'TH',
  'UL', 'OL', 'TABLE', 'FIGURE', 'HEADER', 'FOOTER', 'DD', 'DT', 'DL', 'MAIN', 'HR',
]);
// Never article text: captions and credits, controls, embedded code.
const SKIPPED = new Set(['FIGCAPTION', 'SCRIPT', 'STYLE', 'NOSCRIPT', 'BUTTON', 'NAV', 'ASIDE', 'FORM', 'IFRAME', 'SVG', 'TEMPLATE', 'OBJECT', 'EMBED']);

export function articleFromHtml(html: string, options: { source: string; url?: string; sourceKind?: ArticleFields['sourceKind'] }): ArticleFields {
  const pageUrl = options.url ?? '';
  if (htmlDepth(html) > MAX_HTML_DEPTH) {
    throw new ImportError(options.source, `the page's elements are nested more than ${MAX_HTML_DEPTH} deep, so it is damaged or not a web page.`);
  }
  const dom = new JSDOM(html, { url: pageUrl || 'about:blank' });
  try {
    const doc = dom.window.document;
    const meta = readPageMetadata(doc, pageUrl);
    const parsed = new Readability(doc).parse();
    const purify = createDOMPurify(dom.window);
    const safe = purify.sanitize(parsed?.content ?? '', { RETURN_DOM_FRAGMENT: true });
    const title = meta.title || (parsed?.title ?? '').trim();
    let paragraphs = dropJunkLines(blockTexts(safe));
    if (paragraphs[0] === title) paragraphs = paragraphs.slice(1);
    const bylineLine = paragraphs.length > 1 ? readByline(paragraphs[0]!) : null;
    if (bylineLine) paragraphs = paragraphs.slice(1);
    if (paragraphs.length === 0) throw new ImportError(options.source, 'no article text was found in the page.');
    const byline = (parsed?.byline ?? '').trim();
    return {
      title: title || paragraphs[0]!.slice(0, 120),
      authors: meta.authors.length > 0 ? meta.authors : bylineLine ? [bylineLine] : byline && byline.length <= 200 ? [bylineAuthor(byline)] : [],
      publication: meta.publication || (parsed?.siteName ?? '').trim(),
      publishedDate: meta.publishedDate || isoFromAny(parsed?.publishedTime ?? ''),
      url: meta.url,
      accessedDate: isoDate(),
      sourceKind: options.sourceKind ?? 'html',
      text: paragraphs.join('\n\n'),
    };
  } finally {
    dom.window.close();
  }
}

/** The text of each block of a sanitized fragment, whitespace collapsed, in document order. */
function blockTexts(root: Node): string[] {
  const out: string[] = [];
  let current = '';
  const flush = () => {
    const t = current.replace(/\s+/g, ' ').trim();
    if (t) out.push(t);
    current = '';
  };
  const walk = (node: Node): void => {
    if (node.nodeType === 3) {
      current += node.nodeValue ?? '';
      return;
    }
    if (node.nodeType !== 1 && node.nodeType !== 11) return;
    const name = node.nodeType === 1 ? (node as Element).tagName.toUpperCase() : '';
    if (SKIPPED.has(name)) return;
    if (name === 'BR') return flush();
    const block = BLOCKS.has(name);
    if (block) flush();
    node.childNodes.forEach(walk);
    if (block) flush();
  };
  walk(root);
  flush();
  return out;
}
