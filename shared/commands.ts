// Markup commands: Verbatim's card keys on the shared schema. Each is a ProseMirror command
// `(state, dispatch?) => boolean`: without dispatch it only answers "would this apply here?",
// so one function serves the key, the toolbar button (enabled or greyed) and the palette.
//
// Exported for the brief editor as well as the Cutter:
//   underline (F9), emphasis (F10), highlight(colour) (F11), clearFormatting (F12),
//   condense (F3), shrink (Alt+F3 / Ctrl+8), boldCite (F8 on a selection in the cite),
//   markCard (Ctrl+Alt+M: where the speaker stopped reading).
// The keys live in keymap.ts (data, rebindable); F7 tag and F8 "go to cite" are setTag and
// setCite in brief-commands.ts, shared by both editors.
import type { Mark, MarkType, NodeType, Node as PMNode, ResolvedPos } from 'prosemirror-model';
import { Fragment } from 'prosemirror-model';
import { closeHistory } from 'prosemirror-history';
import { TextSelection, type Command, type EditorState } from 'prosemirror-state';
import { DEFAULT_HIGHLIGHT, schema } from './schema.js';

/** Shrunk-text sizes Alt+F3 steps through, then back to normal; never below 4 pt. */
export const SHRINK_STEPS = [8, 7, 6, 5, 4] as const;

const BODY_MARKS = ['underline', 'emphasis', 'highlight'].map((name) => schema.marks[name]!);

interface Range {
  from: number;
  to: number;
}

/** The word around a collapsed cursor in a paragraph (Word applies character styles so). */
function wordAt($pos: ResolvedPos): Range | null {
  const parent = $pos.parent;
  if (parent.type !== schema.nodes.paragraph) return null;
  const text = parent.textContent;
  let start = $pos.parentOffset;
  let end = start;
  while (start > 0 && !/\s/.test(text[start - 1]!)) start--;
  while (end < text.length && !/\s/.test(text[end]!)) end++;
  if (start === end) return null;
  const base = $pos.start();
  return { from: base + start, to: base + end };
}

/** What a markup key acts on: the selection, or the word at the cursor. */
function markupRange(state: EditorState): Range | null {
  const { from, to, empty, $from } = state.selection;
  return empty ? wordAt($from) : { from, to };
}

/** Whether every character of text in `block`s within the range already carries the mark. */
function coveredBy(doc: PMNode, range: Range, block: NodeType, has: (marks: readonly Mark[]) => boolean): boolean {
  let any = false;
  let all = true;
  doc.nodesBetween(range.from, range.to, (node, _pos, parent) => {
    if (!node.isText || parent?.type !== block) return true;
    any = true;
    if (!has(node.marks)) all = false;
    return false;
  });
  return any && all;
}

function hasBodyText(doc: PMNode, range: Range): boolean {
  let found = false;
  doc.nodesBetween(range.from, range.to, (node, _pos, parent) => {
    if (node.isText && parent?.type === schema.nodes.paragraph) found = true;
    return !found;
  });
  return found;
}

/**
 * Adds the mark to the body text in the selection (or the word at the cursor), or removes it
 * when all of that text has it already. Tags and cites are left alone: the schema allows
 * these marks in body paragraphs only.
 */
function toggleBodyMark(type: MarkType, attrs: Record<string, unknown> | null = null): Command {
  return (state, dispatch) => {
    const range = markupRange(state);
    if (!range || !hasBodyText(state.doc, range)) return false;
    if (dispatch) {
      const mark = type.create(attrs);
      const present = coveredBy(state.doc, range, schema.nodes.paragraph!, (marks) => marks.some((m) => m.eq(mark)));
      const tr = state.tr;
      if (present) tr.removeMark(range.from, range.to, type);
      else tr.addMark(range.from, range.to, mark);
      dispatch(tr.scrollIntoView());
    }
    return true;
  };
}

/** F9: underline, the words read aloud. */
export const underline: Command = toggleBodyMark(schema.marks.underline!);

/** F10: emphasis, the key words (bold, underlined, larger). */
export const emphasis: Command = toggleBodyMark(schema.marks.emphasis!);

/** F11: highlight in the debater's colour (settings; cyan by default). */
export function highlight(colour: string = DEFAULT_HIGHLIGHT): Command {
  return toggleBodyMark(schema.marks.highlight!, { colour });
}

/** F12: the selection (or word) back to plain, shrunk text. */
export const clearFormatting: Command = (state, dispatch) => {
  const range = markupRange(state);
  if (!range) return false;
  let marked = false;
  state.doc.nodesBetween(range.from, range.to, (node) => {
    if (node.isText && node.marks.some((m) => BODY_MARKS.includes(m.type))) marked = true;
    return !marked;
  });
  if (!marked) return false;
  if (dispatch) {
    const tr = state.tr;
    for (const type of BODY_MARKS) tr.removeMark(range.from, range.to, type);
    dispatch(tr.scrollIntoView());
  }
  return true;
};

/** F8 on a selection inside a cite: the short cite's bold, on or off. */
export const boldCite: Command = (state, dispatch) => {
  const { from, to, empty, $from, $to } = state.selection;
  if (empty || $from.parent.type !== schema.nodes.cite || !$from.sameParent($to)) return false;
  if (dispatch) {
    const strong = schema.marks.strong!;
    const tr = state.tr;
    if (coveredBy(state.doc, { from, to }, schema.nodes.cite!, (marks) => strong.isInSet(marks) !== undefined)) tr.removeMark(from, to, strong);
    else tr.addMark(from, to, strong.create());
    dispatch(tr);
  }
  return true;
};

