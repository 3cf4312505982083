import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import mammoth from 'mammoth';
import { describe, expect, it } from 'vitest';
import { chromiumPrinter } from '../../../electron/services/exporters/chromium-printer.js';
import { exportBrief } from '../../../electron/services/exporters/export-brief.js';
import type { PdfPrinter } from '../../../electron/services/exporters/pdf-printer.js';
import { briefToHtml } from '../../../shared/brief-html.js';
import type { DocJSON } from '../../../shared/model.js';
import { clipboardContent } from '../../../shared/clipboard.js';
import { tempDir } from '../../helpers/temp-dir.js';
import { card, SAMPLE_BRIEF, SAMPLE_TITLE } from './sample-brief.js';

const brief = { title: SAMPLE_TITLE, doc: SAMPLE_BRIEF };
const noPrinter: PdfPrinter = { printPdf: () => Promise.reject(new Error('no PDF wanted here')) };

describe('docx export read by an independent reader (mammoth)', () => {
  it('has the headings as headings 1-4 and every text', async () => {
    const file = await exportBrief(brief, 'docx', noPrinter);
    expect(file.name).toBe('Russia DA – answers.docx');
    const { value: html } = await mammoth.convertToHtml({ buffer: Buffer.from(file.data) });
    expect(html).toContain('<h1>1NC</h1>');
    expect(html).toContain('<h2>Russia DA</h2>');
    expect(html).toContain('<h3>Answers to: Russia Won’t Cooperate on Syria</h3>');
    expect(html).toContain('<h4>Non-unique: Russian aggression in Syria now</h4>');
    expect(html).toContain('<h4>Extend: they dropped the link turn</h4>');
    expect(html).toContain('<h4>The last card is never dropped</h4>');
    const { value: text } = await mammoth.extractRawText({ buffer: Buffer.from(file.data) });
    for (const line of ['Ace 21 Mehmet Ace, 9 -16 September 2021', 'The crisis in Idlib has been at the bottom of the global agenda for quite some time now, harbingers have begun to emerge', 'darkMagenta', 'A Kremlin spokesperson raised concerns about U.S. aid.']) {
      expect(text).toContain(line);
    }
  });
});

/** The CSS of each element with a mark class, as `<span style="...">`: what the page shows, whatever the class is called. */
const marksInline = (html: string): string => {
  const rules = new Map([...html.matchAll(/\.(m\d+) \{ ([^}]*); \}/g)].map(([, name, css]) => [name!, css!]));
  return html.replace(/ class="(m\d+)"/g, (_, name: string) => ` style="${rules.get(name)}"`);
};

