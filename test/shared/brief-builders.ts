// Small builders for brief documents in tests. A '|' in any text marks the cursor.
import type { Node as PMNode } from 'prosemirror-model';
import { EditorState, TextSelection, type Command } from 'prosemirror-state';
import { cardNode } from '../../shared/brief-doc.js';
import type { Card, DocJSON } from '../../shared/model.js';
import { nodeFromJSON, schema } from '../../shared/schema.js';

type Run = string | { text: string; marks: ('underline' | 'emphasis' | 'highlight')[] } | typeof MARKER;

const text = (s: string): DocJSON[] => (s ? [{ type: 'text', text: s }] : []);

export const pocket = (s: string): DocJSON => ({ type: 'pocket', content: text(s) });
export const hat = (s: string): DocJSON => ({ type: 'hat', content: text(s) });
export const block = (s: string): DocJSON => ({ type: 'block', content: text(s) });
/** An empty paragraph kept from a Word file. */
export const blank: DocJSON = { type: 'blank' };
/** A text node with the named marks, as the Api takes it. */
export const textRun = (s: string, marks: string[] = []): DocJSON => (marks.length ? { type: 'text', text: s, marks: marks.map((type) => ({ type })) } : { type: 'text', text: s });
export const hl = (s: string): Run => ({ text: s, marks: ['underline', 'highlight'] });
/** Mark card's marker, as a run of a body paragraph. */
export const MARKER = { type: 'marker' } as const;

/** A card; no cite and no body makes an analytic. Body paragraphs are lists of runs. */
export function card(tag: string, cite?: string, body?: Run[][]): DocJSON {
  const content: DocJSON[] = [{ type: 'tag', content: text(tag) }];
  if (cite !== undefined) content.push({ type: 'cite', content: text(cite) });
  if (body) {
    content.push({
      type: 'body',
      content: body.map((runs) => ({
        type: 'paragraph',
        content: runs.map((r) => (typeof r === 'string' ? { type: 'text', text: r } : 'type' in r ? { ...r } : { type: 'text', text: r.text, marks: r.marks.map((m) => ({ type: m })) })),
      })),
    });
  }
  return { type: 'card', content };
}

/**
 * A copy of a card built from its tag and cite strings: the tests' shorthand for a plain card.
 * The app copies the stored node itself (CardStore.copyOf), which keeps everything.
 */
export function copyOfCard(card: Pick<Card, 'uid' | 'tag' | 'shortCite' | 'fullCite' | 'body'>): DocJSON {
  return cardNode(card, { cardId: null, copiedFrom: card.uid });
}

const markedRun = (text: string, ...marks: { type: string; attrs?: Record<string, unknown> }[]): DocJSON => (marks.length ? { type: 'text', text, marks } : { type: 'text', text });
const strong = { type: 'strong' };
const underline = { type: 'underline' };
const emphasis = { type: 'emphasis' };
const highlight = (colour: string) => ({ type: 'highlight', attrs: { colour } });
const size = (pt: number) => ({ type: 'size', attrs: { pt } });

/** A card as a debater leaves it: a formatted tag with a custom label, undertags, a bold short cite, every kind of mark, a marker. */
export const FORMATTED_CARD: DocJSON[] = [
  { type: 'tag', content: [markedRun('Spin', strong), markedRun(': sanctions ', underline), markedRun('bite', underline, size(14))] },
  { type: 'undertag', content: [markedRun('---no one thinks the alliance is in danger', emphasis)] },
  { type: 'undertag', content: [markedRun('(read this first)', size(8))] },
  { type: 'cite', content: [markedRun('Okonkwo', strong), markedRun(' & Reuters desk, ', emphasis), markedRun('Moscow wire', size(8))] },
  {
    type: 'body',
    content: [
      { type: 'paragraph', content: [markedRun('Officials conceded that ', size(8)), markedRun('sanctions cut revenue', underline, highlight('green')), markedRun(' and ', size(8)), markedRun('the war chest', emphasis, highlight('#ffcc00'))] },
      { type: 'paragraph', content: [markedRun('Read to here', underline, highlight('cyan')), { type: 'marker' }, markedRun(' and not beyond.', size(6))] },
    ],
  },
];

/** An editor state of the nodes, the cursor where a '|' is written (else at the start). */
export function stateOf(...nodes: DocJSON[]): EditorState {
  let doc = nodeFromJSON({ type: 'doc', content: nodes });
  let cursor: number | null = null;
  doc.descendants((node, pos) => {
    const at = node.isText ? node.text!.indexOf('|') : -1;
    if (at >= 0 && cursor === null) cursor = pos + at;
    return cursor === null;
  });
  if (cursor !== null) doc = doc.replace(cursor, cursor + 1, doc.slice(cursor, cursor));
  const state = EditorState.create({ schema, doc });
  return cursor === null ? state : state.apply(state.tr.setSelection(TextSelection.create(state.doc, cursor)));
}

/** The doc's top-level nodes as JSON, with '|' written at the cursor. */
export function shown(state: EditorState): DocJSON[] {
  const tr = state.tr.insert(state.selection.head, schema.text('|'));
  return (tr.doc.toJSON() as DocJSON).content ?? [];
}

/** Runs a command; the resulting doc with its cursor, or null when the command does not apply. */
export function run(command: Command, state: EditorState): DocJSON[] | null {
  let next: EditorState | null = null;
  const applies = command(state, undefined);
  const ran = command(state, (tr) => { next = state.apply(tr); });
  if (applies !== ran) throw new Error('The command answered differently with and without dispatch.');
  return ran && next ? shown(next) : null;
}

/** Nodes as the schema writes them (default attrs filled), to compare with shown(). */
export function doc(...nodes: DocJSON[]): DocJSON[] {
  return nodes.map((n) => nodeFromJSON(n).toJSON() as DocJSON);
}

/** The document position just after the first occurrence of `text`. */
export function after(doc: PMNode, text: string): number {
  let found = -1;
  doc.descendants((node, pos) => {
    const at = node.isText ? node.text!.indexOf(text) : -1;
    if (found < 0 && at >= 0) found = pos + at + text.length;
    return found < 0;
  });
  if (found < 0) throw new Error(`"${text}" is not in the doc`);
  return found;
}
