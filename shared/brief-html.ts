// A brief as HTML: one pure renderer for the app's print view, the HTML export, the PDF
// (printed by Chromium from this page) and the clipboard. Marks are inline styles, because
// Word and Google Docs keep inline styles on paste and drop stylesheets; text is escaped.
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
 * than the page would make Chromium shrink every page to fit, printing 13 pt as 8.7 pt.
 */
export function printCss(look: DocxLook | null): string {
  const page = look?.page;
  const size = page ? `${twipsToIn(page.width)} ${twipsToIn(page.height)}` : 'Letter';
  const margin = page ? [page.top, page.right, page.bottom, page.left].map(twipsToIn).join(' ') : '1in';
  const font = look?.font ? `'${look.font.replace(/['\\<>]/g, '')}', ${BODY_FONT}` : BODY_FONT;
  return `
@page { size: ${size}; margin: ${margin}; }
html { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
body { font-family: ${font}; font-size: ${look?.sizePt ?? 11}pt; line-height: 1.15; color: #000; margin: 0; overflow-wrap: anywhere; }
main { max-width: 100%; }
main > h1, main > h2, main > h3 { text-align: center; font-weight: bold; margin: 0 0 12pt; break-before: page; break-after: avoid; }
main > :first-child { break-before: auto; }
h1.pocket { font-size: 26pt; border: 1.5pt solid #000; padding: 4pt; }
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

/** The whole page: title, print CSS, optional contents page, and the brief. */
export function briefToHtml(brief: HtmlBrief, options: { contents?: boolean } = {}): string {
  const nodes = brief.doc.content ?? [];
  return [
    '<!DOCTYPE html>',
    '<html lang="en"><head><meta charset="utf-8">',
    `<title>${escapeHtml(brief.title)}</title>`,
    `<style>${printCss(docxLookOf(brief.doc))}</style>`,
    '</head><body>',
    options.contents ? contentsHtml(nodes) : '',
    `<main>${nodesToHtml(nodes)}</main>`,
    '</body></html>',
  ].join('\n');
}

/** Headings and cards as HTML; each heading and tag carries an id the contents page links to. */
export function nodesToHtml(nodes: readonly DocJSON[]): string {
  return nodes.map((node, i) => nodeHtml(node, i)).join('\n');
}

function nodeHtml(node: DocJSON, index: number): string {
  const heading = HEADING_TAGS[node.type];
  if (heading) return `<${heading} class="${node.type}" id="n${index}">${inlineHtml(node)}</${heading}>`;
  if (node.type === 'blank') return '<p class="blank"><br></p>';
  if (node.type === 'analytic') {
    return node.attrs?.heading ? `<h4 class="tag analytic" id="n${index}">${inlineHtml(node)}</h4>` : `<p class="analytic" id="n${index}">${inlineHtml(node)}</p>`;
  }
  if (node.type !== 'card') return '';
  const parts = (node.content ?? []).map((part) => {
    if (part.type === 'tag') return (part.content ?? []).length > 0 ? `<h4 class="tag" id="n${index}">${inlineHtml(part)}</h4>` : '';
    if (part.type === 'undertag') return `<p class="undertag">${inlineHtml(part)}</p>`;
    if (part.type === 'cite') return `<p class="cite">${inlineHtml(part, true)}</p>`;
    return `<div class="body">${(part.content ?? []).map((p) => `<p>${inlineHtml(p)}</p>`).join('')}</div>`;
  });
  return `<section class="card">${parts.join('')}</section>`;
}

/** A textblock's runs; a cite's bold is its short cite, at Verbatim's 13 pt unless the run has its own size. */
function inlineHtml(block: DocJSON, cite = false): string {
  return (block.content ?? []).map((t) => runHtml(t, cite)).join('');
}

function runHtml(text: DocJSON, cite: boolean): string {
  if (text.type === 'marker') return MARKER_HTML;
  const styles: string[] = [];
  const marks = text.marks ?? [];
  const names = new Set(marks.map((m) => m.type));
  const size = marks.find((m) => m.type === 'size');
  const escaped = escapeHtml(text.text ?? '');
  if (cite && names.has('strong')) {
    return `<strong style="font-weight:bold;font-size:${size ? Number(size.attrs?.pt) : 13}pt">${escaped}</strong>`;
  }
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
  return styles.length > 0 ? `<span style="${styles.join(';')}">${escaped}</span>` : escaped;
}

const MARKER_HTML = `<strong class="marker" style="font-weight:bold;color:#${MARKER_COLOUR}">${escapeHtml(MARKER_TEXT)}</strong>`;

function contentsHtml(nodes: readonly DocJSON[]): string {
  const items = nodes.map((node, i) => {
    if (node.type === 'blank' || (node.type === 'analytic' && !node.attrs?.heading)) return '';
    const tagLike = node.type === 'card' || node.type === 'analytic';
    const title = node.type === 'card' ? textOf(node.content?.[0] ?? { type: 'tag' }) : textOf(node);
    const level = tagLike ? 'tag' : node.type;
    return title ? `<li class="${level}"><a href="#n${i}">${escapeHtml(title)}</a></li>` : '';
  });
  return `<nav class="contents"><h1>Contents</h1><ol>${items.join('')}</ol></nav>`;
}