describe('HTML export', () => {
  it('escapes text, keeps marks as style classes and links a contents page', () => {
    const html = briefToHtml({ title: '<script>alert(1)</script>', doc: { type: 'doc', content: [card('Tags & <b>bold</b> "quotes"', ['Smith 21', ' <img src=x onerror=alert(1)>'], [{ type: 'paragraph', content: [{ type: 'text', text: 'read', marks: [{ type: 'underline' }, { type: 'highlight', attrs: { colour: 'green' } }] }, { type: 'text', text: ' shrunk' }] }], 6)] } }, { contents: true });
    expect(html).not.toContain('<script>');
    expect(html).not.toContain('<img');
    expect(html).toContain('Tags &#38; &#60;b&#62;bold&#60;/b&#62; &#34;quotes&#34;');
    expect(html).not.toContain('style="');
    expect(marksInline(html)).toContain('<span style="text-decoration:underline;background-color:#00ff00;color:#000000">read</span>');
    expect(marksInline(html)).toContain('<span style="font-size:6pt"> shrunk</span>');
    expect(html).toMatch(/<a href="#n0">Tags/);
  });

  // A card cut a few words at a time is mostly neighbouring runs with the same marks.
  const run = (text: string, ...marks: string[]): DocJSON => ({ type: 'text', text, marks: marks.map((type) => (type === 'yellow' ? { type: 'highlight', attrs: { colour: 'yellow' } } : type === 'small' ? { type: 'size', attrs: { pt: 8 } } : { type })) });
  it.each([
    ['two underlined runs', [run('one ', 'underline'), run('two', 'underline')], '<span style="text-decoration:underline">one two</span>'],
    ['underline, then underline and highlight', [run('one ', 'underline'), run('two', 'underline', 'yellow')], '<span style="text-decoration:underline">one </span><span style="text-decoration:underline;background-color:#ffff00;color:#000000">two</span>'],
    ['shrunk, plain, shrunk', [run('a ', 'small'), run('b '), run('c', 'small')], '<span style="font-size:8pt">a </span>b <span style="font-size:8pt">c</span>'],
    ['plain runs', [run('a '), run('b')], 'a b'],
    ['around a marker', [run('a ', 'underline'), { type: 'marker' }, run('b', 'underline')], '<span style="text-decoration:underline">a </span><strong class="marker" style="font-weight:bold;color:#C00000">&#60;&#60;MARKED&#62;&#62;</strong><span style="text-decoration:underline">b</span>'],
  ])('puts neighbouring runs with the same marks in one element: %s', (_, runs, expected) => {
    const html = briefToHtml({ title: 'T', doc: { type: 'doc', content: [card('Tag', ['Smith 21', ' Professor'], [{ type: 'paragraph', content: runs }])] } });
    expect(marksInline(html)).toContain(`<div class="body"><p>${expected}</p></div>`);
    expect(clipboardContent([card('Tag', ['Smith 21', ' Professor'], [{ type: 'paragraph', content: runs }])]).html).toContain(`<div class="body"><p>${expected}</p></div>`);
  });
});

describe('clipboard', () => {
  it('gives rich HTML with inline underline and highlight, and plain text, for a card', () => {
    const cardNode = SAMPLE_BRIEF.content![3]!;
    const { html, text } = clipboardContent([cardNode]);
    expect(html).toContain('<h4 class="tag" id="n0">Non-unique: Russian aggression in Syria now</h4>');
    expect(html).toContain('<span style="font-weight:bold;text-decoration:underline;background-color:#ffff00;color:#000000">harbingers</span>');
    expect(html).toContain('<strong style="font-weight:bold;font-size:13pt">Ace 21</strong>');
    expect(text).toBe(
      'Non-unique: Russian aggression in Syria now\n\nAce 21 Mehmet Ace, 9 -16 September 2021, Is Putin prepping the ground for another attack on Idlib?\n\n' +
        'The crisis in Idlib has been at the bottom of the global agenda for quite some time now, harbingers have begun to emerge indicating calm may end.\n\n' +
        'Russian airstrikes in the region have intensified.',
    );
  });
  it('shows a Mark card marker as <<MARKED>> in bold red, not as evidence text', () => {
    const marked = card('Marked', ['Smith 21', ' Professor'], [{ type: 'paragraph', content: [{ type: 'text', text: 'read up to' }, { type: 'marker' }, { type: 'text', text: ' here' }] }]);
    const { html, text } = clipboardContent([marked]);
    expect(html).toContain('read up to<strong class="marker" style="font-weight:bold;color:#C00000">&#60;&#60;MARKED&#62;&#62;</strong> here');
    expect(text).toContain('read up to here');
  });

  it('copies a block with its heading', () => {
    const { text } = clipboardContent(SAMPLE_BRIEF.content!.slice(6, 9));
    expect(text.split('\n\n')[0]).toBe('A2: Russia cooperates');
    expect(text).toContain('The last card is never dropped');
  });
});

