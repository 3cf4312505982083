import { strToU8, Zip, ZipDeflate, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { ImportError } from '../../../electron/services/importers/import-error.js';
import { importInto } from '../../../electron/services/importers/import-into-library.js';
import { readSource } from '../../../electron/services/importers/import-source.js';
import { articleFromPdf } from '../../../electron/services/importers/pdf-importer.js';
import { openDocxPackage } from '../../../electron/services/importers/verbatim/docx-package.js';
import { Library } from '../../../electron/services/library/library.js';
import { MAX_TEXT } from '../../../shared/api.js';
import { looksHardWrapped, splitParagraphs } from '../../../shared/text.js';
import { makePdf } from '../../helpers/make-pdf.js';
import { tempLibraryPath } from '../../helpers/temp-dir.js';

const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';

/**
 * A small .docx whose document.xml honestly unpacks to `mb` megabytes: one paragraph of text,
 * deflated a megabyte at a time so the test never holds the whole part.
 */
function honestlyHugeDocx(mb: number): Uint8Array {
  const chunks: Uint8Array[] = [];
  const zip = new Zip((err, chunk) => {
    if (err) throw err;
    chunks.push(chunk);
  });
  const types = new ZipDeflate('[Content_Types].xml');
  zip.add(types);
  types.push(strToU8('<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>'), true);
  const doc = new ZipDeflate('word/document.xml', { level: 1 });
  zip.add(doc);
  doc.push(strToU8(`<w:document ${W}><w:body><w:p><w:r><w:t>`));
  const megabyte = strToU8('Syria '.repeat(Math.floor((1024 * 1024) / 6)).padEnd(1024 * 1024, ' '));
  for (let i = 0; i < mb; i++) doc.push(megabyte);
  doc.push(strToU8('</w:t></w:r></w:p></w:body></w:document>'), true);
  zip.end();
  return Buffer.concat(chunks);
}

const pdfOfPages = (count: number) => makePdf(Array.from({ length: count }, (_, i) => [{ text: `Page ${i + 1} of the report on the ceasefire.`, y: 700 }]));

describe('limits that protect the library (hostile but honest inputs)', () => {
  it.each([
    {
      name: 'a .txt of 21 million characters',
      input: () => ({ name: 'huge.txt', bytes: strToU8(`Title\n\n${'The ceasefire holds. '.repeat(Math.ceil(21_000_000 / 21))}`) }),
      problem: /^Could not import huge\.txt: its text is 21\.0 million characters; an article holds at most 20 million\./,
    },
    {
      name: 'a small .docx whose document.xml honestly unpacks to 250 MB',
      input: () => ({ name: 'bomb.docx', bytes: honestlyHugeDocx(250) }),
      problem: /^Could not import bomb\.docx: its word\/document\.xml unpacks to 250 MB; parts over 64 MB are refused/,
    },
    {
      name: 'a PDF of 2,001 pages',
      input: () => ({ name: 'book.pdf', bytes: pdfOfPages(2_001) }),
      problem: /^Could not import book\.pdf: it has 2,001 pages; PDFs over 2,000 pages are not imported\./,
    },
  ])('$name is refused with a clear error and the library is unchanged', async ({ input, problem }) => {
    const source = input();
    await expect(readSource(source)).rejects.toThrow(problem);
    const library = Library.open(tempLibraryPath());
    library.articles.insert({ title: 'Existing', authors: [], publication: '', publishedDate: '', url: '', accessedDate: '', sourceKind: 'paste', text: 'Kept.' });
    const before = library.info();
    expect(await importInto(library, source)).toMatchObject({ status: 'failed', error: expect.stringMatching(problem) });
    expect(library.info()).toEqual(before);
    library.close();
  });

  it('the 250 MB document.xml is refused from its declared size, before any of it is inflated', () => {
    const bytes = honestlyHugeDocx(250);
    expect(bytes.length).toBeLessThan(2 * 1024 * 1024);
    const pkg = openDocxPackage(bytes, 'bomb.docx');
    const heapBefore = process.memoryUsage().heapUsed + process.memoryUsage().arrayBuffers;
    expect(() => pkg.readText('word/document.xml')).toThrow(ImportError);
    // Had it inflated the part, 250 MB would have passed through memory; a few kB did.
    expect(process.memoryUsage().heapUsed + process.memoryUsage().arrayBuffers - heapBefore).toBeLessThan(16 * 1024 * 1024);
  });

  it('a PDF that takes longer than its time budget is stopped between pages', async () => {
    await expect(articleFromPdf(pdfOfPages(3), 'slow.pdf', { maxPages: 2_000, timeBudgetMs: 0 })).rejects.toThrow(
      'Could not import slow.pdf: reading it took over 0 s and was stopped at page 1 of 3; import a shorter part of it.',
    );
    // The same PDF within the budget reads in full.
    expect((await articleFromPdf(pdfOfPages(3), 'ok.pdf')).text).toContain('Page 3 of the report');
  });

  it('the text limit is the Api’s, so an import never stores what an edit or export would refuse', async () => {
    const atLimit = `Title\n\n${'x'.repeat(MAX_TEXT - 10)}`;
    const imported = await readSource({ name: 'at-limit.txt', bytes: strToU8(atLimit) });
    expect(imported.kind === 'article' && imported.fields.text.length).toBeLessThanOrEqual(MAX_TEXT);
  });

  it('a text of 131,000 lines is split without overflowing the stack, and imports', async () => {
    const lines = Array.from({ length: 131_000 }, (_, i) => `Line ${i} of a long wrapped transcript of the talks in Geneva.`);
    const text = lines.join('\n');
    expect(looksHardWrapped(text)).toBe(true);
    expect(splitParagraphs(text)).toHaveLength(1);
    const imported = await readSource({ name: 'transcript.txt', bytes: strToU8(`Geneva transcript\n\n${text}`) });
    expect(imported.kind === 'article' && imported.fields.text).toContain('Line 130999 of a long');
  });

  it('a zip of a normal-sized brief still opens (the part limit is far above real briefs)', async () => {
    const small = zipSync({ 'word/document.xml': strToU8(`<w:document ${W}><w:body><w:p><w:r><w:t>Plain words in a document.</w:t></w:r></w:p></w:body></w:document>`) });
    const imported = await readSource({ name: 'plain.docx', bytes: small });
    expect(imported).toMatchObject({ kind: 'article', fields: { text: expect.stringContaining('Plain words') } });
  });
});
