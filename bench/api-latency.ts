// An Api call answered while a 1.8 MB, 360-card Verbatim brief imports in browser mode (DESIGN:
// under 50 ms). The import runs as a job in the worker thread; beside it, the same import run on
// the thread that answers calls (what importData did before the jobs module), for comparison.
// Then the same calls while a slow search runs (in the search thread), and autosaves while the
// CLI, another process, imports a big brief into the same library (it commits 500 cards a piece).
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { httpApiClient, type Api, type ApiHandlers } from '../shared/api.js';
import { createHandlers } from '../electron/services/api-handlers.js';
import { importInto } from '../electron/services/importers/import-into-library.js';
import { Library } from '../electron/services/library/library.js';
import { startServer } from '../electron/server.js';
import { makeGenerator } from './card-generator.js';
import { generateVerbatimDocx } from './verbatim-generator.js';
import { percentile } from './stats.js';

export interface ApiLatencyRow {
  what: string;
  target: string;
  /** Calls answered while the import ran, and their latency. */
  calls: number;
  p50Ms: number;
  p95Ms: number;
  maxMs: number;
  /** How long the long work itself took (the import or search, request to answer). */
  importMs: number;
  briefMb: number;
}

const SEED = 20_211_130;
/** Cards of the brief the CLI imports beside the autosaves: several 500-card pieces of real-length cards. */
const CLI_IMPORT_CARDS = 2_000;
/** How often the bench asks while the import runs: about a UI's polling and typing rate. */
const ASK_EVERY_MS = 10;

type Measured = Omit<ApiLatencyRow, 'what' | 'target' | 'briefMb'>;

