import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { describe, expect, it } from 'vitest';
import { exportBrief } from '../../../electron/services/exporters/export-brief.js';
import { PdfOutlineError, withOutline } from '../../../electron/services/exporters/pdf-outline.js';
import type { ContentsEntry } from '../../../shared/brief-html.js';
import { tempDir } from '../../helpers/temp-dir.js';
import { SAMPLE_BRIEF } from './sample-brief.js';

/** A PDF laid out as Chromium prints one: classic xref table, the catalog's /Dests a dictionary of named destinations. */
function chromiumShapedPdf(destNames: readonly string[], { catalogExtra = '', pages = 3 } = {}): Uint8Array {
  const pageNums = Array.from({ length: pages }, (_, i) => 5 + i);
  const objects = [
    `<</Type /Catalog\n/Pages 2 0 R\n/Dests 4 0 R${catalogExtra}\n/ViewerPreferences <</Type /ViewerPreferences\n/DisplayDocTitle true>>>>`,
    `<</Type /Pages\n/Count ${pages}\n/Kids [${pageNums.map((n) => `${n} 0 R`).join(' ')}]>>`,
    '<</Title (Brief \\(draft\\) \\\\ one)\n/Producer (Skia/PDF m156)>>',
    `<<${destNames.map((name, i) => `/${name} [${pageNums[i % pages]} 0 R /XYZ 0 ${700 - i} 0]`).join('\n')}>>`,
    ...pageNums.map(() => '<</Type /Page\n/Parent 2 0 R\n/MediaBox [0 0 612 792]>>'),
  ];
  let text = '%PDF-1.4\n%\u00e2\u00e3\u00cf\u00d3\n';
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(text.length);
    text += `${i + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = text.length;
  text += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  text += `trailer\n<</Size ${objects.length + 1}\n/Root 1 0 R\n/Info 3 0 R\n/ID [<0A1B> <0A1B>]>>\nstartxref\n${xref}\n%%EOF`;
  return new Uint8Array(Buffer.from(text, 'latin1'));
}

const entry = (id: string, level: ContentsEntry['level'], title = id): ContentsEntry => ({ id, level, title });

interface ReadItem {
  title: string;
  dest: string;
  items: ReadItem[];
}

/** The outline as pdfjs (an independent reader) sees it: "title→dest", children indented. */
async function outlineOf(pdf: Uint8Array): Promise<string[]> {
  const doc = await getDocument({ data: new Uint8Array(pdf), isEvalSupported: false, verbosity: 0 }).promise;
  const lines: string[] = [];
  const walk = (items: ReadItem[] | null, depth: number): void => items?.forEach((item) => (lines.push(`${'  '.repeat(depth)}${item.title}→${item.dest}`), walk(item.items, depth + 1)));
  walk((await doc.getOutline()) as ReadItem[] | null, 0);
  await doc.destroy();
  return lines;
}

describe('withOutline: the brief outline appended to a printed PDF', () => {
  const cases: { name: string; entries: ContentsEntry[]; outline: string[] }[] = [
    {
      name: 'pocket, hat, block and tags nest as in the brief',
      entries: [entry('n0', 'pocket'), entry('n1', 'hat'), entry('n2', 'block'), entry('n3', 'tag'), entry('n4', 'tag'), entry('n5', 'block'), entry('n6', 'tag')],
      outline: ['n0→n0', '  n1→n1', '    n2→n2', '      n3→n3', '      n4→n4', '    n5→n5', '      n6→n6'],
    },
    {
      name: 'a level skipped hangs under the nearest higher heading',
      entries: [entry('n0', 'pocket'), entry('n1', 'block'), entry('n2', 'tag'), entry('n3', 'hat'), entry('n4', 'tag')],
      outline: ['n0→n0', '  n1→n1', '    n2→n2', '  n3→n3', '    n4→n4'],
    },
    {
      name: 'tags before any heading are top-level items',
      entries: [entry('n0', 'tag'), entry('n1', 'tag'), entry('n2', 'block'), entry('n3', 'tag')],
      outline: ['n0→n0', 'n1→n1', 'n2→n2', '  n3→n3'],
    },
    {
      name: 'an entry without a destination is left out and its children move up',
      entries: [entry('n0', 'pocket'), entry('gone', 'block'), entry('n1', 'tag'), entry('n2', 'tag')],
      outline: ['n0→n0', '  n1→n1', '  n2→n2'],
    },
  ];
  for (const { name, entries, outline } of cases) {
    it(name, async () => {
      const pdf = chromiumShapedPdf(['n0', 'n1', 'n2', 'n3', 'n4', 'n5', 'n6']);
      const out = withOutline(pdf, entries);
      // An incremental update: the printed bytes are kept whole, ahead of it.
      expect(Buffer.from(out.subarray(0, pdf.length)).equals(Buffer.from(pdf))).toBe(true);
      expect(await outlineOf(out)).toEqual(outline);
    });
  }

  it('cuts a very long title at 500 UTF-16 units, never through an emoji', async () => {
    const cuts: [string, string][] = [
      ['a'.repeat(499) + '🙂', 'a'.repeat(499)], // the pair would straddle the cut: it goes whole
      ['a'.repeat(498) + '🙂tail', 'a'.repeat(498) + '🙂'], // the pair ends at the cut: it stays
      ['a'.repeat(500), 'a'.repeat(500)],
    ];
    const out = withOutline(chromiumShapedPdf(['n0', 'n1', 'n2']), cuts.map(([title], i) => entry(`n${i}`, 'block', title)));
    expect(await outlineOf(out)).toEqual(cuts.map(([, kept], i) => `${kept}→n${i}`));
  });

  it('keeps any title exactly (parentheses, backslashes, accents, emoji) and the document info', async () => {
    const title = 'Answers to: “Russia” (cooperates) \\ naïve 🇺🇦 ) (';
    const out = withOutline(chromiumShapedPdf(['n0']), [entry('n0', 'block', title)]);
    expect(await outlineOf(out)).toEqual([`${title}→n0`]);
    const file = path.join(tempDir(), 'outlined.pdf');
    fs.writeFileSync(file, out);
    const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
    expect(info).toMatch(/Title:\s+Brief \(draft\) \\ one/);
    expect(info).toMatch(/Pages:\s+3/);
  });

  it('opens blocks closed and what is above them open, so a reader first shows the headings', () => {
    const out = Buffer.from(withOutline(chromiumShapedPdf(['n0', 'n1', 'n2', 'n3', 'n4']), [entry('n0', 'hat'), entry('n1', 'block'), entry('n2', 'tag'), entry('n3', 'tag'), entry('n4', 'block')])).toString('latin1');
    expect(out).toMatch(/<<\/Type \/Outlines\n\/First \d+ 0 R\n\/Last \d+ 0 R\n\/Count 3>>/);
    expect(out).toContain('/Dest /n1\n/Next 13 0 R\n/First 11 0 R\n/Last 12 0 R\n/Count -2>>');
    expect(out).toContain('/PageMode /UseOutlines');
    // A page mode the PDF set already stays the only one.
    const fullScreen = Buffer.from(withOutline(chromiumShapedPdf(['n0'], { catalogExtra: '\n/PageMode /FullScreen' }), [entry('n0', 'tag')])).toString('latin1');
    expect(fullScreen.match(/\/PageMode/g)).toHaveLength(2);
    expect(fullScreen.slice(fullScreen.lastIndexOf('1 0 obj'))).toMatch(/\/PageMode \/FullScreen\n\/ViewerPreferences[^]*\/Outlines \d+ 0 R>>/);
  });

  it('finds the catalog and destinations through an earlier update, and keeps what that update changed', async () => {
    const base = Buffer.from(chromiumShapedPdf(['n0', 'n1'])).toString('latin1');
    const prev = /startxref\n(\d+)/.exec(base)![1];
    const object = '1 0 obj\n<</Type /Catalog\n/Pages 2 0 R\n/Dests 4 0 R\n/Lang (en-US)>>\nendobj\n';
    const at = base.length + 1;
    const updated = `${base}\n${object}xref\n1 1\n${String(at).padStart(10, '0')} 00000 n \ntrailer\n<</Size 8\n/Root 1 0 R\n/Prev ${prev}>>\nstartxref\n${at + object.length}\n%%EOF\n`;
    const out = withOutline(new Uint8Array(Buffer.from(updated, 'latin1')), [entry('n0', 'block'), entry('n1', 'tag')]);
    expect(await outlineOf(out)).toEqual(['n0→n0', '  n1→n1']);
    expect(Buffer.from(out).toString('latin1')).toMatch(/\/Lang \(en-US\)\n\/Outlines \d+ 0 R/);
  });

  it('returns a PDF that already has an outline, or no destinations, or no entries, as it is', () => {
    const hasOutline = chromiumShapedPdf(['n0'], { catalogExtra: '\n/Outlines 3 0 R' });
    expect(withOutline(hasOutline, [entry('n0', 'tag')])).toBe(hasOutline);
    const noDests = new Uint8Array(Buffer.from(Buffer.from(chromiumShapedPdf(['n0'])).toString('latin1').replace('/Dests 4 0 R', '/Deets 4 0 R'), 'latin1'));
    expect(withOutline(noDests, [entry('n0', 'tag')])).toBe(noDests);
    const pdf = chromiumShapedPdf(['n0']);
    expect(withOutline(pdf, [])).toBe(pdf);
    expect(withOutline(pdf, [entry('n9', 'tag')])).toBe(pdf);
  });

  const latin1 = (text: string) => new Uint8Array(Buffer.from(text, 'latin1'));
  const good = Buffer.from(chromiumShapedPdf(['n0'])).toString('latin1');
  const hostile: { name: string; pdf: Uint8Array; error: RegExp }[] = [
    { name: 'no PDF at all', pdf: latin1('not a pdf'), error: /no startxref/ },
    { name: 'a truncated PDF', pdf: latin1(good.slice(0, good.length / 2)), error: /no startxref/ },
    { name: 'cross-references in a stream', pdf: latin1(good.replace(/startxref\n\d+/, 'startxref\n9')), error: /in a stream/ },
    { name: 'a trailer without a root', pdf: latin1(good.replace('/Root 1 0 R', '/Rot 1 0 R')), error: /no \/Size or \/Root/ },
    { name: 'a damaged xref section', pdf: latin1(good.replace('xref\n0 8', 'xref\nzero eight')), error: /damaged cross-reference/ },
    { name: 'an xref entry pointing elsewhere', pdf: latin1(good.replace(/\n(\d{10}) 00000 n \n/, (_m, o: string) => `\n${String(Number(o) + 3).padStart(10, '0')} 00000 n \n`)), error: /does not point at it/ },
    { name: 'sections whose /Prev loops', pdf: latin1(good.replace('xref\n0 8', 'xref\n10 8').replace('/Size 8', `/Size 8\n/Prev ${/startxref\n(\d+)/.exec(good)![1]}`)), error: /loop/ },
  ];
  for (const { name, pdf, error } of hostile) {
    it(`refuses ${name} with a PdfOutlineError and no output`, () => {
      expect(() => withOutline(pdf, [entry('n0', 'tag')])).toThrow(PdfOutlineError);
      expect(() => withOutline(pdf, [entry('n0', 'tag')])).toThrow(error);
    });
  }

  it('leaves exportBrief the printed PDF, without bookmarks, when a browser writes one the outline writer cannot update', async () => {
    // As a browser that keeps its cross-references in a stream would print it.
    const printed = latin1(good.replace(/startxref\n\d+/, 'startxref\n9'));
    const jobs: { tagged: boolean }[] = [];
    const file = await exportBrief({ title: 'Russia', doc: SAMPLE_BRIEF }, 'pdf', { printPdf: (job) => (jobs.push(job), Promise.resolve(printed)) });
    expect(file.data).toBe(printed);
    expect(jobs).toEqual([expect.objectContaining({ tagged: false })]);
  });
});
