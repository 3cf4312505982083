// A brief as HTML: one pure renderer for the app's print view, the HTML export, the PDF
// (printed by Chromium from this page) and the clipboard. Marks are inline styles, because
// Word and Google Docs keep inline styles on paste and drop stylesheets; text is escaped.
import { highlightCss } from './highlight-colours.js';
import type { DocJSON } from './model.js';

export interface HtmlBrief {
  title: string;
  doc: DocJSON;
}

const HEADING_TAGS: Record<string, string> = { pocket: 'h1', hat: 'h2', block: 'h3' };

export const BODY_FONT = "Calibri, Carlito, 'Liberation Sans', Arial, sans-serif";

export const PRINT_CSS = `
@page { size: Letter; margin: 0.75in 0.75in 0.9in; }
html { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
body { font-family: ${BODY_FONT}; font-size: 11pt; line-height: 1.25; color: #000; margin: 0; }
main > h1, main > h2, main > h3 { text-align: center; font-weight: bold; margin: 0 0 12pt; break-before: page; break-after: avoid; }
main > :first-child { break-before: auto; }
h1.pocket { font-size: 26pt; border: 1.5pt solid #000; padding: 4pt; }
h2.hat { font-size: 22pt; text-decoration: underline double; }
h3.block { font-size: 16pt; text-decoration: underline; }
h4.tag { font-size: 13pt; font-weight: bold; margin: 14pt 0 0; break-after: avoid; }
p.cite { margin: 0 0 2pt; break-after: avoid; }
p.cite strong { font-size: 13pt; }
.body p { margin: 0 0 6pt; }
nav.contents { break-after: page; }
nav.contents h1 { font-size: 20pt; text-align: center; margin: 0 0 12pt; }
nav.contents ol { list-style: none; padding: 0; margin: 0; }
nav.contents li { margin: 2pt 0; }
nav.contents a { color: #000; text-decoration: none; }
nav.contents .hat { padding-left: 1.5em; } nav.contents .block { padding-left: 3em; } nav.contents .tag { padding-left: 4.5em; font-size: 10pt; }
`;

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
    `<style>${PRINT_CSS}</style>`,
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
  if (heading) return `<${heading} class="${node.type}" id="n${index}">${escapeHtml(textOf(node))}</${heading}>`;
  if (node.type !== 'card') return '';
  const parts = (node.content ?? []).map((part) => {
    if (part.type === 'tag') return `<h4 class="tag" id="n${index}">${escapeHtml(textOf(part))}</h4>`;
    if (part.type === 'cite') return `<p class="cite">${citeHtml(part)}</p>`;
    return bodyHtml(part);
  });
  return `<section class="card">${parts.join('')}</section>`;
}

function citeHtml(cite: DocJSON): string {
  return (cite.content ?? [])
    .map((t) => {
      const text = escapeHtml(t.text ?? '');
      return t.marks?.some((m) => m.type === 'strong') ? `<strong style="font-weight:bold;font-size:13pt">${text}</strong>` : text;
    })
    .join('');
}

function bodyHtml(body: DocJSON): string {
  const shrinkPt = typeof body.attrs?.shrinkPt === 'number' ? body.attrs.shrinkPt : null;
  const paragraphs = (body.content ?? []).map((p) => `<p>${(p.content ?? []).map((t) => runHtml(t, shrinkPt)).join('')}</p>`);
  return `<div class="body">${paragraphs.join('')}</div>`;
}

function runHtml(text: DocJSON, shrinkPt: number | null): string {
  const styles: string[] = [];
  const names = new Set((text.marks ?? []).map((m) => m.type));
  if (names.has('emphasis')) styles.push('font-weight:bold', 'text-decoration:underline');
  else if (names.has('underline')) styles.push('text-decoration:underline');
  else if (shrinkPt) styles.push(`font-size:${shrinkPt}pt`);
  const highlight = text.marks?.find((m) => m.type === 'highlight');
  if (highlight) {
    const css = highlightCss(String(highlight.attrs?.colour ?? ''));
    styles.push(`background-color:${css.background}`, `color:${css.text}`);
  }
  const escaped = escapeHtml(text.text ?? '');
  return styles.length > 0 ? `<span style="${styles.join(';')}">${escaped}</span>` : escaped;
}

function contentsHtml(nodes: readonly DocJSON[]): string {
  const items = nodes.map((node, i) => {
    const title = node.type === 'card' ? textOf(node.content?.[0] ?? { type: 'tag' }) : textOf(node);
    const level = node.type === 'card' ? 'tag' : node.type;
    return title ? `<li class="${level}"><a href="#n${i}">${escapeHtml(title)}</a></li>` : '';
  });
  return `<nav class="contents"><h1>Contents</h1><ol>${items.join('')}</ol></nav>`;
}
