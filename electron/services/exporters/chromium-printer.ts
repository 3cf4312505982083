// The PDF printer for browser mode and the CLI: Debian's Chromium driven by playwright-core.
import type { PdfPrinter } from './pdf-printer.js';

export const CHROMIUM_PATH = '/usr/bin/chromium';
// Root and offline: no sandbox, no GPU, and nothing that phones home.
const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];

export function chromiumPrinter(executablePath: string = CHROMIUM_PATH): PdfPrinter {
  return {
    async printPdf(job) {
      // Loaded on first use, so the Electron app (which prints with its own Chromium) never loads it.
      const { chromium } = await import('playwright-core');
      const browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS });
      try {
        const page = await browser.newPage({ javaScriptEnabled: false });
        await page.route('**/*', (route) => route.abort());
        await page.setContent(job.html, { waitUntil: 'load' });
        const pdf = await page.pdf({
          printBackground: true,
          preferCSSPageSize: true,
          displayHeaderFooter: true,
          headerTemplate: '<span></span>',
          footerTemplate: job.footerTemplate,
          outline: true,
          tagged: true,
        });
        return new Uint8Array(pdf);
      } finally {
        await browser.close();
      }
    },
  };
}