describe('PDF export through Chromium (playwright-core)', () => {
  it('prints the brief with a contents page, headings, highlighted text and page numbers', async () => {
    const file = await exportBrief(brief, 'pdf', chromiumPrinter());
    expect(file.name).toBe('Russia DA – answers.pdf');
    const dir = tempDir();
    const pdf = path.join(dir, file.name);
    fs.writeFileSync(pdf, file.data);
    expect(Buffer.from(file.data.subarray(0, 5)).toString()).toBe('%PDF-');
    const text = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' });
    for (const line of ['Contents', '1NC', 'Russia DA', 'Answers to: Russia Won’t Cooperate on Syria', 'Non-unique: Russian aggression in Syria now', 'Ace 21', 'harbingers', 'The last card is never dropped']) {
      expect(text).toContain(line);
    }
    const pages = text.split('\f').filter((p) => p.trim() !== '');
    // Contents, then the brief running on: no page break before its pocket, hat or blocks.
    expect(pages).toHaveLength(2);
    expect(pages[1]).toMatch(/1NC[^]*Russia DA[^]*Answers to: Russia Won’t Cooperate on Syria[^]*A2: Russia cooperates/);
    pages.forEach((page, i) => expect(page).toContain(`Page ${i + 1} of ${pages.length}`));
    // The headings and tags are PDF bookmarks, nested as in the brief, each going to its page (poppler reads them).
    expect(bookmarks(pdf)).toEqual([
      '2 1NC',
      '  2 Russia DA',
      '    2 Answers to: Russia Won’t Cooperate on Syria',
      '      2 Non-unique: Russian aggression in Syria now',
      '      2 Extend: they dropped the link turn',
      '      2 Every colour a debater highlights in',
      '    2 A2: Russia cooperates',
      '      2 Russia opposes the US in Syria now',
      '      2 The last card is never dropped',
    ]);
    // Untagged unless asked: tags double the print time of a big brief.
    expect(execFileSync('pdfinfo', [pdf], { encoding: 'utf8' })).toMatch(/Tagged:\s+no/);
    // Highlights print as their colours: rendered pages hold yellow, green and dark-blue (0,0,128) pixels.
    execFileSync('pdftoppm', ['-r', '40', pdf, path.join(dir, 'page')]);
    const colours = new Set<string>();
    for (const ppm of fs.readdirSync(dir).filter((f) => f.endsWith('.ppm'))) {
      const data = fs.readFileSync(path.join(dir, ppm));
      const [, width, height] = /^P6\s+(\d+)\s+(\d+)\s+255\s/.exec(data.subarray(0, 40).toString('latin1'))!;
      const pixels = data.subarray(data.length - Number(width) * Number(height) * 3);
      for (let i = 0; i + 2 < pixels.length; i += 3) colours.add(`${pixels[i]! >> 6},${pixels[i + 1]! >> 6},${pixels[i + 2]! >> 6}`);
    }
    expect([...colours]).toEqual(expect.arrayContaining(['3,3,0', '0,3,0', '0,0,2']));
  });
});

describe('a tagged PDF, when asked', () => {
  it('is tagged for screen readers and keeps the same bookmarks', async () => {
    const file = await exportBrief(brief, 'pdf', chromiumPrinter(), { tagged: true });
    const pdf = path.join(tempDir(), file.name);
    fs.writeFileSync(pdf, file.data);
    expect(execFileSync('pdfinfo', [pdf], { encoding: 'utf8' })).toMatch(/Tagged:\s+yes/);
    expect(bookmarks(pdf)).toHaveLength(9);
    expect(bookmarks(pdf)[3]).toBe('      2 Non-unique: Russian aggression in Syria now');
  });
});

/** The PDF's outline as poppler reads it: "page title", indented two spaces a level. */
function bookmarks(pdf: string): string[] {
  const xml = execFileSync('pdftohtml', ['-xml', '-i', '-stdout', '-f', '1', '-l', '1', pdf], { encoding: 'utf8' });
  const lines: string[] = [];
  let depth = -1;
  for (const [, tag, page, title] of xml.slice(xml.indexOf('<outline>')).matchAll(/<(\/?outline)>|<item page="(\d+)">([^<]*)<\/item>/g)) {
    if (tag === 'outline') depth++;
    else if (tag === '/outline') depth--;
    else lines.push(`${'  '.repeat(depth)}${page} ${title!.replace(/&#39;/g, "'").replace(/&amp;/g, '&')}`);
  }
  return lines;
}

