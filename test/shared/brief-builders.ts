// Small builders for brief documents in tests. A '|' in any text marks the cursor.
import { EditorState, TextSelection, type Command } from 'prosemirror-state';
import { cardNode } from '../../shared/brief-doc.js';
import type { Card, DocJSON } from '../../shared/model.js';
import { nodeFromJSON, schema } from '../../shared/schema.js';

type Run = string | { text: string; marks: ('underline' | 'emphasis' | 'highlight')[] } | typeof MARKER;

const text = (s: string): DocJSON[] => (s ? [{ type: 'text', text: s }] : []);

export const pocket = (s: string): DocJSON => ({ type: 'pocket', content: text(s) });
export const hat = (s: string): DocJSON => ({ type: 'hat', content: text(s) });
export const block = (s: string): DocJSON => ({ type: 'block', content: text(s) });
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
