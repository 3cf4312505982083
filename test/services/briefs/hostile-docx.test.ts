import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { createHandlers } from '../../../electron/services/api-handlers.js';
import { dispatch } from '../../../electron/services/dispatch.js';
import { ImportError } from '../../../electron/services/importers/import-error.js';
import { Library } from '../../../electron/services/library/library.js';
import { tempLibraryPath } from '../../helpers/temp-dir.js';
import { SAMPLE_BRIEF } from './sample-brief.js';
import { looksLikeVerbatimBrief, parseVerbatimDocx } from '../../../electron/services/importers/verbatim-docx.js';
import { docxFile, documentXml, para, run } from './word-fixture.js';

const GOOD = docxFile({ document: documentXml(para('Heading4', run('Tag')), para(null, run('Body text'))) });

/** Rewrites the declared uncompressed size of every entry in the zip's central directory. */
function withDeclaredSize(zip: Uint8Array, size: number): Uint8Array {
  const out = zip.slice();
  const view = new DataView(out.buffer);
  for (let i = 0; i + 4 <= out.length; i++) if (view.getUint32(i, true) === 0x02014b50) view.setUint32(i + 24, size, true);
  return out;
}

function overwriteDocumentData(zip: Uint8Array): Uint8Array {
  const out = zip.slice();
  const nameAt = Buffer.from(out).indexOf('word/document.xml');
  out.fill(0xff, nameAt + 'word/document.xml'.length, nameAt + 'word/document.xml'.length + 40);
  return out;
}

// 16 MB of spaces squeezes to a few KB: a part that unpacks to far more than it says.
const bomb = zipSync({ 'word/document.xml': strToU8(documentXml(para(null, run(' '.repeat(16 * 1024 * 1024))))) }, { level: 9 });
const billionLaughs = `<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]><w:document xmlns:w="x"><w:body><w:p><w:r><w:t>&lol2;</w:t></w:r></w:p></w:body></w:document>`;
const tooBig = new Uint8Array(101 * 1024 * 1024);
tooBig.set(GOOD);

const ROWS: { name: string; bytes: Uint8Array; problem: RegExp }[] = [
  { name: 'an empty file', bytes: new Uint8Array(0), problem: /not a Word \.docx file/ },
  { name: 'a text file named .docx', bytes: strToU8('Answers to: this is not a zip'), problem: /not a Word \.docx file/ },
  { name: 'a truncated zip', bytes: GOOD.subarray(0, Math.floor(GOOD.length * 0.6)), problem: /damaged or incomplete/ },
  { name: 'a zip whose document data is overwritten', bytes: overwriteDocumentData(GOOD), problem: /damaged/ },
  { name: 'a zip with no word/document.xml', bytes: docxFile({ document: null }), problem: /has no word\/document\.xml/ },
  { name: 'malformed XML', bytes: docxFile({ document: '<w:document xmlns:w="x"><w:body><w:p><w:r><w:t>open</w:r></w:p></w:body></w:document>' }), problem: /not well-formed XML/ },
  { name: 'a DTD with entity expansion', bytes: docxFile({ document: billionLaughs }), problem: /DTD/ },
  {
    name: 'a styles part with a DTD after 8 KB of comment',
    bytes: docxFile({ document: documentXml(para(null, run('Text'))), styles: `<?xml version="1.0"?><!--${' '.repeat(8192)}--><!DOCTYPE w:styles [<!ENTITY x "x">]><w:styles xmlns:w="x"/>` }),
    problem: /word\/styles\.xml declares a DTD/,
  },
  { name: 'a zip bomb that lies about its size', bytes: withDeclaredSize(bomb, 4096), problem: /unpacks to more than it declares/ },
  { name: 'a zip bomb that declares its size', bytes: withDeclaredSize(bomb, 0xfffffff0), problem: /claims to unpack to more than/ },
  { name: 'a 101 MB file', bytes: tooBig, problem: /101 MB/ },
  { name: 'a document with no body', bytes: docxFile({ document: '<w:document xmlns:w="x"></w:document>' }), problem: /no document body/ },
  { name: 'a document with no text', bytes: docxFile({ document: documentXml(para(null)) }), problem: /no text in it/ },
];

describe('hostile .docx files', () => {
  it.each(ROWS)('$name: one clear ImportError naming the file', ({ bytes, problem }) => {
    let error: unknown;
    try {
      parseVerbatimDocx(bytes, 'hostile/brief.docx');
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ImportError);
    expect((error as ImportError).message).toMatch(/^Could not import hostile\/brief\.docx: /);
    expect((error as ImportError).message).toMatch(problem);
    expect(looksLikeVerbatimBrief(bytes)).toBe(false);
  });
});

describe('hostile .docx files imported into a library', () => {
  it.each(ROWS.filter((row) => row.bytes.length < 50 * 1024 * 1024))('$name: fails and changes nothing', async ({ bytes }) => {
    const library = Library.open(tempLibraryPath());
    try {
      library.briefs.insert({ title: 'Existing', kind: 'brief', doc: SAMPLE_BRIEF });
      const before = { info: library.info(), briefs: library.briefs.list(), articles: library.articles.list() };
      const response = await dispatch(createHandlers(library), 'importData', { name: 'hostile.docx', dataBase64: Buffer.from(bytes).toString('base64') });
      expect(response).toMatchObject({ ok: true, value: { status: 'failed', error: expect.stringMatching(/^Could not import hostile\.docx: /) } });
      expect({ info: library.info(), briefs: library.briefs.list(), articles: library.articles.list() }).toEqual(before);
    } finally {
      library.close();
    }
  });
});
