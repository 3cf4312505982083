// A compact notation for card documents in tests, so each table row shows its document:
// body paragraphs use <u>underline</u>, <e>emphasis</e>, <h>highlight</h> (<h:yellow> for a
// colour), <s:8> a run's size in points, the cite <b>bold</b>, `^` a marker (Mark card); `|` marks
// the cursor, `[` and `]` a selection.
import type { Mark, Node as PMNode } from 'prosemirror-model';
import { EditorState, TextSelection, type Plugin } from 'prosemirror-state';
import { nodeFromJSON, schema } from '../../shared/schema.js';
import type { DocJSON } from '../../shared/model.js';

export interface CardSpec {
  tag?: string;
  cite?: string;
  body: string[];
  cardId?: number | null;
}

const TAGS: Record<string, (arg: string | undefined) => { type: string; attrs?: Record<string, unknown> }> = {
  u: () => ({ type: 'underline' }),
  e: () => ({ type: 'emphasis' }),
  h: (colour) => ({ type: 'highlight', attrs: { colour: colour ?? 'cyan' } }),
  b: () => ({ type: 'strong' }),
  s: (pt) => ({ type: 'size', attrs: { pt: Number(pt) } }),
};

interface Parsed {
  content: DocJSON[];
  /** Offsets of the markers in the block's text. */
  markers: { kind: string; offset: number }[];
}

function parseInline(src: string): Parsed {
  const content: DocJSON[] = [];
  const markers: Parsed['markers'] = [];
  const open: { type: string; attrs?: Record<string, unknown> }[] = [];
  let offset = 0;
  for (const token of src.split(/(<\/?[a-z](?::[a-zA-Z0-9]+)?>|[|[\]^])/)) {
    if (!token) continue;
    const tag = /^<(\/?)([a-z])(?::([a-zA-Z0-9]+))?>$/.exec(token);
    if (tag) {
      if (tag[1]) open.splice(open.findIndex((m) => m.type === TAGS[tag[2]!]!(undefined).type), 1);
      else open.push(TAGS[tag[2]!]!(tag[3]));
    } else if (token === '|' || token === '[' || token === ']') {
      markers.push({ kind: token, offset });
    } else if (token === '^') {
      content.push({ type: 'marker' });
      offset += 1;
    } else {
      content.push(open.length ? { type: 'text', text: token, marks: open.map((m) => ({ ...m })) } : { type: 'text', text: token });
      offset += token.length;
    }
  }
  return { content, markers };
}

export interface Built {
  doc: PMNode;
  selection: { anchor: number; head: number } | null;
}

/** A one-card document (doc > card > tag, cite, body) from the notation. */
export function cardDoc(spec: CardSpec): Built {
  const blocks: Parsed[] = [];
  const block = (type: string, src: string): DocJSON => {
    const parsed = parseInline(src);
    blocks.push(parsed);
    return { type, content: parsed.content };
  };
  const parts: DocJSON[] = [block('tag', spec.tag ?? '')];
  if (spec.cite !== undefined) parts.push(block('cite', spec.cite));
  parts.push({ type: 'body', content: spec.body.map((p) => block('paragraph', p)) });
  const doc = nodeFromJSON({ type: 'doc', content: [{ type: 'card', attrs: { cardId: spec.cardId ?? null }, content: parts }] });
  const starts: number[] = [];
  doc.descendants((node, pos) => {
    if (node.isTextblock) starts.push(pos + 1);
    return !node.isTextblock;
  });
  let anchor: number | null = null;
  let head: number | null = null;
  blocks.forEach((b, i) => {
    for (const m of b.markers) {
      const pos = starts[i]! + m.offset;
      if (m.kind === '|') anchor = head = pos;
      else if (m.kind === '[') anchor = pos;
      else head = pos;
    }
  });
  return { doc, selection: anchor === null || head === null ? null : { anchor, head } };
}

export function stateOf(spec: CardSpec, plugins: Plugin[] = []): EditorState {
  const { doc, selection } = cardDoc(spec);
  const state = EditorState.create({ doc, plugins });
  if (!selection) return state;
  return state.apply(state.tr.setSelection(TextSelection.create(doc, selection.anchor, selection.head)));
}

const ORDER = ['strong', 'underline', 'emphasis', 'highlight', 'size'];
const SHORT: Record<string, string> = { strong: 'b', underline: 'u', emphasis: 'e', highlight: 'h', size: 's' };

function markTag(m: Mark): string {
  const short = SHORT[m.type.name]!;
  if (m.type.name === 'size') return `${short}:${String(m.attrs.pt)}`;
  return m.type.name === 'highlight' && m.attrs.colour !== 'cyan' ? `${short}:${String(m.attrs.colour)}` : short;
}

function inline(block: PMNode): string {
  let out = '';
  block.forEach((node) => {
    if (node.type === schema.nodes.marker) {
      out += '^';
      return;
    }
    const marks = [...node.marks].sort((a, b) => ORDER.indexOf(a.type.name) - ORDER.indexOf(b.type.name));
    out += marks.map((m) => `<${markTag(m)}>`).join('') + (node.text ?? '') + [...marks].reverse().map((m) => `</${SHORT[m.type.name]}>`).join('');
  });
  return out;
}

/** The document back in the notation (without selection markers): what tests compare. */
export function notate(doc: PMNode): CardSpec {
  const card = doc.firstChild!;
  const spec: CardSpec = { body: [] };
  card.forEach((child) => {
    if (child.type === schema.nodes.tag) spec.tag = inline(child);
    else if (child.type === schema.nodes.cite) spec.cite = inline(child);
    else child.forEach((p) => spec.body.push(inline(p)));
  });
  return spec;
}

/** The expected document in the same canonical notation (markers dropped). */
export function canonical(spec: CardSpec): CardSpec {
  return notate(cardDoc(spec).doc);
}
