// The article in the Cutter as a read-only ProseMirror document: a caret and keyboard selection
// (Shift+arrows, Ctrl+Shift+arrows, Shift+Home/End) like Word, and a selection that maps back to
// offsets in article.text. Each paragraph holds the exact slice of the text it starts at, so a
// position inside it is its `start` plus the offset; line breaks inside a paragraph (hard-wrapped
// text) are shown as spaces, which keeps every offset.
import { Schema, type Node as PMNode } from 'prosemirror-model';
import { Plugin } from 'prosemirror-state';
import type { Passage } from './model.js';
import { paragraphSpans, trimPassage } from './passage.js';

export const articleSchema = new Schema({
  nodes: {
    doc: { content: 'paragraph+' },
    paragraph: {
      content: 'text*',
      attrs: { start: { default: 0 } },
      toDOM: (node) => ['p', { 'data-start': String(node.attrs.start) }, 0],
    },
    text: {},
  },
});

/** The article text as paragraphs, each knowing where it starts in the text. */
export function articleDoc(text: string): PMNode {
  const paragraphs = paragraphSpans(text).map((span) => {
    const slice = text.slice(span.start, span.end).replace(/[\r\n]/g, ' ');
    return articleSchema.nodes.paragraph!.create({ start: span.start }, slice ? articleSchema.text(slice) : null);
  });
  return articleSchema.nodes.doc!.create(null, paragraphs.length > 0 ? paragraphs : [articleSchema.nodes.paragraph!.create()]);
}

/** The offset in the article text of a document position (between paragraphs: the next one's start). */
export function textOffsetAt(doc: PMNode, pos: number): number {
  const $pos = doc.resolve(pos);
  if ($pos.depth === 0) {
    if ($pos.index(0) < doc.childCount) return doc.child($pos.index(0)).attrs.start as number;
    const last = doc.lastChild!;
    return (last.attrs.start as number) + last.content.size;
  }
  return ($pos.parent.attrs.start as number) + $pos.parentOffset;
}

/** The document position of a text offset (in a paragraph gap: the start of the next paragraph). */
export function positionOfOffset(doc: PMNode, offset: number): number {
  let found = doc.content.size - 1;
  let done = false;
  doc.forEach((paragraph, pos) => {
    if (done) return;
    const start = paragraph.attrs.start as number;
    if (offset <= start + paragraph.content.size) {
      found = pos + 1 + Math.max(0, offset - start);
      done = true;
    }
  });
  return found;
}

/** The passage a selection covers, trimmed of whitespace; null when it covers no text. */
export function passageBetween(doc: PMNode, from: number, to: number, text: string): Passage | null {
  if (from === to) return null;
  return trimPassage(text, { start: textOffsetAt(doc, Math.min(from, to)), end: textOffsetAt(doc, Math.max(from, to)) });
}

/** The article's words never change: every edit is refused, while selection moves freely. */
export function readOnly(): Plugin {
  return new Plugin({ filterTransaction: (tr) => !tr.docChanged });
}
