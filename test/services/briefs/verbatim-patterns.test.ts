// What real debaters' Verbatim files hold that a reader gets wrong (issue 11, patterns 1-9), one
// fixture each, written as raw OOXML the way Word writes those files. Each row checks the import;
// every row also goes import → export → import and must come back the same.
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { briefToDocx } from '../../../electron/services/exporters/verbatim-docx-export.js';
import { parseVerbatimDocx } from '../../../electron/services/importers/verbatim-docx.js';
import { splitCite } from '../../../shared/card-doc.js';
import type { DocJSON } from '../../../shared/model.js';
import { docxLookOf, nodeFromJSON } from '../../../shared/schema.js';
import { generateVerbatimDocx } from '../../../bench/verbatim-generator.js';
import { normalised } from './sample-brief.js';
import { docxFile, documentWithSection, documentXml, para, run, style, stylesWithDefaults, stylesXml } from './word-fixture.js';

// Verbatim's styles as many real files define them: Emphasis is NOT bold, underlined, boxed, 11 pt.
const VERBATIM = [
  style('paragraph', 'Normal', 'Normal'),
  style('paragraph', 'Heading3', 'heading 3', '<w:aliases w:val="Block"/><w:pPr><w:outlineLvl w:val="2"/></w:pPr><w:rPr><w:b/><w:sz w:val="32"/></w:rPr>'),
  style('paragraph', 'Heading4', 'heading 4', '<w:aliases w:val="Tag"/><w:pPr><w:outlineLvl w:val="3"/></w:pPr><w:rPr><w:b/><w:sz w:val="26"/></w:rPr>'),
  style('paragraph', 'Analytic', 'Analytic', '<w:rPr><w:b/><w:sz w:val="24"/></w:rPr>'),
  style('character', 'Style13ptBold', 'Style 13 pt Bold', '<w:aliases w:val="Cite"/><w:rPr><w:b/><w:sz w:val="26"/></w:rPr>'),
  style('character', 'StyleUnderline', 'Style Underline', '<w:aliases w:val="Underline"/><w:rPr><w:b w:val="0"/><w:u w:val="single"/></w:rPr>'),
  style('character', 'Emphasis', 'Emphasis', '<w:rPr><w:b w:val="0"/><w:u w:val="single"/><w:bdr w:val="single" w:sz="8" w:space="0" w:color="auto"/><w:sz w:val="22"/></w:rPr>'),
  style('character', 'CardEmphasis', 'Card Emphasis Char', '<w:basedOn w:val="Emphasis"/><w:rPr><w:sz w:val="24"/></w:rPr>'),
  style('character', 'Style2', 'Emphasis', '<w:rPr><w:i/></w:rPr>'),
];
const STYLES = stylesXml(...VERBATIM);

const SMALL = '<w:sz w:val="16"/>';
const LETTER = { width: 12240, height: 15840, top: 1440, right: 1440, bottom: 1440, left: 1440, header: 720, footer: 720 };
const TAG = (text: string) => para('Heading4', run(text));
const CITE = (short: string, rest: string) => para(null, run(short, '<w:rStyle w:val="Style13ptBold"/>'), run(rest));
const EVIDENCE = para(null, run('Unread words ', SMALL), run('read words', '<w:rStyle w:val="StyleUnderline"/>'), run(' more unread.', SMALL));

type Check = (doc: DocJSON, docx: Uint8Array) => void | Promise<void>;
interface Row {
  pattern: string;
  document: string;
  styles?: string;
  check: Check;
}

const cards = (doc: DocJSON): DocJSON[] => (doc.content ?? []).filter((n) => n.type === 'card');
const part = (card: DocJSON, type: string): DocJSON | undefined => card.content?.find((n) => n.type === type);
const texts = (node: DocJSON | undefined): DocJSON[] => (node?.type === 'body' ? (node.content ?? []).flatMap((p) => p.content ?? []) : (node?.content ?? []));
const marksOf = (node: DocJSON | undefined, text: string): string[] =>
  (texts(node).find((t) => t.text === text)?.marks ?? []).map((m) => (m.attrs ? `${m.type}:${String(m.attrs.colour ?? m.attrs.pt)}` : m.type));
const shortCite = (card: DocJSON): string => splitCite(nodeFromJSON(part(card, 'cite')!)).shortCite;
const exportedXml = async (doc: DocJSON, name: string): Promise<string> => strFromU8(unzipSync(await briefToDocx({ title: 'x', doc }))[name]!);

