import { EditorState, TextSelection } from 'prosemirror-state';
import { describe, expect, it } from 'vitest';
import { articleDoc, passageBetween, positionOfOffset, readOnly, textOffsetAt } from '../../shared/article-doc.js';

const TEXT = 'First paragraph here.\n\nSecond one, hard\nwrapped across lines.\n\n  Third.  ';

describe('the article as a read-only document', () => {
  const doc = articleDoc(TEXT);

  it('holds each paragraph as its exact slice of the text, line breaks shown as spaces', () => {
    const paragraphs: [number, string][] = [];
    doc.forEach((p) => paragraphs.push([p.attrs.start as number, p.textContent]));
    // Not hard-wrapped as a whole (paragraphSpans decides), so every line is a paragraph.
    expect(paragraphs).toEqual([[0, 'First paragraph here.'], [23, 'Second one, hard'], [40, 'wrapped across lines.'], [65, 'Third.']]);
    const line = 'A line of a mailed article, wrapped at about sixty columns';
    const wrapped = `${line}\n${line}\n${line}.\n\n${line}\n${line}.`;
    const kept: string[] = [];
    articleDoc(wrapped).forEach((p) => kept.push(p.textContent));
    expect(kept).toEqual([`${line} ${line} ${line}.`, `${line} ${line}.`]);
  });

  it.each([
    ['a word in the first paragraph', 'paragraph'],
    ['across the wrapped line', 'hard\nwrapped'],
    ['across paragraphs', 'here.\n\nSecond'],
    ['the last paragraph', 'Third.'],
  ])('maps a selection of %s back to the text', (_name, wanted) => {
    const start = TEXT.indexOf(wanted);
    const from = positionOfOffset(doc, start);
    const to = positionOfOffset(doc, start + wanted.length);
    expect(textOffsetAt(doc, from)).toBe(start);
    const passage = passageBetween(doc, from, to, TEXT)!;
    expect(TEXT.slice(passage.start, passage.end)).toBe(wanted);
  });

  it('maps select-all to the whole text, trimmed', () => {
    const passage = passageBetween(doc, 0, doc.content.size, TEXT)!;
    expect(TEXT.slice(passage.start, passage.end)).toBe(TEXT.trim());
  });

  it('gives no passage for a caret', () => {
    expect(passageBetween(doc, 3, 3, TEXT)).toBeNull();
  });

  it('refuses typing and deleting but moves the selection', () => {
    const state = EditorState.create({ doc, plugins: [readOnly()] });
    expect(state.apply(state.tr.insertText('x', 2)).doc).toBe(doc);
    expect(state.apply(state.tr.delete(1, 5)).doc).toBe(doc);
    const moved = state.apply(state.tr.setSelection(TextSelection.create(doc, 2, 8)));
    expect([moved.selection.from, moved.selection.to]).toEqual([2, 8]);
  });

  it('still has a paragraph for an empty article', () => {
    expect(articleDoc('').childCount).toBe(1);
  });
});
