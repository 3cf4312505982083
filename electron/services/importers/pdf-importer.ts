// A PDF (a think-tank report, a journal article) becomes an article: text read with pdfjs-dist
// (legacy build, which runs in Node), paragraphs rebuilt from the lines, citation from the
// document info.
import type { PDFDocumentProxy } from 'pdfjs-dist/legacy/build/pdf.mjs';
import type { TextItem } from 'pdfjs-dist/types/src/display/api.js';
import type { ArticleFields, Author } from '../../../shared/model.js';
import { isoDate } from '../../../shared/text.js';
import { isoFromAny } from './html-metadata.js';
import { ImportError } from './import-error.js';
import { linesOf, paragraphsFromPages, type Line } from './pdf-paragraphs.js';

interface PdfInfo {
  Title?: unknown;
  Author?: unknown;
  CreationDate?: unknown;
}

export interface PdfLimits {
  /** More pages than this is a book or a scan dump, not an article: refused before any page is read. */
  maxPages: number;
  /** Reading stops with an error once it has taken this long (checked after each page). */
  timeBudgetMs: number;
}

// About 5 s of reading on a loaded 2-core machine (10,000 pages took 24 s), and a budget for
// pages that are slow to read because of their content rather than their number.
export const PDF_LIMITS: PdfLimits = { maxPages: 2_000, timeBudgetMs: 20_000 };

// pdfjs-dist's legacy build (the one that runs on Node 20) brings core-js, which swaps JSON.parse,
// JSON.stringify and Array.prototype.push for JavaScript versions (for proposals Cardfile does not
// use) about ten times slower, for the whole thread: the app's main process and the import worker
// wrote and read every card with them. pdfjs is loaded at the first PDF, and each time it may have
// swapped them (loading, and its worker module at getDocument) the engine's own are put back.
const NATIVE = { parse: JSON.parse, stringify: JSON.stringify, push: Array.prototype.push };
function restoreNatives(): void {
  JSON.parse = NATIVE.parse;
  JSON.stringify = NATIVE.stringify;
  Array.prototype.push = NATIVE.push;
}
let pdfjs: Promise<typeof import('pdfjs-dist/legacy/build/pdf.mjs')> | undefined;
const loadPdfjs = () => (pdfjs ??= import('pdfjs-dist/legacy/build/pdf.mjs').finally(restoreNatives));

export async function articleFromPdf(bytes: Uint8Array, source: string, limits: PdfLimits = PDF_LIMITS): Promise<ArticleFields> {
  // A complete PDF ends with %%EOF; pdfjs would quietly patch up a truncated one.
  const tail = Buffer.from(bytes.subarray(Math.max(0, bytes.length - 2048))).toString('latin1');
  if (!tail.includes('%%EOF')) throw new ImportError(source, 'the PDF is truncated or damaged (it has no end marker).');

  const { getDocument } = await loadPdfjs();
  let pdf: PDFDocumentProxy;
  try {
    // pdfjs takes over the buffer it is given, so it gets a copy.
    pdf = await getDocument({ data: new Uint8Array(bytes), isEvalSupported: false, disableFontFace: true, useSystemFonts: false, verbosity: 0 }).promise;
  } catch (err) {
    restoreNatives();
    const name = (err as { name?: string }).name;
    if (name === 'PasswordException') throw new ImportError(source, 'the PDF is password-protected; open it, save an unprotected copy and import that.');
    throw new ImportError(source, `the PDF is damaged and cannot be read (${(err as Error).message}).`);
  }
  const started = performance.now();
  try {
    if (pdf.numPages > limits.maxPages) {
      throw new ImportError(source, `it has ${pdf.numPages.toLocaleString('en-US')} pages; PDFs over ${limits.maxPages.toLocaleString('en-US')} pages are not imported. Import the chapters you need as separate PDFs.`);
    }
    const pages: Line[][] = [];
    for (let n = 1; n <= pdf.numPages; n++) {
      if (n > 1 && performance.now() - started >= limits.timeBudgetMs) {
        throw new ImportError(source, `reading it took over ${Math.round(limits.timeBudgetMs / 1000)} s and was stopped at page ${n - 1} of ${pdf.numPages}; import a shorter part of it.`);
      }
      const page = await pdf.getPage(n);
      const content = await page.getTextContent();
      const runs = content.items
        .filter((item): item is TextItem => 'str' in item)
        .map((item) => ({ str: item.str, x: item.transform[4] as number, y: item.transform[5] as number, width: item.width, height: item.height }));
      pages.push(linesOf(runs));
      page.cleanup();
    }
    const { info } = (await pdf.getMetadata().catch(() => ({ info: {} }))) as { info: PdfInfo };
    return buildArticle(pages, info, source);
  } catch (err) {
    if (err instanceof ImportError) throw err;
    throw new ImportError(source, `the PDF is damaged and cannot be read (${(err as Error).message}).`);
  } finally {
    await pdf.destroy();
    restoreNatives();
  }
}

function buildArticle(pages: Line[][], info: PdfInfo, source: string): ArticleFields {
  let paragraphs = paragraphsFromPages(pages);
  if (paragraphs.length === 0) throw new ImportError(source, 'the PDF has no text layer (it is probably a scan); run it through OCR first.');
  const infoTitle = usableTitle(infoString(info.Title));
  const title = infoTitle || headline(pages[0] ?? []) || paragraphs[0]!.slice(0, 120);
  if (paragraphs[0] === title && paragraphs.length > 1) paragraphs = paragraphs.slice(1);
  return {
    title,
    authors: authorsOf(infoString(info.Author)),
    publication: '',
    publishedDate: isoFromAny(infoString(info.CreationDate)),
    url: '',
    accessedDate: isoDate(),
    sourceKind: 'pdf',
    text: paragraphs.join('\n\n'),
  };
}

// The largest type near the top of the first page, when it stands out from the body text.
function headline(lines: readonly Line[]): string {
  if (lines.length < 2) return '';
  const biggest = Math.max(...lines.slice(0, 10).map((l) => l.height));
  const body = lines.map((l) => l.height).sort((a, b) => a - b)[Math.floor(lines.length / 2)]!;
  if (biggest < body * 1.2) return '';
  const start = lines.findIndex((l) => l.height === biggest);
  const parts: string[] = [];
  for (let i = start; i < lines.length && lines[i]!.height === biggest; i++) parts.push(lines[i]!.text);
  return parts.join(' ');
}

// Word and other tools leave placeholders in the Title field.
function usableTitle(title: string): string {
  if (/^(untitled|document\d*|microsoft word - .*|.*\.(docx?|pdf|indd|tex))$/i.test(title)) return '';
  return title;
}

function authorsOf(field: string): Author[] {
  return field
    .split(/\s*;\s*|\s+and\s+|\s*&\s*/)
    .map((name) => name.trim())
    .filter((name) => name !== '')
    .map((name) => ({ name, quals: '' }));
}

function infoString(value: unknown): string {
  return typeof value === 'string' ? value.replace(/\s+/g, ' ').trim() : '';
}
