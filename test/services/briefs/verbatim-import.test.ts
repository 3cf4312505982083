import { describe, expect, it } from 'vitest';
import { briefToDocx } from '../../../electron/services/exporters/verbatim-docx-export.js';
import { looksLikeVerbatimBrief, parseVerbatimDocx } from '../../../electron/services/importers/verbatim-docx.js';
import { WORD_HIGHLIGHTS } from '../../../shared/highlight-colours.js';
import type { DocJSON } from '../../../shared/model.js';
import { normalised } from './sample-brief.js';
import { docxFile, documentXml, para, run, style, stylesXml } from './word-fixture.js';

// Styles as real files have them: names that say nothing (or the wrong thing) about what they do.
const WILD_STYLES = stylesXml(
  style('paragraph', 'Normal', 'Normal'),
  style('paragraph', 'Heading1', 'heading 1', '<w:pPr><w:outlineLvl w:val="0"/></w:pPr>'),
  style('paragraph', 'Style1', 'Pocket Title Big', '<w:basedOn w:val="Heading1"/>'),
  style('paragraph', 'Style2', 'Big Hat Thing', '<w:aliases w:val="Hat,Section"/>'),
  style('paragraph', 'BlockHeading', 'Answer Block Heading', '<w:pPr><w:outlineLvl w:val="2"/></w:pPr>'),
  style('paragraph', 'Heading4', 'heading 4,Tag,Big card,body', '<w:rPr><w:b/><w:sz w:val="26"/></w:rPr>'),
  style('paragraph', 'CardTag', 'Card Tag 2', '<w:basedOn w:val="Heading4"/>'),
  style('character', 'Style13ptBold', 'Style 13 pt Bold', '<w:aliases w:val="Cite"/><w:rPr><w:b/><w:sz w:val="26"/></w:rPr>'),
  style('character', 'Heading1Char', 'Heading 1 Char', '<w:rPr><w:u w:val="single"/></w:rPr>'),
  style('character', 'UnderlineBase', 'Style 8', '<w:rPr><w:u w:val="single"/><w:sz w:val="22"/></w:rPr>'),
  style('character', 'UnderlineChild', 'Card Text Char', '<w:basedOn w:val="UnderlineBase"/>'),
  style('character', 'StyleBoldBox', 'Style Bold Underline Box', '<w:rPr><w:b/><w:u w:val="thick"/><w:bdr w:val="single"/></w:rPr>'),
  style('character', 'Emphasis', 'Emphasis', '<w:rPr><w:i/></w:rPr>'),
  style('character', 'Shrink', 'Small', '<w:rPr><w:sz w:val="12"/></w:rPr>'),
);

const SMALL = '<w:sz w:val="16"/>';
const t = (text: string, ...marks: (string | { type: string; attrs: Record<string, unknown> })[]): DocJSON =>
  marks.length > 0 ? { type: 'text', text, marks: marks.map((m) => (typeof m === 'string' ? { type: m } : m)) } : { type: 'text', text };
const hl = (colour: string) => ({ type: 'highlight', attrs: { colour } });
const pt = (size: number) => ({ type: 'size', attrs: { pt: size } });
const heading = (type: string, text: string): DocJSON => ({ type, content: [t(text)] });
const cite = (short: string, rest: string): DocJSON => ({ type: 'cite', content: [t(short, 'strong'), t(rest)] });
const body = (...paragraphs: DocJSON[][]): DocJSON => ({ type: 'body', content: paragraphs.map((content) => ({ type: 'paragraph', content })) });
const card = (tag: string, ...rest: DocJSON[]): DocJSON => ({ type: 'card', attrs: { cardId: null }, content: [{ type: 'tag', content: tag ? [t(tag)] : [] }, ...rest] });