const ROWS: Row[] = [
  {
    pattern: '1. Emphasis by style name: the style is not bold, is boxed, comes through basedOn, or is only italic',
    document: documentXml(
      TAG('Emphasis'),
      CITE('Smith 21', ', Professor'),
      para(null, run('plain ', SMALL), run('boxed', '<w:rStyle w:val="Emphasis"/>'), run(' and ', SMALL), run('inherited', '<w:rStyle w:val="CardEmphasis"/>'), run(' and ', SMALL), run('named', '<w:rStyle w:val="Style2"/>'), run(' end', SMALL)),
    ),
    check: (doc) => {
      const body = part(cards(doc)[0]!, 'body');
      expect(marksOf(body, 'boxed')).toEqual(['emphasis']);
      // Its 12 pt is the style's, written back with the style: not a size of its own.
      expect(marksOf(body, 'inherited')).toEqual(['emphasis']);
      expect(marksOf(body, 'named')).toEqual(['emphasis']);
    },
  },
  {
    pattern: '2. The short cite is the cite-styled or bold part, wherever it starts, never split at a space',
    document: documentXml(
      TAG('First name before the short cite'),
      para(null, run('Johanna '), run('Matanich 96', '<w:rStyle w:val="Style13ptBold"/>'), run(', Harvard Law Review')),
      EVIDENCE,
      TAG('An honorific before a directly bold short cite'),
      para(null, run('Dr. Aziz '), run('Rana 12', '<w:b/>'), run(' [Professor of Law, Cornell]')),
      EVIDENCE,
      TAG('Two authors in runs split at the spaces'),
      para(null, run('Boersma', '<w:b/>'), run(' '), run('&', '<w:b/>'), run(' Jain 3/28', '<w:b/>'), run(' [Wim Boersma and Anil Jain, Brookings]')),
      EVIDENCE,
      TAG('Leading short cite'),
      CITE('Biswas 19', ', Professor of Politics'),
      EVIDENCE,
      TAG('Two authors bolded apart, the ampersand plain'),
      para(null, run('Cimbala', '<w:b/>'), run(' & '), run('Korb 24', '<w:b/>'), run(' [Stephen Cimbala and Lawrence Korb, Bulletin of the Atomic Scientists]')),
      EVIDENCE,
    ),
    styles: STYLES,
    check: (doc) => {
      expect(cards(doc).map(shortCite)).toEqual(['Matanich 96', 'Rana 12', 'Boersma & Jain 3/28', 'Biswas 19', 'Cimbala & Korb 24']);
      expect(cards(doc).map((c) => part(c, 'body') !== undefined)).toEqual([true, true, true, true, true]);
    },
  },
  {
    pattern: '3. A paragraph between tag and cite is an undertag; the cite is the first cite-styled paragraph',
    document: documentXml(
      TAG('The alliance is fine'),
      para(null, run('---no one thinks the alliance is in danger, ', '<w:b/>'), run('and they know it')),
      CITE('Robertson 8-4', ' [Dr Jeffrey Robertson, Yonsei University, “Alliance worries”]'),
      EVIDENCE,
    ),
    styles: STYLES,
    check: (doc) => {
      const card = cards(doc)[0]!;
      expect(card.content!.map((n) => n.type)).toEqual(['tag', 'undertag', 'cite', 'body']);
      expect(texts(part(card, 'undertag')).map((t) => t.text).join('')).toBe('---no one thinks the alliance is in danger, and they know it');
      expect(shortCite(card)).toBe('Robertson 8-4');
    },
  },
  {
    pattern: '4. A 2,600-character cite is still a cite; a cite with no bold is recognised by author and year',
    document: documentXml(
      TAG('Long cite'),
      CITE('Giroux 14', `, ${'Professor of English and Cultural Studies at McMaster University, '.repeat(40)}`),
      EVIDENCE,
      TAG('Unbolded cite'),
      para(null, run('Henry A. Giroux 14, Professor at McMaster University, “The Violence of Organized Forgetting,” City Lights')),
      EVIDENCE,
    ),
    styles: STYLES,
    check: (doc) => {
      const [long, plain] = cards(doc);
      expect(long!.content!.map((n) => n.type)).toEqual(['tag', 'cite', 'body']);
      expect(texts(part(long!, 'cite')).map((t) => t.text).join('').length).toBeGreaterThan(2600);
      expect(plain!.content!.map((n) => n.type)).toEqual(['tag', 'cite', 'body']);
      expect(texts(part(plain!, 'cite'))[0]!.text).toMatch(/^Henry A. Giroux 14/);
    },
  },
  {
    pattern: '5. Shading used as highlighting is highlight in that colour',
    document: documentXml(
      TAG('Shaded'),
      CITE('Smith 21', ', Professor'),
      para(null, run('cyan shade', '<w:rStyle w:val="StyleUnderline"/><w:shd w:val="clear" w:color="auto" w:fill="00FFFF"/>'), run(' gold shade', '<w:rStyle w:val="StyleUnderline"/><w:shd w:val="clear" w:color="auto" w:fill="FFCC00"/>'), run(' no shade', '<w:shd w:val="clear" w:color="auto" w:fill="auto"/>')),
    ),
    styles: STYLES,
    check: (doc) => {
      const body = part(cards(doc)[0]!, 'body');
      expect(marksOf(body, 'cyan shade')).toEqual(['underline', 'highlight:cyan']);
      expect(marksOf(body, ' gold shade')).toEqual(['underline', 'highlight:#ffcc00']);
      expect(marksOf(body, ' no shade')).toEqual([]);
    },
  },
  {
    pattern: '6. Font size is per run: 8 pt beside 6 pt, an 11 pt subheading inside a shrunk article',
    document: documentXml(
      TAG('Mixed sizes'),
      CITE('Smith 21', ', Professor'),
      para(null, run('eight ', SMALL), run('six ', '<w:sz w:val="12"/>'), run('read', '<w:rStyle w:val="StyleUnderline"/>'), run(' ten', '<w:sz w:val="20"/>')),
      para(null, run('The Subheading', '<w:b/>')),
      para(null, run('eight again', SMALL)),
    ),
    styles: STYLES,
    check: (doc) => {
      const body = part(cards(doc)[0]!, 'body');
      expect(marksOf(body, 'eight ')).toEqual(['size:8']);
      expect(marksOf(body, 'six ')).toEqual(['size:6']);
      expect(marksOf(body, 'read')).toEqual(['underline']);
      expect(marksOf(body, ' ten')).toEqual(['size:10']);
      expect(marksOf(body, 'The Subheading')).toEqual(['strong']);
    },
  },
  {
    pattern: '7. Tags and headings carry formatting: underlined words, emphasis, highlight',
    document: documentXml(
      para('Heading3', run('AT: '), run('Sanctions', '<w:rStyle w:val="Emphasis"/>')),
      para('Heading4', run('Sanctions '), run('prolong', '<w:u w:val="single"/>'), run(' the war and '), run('can’t fill the void', '<w:u w:val="single"/><w:highlight w:val="yellow"/>')),
      CITE('Smith 21', ', Professor'),
      EVIDENCE,
    ),
    styles: STYLES,
    check: (doc) => {
      expect(marksOf(doc.content![0], 'Sanctions')).toEqual(['emphasis']);
      const tag = part(cards(doc)[0]!, 'tag');
      expect(marksOf(tag, 'prolong')).toEqual(['underline']);
      expect(marksOf(tag, 'can’t fill the void')).toEqual(['underline', 'highlight:yellow']);
      expect(marksOf(tag, 'Sanctions ')).toEqual([]);
    },
  },
  {
    pattern: '8. Layout: blank paragraphs kept, analytics stay analytics, an untagged card gets no empty Heading 4',
    document: documentXml(
      para('Heading3', run('Block')),
      para(null, run('A note under the block, before any tag.')),
      para(null),
      TAG('Extend: they dropped the link turn'),
      para(null),
      para('Analytic', run('Our own argument in Verbatim’s Analytic style')),
      TAG('A card'),
      CITE('Smith 21', ', Professor'),
      EVIDENCE,
      para(null),
      para(null),
      TAG('Next card'),
      CITE('Jones 20', ', Reporter'),
      EVIDENCE,
    ),
    styles: STYLES,
    check: async (doc) => {
      expect(doc.content!.map((n) => (n.type === 'analytic' ? `analytic:${String(n.attrs?.heading ?? false)}` : n.type))).toEqual([
        'block', 'card', 'blank', 'analytic:true', 'blank', 'analytic:false', 'card', 'blank', 'blank', 'card',
      ]);
      const untagged = cards(doc)[0]!;
      expect(texts(part(untagged, 'tag'))).toEqual([]);
      const xml = await exportedXml(doc, 'word/document.xml');
      expect(xml).not.toMatch(/<w:pStyle w:val="Heading4"\/><\/w:pPr><\/w:p>/);
      expect(xml).toContain('<w:pStyle w:val="Analytic"/>');
    },
  },
  {
    pattern: '9. The document’s own look: Letter page, its margins, Times New Roman, its style definitions',
    document: documentWithSection(
      '<w:sectPr><w:pgSz w:w="12240" w:h="15840"/><w:pgMar w:top="1080" w:right="1080" w:bottom="1080" w:left="1080" w:header="720" w:footer="720" w:gutter="0"/></w:sectPr>',
      TAG('Look'),
      CITE('Smith 21', ', Professor'),
      para(null, run('key', '<w:rStyle w:val="Emphasis"/>')),
    ),
    styles: stylesWithDefaults('<w:rFonts w:ascii="Times New Roman" w:hAnsi="Times New Roman"/><w:sz w:val="24"/>', ...VERBATIM),
    check: async (doc) => {
      expect(docxLookOf(doc)).toMatchObject({ page: { width: 12240, height: 15840, top: 1080, left: 1080 }, font: 'Times New Roman', sizePt: 12 });
      const xml = await exportedXml(doc, 'word/document.xml');
      expect(xml).toContain('<w:pgSz w:w="12240" w:h="15840"/>');
      expect(xml).toContain('<w:pgMar w:top="1080" w:right="1080" w:bottom="1080" w:left="1080"');
      const styles = await exportedXml(doc, 'word/styles.xml');
      expect(styles).toContain('w:ascii="Times New Roman"');
      expect(styles).toMatch(/w:styleId="Emphasis">.*?<w:bdr w:val="single"/);
    },
  },
  {
    pattern: '9. A Word in another language: styles found by name, not added twice',
    document: documentXml(
      para('berschrift4', run('Tag in a German Word')),
      para(null, run('Smith 21', '<w:rStyle w:val="Zitat13pt"/>'), run(', Professor')),
      para(null, run('read', '<w:rStyle w:val="Hervorhebung"/>'), run(' unread', SMALL)),
    ),
    styles: stylesXml(
      style('paragraph', 'Standard', 'Normal'),
      style('paragraph', 'berschrift4', 'heading 4', '<w:pPr><w:outlineLvl w:val="3"/></w:pPr><w:rPr><w:b/><w:sz w:val="26"/></w:rPr>'),
      style('character', 'Zitat13pt', 'Style 13 pt Bold', '<w:rPr><w:b/><w:sz w:val="26"/></w:rPr>'),
      style('character', 'Hervorhebung', 'Emphasis', '<w:rPr><w:b/><w:u w:val="single"/></w:rPr>'),
    ),
    check: async (doc) => {
      expect(shortCite(cards(doc)[0]!)).toBe('Smith 21');
      expect(marksOf(part(cards(doc)[0]!, 'body'), 'read')).toEqual(['emphasis']);
      const xml = await exportedXml(doc, 'word/document.xml');
      expect(xml).toContain('<w:pStyle w:val="berschrift4"/>');
      expect(xml).toContain('<w:rStyle w:val="Zitat13pt"/>');
      expect(xml).toContain('<w:rStyle w:val="Hervorhebung"/>');
      const styles = await exportedXml(doc, 'word/styles.xml');
      expect(styles.match(/<w:name w:val="heading 4"\/>/g)).toHaveLength(1);
      expect(styles.match(/<w:name w:val="Emphasis"\/>/g)).toHaveLength(1);
    },
  },
  {
    pattern: 'Mark card: the macro’s <<MARKED>> line joins the end of the line before; one inside a paragraph stays where it is',
    document: documentXml(
      TAG('Marked on a line of its own'),
      CITE('Smith 21', ', Professor'),
      para(null, run('read words', '<w:rStyle w:val="StyleUnderline"/>'), run(' then stopped', SMALL)),
      para(null, run('<<MARKED>>')),
      para(null, run('Words not read.', SMALL)),
      TAG('Marked mid-paragraph'),
      CITE('Jones 20', ', Reporter'),
      para(null, run('read up to ', '<w:rStyle w:val="StyleUnderline"/>'), run('<<MARKED>>', '<w:b/>'), run('and no further', SMALL)),
    ),
    styles: STYLES,
    check: async (doc) => {
      const [own, inline] = cards(doc).map((c) => part(c, 'body')!.content!.map((p) => (p.content ?? []).map((n) => (n.type === 'marker' ? '^' : n.text)).join('')));
      expect(own).toEqual(['read words then stopped^', 'Words not read.']);
      expect(inline).toEqual(['read up to ^and no further']);
      const xml = await exportedXml(doc, 'word/document.xml');
      expect(xml.match(/<w:t xml:space="preserve">&lt;&lt;MARKED&gt;&gt;<\/w:t>/g)).toHaveLength(2);
    },
  },
];