describe('PDF page breaks before pockets, only when asked', () => {
  const twoPockets = {
    title: 'Two pockets',
    doc: { type: 'doc', content: [{ type: 'pocket', content: [{ type: 'text', text: 'First pocket' }] }, card('Tag one', ['Ace 21', ' Prof'], [{ type: 'paragraph', content: [{ type: 'text', text: 'Body one.' }] }]), { type: 'hat', content: [{ type: 'text', text: 'A hat' }] }, { type: 'pocket', content: [{ type: 'text', text: 'Second pocket' }] }, card('Tag two', ['Bo 22', ' Prof'], [{ type: 'paragraph', content: [{ type: 'text', text: 'Body two.' }] }])] },
  };
  const pagesOf = async (options: { pocketPageBreaks?: boolean }): Promise<string[]> => {
    const file = await exportBrief(twoPockets, 'pdf', chromiumPrinter(), options);
    const pdf = path.join(tempDir(), 'pockets.pdf');
    fs.writeFileSync(pdf, file.data);
    return execFileSync('pdftotext', [pdf, '-'], { encoding: 'utf8' }).split('\f').filter((p) => p.trim() !== '');
  };

  it('runs the brief on by default, and starts each pocket on a new page when asked', async () => {
    const [runOn, broken] = [await pagesOf({}), await pagesOf({ pocketPageBreaks: true })];
    expect(runOn).toHaveLength(2);
    expect(runOn[1]).toMatch(/First pocket[^]*A hat[^]*Second pocket[^]*Body two/);
    expect(broken).toHaveLength(3);
    expect(broken[1]).toMatch(/First pocket[^]*Body one[^]*A hat/);
    expect(broken[1]).not.toContain('Second pocket');
    expect(broken[2]!.trim()).toMatch(/^Second pocket[^]*Body two/);
  });
});

describe('PDF sizes print true (issue 11, pattern 10)', () => {
  // A 171-character URL with no break opportunity made Chromium shrink every page to fit it.
  const url = `https://www.example.com/search?q=${'abc%2Fdef%3Dghi'.repeat(10)}`;
  const brief = (cite: string): { title: string; doc: DocJSON } => ({
    title: 'sizes',
    doc: {
      type: 'doc',
      content: [card('Tag words here', ['Rana 12', cite], [{ type: 'paragraph', content: [{ type: 'text', text: 'Elevenpoint words in the body.' }] }])],
    },
  });
  /** The printed heights of the short cite and of a body word (pdftotext's word boxes, in points). */
  const heights = async (cite: string): Promise<{ cite: number; body: number }> => {
    const file = await exportBrief(brief(cite), 'pdf', chromiumPrinter());
    const pdf = path.join(tempDir(), 'sizes.pdf');
    fs.writeFileSync(pdf, file.data);
    const boxes = execFileSync('pdftotext', ['-bbox', pdf, '-'], { encoding: 'utf8' });
    expect(boxes).toContain('<page width="612.000000" height="792.000000">');
    const height = (word: string): number => {
      const box = new RegExp(`<word xMin="[\\d.]+" yMin="([\\d.]+)" xMax="[\\d.]+" yMax="([\\d.]+)">${word}</word>`).exec(boxes)!;
      return Number(box[2]) - Number(box[1]);
    };
    return { cite: height('Rana'), body: height('Elevenpoint') };
  };

  it('wraps a long unbreakable URL and prints the 13 pt short cite at 13 pt, as without the URL', async () => {
    const plain = await heights(' [Professor]');
    const withUrl = await heights(` [Professor] ${url}`);
    expect(withUrl.cite).toBeCloseTo(plain.cite, 1);
    expect(withUrl.body).toBeCloseTo(plain.body, 1);
    expect(withUrl.cite / withUrl.body).toBeCloseTo(13 / 11, 2);
  });
});
