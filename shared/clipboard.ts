// What "copy" puts on the clipboard for a card or a block (a heading with what it owns): rich
// HTML that Word and Google Docs paste with underline, emphasis and highlight intact, and plain
// text for everything else.
import { BODY_FONT, nodesToHtml } from './brief-html.js';
import type { DocJSON } from './model.js';

export interface ClipboardContent {
  html: string;
  text: string;
}

export function clipboardContent(nodes: readonly DocJSON[]): ClipboardContent {
  const html = `<meta charset="utf-8"><div style="font-family:${BODY_FONT.replace(/"/g, "'")};font-size:11pt">${nodesToHtml(nodes)}</div>`;
  return { html, text: nodes.flatMap(plainLines).join('\n\n') };
}

const textOf = (node: DocJSON): string => (node.content ?? []).map((n) => n.text ?? '').join('');

function plainLines(node: DocJSON): string[] {
  if (node.type !== 'card') return [textOf(node)];
  return (node.content ?? []).flatMap((part) => (part.type === 'body' ? (part.content ?? []).map(textOf) : [textOf(part)]));
}
