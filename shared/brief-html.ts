// A brief as HTML: one pure renderer for the app's print view, the HTML export, the PDF
// (printed by Chromium from this page) and the clipboard. On the clipboard marks are inline
// styles, because Word and Google Docs keep inline styles on paste and drop stylesheets; a whole
// page names each distinct style once as a class (a 300-card brief: 5.8 MB of markup became
// about a third, and Chromium lays it out and prints it that much sooner). Text is escaped.
import { highlightCss } from './highlight-colours.js';
import type { DocJSON } from './model.js';
import { docxLookOf, MARKER_COLOUR, MARKER_TEXT, type DocxLook } from './schema.js';

export interface HtmlBrief {
  title: string;
  doc: DocJSON;
}

const HEADING_TAGS: Record<string, string> = { pocket: 'h1', hat: 'h2', block: 'h3' };

export const BODY_FONT = "Calibri, Carlito, 'Liberation Sans', Arial, sans-serif";

const twipsToIn = (twips: number): string => `${Number((twips / 1440).toFixed(3))}in`;

/**
 * The print CSS: the page of the Word file the brief came from (Letter stays Letter), its font
 * and size, else Verbatim's. Long unbreakable text (171-character URLs) wraps: content wider
 * than the page would make Chromium shrink every page to fit, printing 13 pt as 8.7 pt. Page
 * numbers are a page margin box: Chromium's footer template built, scripted and painted a page
 * of its own for every printed page (a second of a 366-page PDF's four). Underlines run through
 * descenders as Word draws them: Chromium's skip-ink cuts each underline around every descender,
 * which the PDF carries as a clip path per underline (a 300-card brief: 2.3 MB and 0.9 s).
 */
export function printCss(look: DocxLook | null, pocketPageBreaks = false): string {
  const page = look?.page;
  const size = page ? `${twipsToIn(page.width)} ${twipsToIn(page.height)}` : 'Letter';
  const margin = page ? [page.top, page.right, page.bottom, page.left].map(twipsToIn).join(' ') : '1in';
  const font = look?.font ? `'${look.font.replace(/['\\<>]/g, '')}', ${BODY_FONT}` : BODY_FONT;
  return `
@page { size: ${size}; margin: ${margin};
  @bottom-center { content: "Page " counter(page) " of " counter(pages); font-family: ${BODY_FONT}; font-size: 9pt; } }
html { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
body { font-family: ${font}; font-size: ${look?.sizePt ?? 11}pt; line-height: 1.15; color: #000; margin: 0; overflow-wrap: anywhere; text-decoration-skip-ink: none; }
main { max-width: 100%; }
main > h1, main > h2, main > h3 { text-align: center; font-weight: bold; margin: 0 0 12pt; break-after: avoid; }
${pocketPageBreaks ? 'main > h1.pocket { break-before: page; }\nmain > :first-child { break-before: auto; }\n' : ''}h1.pocket { font-size: 26pt; border: 1.5pt solid #000; padding: 4pt; }
h2.hat { font-size: 22pt; text-decoration: underline double; }
h3.block { font-size: 16pt; text-decoration: underline; }
h4.tag { font-size: 13pt; font-weight: bold; margin: 2pt 0 0; break-after: avoid; }
p { margin: 0; }
p.analytic { font-size: 12pt; font-weight: bold; }
p.cite, p.undertag { break-after: avoid; }
nav.contents { break-after: page; }
nav.contents h1 { font-size: 20pt; text-align: center; margin: 0 0 12pt; }
nav.contents ol { list-style: none; padding: 0; margin: 0; }
nav.contents li { margin: 2pt 0; }
nav.contents a { color: #000; text-decoration: none; }
nav.contents .hat { padding-left: 1.5em; } nav.contents .block { padding-left: 3em; } nav.contents .tag { padding-left: 4.5em; font-size: 10pt; }
`;
}

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

const textOf = (node: DocJSON): string => (node.content ?? []).map((n) => n.text ?? '').join('');

export interface BriefHtmlOptions {
  /** A contents page first, linking to every heading and tag. */
  contents?: boolean;
  /** Each pocket starts a new page, as Verbatim prints when asked; off, the brief runs on. */
  pocketPageBreaks?: boolean;
}

/** The whole page: title, print CSS, optional contents page, and the brief. */
export function briefToHtml(brief: HtmlBrief, options: BriefHtmlOptions = {}): string {
  const nodes = brief.doc.content ?? [];
  const classes = new Map<string, string>();
  const main = nodesToHtml(nodes, (css) => {
    let name = classes.get(css);
    if (!name) classes.set(css, (name = `m${classes.size}`));
    return `class="${name}"`;
  });
  const markCss = [...classes].map(([css, name]) => `.${name} { ${css}; }`).join('\n');
  return [
    '<!DOCTYPE html>',
    '<html lang="en"><head><meta charset="utf-8">',
    `<title>${escapeHtml(brief.title)}</title>`,
    `<style>${printCss(docxLookOf(brief.doc), options.pocketPageBreaks)}${markCss}</style>`,
    '</head><body>',
    options.contents ? contentsHtml(nodes) : '',
    `<main>${main}</main>`,
    '</body></html>',
  ].join('\n');
}