describe('Verbatim files as debaters write them (issue 11 patterns)', () => {
  it.each(ROWS)('$pattern', async ({ document, styles, check }) => {
    const bytes = docxFile({ document, styles: styles ?? STYLES });
    const { doc } = parseVerbatimDocx(bytes, 'pattern.docx');
    await check(doc, bytes);
  });

  it.each(ROWS)('round trip (import, export, import): $pattern', async ({ document, styles }) => {
    const first = parseVerbatimDocx(docxFile({ document, styles: styles ?? STYLES }), 'pattern.docx');
    const again = parseVerbatimDocx(await briefToDocx({ title: first.title, doc: first.doc }), 'again.docx');
    expect(normalised(again.doc)).toEqual(normalised(first.doc));
    // A file that states no page is written on Word's default, US Letter with one-inch margins.
    const look = docxLookOf(first.doc)!;
    expect(docxLookOf(again.doc)).toMatchObject({ page: look.page ?? LETTER, font: look.font, sizePt: look.sizePt });
  });
});

describe('a brief made in Cardfile', () => {
  it('exports on Verbatim’s defaults: US Letter, one-inch margins, Verbatim styles', async () => {
    const doc: DocJSON = { type: 'doc', content: [{ type: 'analytic', content: [{ type: 'text', text: 'An argument' }] }] };
    const xml = await exportedXml(doc, 'word/document.xml');
    expect(xml).toContain('<w:pgSz w:w="12240" w:h="15840"/>');
    expect(await exportedXml(doc, 'word/styles.xml')).toContain('w:styleId="Style13ptBold"');
  });
});

