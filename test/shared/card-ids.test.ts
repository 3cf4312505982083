import type { Node as PMNode } from 'prosemirror-model';
import { EditorState, TextSelection } from 'prosemirror-state';
import { describe, expect, it } from 'vitest';
import { cardIds, copiesOf } from '../../shared/card-ids.js';
import { nodeFromJSON, schema } from '../../shared/schema.js';
import { card, stateOf } from './brief-builders.js';

const withId = (id: string | null, tag: string) => ({ ...card(tag, 'Cite', [['words']]), attrs: { cardId: id } });
// The lead's schema gives cards a copiedFrom attribute; this branch's schema does not yet.
const HAS_COPIED_FROM = 'copiedFrom' in (schema.nodes.card!.spec.attrs ?? {});

function editor(...cards: ReturnType<typeof withId>[]): EditorState {
  let n = 0;
  const base = stateOf(...cards);
  return EditorState.create({ doc: base.doc, plugins: [cardIds(() => `new-${++n}`)] });
}
const ids = (s: EditorState) => { const out: unknown[] = []; s.doc.forEach((c) => out.push(c.attrs.cardId)); return out; };
const copiedFrom = (s: EditorState, i: number) => s.doc.child(i).attrs.copiedFrom as unknown;

describe('card ids in the brief editor', () => {
  it('gives a card typed in (no id yet) a fresh id', () => {
    const s = editor(withId('a', 'A'));
    const next = s.apply(s.tr.insert(s.doc.content.size, schema.nodes.card!.create(null, schema.nodes.tag!.create())));
    expect(ids(next)).toEqual(['a', 'new-1']);
  });

  it('keeps ids while the debater types in a tag or moves a card', () => {
    const s = editor(withId('a', 'A'), withId('b', 'B'));
    const typed = s.apply(s.tr.insertText('x', 2));
    expect(ids(typed)).toEqual(['a', 'b']);
    const first = typed.doc.child(0);
    const moved = typed.apply(typed.tr.delete(0, first.nodeSize).insert(typed.doc.child(1).nodeSize, first));
    expect(ids(moved)).toEqual(['b', 'a']);
  });

  it('makes a pasted copy of a card a new card copied from the original, which keeps its id', () => {
    const s = editor(withId('a', 'A'), withId('b', 'B'));
    const copy: PMNode = s.doc.child(0);
    const pasted = s.apply(s.tr.insert(s.doc.content.size, copy));
    expect(ids(pasted)).toEqual(['a', 'b', 'new-1']);
    expect(copiedFrom(pasted, 2)).toBe(HAS_COPIED_FROM ? 'a' : undefined);
    expect(copiedFrom(pasted, 0)).toBe(HAS_COPIED_FROM ? null : undefined);
  });

  it('keeps the first of two copies pasted at once when the original is gone', () => {
    const s = editor(withId('a', 'A'));
    const original = s.doc.child(0);
    const replaced = s.apply(s.tr.replaceWith(0, s.doc.content.size, [original, original]));
    expect(ids(replaced)).toEqual(['a', 'new-1']);
  });

  it('is one undo step with the edit that needed it', () => {
    const s = editor(withId('a', 'A'));
    const next = s.apply(s.tr.setSelection(TextSelection.create(s.doc, 2)));
    expect(nodeFromJSON(next.doc.toJSON()).child(0).attrs.cardId).toBe('a');
  });
});

describe('cards sent to another doc', () => {
  it('become new cards copied from the originals; headings go as they are', () => {
    const s = editor(withId('a', 'A'));
    let n = 0;
    const [copy] = copiesOf([s.doc.child(0)], () => `copy-${++n}`);
    expect(copy!.attrs.cardId).toBe('copy-1');
    expect(copy!.attrs.copiedFrom).toBe(HAS_COPIED_FROM ? 'a' : undefined);
    expect(copy!.textContent).toBe(s.doc.child(0).textContent);
    const heading = schema.nodes.block!.create(null, schema.text('AT'));
    expect(copiesOf([heading])[0]).toBe(heading);
  });
});
