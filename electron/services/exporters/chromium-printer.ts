// The PDF printer for browser mode and the CLI: the computer's own Chrome, Chromium or Edge
// (find-chromium.ts), driven by playwright-core.
import fs from 'node:fs';
import { findChromium } from './find-chromium.js';
import type { PdfPrinter } from './pdf-printer.js';

// No sandbox (playwright's own default: it cannot start as root or in many containers), no GPU,
// and nothing that phones home. The page runs no script and loads nothing (see below).
const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];

const isFile = (file: string): boolean => {
  try {
    return fs.statSync(file).isFile();
  } catch {
    return false;
  }
};

/** Prints with `executablePath`, or with the browser findChromium finds when a PDF is asked for (so one installed later is found). */
export function chromiumPrinter(executablePath?: string): PdfPrinter {
  return {
    async printPdf(job) {
      const browserPath = executablePath ?? (() => {
        const found = findChromium(process.platform, process.env, isFile);
        if (!found.ok) throw new Error(found.error);
        return found.path;
      })();
      // Loaded on first use, so the Electron app (which prints with its own Chromium) never loads it.
      const { chromium } = await import('playwright-core');
      const browser = await chromium.launch({ executablePath: browserPath, args: CHROMIUM_ARGS }).catch((e: unknown) => {
        throw new Error(`Could not start the browser at ${browserPath} to print the PDF: ${(e instanceof Error ? e.message : String(e)).split('\n')[0]}`);
      });
      try {
        const page = await browser.newPage({ javaScriptEnabled: false });
        await page.route('**/*', (route) => route.abort());
        await page.setContent(job.html, { waitUntil: 'load' });
        const pdf = await page.pdf({
          printBackground: true,
          preferCSSPageSize: true,
          tagged: job.tagged,
        });
        return new Uint8Array(pdf);
      } finally {
        await browser.close();
      }
    },
  };
}