describe('a generated real-shaped Verbatim file (bench/verbatim-generator.ts)', () => {
  it('holds every pattern at once and comes back the same through export and import', async () => {
    const first = parseVerbatimDocx(await generateVerbatimDocx(3, { cards: 40 }), 'generated.docx');
    const nodes = first.doc.content!;
    expect(cards(first.doc)).toHaveLength(40);
    expect(nodes.some((n) => n.type === 'analytic')).toBe(true);
    expect(nodes.some((n) => n.type === 'blank')).toBe(true);
    const json = JSON.stringify(first.doc);
    for (const mark of ['"emphasis"', '"size","attrs":{"pt":8}', '"size","attrs":{"pt":6}', '"underline"', '"highlight"']) expect(json).toContain(mark);
    expect(cards(first.doc).every((c) => shortCite(c) !== '')).toBe(true);
    const again = parseVerbatimDocx(await briefToDocx({ title: first.title, doc: first.doc }), 'again.docx');
    expect(normalised(again.doc)).toEqual(normalised(first.doc));
  });
});

describe('an imported Verbatim file in the library', () => {
  it('keeps its look, analytics, blank lines, undertags and run sizes through the store', async () => {
    const { importInto } = await import('../../../electron/services/importers/import-into-library.js');
    const { Library } = await import('../../../electron/services/library/library.js');
    const { tempLibraryPath } = await import('../../helpers/temp-dir.js');
    const row = ROWS.find((r) => r.pattern.startsWith('8.'))!;
    const bytes = docxFile({
      document: documentWithSection('<w:sectPr><w:pgSz w:w="12240" w:h="15840"/><w:pgMar w:top="1080" w:right="1080" w:bottom="1080" w:left="1080" w:header="720" w:footer="720"/></w:sectPr>',
        row.document.replace(/^.*<w:body>|<w:sectPr\/><\/w:body>.*$/g, ''),
        TAG('Undertag card'), para(null, run('---framing line')), CITE('Robertson 8-4', ' [Dr Jeffrey Robertson]'), EVIDENCE),
      styles: STYLES,
    });
    const parsed = parseVerbatimDocx(bytes, 'layout.docx');
    const library = Library.open(tempLibraryPath());
    try {
      const outcome = await importInto(library, { name: 'layout.docx', bytes });
      expect(outcome.status).toBe('imported');
      const stored = library.briefs.get((outcome as { id: number }).id);
      expect(normalised(stored.doc)).toEqual(normalised(parsed.doc));
      expect(docxLookOf(stored.doc)).toEqual(docxLookOf(parsed.doc));
      expect(docxLookOf(stored.doc)!.page!.top).toBe(1080);
    } finally {
      library.close();
    }
  });
});
