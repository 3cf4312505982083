import { describe, expect, it } from 'vitest';
import { Transform } from 'prosemirror-transform';
import { applyTopLevelEdit, insertKept, keptCards, topLevelEdit } from '../../shared/brief-edit.js';
import { nodeFromJSON } from '../../shared/schema.js';
import { block, card } from './brief-builders.js';

const base = nodeFromJSON({ type: 'doc', content: [block('AT: one'), card('A'), card('B'), card('C'), block('AT: two'), card('D')] });
const titles = (nodes: readonly { textContent: string }[]) => nodes.map((n) => n.textContent);

/** The doc with the top-level nodes [from, to) replaced by fresh ones; the rest are the same objects. */
function edited(from: number, to: number, fresh: string[]) {
  const kept = (i: number) => base.child(i);
  const children = [
    ...Array.from({ length: from }, (_, i) => kept(i)),
    ...fresh.map((t) => nodeFromJSON(card(t))),
    ...Array.from({ length: base.childCount - to }, (_, i) => kept(to + i)),
  ];
  return base.type.create(null, children);
}

describe('topLevelEdit: what an autosave sends', () => {
  it.each([
    { what: 'a retagged card', from: 2, to: 3, fresh: ['B2'], sent: { from: 2, to: 3, nodes: ['B2'] } },
    { what: 'a card added between two', from: 2, to: 2, fresh: ['New'], sent: { from: 2, to: 2, nodes: ['New'] } },
    { what: 'a card deleted', from: 1, to: 2, fresh: [], sent: { from: 1, to: 2, nodes: [] } },
    { what: 'a card added at the end', from: 6, to: 6, fresh: ['Last'], sent: { from: 6, to: 6, nodes: ['Last'] } },
    { what: 'two cards apart changed: the run between is sent', from: 1, to: 4, fresh: ['A2', 'B', 'C2'], sent: { from: 1, to: 4, nodes: ['A2', 'B', 'C2'] } },
  ])('$what', ({ from, to, fresh, sent }) => {
    const now = edited(from, to, fresh);
    const edit = topLevelEdit(base, now)!;
    expect({ ...edit, nodes: titles(edit.nodes) }).toEqual(sent);
    // Applied to the saved document, the edit gives the editor's.
    expect(titles(applyTopLevelEdit([...Array.from({ length: base.childCount }, (_, i) => base.child(i))], edit))).toEqual(titles(Array.from({ length: now.childCount }, (_, i) => now.child(i))));
  });

  it('is null when nothing changed', () => {
    expect(topLevelEdit(base, base)).toBeNull();
    expect(topLevelEdit(base, base.type.create(null, Array.from({ length: base.childCount }, (_, i) => base.child(i))))).toBeNull();
  });

  it('refuses a range the document does not have', () => {
    expect(() => applyTopLevelEdit([1, 2, 3], { from: 2, to: 5, nodes: [] })).toThrow(/nodes 2 to 5 of a document of 3/);
    expect(() => applyTopLevelEdit([1, 2, 3], { from: 2, to: 1, nodes: [] })).toThrow(RangeError);
  });
});

describe('insertKept: the cards a stale save\'s merge kept, taken into the doc that was sent', () => {
  const withId = (tag: string): ReturnType<typeof card> => ({ ...card(tag), attrs: { cardId: `uid-${tag}`, copiedFrom: null } });

  it('makes the sent doc the merged one, sharing the sent doc\'s nodes, so the next save sends nothing', () => {
    const sent = nodeFromJSON({ type: 'doc', content: [block('AT: one'), withId('A'), block('AT: two'), withId('C')] });
    const merged = nodeFromJSON({ type: 'doc', content: [withId('First'), block('AT: one'), withId('A'), block('AT: two'), withId('D'), withId('E'), withId('C')] });
    const kept = keptCards(merged, new Set(['uid-First', 'uid-D', 'uid-E']));
    expect(kept.map((k) => [k.index, k.node.textContent])).toEqual([[0, 'First'], [4, 'D'], [5, 'E']]);
    const saved = insertKept(new Transform(sent), kept).doc;
    expect(saved.eq(merged)).toBe(true);
    // The editor, given the same cards, holds the same nodes: no save follows.
    const editor = insertKept(new Transform(sent), kept).doc;
    expect(topLevelEdit(saved, editor)).toBeNull();
  });

  it('puts a card past the end of an editor doc that shrank since at its end', () => {
    const merged = nodeFromJSON({ type: 'doc', content: [withId('A'), withId('B'), withId('C')] });
    const shrunk = nodeFromJSON({ type: 'doc', content: [] });
    expect(titles(insertKept(new Transform(shrunk), keptCards(merged, new Set(['uid-B', 'uid-C']))).doc.content.content)).toEqual(['B', 'C']);
  });
});