/** A fresh library served in browser mode for run; server, library and folder are gone after. */
async function inBrowserMode<T>(run: (api: Api, library: Library) => Promise<T>, handlers: (library: Library) => ApiHandlers = createHandlers): Promise<T> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cardfile-api-latency-'));
  const library = Library.open(path.join(dir, 'library.cardfile'));
  const server = await startServer({ handlers: handlers(library) });
  try {
    return await run(httpApiClient(server.url, server.token), library);
  } finally {
    await server.close();
    library.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** Starts work and asks again and again until it ends: each call's latency (one asked before the end counts in full) and the work's time. */
async function askWhile(work: () => Promise<unknown>, ask: () => Promise<unknown>): Promise<Measured> {
  let done = false;
  const started = performance.now();
  const working = work().finally(() => { done = true; }).then(() => performance.now() - started);
  const latencies: number[] = [];
  while (!done) {
    const t = performance.now();
    await ask();
    latencies.push(performance.now() - t);
    await new Promise((resolve) => setTimeout(resolve, ASK_EVERY_MS));
  }
  const round = (x: number) => Number(x.toFixed(1));
  return {
    calls: latencies.length, p50Ms: round(percentile(latencies, 50)), p95Ms: round(percentile(latencies, 95)),
    maxMs: round(Math.max(0, ...latencies.slice(0, 10_000))), importMs: Math.round(await working),
  };
}

function measure(handlers: (library: Library) => ApiHandlers, docx: Uint8Array): Promise<Measured> {
  return inBrowserMode(async (api) => {
    // Warm up: the first call of each kind loads its modules (and starts the worker).
    await api.libraryInfo({});
    await api.importData({ name: 'warm-up.txt', dataBase64: Buffer.from('Warm up\n\nA first article.').toString('base64') });
    const dataBase64 = Buffer.from(docx).toString('base64');
    return askWhile(async () => {
      const outcome = await api.importData({ name: 'big-brief.docx', dataBase64 });
      if (outcome.status !== 'imported') throw new Error(`the bench brief did not import: ${JSON.stringify(outcome)}`);
    }, () => api.listArticles({ limit: 50 }));
  }, handlers);
}

const SEARCH_CARDS = 5_000;
const COMMON = 'the of and to in is that for on it with as by this be are from at or an was which not have their its has but they'.split(' ');
/** Four prefixes and 30 of the commonest words: within the query bounds, and among the slowest they allow. */
const SLOW_QUERY = `th* co* pr* re* ${COMMON.join(' ')}`;

/** listArticles while the slow query runs in the search thread, and how long the query took. */
function measureDuringSearch(): Promise<Measured> {
  return inBrowserMode(async (api, library) => {
    const generator = makeGenerator(SEED);
    library.transaction(() => { for (let i = 0; i < SEARCH_CARDS; i++) library.cards.insert(generator.card(i)); });
    await api.search({ query: 'warm up', limit: 5 });
    return askWhile(() => api.search({ query: SLOW_QUERY, limit: 50 }), () => api.listArticles({ limit: 50 }));
  });
}

const CLI = fileURLToPath(new URL('../../../bin/cardfile.js', import.meta.url));

/** Autosaves (editBrief) through browser mode while the CLI, another process, imports the brief into the same library. */
function measureDuringCliImport(docx: Uint8Array): Promise<Measured> {
  return inBrowserMode(async (api, library) => {
    const saved = library.briefs.insert({ title: 'Being edited', kind: 'brief', doc: { type: 'doc', content: [] } });
    const file = path.join(path.dirname(library.path), 'big-brief.docx');
    fs.writeFileSync(file, docx);
    let revision = saved.updatedAt;
    let n = 0;
    return askWhile(() => new Promise<void>((resolve, reject) => {
      const child = spawn(process.execPath, [CLI, '--library', library.path, 'import', file], { stdio: 'ignore' });
      child.on('error', reject);
      child.on('close', (code) => (code === 0 ? resolve() : reject(new Error(`the CLI import exited with ${code}`))));
    }), async () => {
      const result = await api.editBrief({ id: saved.id, revision, from: 0, to: n === 0 ? 0 : 1, nodes: [{ type: 'analytic', attrs: { heading: false }, content: [{ type: 'text', text: `Save ${n++}` }] }] });
      if (!result.applied) throw new Error('an autosave was not applied');
      revision = result.brief.updatedAt;
    });
  });
}

export async function benchApiLatency(): Promise<ApiLatencyRow[]> {
  const docx = await generateVerbatimDocx(SEED);
  const briefMb = Number((docx.length / 2 ** 20).toFixed(2));
  const inWorker = await measure((library) => createHandlers(library), docx);
  // The old path: the import parsed and stored on the thread that answers calls.
  const onApiThread = await measure((library) => ({
    ...createHandlers(library),
    importData: ({ name, dataBase64 }) => importInto(library, { name, bytes: Buffer.from(dataBase64, 'base64') }),
  }), docx);
  const duringSearch = await measureDuringSearch();
  const cliDocx = await generateVerbatimDocx(SEED, { cards: CLI_IMPORT_CARDS });
  const duringCliImport = await measureDuringCliImport(cliDocx);
  return [
    { what: `Api call answered while a ${briefMb} MB brief imports (browser mode, import in the worker)`, target: '< 50 ms', briefMb, ...inWorker },
    { what: `the same, import on the Api's thread (before the jobs module)`, target: '–', briefMb, ...onApiThread },
    { what: `the same while a 64-word, 4-prefix search runs on ${SEARCH_CARDS.toLocaleString('en-US')} cards (search thread; "took" is the search)`, target: '< 50 ms', briefMb: 0, ...duringSearch },
    { what: `autosave (editBrief) while the CLI imports a ${(cliDocx.length / 2 ** 20).toFixed(1)} MB, ${CLI_IMPORT_CARDS.toLocaleString('en-US')}-card brief (500 cards a commit)`, target: 'one piece', briefMb: Number((cliDocx.length / 2 ** 20).toFixed(2)), ...duringCliImport },
  ];
}

export function apiLatencyTable(rows: ApiLatencyRow[]): string {
  const lines = ['| Api latency during long work | target | calls | p50 | p95 | max | the work took |', '|---|---:|---:|---:|---:|---:|---:|'];
  for (const r of rows) lines.push(`| ${r.what} | ${r.target} | ${r.calls} | ${r.p50Ms} ms | ${r.p95Ms} ms | ${r.maxMs} ms | ${(r.importMs / 1000).toFixed(2)} s |`);
  return lines.join('\n');
}

// `node dist/electron/bench/api-latency.js` runs it alone.
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  console.log(apiLatencyTable(await benchApiLatency()));
}