/** The body of the card holding the cursor, and the position just before it. */
export function bodyAtCursor(state: EditorState): { node: PMNode; pos: number } | null {
  const { $from } = state.selection;
  for (let depth = $from.depth; depth >= 0; depth--) {
    const node = $from.node(depth);
    if (node.type === schema.nodes.body) return { node, pos: $from.before(depth) };
    if (node.type === schema.nodes.card) {
      let found: { node: PMNode; pos: number } | null = null;
      node.forEach((child, offset) => {
        if (child.type === schema.nodes.body) found = { node: child, pos: $from.start(depth) + offset };
      });
      return found;
    }
  }
  return null;
}

// The marks a joining space carries: those on both sides, so a highlighted run stays unbroken.
function joiningMarks(before: PMNode, after: PMNode): readonly Mark[] {
  const left = before.lastChild?.marks ?? [];
  const right = after.firstChild?.marks ?? [];
  return left.filter((m) => m.isInSet(right));
}

/**
 * F3: the card's body paragraphs joined into one, separated by a space, every mark kept.
 * Done as one replace inside the body so the text guard sees the same words before and after.
 */
export const condense: Command = (state, dispatch) => {
  const body = bodyAtCursor(state);
  if (!body || body.node.childCount < 2) return false;
  if (dispatch) {
    const paragraphs: PMNode[] = [];
    body.node.forEach((p) => { if (p.content.size > 0) paragraphs.push(p); });
    let inline = Fragment.empty;
    paragraphs.forEach((p, i) => {
      if (i > 0) inline = inline.append(Fragment.from(schema.text(' ', joiningMarks(paragraphs[i - 1]!, p))));
      inline = inline.append(p.content);
    });
    const joined = schema.nodes.paragraph!.create(null, inline);
    const from = body.pos + 1;
    const tr = state.tr.replaceWith(from, body.pos + body.node.nodeSize - 1, joined);
    const cursor = Math.min(state.selection.from, from + joined.nodeSize - 1);
    dispatch(tr.setSelection(TextSelection.near(tr.doc.resolve(cursor))).scrollIntoView());
  }
  return true;
};

/** The size after `current` in Alt+F3's cycle: 8, 7, 6, 5, 4, then normal (null) again. */
export function nextShrink(current: number | null): number | null {
  if (current === null) return SHRINK_STEPS[0];
  const next = SHRINK_STEPS.find((pt) => pt < current);
  return next ?? null;
}

/** The size of the body's first unmarked (shrinkable) text, null when it has no size of its own. */
function shrunkSize(body: PMNode): number | null {
  let size: number | null | undefined;
  body.descendants((node) => {
    if (size !== undefined) return false;
    if (node.isText && isShrinkable(node)) size = (schema.marks.size!.isInSet(node.marks)?.attrs.pt as number | undefined) ?? null;
    return true;
  });
  return size ?? null;
}

// Read text (underlined, emphasised) keeps its size; everything else in the body is shrunk.
const isShrinkable = (text: PMNode): boolean => !text.marks.some((m) => m.type === schema.marks.underline || m.type === schema.marks.emphasis);

/**
 * Alt+F3 / Ctrl+8: the unmarked runs of the card's body one size smaller (from the size of its
 * first unmarked run), cycling back to normal. Sizes are per run, so read text is left as it is.
 */
export const shrink: Command = (state, dispatch) => {
  const body = bodyAtCursor(state);
  if (!body) return false;
  if (dispatch) {
    const next = nextShrink(shrunkSize(body.node));
    const size = schema.marks.size!;
    const tr = state.tr;
    body.node.descendants((node, offset) => {
      if (!node.isText || !isShrinkable(node)) return true;
      const from = body.pos + 1 + offset;
      const to = from + node.nodeSize;
      if (next === null) tr.removeMark(from, to, size);
      else tr.addMark(from, to, size.create({ pt: next }));
      return false;
    });
    dispatch(tr);
  }
  return true;
};

/**
 * Ctrl+Alt+M, Mark card: a marker at the cursor in a card's body, where the speaker stopped
 * reading. A card has one: marking again moves it, and marking beside it takes it away.
 */
export const markCard: Command = (state, dispatch) => {
  const { $from } = state.selection;
  // Paragraphs (and so markers) are only in a card's body.
  const body = bodyAtCursor(state);
  if (!body || $from.parent.type !== schema.nodes.paragraph) return false;
  if (dispatch) {
    const marker = schema.nodes.marker!;
    const old: number[] = [];
    body.node.descendants((node, offset) => {
      if (node.type === marker) old.push(body.pos + 1 + offset);
      return !node.isInline;
    });
    const beside = old.some((pos) => pos === $from.pos || pos + 1 === $from.pos);
    const tr = state.tr;
    for (const pos of old.reverse()) tr.delete(pos, pos + 1);
    if (!beside) {
      const at = tr.mapping.map($from.pos);
      tr.insert(at, marker.create());
      tr.setSelection(TextSelection.create(tr.doc, at + 1));
    }
    // Its own undo step, even pressed within moments of the last edit.
    dispatch(closeHistory(tr).scrollIntoView());
  }
  return true;
};
