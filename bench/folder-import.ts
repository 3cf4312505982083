// A folder of generated Verbatim files imported through the import job's own code (the same
// runImport the worker and the CLI run): files/s, cards/s, total time and peak RSS, against
// DESIGN's 2,000 files (about 200k cards) in under 5 minutes, in under 600 MB. A smaller folder
// (--files N) is measured as it is and its time projected linearly to the target's size; the
// RSS at half-way and at the end show whether memory stays flat.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { ImportQueue, itemsOfPath, runImport } from '../electron/services/jobs/import-job.js';
import { Library } from '../electron/services/library/library.js';
import { generateVerbatimDocx } from './verbatim-generator.js';

export interface FolderImportOptions {
  /** Files in the folder (default 2,000, DESIGN's size). */
  files?: number;
  /** Cards in each file (default 100: 2,000 files make about 200k cards). */
  cardsPerFile?: number;
}

interface Measured {
  files: number;
  failed: number;
  cards: number;
  ms: number;
  peakRssMb: number;
  rssHalfwayMb: number;
  rssEndMb: number;
}

export interface FolderImportRow extends Measured {
  what: string;
  target: string;
  folderMb: number;
  filesPerSec: number;
  cardsPerSec: number;
  /** The time for 2,000 files / 200k cards at the rate measured (equal to ms when that was the size). */
  projectedMs: number;
}

const TARGET_FILES = 2_000;
const TARGET_CARDS = 200_000;
const SEED = 20_211_201;

const rssMb = () => Math.round(process.memoryUsage().rss / 2 ** 20);

/** Runs in its own process, so its peak RSS is the import's alone. */
async function measure(folder: string, libraryFile: string): Promise<Measured> {
  const library = Library.open(libraryFile);
  const queue = new ImportQueue(itemsOfPath(folder));
  let rssHalfwayMb = 0;
  const started = performance.now();
  const outcomes = await runImport(library, queue, {
    onProgress: (progress, outcome) => { if (outcome && progress.filesDone === Math.ceil(progress.filesTotal / 2)) rssHalfwayMb = rssMb(); },
  });
  const ms = performance.now() - started;
  library.close();
  const cards = outcomes.reduce((n, o) => n + (o.status === 'imported' ? (o.cards ?? 0) : 0), 0);
  return {
    files: outcomes.length, failed: outcomes.filter((o) => o.status === 'failed').length, cards, ms: Math.round(ms),
    peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024), rssHalfwayMb, rssEndMb: rssMb(),
  };
}

export async function benchFolderImport(options: FolderImportOptions = {}): Promise<FolderImportRow[]> {
  const files = options.files ?? TARGET_FILES;
  const cardsPerFile = options.cardsPerFile ?? TARGET_CARDS / TARGET_FILES;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cardfile-folder-bench-'));
  const folder = path.join(dir, 'tub');
  try {
    let bytes = 0;
    for (let i = 0; i < files; i++) {
      // Debaters' tubs are nested: a subfolder a squad member, each file its own seed.
      const sub = path.join(folder, `member-${i % 10}`);
      fs.mkdirSync(sub, { recursive: true });
      const docx = await generateVerbatimDocx(SEED + i, { cards: cardsPerFile });
      fs.writeFileSync(path.join(sub, `file-${String(i).padStart(4, '0')}.docx`), docx);
      bytes += docx.length;
    }
    const child = spawnSync(process.execPath, [fileURLToPath(import.meta.url), 'measure', folder, path.join(dir, 'library.cardfile')], { encoding: 'utf8', maxBuffer: 16 * 2 ** 20 });
    if (child.status !== 0) throw new Error(`the folder import bench failed:\n${child.stderr}`);
    const measured = JSON.parse(child.stdout.trim().split('\n').at(-1)!) as Measured;
    const scale = Math.max(TARGET_FILES / Math.max(1, measured.files), TARGET_CARDS / Math.max(1, measured.cards));
    return [{
      what: `a folder of ${measured.files.toLocaleString('en-US')} generated Verbatim files (${cardsPerFile} cards each, 10 subfolders) through the import job`,
      target: '2,000 files / 200k cards < 5 min, < 600 MB RSS',
      folderMb: Number((bytes / 2 ** 20).toFixed(1)),
      ...measured,
      filesPerSec: Number((measured.files / (measured.ms / 1000)).toFixed(1)),
      cardsPerSec: Math.round(measured.cards / (measured.ms / 1000)),
      projectedMs: Math.round(measured.ms * scale),
    }];
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

export function folderImportTable(rows: FolderImportRow[]): string {
  const lines = [
    '| folder import | target | files (failed) | cards | total | files/s | cards/s | projected to 2,000 files / 200k cards | peak RSS | RSS half-way / end |',
    '|---|---|---:|---:|---:|---:|---:|---:|---:|---:|',
  ];
  for (const r of rows) {
    lines.push(`| ${r.what} (${r.folderMb} MB) | ${r.target} | ${r.files} (${r.failed}) | ${r.cards.toLocaleString('en-US')} | ${(r.ms / 1000).toFixed(1)} s | ${r.filesPerSec} | ${r.cardsPerSec.toLocaleString('en-US')} | ${(r.projectedMs / 60_000).toFixed(1)} min | ${r.peakRssMb} MB | ${r.rssHalfwayMb} / ${r.rssEndMb} MB |`);
  }
  return lines.join('\n');
}

// `node dist/electron/bench/folder-import.js [--files N] [--cards N]` runs it alone.
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const [mode, ...args] = process.argv.slice(2);
  if (mode === 'measure') {
    console.log(JSON.stringify(await measure(args[0]!, args[1]!)));
  } else {
    const flag = (name: string) => {
      const at = process.argv.indexOf(name);
      return at > 0 ? Number(process.argv[at + 1]) : undefined;
    };
    console.log(folderImportTable(await benchFolderImport({ files: flag('--files'), cardsPerFile: flag('--cards') })));
  }
}
