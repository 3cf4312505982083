// pdfjs-dist's legacy build brings core-js, which swaps JSON.parse, JSON.stringify and
// Array.prototype.push for JavaScript versions about ten times slower, for the whole thread (the
// app's main process, the import worker): every card written or read paid for it. Reading a PDF
// must leave the engine's own functions in place. The importer is loaded only after they are
// noted (a static import would load pdfjs first).
import { expect, it } from 'vitest';
import { makePdf } from '../../helpers/make-pdf.js';

const natives = { parse: JSON.parse, stringify: JSON.stringify, push: Array.prototype.push };
const current = () => ({ parse: JSON.parse, stringify: JSON.stringify, push: Array.prototype.push });

it('reading a PDF, damaged or not, leaves JSON.parse, JSON.stringify and Array.prototype.push the engine\'s own', async () => {
  const { articleFromPdf } = await import('../../../electron/services/importers/pdf-importer.js');
  // Damaged first: pdfjs loads its worker module at getDocument, before refusing the file.
  await expect(articleFromPdf(Buffer.from('%PDF-1.7\nnot a pdf at all\n%%EOF'), 'damaged.pdf')).rejects.toThrow(/damaged/);
  expect(current()).toStrictEqual(natives);
  const article = await articleFromPdf(makePdf([[{ text: 'Ceasefire collapses in Syria', y: 700, size: 18 }, { text: 'The ceasefire collapsed on Monday.', y: 660 }]]), 'syria.pdf');
  expect(article.title).toBe('Ceasefire collapses in Syria');
  expect(current()).toStrictEqual(natives);
});
