import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../../electron/cli.js';
import { createHandlers } from '../../../electron/services/api-handlers.js';
import { dispatch } from '../../../electron/services/dispatch.js';
import type { PdfPrinter } from '../../../electron/services/exporters/pdf-printer.js';
import { parseVerbatimDocx } from '../../../electron/services/importers/verbatim-docx.js';
import { Library } from '../../../electron/services/library/library.js';
import { tempDir, tempLibraryPath } from '../../helpers/temp-dir.js';
import { normalised, SAMPLE_BRIEF, SAMPLE_TITLE } from './sample-brief.js';

function libraryWithBrief(): { file: string; id: number } {
  const file = tempLibraryPath();
  const library = Library.open(file);
  const brief = library.briefs.insert({ title: SAMPLE_TITLE, kind: 'brief', doc: SAMPLE_BRIEF });
  library.close();
  return { file, id: brief.id };
}

async function cli(...argv: string[]): Promise<{ code: number; out: string[]; err: string[] }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(argv, (l) => out.push(l), (l) => err.push(l));
  return { code, out, err };
}

describe('cardfile export', () => {
  it('writes a brief named by its exact title as a Verbatim .docx that imports back the same', async () => {
    const { file } = libraryWithBrief();
    const target = path.join(tempDir(), 'out.docx');
    const { code, out } = await cli('--library', file, 'export', SAMPLE_TITLE, '--format', 'docx', '--out', target);
    expect(code).toBe(0);
    expect(out.join('\n')).toContain(`to ${target}`);
    expect(normalised(parseVerbatimDocx(fs.readFileSync(target), target).doc)).toEqual(normalised(SAMPLE_BRIEF));
  });

  it('writes a brief named by its id as PDF (format from the file name), with its text and page numbers', async () => {
    const { file, id } = libraryWithBrief();
    const target = path.join(tempDir(), 'brief.pdf');
    const { code } = await cli('--library', file, 'export', String(id), `--out=${target}`);
    expect(code).toBe(0);
    const text = execFileSync('pdftotext', [target, '-'], { encoding: 'utf8' });
    expect(text).toContain('Non-unique: Russian aggression in Syria now');
    expect(text).toMatch(/Page 1 of \d+/);
  });

  it('tags the PDF for screen readers only with --tagged, with bookmarks either way', async () => {
    const { file, id } = libraryWithBrief();
    const dir = tempDir();
    const info = async (...flags: string[]): Promise<string> => {
      const target = path.join(dir, `${flags.length}.pdf`);
      expect((await cli('--library', file, 'export', String(id), '--out', target, ...flags)).code).toBe(0);
      expect(fs.readFileSync(target).includes('/Outlines')).toBe(true);
      return execFileSync('pdfinfo', [target], { encoding: 'utf8' });
    };
    expect(await info()).toMatch(/Tagged:\s+no/);
    expect(await info('--tagged')).toMatch(/Tagged:\s+yes/);
  });

  it('writes HTML to the brief’s own file name when no --out is given', async () => {
    const { file } = libraryWithBrief();
    const dir = tempDir();
    const cwd = process.cwd();
    process.chdir(dir);
    try {
      expect((await cli('--library', file, 'export', SAMPLE_TITLE, '--format', 'html')).code).toBe(0);
    } finally {
      process.chdir(cwd);
    }
    expect(fs.readFileSync(path.join(dir, `${SAMPLE_TITLE}.html`), 'utf8')).toContain('<h4 class="tag" id="n3">Non-unique: Russian aggression in Syria now</h4>');
  });

  it('starts each pocket on a new page only with --pocket-page-breaks', async () => {
    const { file } = libraryWithBrief();
    const dir = tempDir();
    const exported = async (...flags: string[]): Promise<string> => {
      const target = path.join(dir, `${flags.length}.html`);
      expect((await cli('--library', file, 'export', SAMPLE_TITLE, '--out', target, ...flags)).code).toBe(0);
      return fs.readFileSync(target, 'utf8');
    };
    expect(await exported()).not.toContain('break-before: page');
    expect(await exported('--pocket-page-breaks')).toContain('main > h1.pocket { break-before: page; }');
  });

  it.each([
    { args: ['No such brief'], problem: /no brief has the id or title “No such brief”/ },
    { args: [SAMPLE_TITLE, '--format', 'rtf'], problem: /--format must be docx, pdf or html, not rtf/ },
    { args: [], problem: /export which brief\?/ },
  ])('refuses $args with a usage error and writes nothing', async ({ args, problem }) => {
    const { file } = libraryWithBrief();
    const dir = tempDir();
    const { code, err } = await cli('--library', file, 'export', ...args, '--out', path.join(dir, 'x.docx'));
    expect(code).toBe(2);
    expect(err.join('\n')).toMatch(problem);
    expect(fs.readdirSync(dir)).toEqual([]);
  });
});

describe('Api exportBrief', () => {
  it('gives the file name and base64 bytes for each format, printing PDFs with the injected printer', async () => {
    const { file, id } = libraryWithBrief();
    const library = Library.open(file);
    const printed: string[] = [];
    const tagged: boolean[] = [];
    const printer: PdfPrinter = { printPdf: async (job) => (printed.push(job.html), tagged.push(job.tagged), new TextEncoder().encode('%PDF-1.7 stub')) };
    try {
      const handlers = createHandlers(library, { pdfPrinter: printer });
      const docx = await dispatch(handlers, 'exportBrief', { id, format: 'docx' });
      if (!docx.ok) throw new Error(docx.error);
      const { name, dataBase64 } = docx.value as { name: string; dataBase64: string };
      expect(name).toBe(`${SAMPLE_TITLE}.docx`);
      expect(normalised(parseVerbatimDocx(Buffer.from(dataBase64, 'base64'), name).doc)).toEqual(normalised(SAMPLE_BRIEF));

      const pdf = await dispatch(handlers, 'exportBrief', { id, format: 'pdf' });
      expect(pdf.ok && Buffer.from((pdf.value as { dataBase64: string }).dataBase64, 'base64').toString()).toBe('%PDF-1.7 stub');
      expect(printed[0]).toContain('<nav class="contents">');
      expect(printed[0]).not.toContain('break-before: page');
      expect(await dispatch(handlers, 'exportBrief', { id, format: 'pdf', pocketPageBreaks: true })).toMatchObject({ ok: true });
      expect(printed[1]).toContain('main > h1.pocket { break-before: page; }');
      expect(await dispatch(handlers, 'exportBrief', { id, format: 'pdf', pocketPageBreaks: 'yes' })).toMatchObject({ ok: false });
      expect(await dispatch(handlers, 'exportBrief', { id, format: 'pdf', tagged: true })).toMatchObject({ ok: true });
      expect(await dispatch(handlers, 'exportBrief', { id, format: 'pdf', tagged: 1 })).toMatchObject({ ok: false });
      expect(tagged).toEqual([false, false, true]);

      expect(await dispatch(handlers, 'exportBrief', { id, format: 'odt' })).toMatchObject({ ok: false });
      expect(await dispatch(handlers, 'exportBrief', { id: 999, format: 'docx' })).toMatchObject({ ok: false });
    } finally {
      library.close();
    }
  });
});
