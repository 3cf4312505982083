// Brief editing commands: Verbatim's outline keys on the shared schema. Each is a ProseMirror
// command `(state, dispatch?) => boolean`: without dispatch it only answers "would this apply here?".
import type { Node as PMNode } from 'prosemirror-model';
import { Selection, TextSelection, type Command, type EditorState, type Transaction } from 'prosemirror-state';
import { indexAt, moveRange, positionOf, rankOf, unitRange } from './outline.js';
import { schema } from './schema.js';

export type HeadingLevel = 'pocket' | 'hat' | 'block';

interface Cursor {
  /** Index of the top-level node holding the cursor. */
  index: number;
  node: PMNode;
  /** Position just before that node. */
  start: number;
  /** The node type holding the cursor's text (pocket, hat, block, tag, cite, paragraph). */
  textblock: string;
  /** Offset of the cursor inside that textblock. */
  offset: number;
}

function cursorOf(state: EditorState): Cursor | null {
  const { $from } = state.selection;
  if ($from.depth < 1) return null;
  const start = $from.before(1);
  return { index: $from.index(0), node: $from.node(1), start, textblock: $from.parent.type.name, offset: $from.parentOffset };
}

function withCursor(tr: Transaction, pos: number): Transaction {
  return tr.setSelection(TextSelection.create(tr.doc, pos)).scrollIntoView();
}

// An empty brief has nowhere to put a cursor: its first heading or tag starts it.
function startDoc(state: EditorState, dispatch: ((tr: Transaction) => void) | undefined, node: PMNode): boolean {
  if (state.doc.childCount > 0) return false;
  dispatch?.(withCursor(state.tr.insert(0, node), node.type.name === 'card' ? 2 : 1));
  return true;
}

const isHeading = (node: PMNode): boolean => ['pocket', 'hat', 'block'].includes(node.type.name);
const CARD_RANK = 4;

/**
 * F4 / F5 / F6: the heading (or the analytic's tag) at the cursor becomes a pocket, hat or
 * block. A card with evidence is refused: its cite and body would be left without a tag.
 */
export function setHeading(level: HeadingLevel): Command {
  return (state, dispatch) => {
    const type = schema.nodes[level]!;
    const at = cursorOf(state);
    if (!at) return startDoc(state, dispatch, type.create());
    if (isHeading(at.node)) {
      if (at.node.type === type) return false;
      dispatch?.(state.tr.setNodeMarkup(at.start, type).scrollIntoView());
      return true;
    }
    if (at.node.type.name !== 'card' || at.node.childCount !== 1 || at.textblock !== 'tag') return false;
    if (dispatch) {
      const heading = type.create(null, at.node.firstChild!.content);
      const tr = state.tr.replaceWith(at.start, at.start + at.node.nodeSize, heading);
      dispatch(withCursor(tr, at.start + 1 + at.offset));
    }
    return true;
  };
}

/** F7: a heading becomes an analytic card (its text the tag); inside a card, go to the tag. */
export const setTag: Command = (state, dispatch) => {
  const at = cursorOf(state);
  if (!at) return startDoc(state, dispatch, schema.nodes.card!.create(null, schema.nodes.tag!.create()));
  if (isHeading(at.node)) {
    if (dispatch) {
      const card = schema.nodes.card!.create(null, schema.nodes.tag!.create(null, at.node.content));
      const tr = state.tr.replaceWith(at.start, at.start + at.node.nodeSize, card);
      dispatch(withCursor(tr, at.start + 2 + at.offset));
    }
    return true;
  }
  if (at.textblock === 'tag') return false;
  dispatch?.(withCursor(state.tr, at.start + 1 + at.node.firstChild!.nodeSize - 1));
  return true;
};

/** F8: go to the card's cite, adding an empty one after the tag when the card has none. */
export const setCite: Command = (state, dispatch) => {
  const at = cursorOf(state);
  if (!at || at.node.type.name !== 'card' || at.textblock === 'cite') return false;
  // The cite follows the tag and any undertags.
  let citeStart = at.start + 1;
  let index = 0;
  while (index < at.node.childCount && ['tag', 'undertag'].includes(at.node.child(index).type.name)) citeStart += at.node.child(index++).nodeSize;
  const cite = index < at.node.childCount && at.node.child(index).type.name === 'cite' ? at.node.child(index) : null;
  if (dispatch) {
    if (cite) dispatch(withCursor(state.tr, citeStart + cite.nodeSize - 1));
    else dispatch(withCursor(state.tr.insert(citeStart, schema.nodes.cite!.create()), citeStart + 1));
  }
  return true;
};

/**
 * Enter at the end of a heading or a tag: a new analytic card after it (after the whole card
 * for a tag), the cursor in its tag. F4 to F7 then make it whatever the debater meant.
 */
export const newAnalyticAfter: Command = (state, dispatch) => {
  const at = cursorOf(state);
  const { $from, empty } = state.selection;
  if (!at || !empty || $from.parentOffset !== $from.parent.content.size) return false;
  if (!isHeading(at.node) && at.textblock !== 'tag') return false;
  if (dispatch) {
    const after = at.start + at.node.nodeSize;
    const card = schema.nodes.card!.create(null, schema.nodes.tag!.create());
    dispatch(withCursor(state.tr.insert(after, card), after + 2));
  }
  return true;
};

