// Issue 11's layout check, kept out of `npm test` because it needs LibreOffice (about 400 MB,
// not on CI): a Verbatim file and Cardfile's export of it (import → export) rendered by
// LibreOffice must have the same page count within 2%.
//
//   npm run build:node && node scripts/check-page-counts.mjs [file.docx ...]
//
// With no files it checks generated real-shaped files (bench/verbatim-generator.ts); give your
// own Verbatim files to check those. Needs `soffice` (apt-get install libreoffice-writer-nogui)
// and `pdfinfo` (poppler-utils). Exits 1 when a file is off by more than 2%.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const dist = (p) => path.join(repo, 'dist/electron', p);
const { parseVerbatimDocx } = await import(dist('electron/services/importers/verbatim-docx.js'));
const { briefToDocx } = await import(dist('electron/services/exporters/verbatim-docx-export.js'));
const { generateVerbatimDocx } = await import(dist('bench/verbatim-generator.js'));

const TOLERANCE = 0.02;
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'cardfile-pages-'));

function pages(docx) {
  const out = path.join(work, 'pdf');
  // Its own profile directory, so a running LibreOffice (or a stale lock) does not interfere.
  execFileSync('soffice', [`-env:UserInstallation=file://${path.join(work, 'profile')}`, '--headless', '--convert-to', 'pdf', '--outdir', out, docx], { stdio: 'ignore', timeout: 600_000 });
  const pdf = path.join(out, `${path.basename(docx, '.docx')}.pdf`);
  return Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [pdf], { encoding: 'utf8' }))[1]);
}

const sources = process.argv.slice(2);
if (sources.length === 0) {
  for (const [seed, cards] of [[1, 40], [2, 120]]) {
    const file = path.join(work, `generated-${seed}.docx`);
    fs.writeFileSync(file, await generateVerbatimDocx(seed, { cards }));
    sources.push(file);
  }
}

let failed = 0;
try {
  for (const source of sources) {
    const { title, doc } = parseVerbatimDocx(new Uint8Array(fs.readFileSync(source)), source);
    const exported = path.join(work, `exported-${path.basename(source)}`);
    fs.writeFileSync(exported, await briefToDocx({ title, doc }));
    const before = pages(source);
    const after = pages(exported);
    const off = Math.abs(after - before) / before;
    const ok = off <= TOLERANCE;
    if (!ok) failed++;
    console.log(`${ok ? 'ok  ' : 'FAIL'} ${path.basename(source)}: source ${before} pages, export ${after} pages (${(off * 100).toFixed(1)}% off)`);
  }
} finally {
  fs.rmSync(work, { recursive: true, force: true });
}
process.exit(failed > 0 ? 1 : 0);
