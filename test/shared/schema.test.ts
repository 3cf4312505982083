import { describe, expect, it } from 'vitest';
import type { Mark } from 'prosemirror-model';
import { insertNodes, cardNode, citeNode, headingNode } from '../../shared/brief-doc.js';
import type { DocJSON } from '../../shared/model.js';
import { briefToHtml } from '../../shared/brief-html.js';
import { bodyFromParagraphs, docxLookOf, nodeFromJSON, plainText, schema } from '../../shared/schema.js';

const body = bodyFromParagraphs(['Ryabkov warned of a de facto partition.', '', 'Second paragraph.']);

describe('the document schema', () => {
  it('holds a Verbatim outline: pocket, hat, block, cards, an analytic and blank lines', () => {
    const doc = insertNodes({ type: 'doc', content: [] }, [
      headingNode('pocket', '1AC'),
      headingNode('hat', 'Russia'),
      headingNode('block', 'Answers to: Russia Won’t Cooperate'),
      cardNode({ tag: 'Russia opposes US troops', shortCite: 'Telegraph 21', fullCite: 'Telegraph Media, 9-15, 21', body }, { cardId: 'c7', copiedFrom: 'c1' }),
      { type: 'blank' },
      { type: 'analytic', attrs: { heading: true }, content: [{ type: 'text', text: 'Analytic: they concede the link' }] },
    ]);
    const node = nodeFromJSON(doc);
    expect(node.childCount).toBe(6);
    expect(node.child(3).attrs).toEqual({ cardId: 'c7', copiedFrom: 'c1' });
    expect(node.child(3).childCount).toBe(3);
    expect(node.child(4).type.name).toBe('blank');
    expect(node.child(5).attrs.heading).toBe(true);
    expect(node.attrs.docx).toBeNull();
    expect(nodeFromJSON(node.toJSON() as DocJSON).eq(node)).toBe(true);
  });

  it('keeps an undertag between tag and cite, and character formatting in tags, headings and cites', () => {
    const under: DocJSON = { type: 'text', text: 'prolong', marks: [{ type: 'underline' }] };
    const node = nodeFromJSON({
      type: 'doc',
      content: [
        { type: 'block', content: [{ type: 'text', text: 'AT: ' }, under] },
        { type: 'card', attrs: { cardId: null, copiedFrom: 'uid-1' }, content: [
          { type: 'tag', content: [{ type: 'text', text: 'Sanctions ' }, under] },
          { type: 'undertag', content: [{ type: 'text', text: '---no one thinks the alliance is in danger' }] },
          { type: 'cite', content: [{ type: 'text', text: 'Johanna ' }, { type: 'text', text: 'Matanich 96', marks: [{ type: 'strong' }, { type: 'size', attrs: { pt: 13 } }] }] },
        ] },
      ],
    });
    expect(node.child(1).attrs.copiedFrom).toBe('uid-1');
    expect(node.child(1).child(1).type.name).toBe('undertag');
    expect(node.child(0).child(1).marks[0]!.type.name).toBe('underline');
    expect(node.child(1).child(2).child(1).marks.map((m) => m.type.name)).toEqual(['strong', 'size']);
  });

  it('carries underline, emphasis, highlight colour (a Word name or a shading fill) and each run’s size on body text', () => {
    const marked = {
      type: 'body',
      content: [{ type: 'paragraph', content: [
        { type: 'text', text: 'unmarked ', marks: [{ type: 'size', attrs: { pt: 8 } }] },
        { type: 'text', text: 'smaller ', marks: [{ type: 'size', attrs: { pt: 6 } }] },
        { type: 'text', text: 'read', marks: [{ type: 'underline' }] },
        { type: 'text', text: ' spoken', marks: [{ type: 'underline' }, { type: 'highlight', attrs: { colour: 'green' } }] },
        { type: 'text', text: ' shaded', marks: [{ type: 'underline' }, { type: 'highlight', attrs: { colour: '#ffcc00' } }] },
        { type: 'text', text: ' key', marks: [{ type: 'emphasis' }] },
      ] }],
    };
    const node = nodeFromJSON(marked);
    const p = node.firstChild!;
    expect([p.child(0), p.child(1)].map((t) => t.marks[0]!.attrs.pt)).toEqual([8, 6]);
    expect(p.child(3).marks.map((m) => [m.type.name, m.attrs.colour ?? null])).toEqual([['underline', null], ['highlight', 'green']]);
    expect(p.child(4).marks[1]!.attrs.colour).toBe('#ffcc00');
  });

  it.each([
    ['a card without a tag', { type: 'doc', content: [{ type: 'card', content: [{ type: 'cite' }] }] }],
    ['a paragraph directly in the doc', { type: 'doc', content: [{ type: 'paragraph' }] }],
    ['a size without its points', { type: 'paragraph', content: [{ type: 'text', text: 'x', marks: [{ type: 'size' }] }] }],
    ['a blank inside a card', { type: 'card', content: [{ type: 'tag' }, { type: 'blank' }] }],
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

describe('documents saved before sizes were per run', () => {
  it('turn the card body’s one shrink size into a size on each unread run', () => {
    const legacy: DocJSON = {
      type: 'doc',
      content: [{ type: 'card', attrs: { cardId: null }, content: [
        { type: 'tag', content: [{ type: 'text', text: 'T' }] },
        { type: 'body', attrs: { shrinkPt: 7 }, content: [{ type: 'paragraph', content: [
          { type: 'text', text: 'unread ' }, { type: 'text', text: 'read', marks: [{ type: 'underline' }] }, { type: 'text', text: ' spoken', marks: [{ type: 'highlight', attrs: { colour: 'cyan' } }] },
        ] }] },
      ] }],
    };
    const p = nodeFromJSON(legacy).child(0).child(1).child(0);
    expect([0, 1, 2].map((i) => p.child(i).marks.map((m) => (m.type.name === 'size' ? `size:${m.attrs.pt}` : m.type.name)))).toEqual([['size:7'], ['underline'], ['highlight', 'size:7']]);
  });
});

describe("a doc's Word look (attrs.docx) is read field by field before it reaches a <style> or a .docx", () => {
  const page = { width: 12240, height: 15840, top: 1440, right: 1440, bottom: 1440, left: 1440, header: 720, footer: 720 };
  const lookOf = (docx: unknown) => docxLookOf({ type: 'doc', attrs: { docx }, content: [] });
  it.each([
    ['a real file’s look', { page, font: 'Calibri', sizePt: 11, stylesXml: '<w:styles/>' }, { page, font: 'Calibri', sizePt: 11, stylesXml: '<w:styles/>' }],
    ['sizePt as CSS', { page, font: 'Calibri', sizePt: '11pt; } body { background: url(https://evil.example/x) } p {', stylesXml: null }, { page, font: 'Calibri', sizePt: null, stylesXml: null }],
    ['sizePt not finite', { page: null, font: null, sizePt: Infinity, stylesXml: null }, { page: null, font: null, sizePt: null, stylesXml: null }],
    ['sizePt 0', { page: null, font: null, sizePt: 0, stylesXml: null }, { page: null, font: null, sizePt: null, stylesXml: null }],
    ['a page side as CSS', { page: { ...page, width: '8.5in; } * { display: none } x {' }, font: null, sizePt: 11, stylesXml: null }, { page: null, font: null, sizePt: 11, stylesXml: null }],
    ['a page missing a margin', { page: { width: 12240, height: 15840 }, font: null, sizePt: null, stylesXml: null }, { page: null, font: null, sizePt: null, stylesXml: null }],
    ['a page of no width', { page: { ...page, width: 0 }, font: null, sizePt: null, stylesXml: null }, { page: null, font: null, sizePt: null, stylesXml: null }],
    ['a font that is not a name', { page: null, font: { evil: true }, sizePt: null, stylesXml: 7 }, { page: null, font: null, sizePt: null, stylesXml: null }],
    ['a font name of 10,000 characters', { page: null, font: 'x'.repeat(10_000), sizePt: null, stylesXml: null }, { page: null, font: null, sizePt: null, stylesXml: null }],
  ])('%s', (_what, docx, expected) => {
    expect(lookOf(docx)).toEqual(expected);
  });

  it('no look at all is null', () => {
    expect(lookOf(undefined)).toBeNull();
    expect(lookOf('Letter')).toBeNull();
  });

  it('the print page never carries what the look smuggled in', () => {
    const html = briefToHtml({ title: 'T', doc: { type: 'doc', attrs: { docx: { page: { ...page, left: '1in } body { background: url(https://evil.example/p) } x {' }, font: null, sizePt: '9pt } body { background: url(https://evil.example/s) } x {', stylesXml: null } }, content: [] } });
    expect(html).not.toContain('evil.example');
    expect(html).toContain('size: Letter');
  });
});

describe('marks with attrs read from JSON', () => {
  const run = (text: string, marks: DocJSON['marks']): DocJSON => ({ type: 'text', text, marks });
  const body: DocJSON = {
    type: 'body', content: [{ type: 'paragraph', content: [
      run('one ', [{ type: 'highlight', attrs: { colour: 'cyan' } }]),
      run('two ', [{ type: 'size', attrs: { pt: 8 } }]),
      run('three ', [{ type: 'underline' }, { type: 'highlight', attrs: { colour: 'cyan' } }]),
      run('four ', [{ type: 'strong' }, { type: 'size', attrs: { pt: 8 } }]),
      run('five', [{ type: 'highlight', attrs: { colour: 'yellow' } }]),
    ] }],
  };

  it('are one object for each kind and attrs, so a big brief does not hold one per run', () => {
    const marks = nodeFromJSON(body).child(0).content.content.map((t) => t.marks);
    const [one, two, three, four, five] = marks as [readonly Mark[], readonly Mark[], readonly Mark[], readonly Mark[], readonly Mark[]];
    expect(three.find((m) => m.type.name === 'highlight')).toBe(one[0]);
    expect(four.find((m) => m.type.name === 'size')).toBe(two[0]);
    expect(five[0]).not.toBe(one[0]);
    expect(five[0]!.attrs.colour).toBe('yellow');
    // Shared marks change nothing the document says.
    expect(nodeFromJSON(body).toJSON()).toEqual(body);
  });

  it('are still checked: a size that is not a number is refused each time it is read', () => {
    const bad: DocJSON = { type: 'body', content: [{ type: 'paragraph', content: [run('x', [{ type: 'size', attrs: { pt: 'big' } }])] }] };
    expect(() => nodeFromJSON(bad)).toThrow();
    expect(() => nodeFromJSON(bad)).toThrow();
  });
});
