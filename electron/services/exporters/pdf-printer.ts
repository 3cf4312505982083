// Turning the brief's HTML into a PDF is Chromium's job, reached two ways: Electron's
// webContents.printToPDF in the app (main.ts supplies that printer) and playwright-core driving
// Debian's Chromium in browser mode and the CLI. Both print the same page with the same options.

export interface PdfPrintJob {
  /** A whole HTML page (briefToHtml), print CSS and page numbers (a page margin box) included. */
  html: string;
  /** Tags for screen readers (a reading order): asked for, as they cost a 300-card brief two seconds and triple its size. */
  tagged: boolean;
}

/**
 * Prints a job to PDF bytes. A printer must print backgrounds (highlights), honour the page's
 * CSS page size and margin boxes, and write tags when the job asks. The outline (bookmarks) is
 * not the printer's: exportBrief adds it to what any printer prints (pdf-outline.ts).
 */
export interface PdfPrinter {
  printPdf(job: PdfPrintJob): Promise<Uint8Array>;
}