/** How a run's CSS ('font-weight:bold;font-size:8pt') is put on its element: an attribute. */
type StyleAttribute = (css: string) => string;

const inlineStyle: StyleAttribute = (css) => `style="${css}"`;

/** Headings and cards as HTML; each heading and tag carries an id the contents page links to. */
export function nodesToHtml(nodes: readonly DocJSON[], style: StyleAttribute = inlineStyle): string {
  return nodes.map((node, i) => nodeHtml(node, i, style)).join('\n');
}

function nodeHtml(node: DocJSON, index: number, style: StyleAttribute): string {
  const heading = HEADING_TAGS[node.type];
  if (heading) return `<${heading} class="${node.type}" id="n${index}">${inlineHtml(node, style)}</${heading}>`;
  if (node.type === 'blank') return '<p class="blank"><br></p>';
  if (node.type === 'analytic') {
    return node.attrs?.heading ? `<h4 class="tag analytic" id="n${index}">${inlineHtml(node, style)}</h4>` : `<p class="analytic" id="n${index}">${inlineHtml(node, style)}</p>`;
  }
  if (node.type !== 'card') return '';
  const parts = (node.content ?? []).map((part) => {
    if (part.type === 'tag') return (part.content ?? []).length > 0 ? `<h4 class="tag" id="n${index}">${inlineHtml(part, style)}</h4>` : '';
    if (part.type === 'undertag') return `<p class="undertag">${inlineHtml(part, style)}</p>`;
    if (part.type === 'cite') return `<p class="cite">${inlineHtml(part, style, true)}</p>`;
    return `<div class="body">${(part.content ?? []).map((p) => `<p>${inlineHtml(p, style)}</p>`).join('')}</div>`;
  });
  return `<section class="card">${parts.join('')}</section>`;
}

/**
 * A textblock's runs, neighbours with the same look in one element (a card cut a few words at a
 * time has many); a cite's bold is its short cite, at Verbatim's 13 pt unless the run has its own size.
 */
function inlineHtml(block: DocJSON, style: StyleAttribute, cite = false): string {
  let html = '';
  let open: { tag: string; css: string; text: string } | null = null;
  const close = (): void => {
    if (open) html += open.css ? `<${open.tag} ${style(open.css)}>${escapeHtml(open.text)}</${open.tag}>` : escapeHtml(open.text);
    open = null;
  };
  for (const run of block.content ?? []) {
    if (run.type === 'marker') {
      close();
      html += MARKER_HTML;
      continue;
    }
    const look = runLook(run, cite);
    if (open && open.tag === look.tag && open.css === look.css) open.text += run.text ?? '';
    else {
      close();
      open = { ...look, text: run.text ?? '' };
    }
  }
  close();
  return html;
}

function runLook(text: DocJSON, cite: boolean): { tag: string; css: string } {
  const styles: string[] = [];
  const marks = text.marks ?? [];
  const names = new Set(marks.map((m) => m.type));
  const size = marks.find((m) => m.type === 'size');
  if (cite && names.has('strong')) return { tag: 'strong', css: `font-weight:bold;font-size:${size ? Number(size.attrs?.pt) : 13}pt` };
  if (names.has('emphasis')) styles.push('font-weight:bold', 'text-decoration:underline');
  else {
    if (names.has('strong')) styles.push('font-weight:bold');
    if (names.has('underline')) styles.push('text-decoration:underline');
  }
  if (size) styles.push(`font-size:${Number(size.attrs?.pt)}pt`);
  const highlight = marks.find((m) => m.type === 'highlight');
  if (highlight) {
    const css = highlightCss(String(highlight.attrs?.colour ?? ''));
    styles.push(`background-color:${css.background}`, `color:${css.text}`);
  }
  return { tag: 'span', css: styles.join(';') };
}

const MARKER_HTML = `<strong class="marker" style="font-weight:bold;color:#${MARKER_COLOUR}">${escapeHtml(MARKER_TEXT)}</strong>`;

/** A heading or tag the contents page lists (and a PDF bookmarks), with the id it links to. */
export interface ContentsEntry {
  id: string;
  level: 'pocket' | 'hat' | 'block' | 'tag';
  title: string;
}

/** The brief's headings, cards' tags and heading analytics, in order: the contents page and the PDF outline. */
export function contentsEntries(nodes: readonly DocJSON[]): ContentsEntry[] {
  const entries: ContentsEntry[] = [];
  nodes.forEach((node, i) => {
    const level = node.type === 'card' || (node.type === 'analytic' && node.attrs?.heading) ? 'tag' : HEADING_TAGS[node.type] ? (node.type as ContentsEntry['level']) : null;
    const title = level === null ? '' : node.type === 'card' ? textOf(node.content?.[0] ?? { type: 'tag' }) : textOf(node);
    if (level && title) entries.push({ id: `n${i}`, level, title });
  });
  return entries;
}

function contentsHtml(nodes: readonly DocJSON[]): string {
  const items = contentsEntries(nodes).map(({ id, level, title }) => `<li class="${level}"><a href="#${id}">${escapeHtml(title)}</a></li>`);
  return `<nav class="contents"><h1>Contents</h1><ol>${items.join('')}</ol></nav>`;
}
