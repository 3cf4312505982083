// The app's PDF printer: Electron's own Chromium (webContents.printToPDF), so the desktop app
// needs no second browser. Same job, same options as the playwright printer in browser mode.
import { BrowserWindow, session } from 'electron';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { PdfPrinter } from './services/exporters/pdf-printer.js';

export function electronPrinter(): PdfPrinter {
  // A partition of its own that loads nothing but the page being printed: no other local file
  // (an image path in a hostile brief must not read the disk), nothing from the network.
  const printing = new Set<string>();
  const printSession = session.fromPartition('cardfile-print');
  printSession.webRequest.onBeforeRequest((details, callback) => callback({ cancel: !printing.has(details.url) && !details.url.startsWith('data:') }));
  return {
    async printPdf(job) {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cardfile-print-'));
      const page = path.join(dir, 'brief.html');
      fs.writeFileSync(page, job.html);
      const pageUrl = pathToFileURL(page).href;
      printing.add(pageUrl);
      const win = new BrowserWindow({
        show: false,
        webPreferences: { session: printSession, javascript: false, sandbox: true, contextIsolation: true, nodeIntegration: false },
      });
      try {
        await win.loadFile(page);
        const pdf = await win.webContents.printToPDF({
          printBackground: true,
          preferCSSPageSize: true,
          generateTaggedPDF: job.tagged,
        });
        return new Uint8Array(pdf);
      } finally {
        win.destroy();
        printing.delete(pageUrl);
        fs.rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}
