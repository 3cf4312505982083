// An Api call answered while a 1.8 MB, 360-card Verbatim brief imports in browser mode (DESIGN:
// under 50 ms). The import runs as a job in the worker thread; beside it, the same import run on
// the thread that answers calls (what importData did before the jobs module), for comparison.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { httpApiClient, type ApiHandlers } from '../shared/api.js';
import { createHandlers } from '../electron/services/api-handlers.js';
import { importInto } from '../electron/services/importers/import-into-library.js';
import { Library } from '../electron/services/library/library.js';
import { startServer } from '../electron/server.js';
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
  /** How long the import itself took (request to answer). */
  importMs: number;
  briefMb: number;
}

const SEED = 20_211_130;
/** How often the bench asks while the import runs: about a UI's polling and typing rate. */
const ASK_EVERY_MS = 10;

async function measure(handlers: (library: Library) => ApiHandlers, docx: Uint8Array): Promise<Omit<ApiLatencyRow, 'what' | 'target' | 'briefMb'>> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cardfile-api-latency-'));
  const library = Library.open(path.join(dir, 'library.cardfile'));
  const server = await startServer({ handlers: handlers(library) });
  try {
    const api = httpApiClient(server.url, server.token);
    // Warm up: the first call of each kind loads its modules (and starts the worker).
    await api.libraryInfo({});
    await api.importData({ name: 'warm-up.txt', dataBase64: Buffer.from('Warm up\n\nA first article.').toString('base64') });
    const dataBase64 = Buffer.from(docx).toString('base64');
    const started = performance.now();
    let done = false;
    const importing = api.importData({ name: 'big-brief.docx', dataBase64 }).finally(() => { done = true; }).then((outcome) => {
      if (outcome.status !== 'imported') throw new Error(`the bench brief did not import: ${JSON.stringify(outcome)}`);
      return performance.now() - started;
    });
    const latencies: number[] = [];
    // Every call asked while the import runs counts, even one answered only after it ended.
    while (!done) {
      const t = performance.now();
      await api.listArticles({ limit: 50 });
      latencies.push(performance.now() - t);
      await new Promise((resolve) => setTimeout(resolve, ASK_EVERY_MS));
    }
    const importMs = await importing;
    const round = (x: number) => Number(x.toFixed(1));
    return { calls: latencies.length, p50Ms: round(percentile(latencies, 50)), p95Ms: round(percentile(latencies, 95)), maxMs: round(Math.max(0, ...latencies.slice(0, 10_000))), importMs: Math.round(importMs) };
  } finally {
    await server.close();
    library.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
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
  return [
    { what: `Api call answered while a ${briefMb} MB brief imports (browser mode, import in the worker)`, target: '< 50 ms', briefMb, ...inWorker },
    { what: `the same, import on the Api's thread (before the jobs module)`, target: '–', briefMb, ...onApiThread },
  ];
}

export function apiLatencyTable(rows: ApiLatencyRow[]): string {
  const lines = ['| Api latency during an import | target | calls | p50 | p95 | max | import took |', '|---|---:|---:|---:|---:|---:|---:|'];
  for (const r of rows) lines.push(`| ${r.what} | ${r.target} | ${r.calls} | ${r.p50Ms} ms | ${r.p95Ms} ms | ${r.maxMs} ms | ${(r.importMs / 1000).toFixed(2)} s |`);
  return lines.join('\n');
}

// `node dist/electron/bench/api-latency.js` runs it alone.
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  console.log(apiLatencyTable(await benchApiLatency()));
}
