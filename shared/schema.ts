import { Schema, type Node as PMNode } from 'prosemirror-model';
import type { DocJSON } from './model.js';

export const DEFAULT_HIGHLIGHT = 'cyan';

// Word's highlight palette (w:highlight values): the colours a Verbatim file can carry.
export const HIGHLIGHT_COLOURS = [
  'yellow', 'green', 'cyan', 'magenta', 'blue', 'red', 'darkBlue', 'darkCyan',
  'darkGreen', 'darkMagenta', 'darkRed', 'darkYellow', 'darkGray', 'lightGray', 'black',
] as const;
export type HighlightColour = (typeof HIGHLIGHT_COLOURS)[number];

/**
 * The one document model. A brief is a flat run of headings and cards, as in Verbatim
 * (Pocket > Hat > Block > Tag are heading levels, not nesting), so moving a heading is
 * moving a range and Word round-trips stay one-to-one.
 */
export const schema = new Schema({
  nodes: {
    doc: { content: '(pocket | hat | block | card)*' },
    pocket: { content: 'text*', marks: '', defining: true, toDOM: () => ['h1', { class: 'pocket' }, 0], parseDOM: [{ tag: 'h1' }] },
    hat: { content: 'text*', marks: '', defining: true, toDOM: () => ['h2', { class: 'hat' }, 0], parseDOM: [{ tag: 'h2' }] },
    block: { content: 'text*', marks: '', defining: true, toDOM: () => ['h3', { class: 'block' }, 0], parseDOM: [{ tag: 'h3' }] },
    // A card without cite and body is an analytic: the debater's own argument.
    card: {
      content: 'tag cite? body?',
      // cardId: the card's uid (null until the store assigns one); copiedFrom: the uid it was copied from.
      attrs: { cardId: { default: null }, copiedFrom: { default: null } },
      isolating: true,
      toDOM: () => ['section', { class: 'card' }, 0],
      parseDOM: [{ tag: 'section.card' }],
    },
    tag: { content: 'text*', marks: '', toDOM: () => ['h4', { class: 'tag' }, 0], parseDOM: [{ tag: 'h4' }] },
    cite: { content: 'text*', marks: 'strong', toDOM: () => ['p', { class: 'cite' }, 0], parseDOM: [{ tag: 'p.cite' }] },
    // shrinkPt: the size of unmarked ("shrunk") text; null leaves it at the normal size.
    body: {
      content: 'paragraph+',
      attrs: { shrinkPt: { default: null } },
      toDOM: (node) => ['div', { class: 'body', 'data-shrink': node.attrs.shrinkPt ?? '' }, 0],
      parseDOM: [{ tag: 'div.body' }],
    },
    paragraph: { content: 'text*', marks: 'underline emphasis highlight', toDOM: () => ['p', 0], parseDOM: [{ tag: 'p' }] },
    text: {},
  },
  marks: {
    strong: { toDOM: () => ['strong', 0], parseDOM: [{ tag: 'strong' }, { tag: 'b' }] },
    underline: { toDOM: () => ['u', 0], parseDOM: [{ tag: 'u' }] },
    emphasis: { toDOM: () => ['em', { class: 'emphasis' }, 0], parseDOM: [{ tag: 'em' }] },
    highlight: {
      attrs: { colour: { default: DEFAULT_HIGHLIGHT } },
      toDOM: (mark) => ['mark', { 'data-colour': mark.attrs.colour }, 0],
      parseDOM: [{ tag: 'mark', getAttrs: (el) => ({ colour: el.getAttribute('data-colour') ?? DEFAULT_HIGHLIGHT }) }],
    },
  },
});

/** Rebuilds a node from JSON, throwing when it does not fit the schema. */
export function nodeFromJSON(json: DocJSON): PMNode {
  const node = schema.nodeFromJSON(json);
  node.check();
  return node;
}

/** A card body holding the given paragraphs of plain text (blank paragraphs dropped). */
export function bodyFromParagraphs(paragraphs: readonly string[]): DocJSON {
  const kept = paragraphs.map((p) => p.trim()).filter((p) => p.length > 0);
  const content: DocJSON[] = (kept.length > 0 ? kept : ['']).map((p) =>
    p ? { type: 'paragraph', content: [{ type: 'text', text: p }] } : { type: 'paragraph' },
  );
  return { type: 'body', attrs: { shrinkPt: null }, content };
}

/** The plain text of a node, paragraphs separated by blank lines. */
export function plainText(json: DocJSON): string {
  const node = nodeFromJSON(json);
  return node.textBetween(0, node.content.size, '\n\n');
}

export const EMPTY_DOC: DocJSON = { type: 'doc', content: [] };
