// Turning the brief's HTML into a PDF is Chromium's job, reached two ways: Electron's
// webContents.printToPDF in the app (main.ts supplies that printer) and playwright-core driving
// Debian's Chromium in browser mode and the CLI. Both print the same page with the same options.

export interface PdfPrintJob {
  /** A whole HTML page (briefToHtml), print CSS included. */
  html: string;
  /** Chromium's footer template: page numbers in the bottom margin. */
  footerTemplate: string;
}

/**
 * Prints a job to PDF bytes. A printer must print backgrounds (highlights), show the footer
 * template with an empty header, honour the page's CSS page size, and write the document
 * outline (PDF bookmarks from the headings) where the engine can.
 */
export interface PdfPrinter {
  printPdf(job: PdfPrintJob): Promise<Uint8Array>;
}

export const PAGE_NUMBER_FOOTER =
  '<div style="font-family: Calibri, Carlito, sans-serif; font-size: 9pt; width: 100%; text-align: center;">' +
  'Page <span class="pageNumber"></span> of <span class="totalPages"></span></div>';