const WILD_DOCUMENT = documentXml(
  para('Style1', run('1NC')),
  para('Style2', run('Russia DA')),
  para('BlockHeading', run('Answers to: '), run('Russia Won’t Cooperate')),
  para('Heading4', run('Non-unique: '), run('Russian aggression in Syria now')),
  para(null, run('Ace 21', '<w:rStyle w:val="Style13ptBold"/>'), run(' Mehmet Ace, 9 -16 September 2021, Is Putin prepping the ground?')),
  para(
    null,
    run('The crisis ', SMALL),
    run('has been', '<w:u w:val="single"/>'),
    run(' at the bottom ', SMALL),
    run('of the agenda', '<w:rStyle w:val="Heading1Char"/><w:highlight w:val="yellow"/>'),
    run(' but ', SMALL),
    run('harbingers', '<w:rStyle w:val="StyleBoldBox"/><w:highlight w:val="yellow"/>'),
    run(' have ', SMALL),
    run('emerged', '<w:rStyle w:val="UnderlineChild"/>'),
    run(' and ', SMALL),
    run('not this', '<w:rStyle w:val="UnderlineChild"/><w:u w:val="none"/><w:sz w:val="16"/>'),
    run(' or ', SMALL),
    run('this italic', '<w:rStyle w:val="Emphasis"/><w:sz w:val="16"/>'),
    run('.', SMALL),
  ),
  para('Heading4', run('Extend: this analytic has no cite')),
  para('CardTag', run('Kremlin warns against US aid to Ukraine')),
  para(null, run('Choi 21', '<w:b/>')),
  para(null, run('(Joseph Choi, 9-2, 21, The Hill, Kremlin: US military assistance could ’cause unpredictable actions’)')),
  para(null, run('A Kremlin spokesperson ', '<w:sz w:val="12"/>'), run('raised concerns', '<w:u w:val="single"/><w:highlight w:val="green"/>'), run(' about aid.', '<w:rStyle w:val="Shrink"/>')),
  para(null, run('Peskov added ', '<w:sz w:val="12"/>'), `<w:hyperlink><w:r><w:rPr><w:u w:val="single"/></w:rPr><w:t>a link read aloud</w:t></w:r></w:hyperlink>`, `<w:del><w:r><w:delText>deleted</w:delText></w:r></w:del>`, run('.', '<w:sz w:val="12"/>')),
  para('Heading4', run('')),
  para('Heading4', run('Every colour')),
  para(null, run('TASS', '<w:b/>'), run(' 21', '<w:b/>'), run(', September 15, 2021, https://tass.com/politics/1337')),
  para(null, ...WORD_HIGHLIGHTS.map((colour) => run(colour, `<w:u w:val="single"/><w:highlight w:val="${colour}"/>`)), run(' unread', SMALL)),
  para(null, run('')),
  para('Heading4', run('The last card is never dropped')),
  para(null, run('Istomin 21', '<w:rStyle w:val="Style13ptBold"/>'), run(' Igor Istomin, Associate Professor, 9-1, , With Russian-American entente moving forward')),
  para(null, run('The Geneva summit ', SMALL), run('did not bring', '<w:b/><w:u w:val="single"/>'), run(' a transformation.', SMALL)),
);

const WILD_EXPECTED: DocJSON = {
  type: 'doc',
  content: [
    heading('pocket', '1NC'),
    heading('hat', 'Russia DA'),
    heading('block', 'Answers to: Russia Won’t Cooperate'),
    card(
      'Non-unique: Russian aggression in Syria now',
      cite('Ace 21', ' Mehmet Ace, 9 -16 September 2021, Is Putin prepping the ground?'),
      body([
        t('The crisis ', pt(8)), t('has been', 'underline'), t(' at the bottom ', pt(8)), t('of the agenda', 'underline', hl('yellow')), t(' but ', pt(8)),
        t('harbingers', 'emphasis', hl('yellow')), t(' have ', pt(8)), t('emerged', 'underline'), t(' and not this or ', pt(8)), t('this italic', 'emphasis', pt(8)), t('.', pt(8)),
      ]),
    ),
    { type: 'analytic', attrs: { heading: true }, content: [t('Extend: this analytic has no cite')] },
    card(
      'Kremlin warns against US aid to Ukraine',
      cite('Choi 21', ' (Joseph Choi, 9-2, 21, The Hill, Kremlin: US military assistance could ’cause unpredictable actions’)'),
      body([t('A Kremlin spokesperson ', pt(6)), t('raised concerns', 'underline', hl('green')), t(' about aid.', pt(6))], [t('Peskov added ', pt(6)), t('a link read aloud', 'underline'), t('.', pt(6))]),
    ),
    { type: 'blank' },
    card(
      'Every colour',
      cite('TASS 21', ', September 15, 2021, https://tass.com/politics/1337'),
      body([...WORD_HIGHLIGHTS.map((colour) => t(colour, 'underline', hl(colour))), t(' unread', pt(8))]),
    ),
    { type: 'blank' },
    card('The last card is never dropped', cite('Istomin 21', ' Igor Istomin, Associate Professor, 9-1, , With Russian-American entente moving forward'), body([t('The Geneva summit ', pt(8)), t('did not bring', 'emphasis'), t(' a transformation.', pt(8))])),
  ],
};