/** The top-level index a unit at `index` moves to, one step up or down; null at an edge. */
function moveTarget(doc: PMNode, index: number, direction: 'up' | 'down'): number | null {
  const rank = rankOf(doc.child(index));
  if (direction === 'up') {
    // Before the previous heading or card of the same or a higher level (Word's outline move).
    for (let k = index - 1; k >= 0; k--) if (rankOf(doc.child(k)) <= rank) return k;
    return null;
  }
  const { end } = unitRange(doc, index);
  if (end >= doc.childCount) return null;
  const next = doc.child(end);
  if (rankOf(next) === rank) return unitRange(doc, end).end;
  // Past a higher heading: in as its first child of our level, never adopting its other children.
  let target = end + 1;
  while (target < doc.childCount && rankOf(doc.child(target)) > rank) target++;
  return target;
}

/** Ctrl+Alt+Up / Down: the heading or card at the cursor moves with everything under it. */
export function moveUnit(direction: 'up' | 'down'): Command {
  return (state, dispatch) => {
    const at = cursorOf(state);
    if (!at) return false;
    const doc = state.doc;
    const target = moveTarget(doc, at.index, direction);
    if (target === null) return false;
    if (dispatch) {
      const { end } = unitRange(doc, at.index);
      const tr = state.tr;
      if (!moveRange(tr, at.index, end, target)) return false;
      const newIndex = target < at.index ? target : target - (end - at.index);
      dispatch(withCursor(tr, positionOf(tr.doc, newIndex) + (state.selection.from - at.start)));
    }
    return true;
  };
}

/**
 * Cards added from the library: after the card at the cursor, or after the cards (analytics,
 * blank lines) directly under the heading at the cursor (the end of a block); the cursor goes to
 * the first one's tag.
 */
export function insertCards(cards: readonly PMNode[]): Command {
  return (state, dispatch) => {
    if (cards.length === 0 || cards.some((c) => c.type.name !== 'card')) return false;
    if (dispatch) {
      const doc = state.doc;
      const at = cursorOf(state);
      let index = at ? at.index + 1 : indexAt(doc, state.selection.from) + 1;
      if (at && isHeading(at.node)) while (index < doc.childCount && rankOf(doc.child(index)) >= CARD_RANK) index++;
      const pos = positionOf(doc, index);
      dispatch(withCursor(state.tr.insert(pos, cards), pos + 2));
    }
    return true;
  };
}

const isBlankCard = (node: PMNode): boolean => node.type.name === 'card' && node.childCount === 1 && node.content.size === 2;

/**
 * A send arriving in the speech doc: the card or heading with all it owns goes after the unit at
 * the speech doc's cursor (Verbatim's "send to where the cursor is"), as one transaction and so
 * one undo step there. A speech doc that is only the blank tag offered to type in is replaced.
 */
export function receiveUnits(nodes: readonly PMNode[]): Command {
  return (state, dispatch) => {
    if (nodes.length === 0) return false;
    if (dispatch) {
      const doc = state.doc;
      if (doc.childCount === 0 || (doc.childCount === 1 && isBlankCard(doc.child(0)))) {
        dispatch(withCursor(state.tr.replaceWith(0, doc.content.size, nodes), 1));
        return true;
      }
      const { end } = unitRange(doc, indexAt(doc, state.selection.from));
      const pos = positionOf(doc, end);
      const size = nodes.reduce((sum, n) => sum + n.nodeSize, 0);
      // The cursor ends in the last node sent, so the next send lands after it.
      const tr = state.tr.insert(pos, nodes);
      dispatch(tr.setSelection(Selection.near(tr.doc.resolve(pos + size), -1)).scrollIntoView());
    }
    return true;
  };
}

/** What "send to speech" copies: the card at the cursor, or the heading with all it owns. */
export function unitAtCursor(state: EditorState): PMNode[] {
  const doc = state.doc;
  if (doc.childCount === 0) return [];
  const { index, end } = unitRange(doc, indexAt(doc, state.selection.from));
  const nodes: PMNode[] = [];
  for (let i = index; i < end; i++) nodes.push(doc.child(i));
  return nodes;
}

export interface HiddenRange {
  from: number;
  to: number;
  /** The whole paragraph (it has no highlighted text), not a run inside it. */
  paragraph: boolean;
  /** A run that holds a word break: hidden, it still leaves a space between the words around it. */
  spaced: boolean;
}

/**
 * Invisibility mode: what is not read aloud. Headings, tags and cites stay; in card bodies
 * only highlighted text stays, and paragraphs with none go entirely. Positions count from
 * `contentStart`, where the content of `doc` (a doc, or one top-level node of it) begins.
 */
export function hiddenRanges(doc: PMNode, contentStart = 0): HiddenRange[] {
  const ranges: HiddenRange[] = [];
  doc.descendants((node, relative) => {
    const pos = contentStart + relative;
    if (node.type.name !== 'paragraph') return true;
    const runs: HiddenRange[] = [];
    let lit = false;
    node.forEach((inline, offset) => {
      // The marker stays in sight, as in a reading copy: it is where the speaker stopped.
      if (inline.type.name === 'marker' || inline.marks.some((m) => m.type.name === 'highlight')) {
        lit = true;
        return;
      }
      const from = pos + 1 + offset;
      const spaced = /\s/.test(inline.text ?? '');
      const last = runs[runs.length - 1];
      if (last && last.to === from) {
        last.to = from + inline.nodeSize;
        last.spaced ||= spaced;
      } else runs.push({ from, to: from + inline.nodeSize, paragraph: false, spaced });
    });
    if (lit) ranges.push(...runs);
    else ranges.push({ from: pos, to: pos + node.nodeSize, paragraph: true, spaced: false });
    return false;
  });
  return ranges;
}
