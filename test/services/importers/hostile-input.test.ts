import fs from 'node:fs';
import path from 'node:path';
import { Document, HeadingLevel, Packer, Paragraph } from 'docx';
import { deflateSync, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { importInto } from '../../../electron/services/importers/import-into-library.js';
import { Library } from '../../../electron/services/library/library.js';
import { tempDir, tempLibraryPath } from '../../helpers/temp-dir.js';
import { makePdf } from '../../helpers/make-pdf.js';

const PARAGRAPHS = [
  'The Geneva summit between Putin and Biden did not bring a sudden transformation in Russian – American relations.',
  'Even the low-hanging fruit of restoring diplomatic presence failed to materialise as Moscow implemented its ban on local staff.',
];

async function articleDocx(): Promise<Buffer> {
  const doc = new Document({
    title: 'With Russian-American entente moving forward, is there a place in Europe?',
    creator: 'Igor Istomin',
    sections: [{ children: [new Paragraph({ text: 'A heading that is not the title', heading: HeadingLevel.HEADING_1 }), ...PARAGRAPHS.map((text) => new Paragraph({ text }))] }],
  });
  return Packer.toBuffer(doc);
}

// A zip whose word/document.xml inflates to `real` bytes of spaces but declares `declared`.
function zipBomb(real: number, declared: number): Uint8Array {
  const zip = zipSync({ '[Content_Types].xml': new TextEncoder().encode('<Types/>'), 'word/document.xml': new Uint8Array(real).fill(32) }, { level: 1 });
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  for (let p = 0; p + 4 <= zip.length; p++) {
    const sig = view.getUint32(p, true);
    if (sig === 0x04034b50) view.setUint32(p + 22, declared, true); // local header: uncompressed size
    if (sig === 0x02014b50) view.setUint32(p + 24, declared, true); // central directory: uncompressed size
  }
  return zip;
}

describe('a plain Word document', () => {
  it('imports as an article with its core properties', async () => {
    const library = Library.open(tempLibraryPath());
    const outcome = await importInto(library, { name: 'istomin.docx', bytes: await articleDocx() });
    expect(outcome).toMatchObject({ status: 'imported', kind: 'article', title: 'With Russian-American entente moving forward, is there a place in Europe?' });
    expect(library.articles.list()[0]).toMatchObject({ authors: [{ name: 'Igor Istomin', quals: '' }], sourceKind: 'docx', text: ['A heading that is not the title', ...PARAGRAPHS].join('\n\n'), publishedDate: '' });
    library.close();
  });

  it('a Verbatim brief .docx becomes a brief, not an article', async () => {
    const doc = new Document({
      sections: [{ children: [
        new Paragraph({ text: 'Answers to: Russia Won’t Cooperate on Syria', heading: HeadingLevel.HEADING_3 }),
        new Paragraph({ text: 'Russian mediation in Syria fails', heading: HeadingLevel.HEADING_4 }),
        new Paragraph({ text: 'Thai News Service, September 7, 2021' }),
        new Paragraph({ text: PARAGRAPHS[0]! }),
      ] }],
    });
    const library = Library.open(tempLibraryPath());
    const outcome = await importInto(library, { name: 'AT Russia.docx', bytes: await Packer.toBuffer(doc) });
    expect(outcome).toMatchObject({ status: 'imported', kind: 'brief', title: 'AT Russia' });
    expect(library.info()).toMatchObject({ articles: 0, briefs: 1 });
    library.close();
  });
});

// Each row: a hostile input, and the one error it must give. The library must not change.
const hostile: [string, () => Promise<{ name: string; bytes: Uint8Array } | { file: string }>, RegExp][] = [
  ['a truncated PDF', async () => { const pdf = makePdf([[{ text: 'Some text on the page', y: 700 }]]); return { name: 'cut.pdf', bytes: pdf.subarray(0, pdf.length / 2) }; }, /PDF is truncated or damaged/],
  ['a corrupt PDF', async () => ({ name: 'junk.pdf', bytes: Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(4000, 0xa7), Buffer.from('\n%%EOF\n')]) }), /PDF is damaged|no text layer/],
  ['a file named .pdf that is not one', async () => ({ name: 'fake.pdf', bytes: Buffer.from('hello, this is text') }), /not a PDF/],
  ['a truncated docx', async () => { const d = await articleDocx(); return { name: 'cut.docx', bytes: d.subarray(0, Math.floor(d.length * 0.6)) }; }, /damaged|incomplete/],
  ['a docx with malformed XML', async () => ({ name: 'bad.docx', bytes: zipSync({ 'word/document.xml': new TextEncoder().encode('<w:document><w:body><w:p></w:body>') }) }), /not well-formed XML/],
  ['a zip bomb named .docx (hiding its size)', async () => ({ name: 'bomb.docx', bytes: zipBomb(32 * 1024 * 1024, 1024) }), /zip bomb/],
  ['a zip bomb named .docx (declaring 3 GB)', async () => ({ name: 'big.docx', bytes: zipBomb(1024, 3 * 1024 * 1024 * 1024) }), /zip bomb/],
  ['a 200 MB file', async () => { const file = path.join(tempDir(), 'huge.txt'); fs.closeSync(fs.openSync(file, 'w')); fs.truncateSync(file, 200 * 1024 * 1024); return { file }; }, /200 MB; files over 100 MB are not imported/],
  ['binary junk named .txt', async () => ({ name: 'notes.txt', bytes: deflateSync(new TextEncoder().encode('x'.repeat(10_000) + Math.random())) }), /not text \(it looks like a binary file\)/],
  ['an old .doc', async () => ({ name: 'brief.doc', bytes: Buffer.from([0xd0, 0xcf, 0x11, 0xe0]) }), /save it as \.docx/],
  ['HTML that is only scripts', async () => ({ name: 'page.html', bytes: Buffer.from('<html><body><script>document.write("<p>pwned pwned pwned</p>")</script><img src=x onerror="alert(1)"></body></html>') }), /no article text/],
  ['an empty text file', async () => ({ name: 'empty.txt', bytes: new Uint8Array(0) }), /the file is empty \(0 bytes\)/],
  ['an empty PDF', async () => ({ name: 'empty.pdf', bytes: new Uint8Array(0) }), /the file is empty \(0 bytes\)/],
  ['an empty Word file', async () => ({ name: 'empty.docx', bytes: new Uint8Array(0) }), /the file is empty \(0 bytes\)/],
];

describe('hostile input: one clear error naming the file, library unchanged', () => {
  it.each(hostile)('%s', async (_name, make, problem) => {
    const library = Library.open(tempLibraryPath());
    await importInto(library, { text: 'An article already in the library.\nIts one paragraph stays.' });
    const before = library.info();
    const input = await make();
    const outcome = await importInto(library, input);
    const source = 'file' in input ? input.file : input.name;
    expect(outcome.status).toBe('failed');
    const error = outcome.status === 'failed' ? outcome.error : '';
    expect(error.startsWith(`Could not import ${source}: `)).toBe(true);
    expect(error).toMatch(problem);
    expect(library.info()).toEqual(before);
    library.close();
  });
});