describe('Verbatim .docx import of a file from the wild', () => {
  const bytes = docxFile({ document: WILD_DOCUMENT, styles: WILD_STYLES });

  it('maps headings, tags, cites (split ones too), analytics, blank lines, marks by resolved formatting, run sizes, and the last card', () => {
    expect(looksLikeVerbatimBrief(bytes)).toBe(true);
    const brief = parseVerbatimDocx(bytes, '/briefs/Russia DA.docx');
    expect(brief.title).toBe('Russia DA');
    expect(normalised(brief.doc)).toEqual(normalised(WILD_EXPECTED));
  });

  it('keeps every tag, cite, underline, emphasis and highlight through export and import again', async () => {
    const first = parseVerbatimDocx(bytes, 'wild.docx');
    const again = parseVerbatimDocx(await briefToDocx({ title: first.title, doc: first.doc }), 'again.docx');
    expect(normalised(again.doc)).toEqual(normalised(first.doc));
  });
});

// One odd Word run per row: what its formatting resolves to, whatever its style is called.
const RUN_ROWS: { name: string; rPr: string; marks: DocJSON['marks'] }[] = [
  { name: 'direct w:u', rPr: '<w:u w:val="single"/>', marks: [{ type: 'underline' }] },
  { name: 'direct double underline', rPr: '<w:u w:val="double"/>', marks: [{ type: 'underline' }] },
  { name: 'w:u none', rPr: '<w:u w:val="none"/>', marks: undefined },
  { name: 'underline from a style called "Heading 1 Char"', rPr: '<w:rStyle w:val="Heading1Char"/>', marks: [{ type: 'underline' }] },
  { name: 'underline inherited through basedOn', rPr: '<w:rStyle w:val="UnderlineChild"/>', marks: [{ type: 'underline' }] },
  { name: 'style underline switched off directly', rPr: '<w:rStyle w:val="UnderlineChild"/><w:u w:val="none"/>', marks: undefined },
  { name: 'bold underline box style', rPr: '<w:rStyle w:val="StyleBoldBox"/>', marks: [{ type: 'emphasis' }] },
  { name: 'direct bold + underline', rPr: '<w:b/><w:u w:val="single"/>', marks: [{ type: 'emphasis' }] },
  { name: 'bold style, bold switched off directly', rPr: '<w:rStyle w:val="StyleBoldBox"/><w:b w:val="0"/>', marks: [{ type: 'underline' }] },
  { name: 'a style named Emphasis, whatever it looks like (here only italic)', rPr: '<w:rStyle w:val="Emphasis"/>', marks: [{ type: 'emphasis' }] },
  { name: 'highlight none', rPr: '<w:u w:val="single"/><w:highlight w:val="none"/>', marks: [{ type: 'underline' }] },
  ...WORD_HIGHLIGHTS.map((colour) => ({ name: `highlight ${colour}`, rPr: `<w:highlight w:val="${colour}"/>`, marks: [{ type: 'highlight', attrs: { colour } }] })),
];

describe('Verbatim .docx import: run formatting', () => {
  it.each(RUN_ROWS)('$name', ({ rPr, marks }) => {
    const bytes = docxFile({
      styles: WILD_STYLES,
      document: documentXml(para('Heading4', run('Tag')), para(null, run('Smith 21', '<w:b/>'), run(' cite')), para(null, run('plain '), run('the run', rPr))),
    });
    const card = parseVerbatimDocx(bytes, 'row.docx').doc.content![0]!;
    const texts = card.content![2]!.content![0]!.content!;
    const marked = texts.find((n) => n.text!.endsWith('the run'))!;
    expect(marked.text).toBe(marks ? 'the run' : 'plain the run');
    expect(marked.marks).toEqual(marks);
  });
});
