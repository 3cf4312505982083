// `cardfile list` and `cardfile search` start-up beyond Node's own (DESIGN: under 150 ms): the
// built CLI run as a user runs it, against Node starting and exiting with nothing to do. Beside
// them, what loading the importers at start-up cost (the CLI did before they loaded lazily).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Library } from '../electron/services/library/library.js';
import { median } from './stats.js';

export interface CliStartupRow {
  what: string;
  target: string;
  /** Median wall time of the command, and of `node -e 0` measured in the same rounds. */
  medianMs: number;
  nodeMs: number;
  beyondNodeMs: number;
  runs: number;
}

const here = path.dirname(fileURLToPath(import.meta.url));
const repo = path.resolve(here, '../../..');
const BIN = path.join(repo, 'bin', 'cardfile.js');
const DIST = path.join(repo, 'dist', 'electron', 'electron');

function wallMs(args: string[]): number {
  const started = performance.now();
  const result = spawnSync(process.execPath, args, { encoding: 'utf8', env: { ...process.env, CARDFILE_LIBRARY: '' } });
  const ms = performance.now() - started;
  if (result.status !== 0) throw new Error(`${args.join(' ')} failed: ${result.stderr}`);
  return ms;
}

/** A library with some articles and cards, so list and search have something to answer. */
function smallLibrary(file: string): void {
  const library = Library.open(file);
  library.transaction(() => {
    for (let i = 0; i < 50; i++) {
      const article = library.articles.insert({
        title: `Report ${i} on the ceasefire in Syria`, authors: [{ name: `Author ${i}`, quals: '' }], publication: 'The Journal',
        publishedDate: '2021-09-16', url: '', accessedDate: '2021-09-20', sourceKind: 'paste', text: 'Russia and the United States agreed to a ceasefire. '.repeat(40),
      });
      library.cards.insert({
        tag: `Ceasefire ${i} fails`, label: null, shortCite: `Author${i} 21`, fullCite: `Author ${i}, 2021, The Journal`, articleId: article.id, passage: null,
        body: { type: 'body', content: [{ type: 'paragraph', content: [{ type: 'text', text: `Russia will not cooperate in Syria, report ${i} says.` }] }] },
      });
    }
  });
  library.close();
}

export function benchCliStartup(runs = 9): CliStartupRow[] {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cardfile-cli-startup-'));
  const library = path.join(dir, 'library.cardfile');
  try {
    smallLibrary(library);
    const commands: [string, string[]][] = [
      ['`cardfile list articles` start-up beyond Node’s', [BIN, '--library', library, 'list', 'articles']],
      ['`cardfile search syria` start-up beyond Node’s', [BIN, '--library', library, 'search', 'syria']],
      ['loading the importers (jsdom, pdfjs, docx), which start-up no longer does', ['--input-type=module', '-e', `await import(${JSON.stringify(pathToFileURL(path.join(DIST, 'services', 'jobs', 'import-job.js')).href)})`]],
    ];
    const times = commands.map(() => [] as number[]);
    const node: number[] = [];
    // Interleaved rounds, so a busy moment on the machine hits every command alike.
    for (let round = 0; round <= runs; round++) {
      const nodeMs = wallMs(['-e', '0']);
      const each = commands.map(([, args]) => wallMs(args));
      if (round === 0) continue; // warm-up: the file cache
      node.push(nodeMs);
      each.forEach((ms, i) => times[i]!.push(ms));
    }
    const nodeMs = median(node);
    return commands.map(([what], i) => {
      const medianMs = median(times[i]!);
      return { what, target: i < 2 ? '< 150 ms' : '–', medianMs: Math.round(medianMs), nodeMs: Math.round(nodeMs), beyondNodeMs: Math.round(medianMs - nodeMs), runs };
    });
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

export function cliStartupTable(rows: CliStartupRow[]): string {
  const lines = ['| CLI start-up | target | beyond Node | median | Node alone | runs |', '|---|---:|---:|---:|---:|---:|'];
  for (const r of rows) lines.push(`| ${r.what} | ${r.target} | ${r.beyondNodeMs} ms | ${r.medianMs} ms | ${r.nodeMs} ms | ${r.runs} |`);
  return lines.join('\n');
}

// `node dist/electron/bench/cli-startup.js` runs it alone.
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  console.log(cliStartupTable(benchCliStartup()));
}
