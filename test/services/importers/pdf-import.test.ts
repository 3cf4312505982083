import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { articleFromPdf } from '../../../electron/services/importers/pdf-importer.js';
import { importInto } from '../../../electron/services/importers/import-into-library.js';
import { Library } from '../../../electron/services/library/library.js';
import { tempDir, tempLibraryPath } from '../../helpers/temp-dir.js';
import { makePdf, type PdfLineSpec } from '../../helpers/make-pdf.js';

// Body lines 14 pt apart, paragraphs 26 pt apart, as a typeset report would have them.
function column(lines: string[][], top = 700): PdfLineSpec[] {
  const out: PdfLineSpec[] = [];
  let y = top;
  for (const para of lines) {
    for (const text of para) {
      out.push({ text, y });
      y -= 14;
    }
    y -= 12;
  }
  return out;
}

describe('a PDF with known layout', () => {
  const pages: PdfLineSpec[][] = [
    [
      { text: 'Russia and the Syrian Endgame', y: 740, size: 20 },
      ...column([
        ['The ceasefire that went into effect on March 5, 2020 held for a year and a half, but the', 'harbingers of a new offensive in Idlib have begun to emerge in recent weeks.'],
        ['Moscow and Ankara disagree about the final scenario. Their positions on the recon-', 'struction of the country and its future government stand in stark contrast to each', 'other in several areas, and this brings with it a volatile atmosphere that could'],
      ]),
      { text: '1', x: 300, y: 40 },
    ],
    [
      ...column([['snowball at any given moment, a senior official said.'], ['Nothing suggests that Ankara will abandon its determined stance against a new exodus.']]),
      { text: '2', x: 300, y: 40 },
    ],
  ];
  const bytes = makePdf(pages, { Title: 'Russia and the Syrian Endgame', Author: 'Mehmet Ace; Jane Roe', CreationDate: 'D:20210916093000Z' });

  it('pdftotext reads the fixture (it is a real PDF)', () => {
    const file = path.join(tempDir(), 'report.pdf');
    fs.writeFileSync(file, bytes);
    expect(execFileSync('pdftotext', [file, '-']).toString()).toContain('harbingers of a new offensive');
  });

  it('rebuilds paragraphs, joins hyphenated words and paragraphs cut by a page, drops page numbers', async () => {
    const article = await articleFromPdf(bytes, 'report.pdf');
    expect(article.text.split('\n\n')).toEqual([
      'The ceasefire that went into effect on March 5, 2020 held for a year and a half, but the harbingers of a new offensive in Idlib have begun to emerge in recent weeks.',
      'Moscow and Ankara disagree about the final scenario. Their positions on the reconstruction of the country and its future government stand in stark contrast to each other in several areas, and this brings with it a volatile atmosphere that could snowball at any given moment, a senior official said.',
      'Nothing suggests that Ankara will abandon its determined stance against a new exodus.',
    ]);
    expect(article).toMatchObject({
      title: 'Russia and the Syrian Endgame',
      authors: [{ name: 'Mehmet Ace', quals: '' }, { name: 'Jane Roe', quals: '' }],
      publishedDate: '2021-09-16',
      sourceKind: 'pdf',
    });
  });

  it('takes the title from the largest type when the PDF info has none', async () => {
    const article = await articleFromPdf(makePdf(pages, { Title: 'Microsoft Word - draft3.docx' }), 'report.pdf');
    expect(article.title).toBe('Russia and the Syrian Endgame');
    expect(article.authors).toEqual([]);
    expect(article.publishedDate).toBe('');
  });
});

describe('a multi-page PDF printed by Chromium', () => {
  const places = ['Daraa', 'Idlib', 'Aleppo', 'Manbij', 'Deir ez-Zor', 'Hasakah', 'Homs'];
  const paragraphs = Array.from({ length: 14 }, (_, i) => {
    const place = places[i % places.length]!;
    return `Paragraph ${i + 1} of the report. Russian mediation around ${place} has failed ${i + 2} times since the ceasefire, ` +
      `and each collapse of a deal in ${place} was followed by renewed bombardment of its outskirts (round ${i + 1}). ` +
      `Negotiators from ${places[(i + 3) % places.length]} told the committee that the demands presented were impossible, ` +
      `that ${i + 4} checkpoints had been shelled, and that the corridor for civilians had stayed closed for ${i + 5} days.`;
  });

  it('imports with its paragraphs in order', async () => {
    const browser = await chromium.launch({
      executablePath: '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
    });
    let pdf: Buffer;
    try {
      const page = await browser.newPage();
      await page.setContent(`<html><head><title>Mediation in Syria</title><style>body{font:12pt serif;margin:0} p{margin:0 0 14pt} h1{font-size:24pt}</style></head>
        <body><h1>Mediation in Syria</h1>${paragraphs.map((p) => `<p>${p}</p>`).join('')}</body></html>`);
      pdf = await page.pdf({ format: 'A5', margin: { top: '2cm', bottom: '2cm', left: '2cm', right: '2cm' } });
    } finally {
      await browser.close();
    }
    const file = path.join(tempDir(), 'mediation.pdf');
    fs.writeFileSync(file, pdf);
    const pageCount = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [file]).toString())?.[1]);
    expect(pageCount).toBeGreaterThanOrEqual(3);

    const library = Library.open(tempLibraryPath());
    const outcome = await importInto(library, { file });
    expect(outcome.status === 'failed' ? outcome.error : '').toBe('');
    expect(outcome).toMatchObject({ status: 'imported', kind: 'article', title: 'Mediation in Syria' });
    expect(library.articles.list()[0]!.text.split('\n\n')).toEqual(paragraphs);
    library.close();
  });
});
