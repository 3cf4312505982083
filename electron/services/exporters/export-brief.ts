// One entry for every export format: the Api, the CLI and the app's menu call this.
import { briefToHtml, contentsEntries } from '../../../shared/brief-html.js';
import { exportVariant, type ExportVariant } from '../../../shared/export-variants.js';
import { PdfOutlineError, withOutline } from './pdf-outline.js';
import type { PdfPrinter } from './pdf-printer.js';
import { briefToDocx, type ExportableBrief } from './verbatim-docx-export.js';

export const EXPORT_FORMATS = ['docx', 'html', 'pdf'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export interface ExportedFile {
  /** A file name for the brief ("AT - Russia.docx"), safe on every OS. */
  name: string;
  data: Uint8Array;
}

export interface ExportOptions {
  /** A reading copy or cite request instead of the whole brief. */
  variant?: ExportVariant | undefined;
  /** PDF and HTML: each pocket starts a new page (Verbatim's print when asked); off by default. */
  pocketPageBreaks?: boolean | undefined;
  /** PDF: tagged for screen readers, at about twice the time and three times the size; off by default. */
  tagged?: boolean | undefined;
}

export async function exportBrief(whole: ExportableBrief, format: ExportFormat, printer: PdfPrinter, { variant, pocketPageBreaks, tagged }: ExportOptions = {}): Promise<ExportedFile> {
  // A reading copy or cite request is the brief transformed first, then written like any brief.
  const made = variant ? exportVariant(whole.doc, variant) : null;
  const brief = made ? { ...whole, title: `${whole.title} (${made.suffix})`, doc: made.doc } : whole;
  const name = `${fileStem(brief.title)}.${format}`;
  if (format === 'docx') return { name, data: await briefToDocx(brief) };
  const html = briefToHtml(brief, { contents: true, pocketPageBreaks: pocketPageBreaks === true });
  if (format === 'html') return { name, data: new TextEncoder().encode(html) };
  const pdf = await printer.printPdf({ html, tagged: tagged === true });
  try {
    return { name, data: withOutline(pdf, contentsEntries(brief.doc.content ?? [])) };
  } catch (e) {
    // A browser that writes its PDF in a shape the outline writer does not update still printed
    // the whole brief: the debater gets it, without bookmarks, rather than no PDF at all.
    if (e instanceof PdfOutlineError) return { name, data: pdf };
    throw e;
  }
}

// Characters Windows or macOS refuse in file names, and control characters, become '-'.
function fileStem(title: string): string {
  const stem = title.replace(/[\\/:*?"<>|\u0000-\u001f]+/g, '-').replace(/\s+/g, ' ').trim().slice(0, 120).replace(/[. ]+$/, '');
  return stem || 'Brief';
}
