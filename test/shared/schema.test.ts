import { describe, expect, it } from 'vitest';
import { insertNodes, cardNode, citeNode, headingNode } from '../../shared/brief-doc.js';
import { bodyFromParagraphs, nodeFromJSON, plainText, schema } from '../../shared/schema.js';

const body = bodyFromParagraphs(['Ryabkov warned of a de facto partition.', '', 'Second paragraph.']);

describe('the document schema', () => {
  it('holds a Verbatim outline: pocket, hat, block, cards and an analytic', () => {
    const doc = insertNodes({ type: 'doc', content: [] }, [
      headingNode('pocket', '1AC'),
      headingNode('hat', 'Russia'),
      headingNode('block', 'Answers to: Russia Won’t Cooperate'),
      cardNode({ tag: 'Russia opposes US troops', shortCite: 'Telegraph 21', fullCite: 'Telegraph Media, 9-15, 21', body }, { cardId: 'c7', copiedFrom: 'c1' }),
      cardNode({ tag: 'Analytic: they concede the link', shortCite: '', fullCite: '', body: bodyFromParagraphs([]) }),
    ]);
    const node = nodeFromJSON(doc);
    expect(node.childCount).toBe(5);
    expect(node.child(3).attrs).toEqual({ cardId: 'c7', copiedFrom: 'c1' });
    expect(node.child(3).childCount).toBe(3);
    expect(node.child(4).childCount).toBe(1); // the analytic has a tag only
    expect(node.toJSON()).toEqual(doc);
  });

  it('carries underline, emphasis and highlight colour on body text', () => {
    const marked = {
      type: 'body', attrs: { shrinkPt: 6 },
      content: [{ type: 'paragraph', content: [
        { type: 'text', text: 'unmarked ' },
        { type: 'text', text: 'read', marks: [{ type: 'underline' }] },
        { type: 'text', text: ' spoken', marks: [{ type: 'underline' }, { type: 'highlight', attrs: { colour: 'green' } }] },
        { type: 'text', text: ' key', marks: [{ type: 'emphasis' }] },
      ] }],
    };
    const node = nodeFromJSON(marked);
    expect(node.attrs.shrinkPt).toBe(6);
    expect(node.firstChild!.child(2).marks.map((m) => [m.type.name, m.attrs.colour ?? null])).toEqual([['underline', null], ['highlight', 'green']]);
  });

  it.each([
    ['a card without a tag', { type: 'doc', content: [{ type: 'card', content: [{ type: 'cite' }] }] }],
    ['a paragraph directly in the doc', { type: 'doc', content: [{ type: 'paragraph' }] }],
    ['highlight inside a tag', { type: 'tag', content: [{ type: 'text', text: 'x', marks: [{ type: 'highlight' }] }] }],
    ['an unknown node', { type: 'table' }],
  ])('refuses %s', (_name, json) => {
    expect(() => nodeFromJSON(json)).toThrow();
  });

  it('gives plain text with paragraphs apart, and a bold short cite in the cite line', () => {
    expect(plainText(body)).toBe('Ryabkov warned of a de facto partition.\n\nSecond paragraph.');
    const cite = schema.nodeFromJSON(citeNode('TASS 21', 'TASS, September 15, 2021'));
    expect(cite.textContent).toBe('TASS 21 TASS, September 15, 2021');
    expect(cite.firstChild!.marks[0]!.type.name).toBe('strong');
  });
});
