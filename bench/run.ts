// `npm run bench`: FTS5 library search against lunr on the same seeded cards from real text.
// Each measurement runs in its own process, so peak RSS is that of the work measured.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import lunr from 'lunr';
import type { CardFields, DocJSON } from '../shared/model.js';
import { nodeOfFields, type CardParts } from '../electron/services/library/card-content.js';
import { CardPartsPool } from '../electron/services/library/card-parts-pool.js';
import { Library } from '../electron/services/library/library.js';
import { CardSearch } from '../electron/services/search/card-search.js';
import { checkIndex, rebuildIndex } from '../electron/services/search/search-index.js';
import { makeGenerator } from './card-generator.js';
import { apiLatencyTable, benchApiLatency, type ApiLatencyRow } from './api-latency.js';
import { benchAutosave } from './autosave.js';
import { benchCliStartup, cliStartupTable, type CliStartupRow } from './cli-startup.js';
import { benchFolderImport, folderImportTable, type FolderImportRow } from './folder-import.js';
import { benchKeystroke, keystrokeTable, type KeystrokeRow } from './keystroke.js';
import { benchQuickFind, quickFindTable, type QuickFindBench } from './quick-find.js';
import { benchFormats, benchPdfExport, formatsTable, type FormatRow } from './formats.js';
import { lunrQuery, QUERIES } from './queries.js';
import { percentile } from './stats.js';

const SEED = 20_210_915;
// `npm run bench -- --scale` adds the 1M-card row (about an hour on two cores).
const SCALE = process.argv.includes('--scale');
const SIZES = (process.env.BENCH_SIZES ?? (SCALE ? '10000,100000,1000000' : '10000,100000')).split(',').map(Number);
// lunr holds its whole index in the JS heap (about 165 kB a card of real length: 1.7 GB at 10k): beyond this it takes many minutes and gigabytes.
const LUNR_MAX = Number(process.env.BENCH_LUNR_MAX ?? 10_000);
// The index rebuild row above this many cards is skipped when set (about 15 minutes of CPU at 1M).
const REBUILD_MAX = Number(process.env.BENCH_REBUILD_MAX ?? Infinity);
const LIMIT = 20;
const FOLDER_FILES = Number(process.env.BENCH_FOLDER_FILES ?? 40);
// Cards filed in briefs for quick find and Search opening (the target is at 100k).
const QUICK_FIND_CARDS = Number(process.env.BENCH_QUICK_FIND_CARDS ?? 100_000);
const PASSES = 3;

const here = path.dirname(fileURLToPath(import.meta.url));
const repo = path.resolve(here, '../../..');

const now = () => performance.now();
const peakRssMb = () => Math.round(process.resourceUsage().maxRSS / 1024);
const round = (x: number, digits = 2) => Number(x.toFixed(digits));

function cards(size: number): Generator<CardFields> {
  const generator = makeGenerator(SEED);
  return (function* () {
    for (let i = 0; i < size; i++) yield generator.card(i);
  })();
}

// The writer thread's own CPU time (Linux: its task's utime + stime, in clock ticks of 10 ms), 0
// elsewhere: what bounds the insert rate when the pool's threads have cores of their own.
function writerCpuUs(): number {
  const file = `/proc/self/task/${process.pid}/stat`;
  if (!fs.existsSync(file)) return 0;
  const stat = fs.readFileSync(file, 'utf8');
  // Fields 14 and 15 of the line, counted after the command name (which may hold spaces).
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) * 10_000;
}

// BENCH_INLINE=1 derives every card on the writer thread, as a single insert does: the before.
const INLINE = process.env.BENCH_INLINE === '1';
const BATCH = 2000;

async function generate(size: number, file: string) {
  const library = Library.open(file);
  const pool = INLINE ? null : new CardPartsPool();
  let insertMs = 0;
  let insertCpuUs = 0;
  let writerUs = 0;
  let textBytes = 0;
  // Generating the cards is not the store's work: only deriving and inserting them is timed. The
  // pool derives the next batch while the writer inserts this one, both inside the timed span,
  // so the CPU of every thread (process.cpuUsage) is the work itself, however busy the machine.
  const timed = async <T>(work: () => T | Promise<T>): Promise<T> => {
    const t = now();
    const cpu = process.cpuUsage();
    const writer = writerCpuUs();
    const result = await work();
    insertMs += now() - t;
    const used = process.cpuUsage(cpu);
    insertCpuUs += used.user + used.system;
    writerUs += writerCpuUs() - writer;
    return result;
  };
  const insert = (batch: CardFields[], parts: CardParts[] | null) =>
    library.transaction(() => batch.forEach((c, i) => library.cards.insert(c, parts?.[i])));
  const derive = async (batch: CardFields[]) => (pool && batch.length ? pool.parts(batch.map(nodeOfFields)) : null);
  let ready: { batch: CardFields[]; parts: CardParts[] | null } | null = null;
  const step = (batch: CardFields[]) => timed(async () => {
    const deriving = derive(batch);
    if (ready) insert(ready.batch, ready.parts);
    ready = batch.length ? { batch, parts: await deriving } : null;
  });
  let batch: CardFields[] = [];
  for (const card of cards(size)) {
    textBytes += Buffer.byteLength(`${card.tag}${card.shortCite}${card.fullCite}${plain(card.body)}`);
    batch.push(card);
    if (batch.length === BATCH) await step(batch.splice(0));
  }
  await step(batch.splice(0));
  await step([]);
  await pool?.close();
  library.db.pragma('wal_checkpoint(TRUNCATE)');
  library.close();
  let rebuildMs: number | null = null;
  if (size <= REBUILD_MAX) {
    const rebuildStarted = now();
    const rebuilt = Library.open(file);
    rebuildIndex(rebuilt.db, rebuilt.cards);
    rebuilt.close();
    rebuildMs = now() - rebuildStarted;
  }
  const fileBytes = fs.statSync(file).size;
  return {
    // CPU time of every thread of the process: the machine may be busy, this is the work itself.
    insertMs: round(insertMs, 0), cardsPerSecond: Math.round(size / (insertMs / 1000)), insertCpuUsPerCard: Math.round(insertCpuUs / size),
    writerCpuUsPerCard: Math.round(writerUs / size), rebuildMs: rebuildMs === null ? null : round(rebuildMs, 0),
    fileMb: round(fileBytes / 2 ** 20, 1), textMb: round(textBytes / 2 ** 20, 1), sizeRatio: round(fileBytes / textBytes, 2),
  };
}

function measure(file: string) {
  const started = now();
  const library = Library.open(file);
  const state = checkIndex(library.db);
  const search = new CardSearch(library.db, library.cards);
  const first = search.search({ query: QUERIES[0]!, limit: LIMIT });
  const openMs = now() - started;
  if (state !== 'ok' || first.hits.length === 0) throw new Error(`index ${state}, first query found ${first.hits.length}`);

  const times: number[] = [];
  const slowest: Record<string, number> = {};
  for (let pass = 0; pass <= PASSES; pass++) {
    for (const query of QUERIES) {
      const t = now();
      search.search({ query, limit: LIMIT });
      const ms = now() - t;
      if (pass === 0) continue; // warm-up pass
      times.push(ms);
      slowest[query] = Math.max(slowest[query] ?? 0, ms);
    }
  }
  const worst = Object.entries(slowest).sort((a, b) => b[1] - a[1]).slice(0, 3).map(([q, ms]) => `${q} ${round(ms, 1)} ms`);

  const findable: number[] = [];
  const template = cards(1).next().value as CardFields;
  for (let i = 0; i < 20; i++) {
    const word = `benchmarker${Date.now().toString(36)}x${i}`;
    const t = now();
    const card = library.cards.insert({ ...template, tag: `${word} ${template.tag}` });
    while (!search.search({ query: word, limit: 1 }).hits.some((h) => h.cardId === card.id)) {
      if (now() - t > 10_000) throw new Error(`card ${card.id} not findable after 10 s`);
    }
    findable.push(now() - t);
  }
  library.close();
  return {
    openToFirstAnswerMs: round(openMs, 0), queryP50Ms: round(percentile(times, 50)), queryP95Ms: round(percentile(times, 95)),
    queryP99Ms: round(percentile(times, 99)),
    queryMaxMs: round(Math.max(...times)), slowestQueries: worst,
    newCardFindableMs: round(percentile(findable, 50)), newCardFindableMaxMs: round(Math.max(...findable)), peakRssMb: peakRssMb(),
  };
}

function plain(node: DocJSON): string {
  return node.text ?? (node.content ?? []).map(plain).join(node.type === 'body' ? '\n' : '');
}

function measureLunr(size: number) {
  const docs = [...cards(size)].map((c, id) => ({ id: String(id), tag: c.tag, label: c.label ?? '', cite: `${c.shortCite} ${c.fullCite}`, body: plain(c.body) }));
  const started = now();
  const index = lunr(function () {
    this.ref('id');
    this.field('tag', { boost: 10 });
    this.field('label', { boost: 5 });
    this.field('cite', { boost: 3 });
    this.field('body');
    for (const doc of docs) this.add(doc);
  });
  const buildMs = now() - started;
  const times: number[] = [];
  let failed = 0;
  for (let pass = 0; pass <= PASSES; pass++) {
    for (const query of QUERIES) {
      const t = now();
      try {
        index.search(lunrQuery(query)).slice(0, LIMIT);
      } catch {
        failed++;
      }
      if (pass > 0) times.push(now() - t);
    }
  }
  return { buildMs: round(buildMs, 0), queryP50Ms: round(percentile(times, 50)), queryP95Ms: round(percentile(times, 95)), failedQueries: failed / (PASSES + 1), peakRssMb: peakRssMb() };
}

function child(args: string[], heapMb?: number, flags: string[] = []): unknown {
  const execArgv = [...(heapMb ? [`--max-old-space-size=${heapMb}`] : []), ...flags];
  const result = spawnSync(process.execPath, [...execArgv, fileURLToPath(import.meta.url), ...args], { encoding: 'utf8', maxBuffer: 16 * 2 ** 20 });
  if (result.status !== 0) throw new Error(`bench ${args.join(' ')} failed:\n${result.stderr}`);
  return JSON.parse(result.stdout.trim().split('\n').at(-1)!);
}

type Row = { cards: number; fts: { build: Awaited<ReturnType<typeof generate>>; run: ReturnType<typeof measure> }; lunr: ReturnType<typeof measureLunr> | null };

function table(rows: Row[]): string {
  const lines = [
    '| cards | FTS5 insert+index | cards/s | index rebuild | file / card text | open→first answer | FTS5 p50 / p95 / p99 | lunr build | lunr p50 / p95 | p95 lunr÷FTS5 | new card findable | peak RSS FTS5 / lunr |',
    '| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
    '| target | – | ≥ 5,000 | in the background | ≤ 2× | < 2 s at 1M | p95 < 16, p99 < 50 ms at 100k; p95 < 50 ms at 1M | – | – | – | < 200 ms | < 600 MB at 1M |',
  ];
  for (const r of rows) {
    const l = r.lunr;
    const b = r.fts.build;
    lines.push(`| ${r.cards.toLocaleString('en')} | ${(b.insertMs / 1000).toFixed(1)} s | ${b.cardsPerSecond.toLocaleString('en')} | ${b.rebuildMs === null ? 'not run (over cap)' : `${(b.rebuildMs / 1000).toFixed(1)} s`} | ${b.fileMb} / ${b.textMb} MB = ${b.sizeRatio}× | ${r.fts.run.openToFirstAnswerMs} ms | ${r.fts.run.queryP50Ms} / ${r.fts.run.queryP95Ms} / ${r.fts.run.queryP99Ms} ms | ${l ? `${(l.buildMs / 1000).toFixed(1)} s` : 'not run (over cap)'} | ${l ? `${l.queryP50Ms} / ${l.queryP95Ms} ms` : '–'} | ${l ? `${(l.queryP95Ms / r.fts.run.queryP95Ms).toFixed(1)}×` : '–'} | ${r.fts.run.newCardFindableMs} ms (max ${r.fts.run.newCardFindableMaxMs}) | ${r.fts.run.peakRssMb} / ${l ? l.peakRssMb : '–'} MB |`);
  }
  return lines.join('\n');
}

async function main() {
  const [mode, ...args] = process.argv.slice(2).filter((a) => a !== '--scale');
  if (mode === 'generate') return console.log(JSON.stringify(await generate(Number(args[0]), args[1]!)));
  if (mode === 'measure') return console.log(JSON.stringify(measure(args[0]!)));
  if (mode === 'lunr') return console.log(JSON.stringify(measureLunr(Number(args[0]))));
  if (mode === 'formats') return console.log(JSON.stringify(await benchFormats(SEED)));
  if (mode === 'pdf-export') return console.log(JSON.stringify([await benchPdfExport(SEED)]));
  if (mode === 'autosave') return console.log(JSON.stringify(await benchAutosave(SEED, args[0]!)));
  if (mode === 'keystroke') return console.log(JSON.stringify(await benchKeystroke({ cards: 1000 })));
  if (mode === 'quick-find') return console.log(JSON.stringify(await benchQuickFind({ cards: QUICK_FIND_CARDS })));
  if (mode === 'api-latency') return console.log(JSON.stringify(await benchApiLatency()));
  if (mode === 'cli-startup') return console.log(JSON.stringify(benchCliStartup()));
  // 2,000 files is the target; the default run imports a sample and projects (see folder-import.ts).
  if (mode === 'folder-import') return console.log(JSON.stringify(await benchFolderImport({ files: FOLDER_FILES })));

  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cardfile-bench-'));
  const rows: Row[] = [];
  try {
    for (const size of SIZES) {
      const file = path.join(dir, `bench-${size}.cardfile`);
      process.stderr.write(`${size} cards: generating and indexing…\n`);
      const build = child(['generate', String(size), file]) as Row['fts']['build'];
      process.stderr.write(`${size} cards: measuring FTS5…\n`);
      const run = child(['measure', file]) as Row['fts']['run'];
      let lunrRow: Row['lunr'] = null;
      if (size <= LUNR_MAX) {
        process.stderr.write(`${size} cards: measuring lunr…\n`);
        lunrRow = child(['lunr', String(size)], 16_384) as NonNullable<Row['lunr']>;
      }
      rows.push({ cards: size, fts: { build, run }, lunr: lunrRow });
      fs.rmSync(file, { force: true });
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
  process.stderr.write('brief formats: import and export…\n');
  const formats = child(['formats']) as FormatRow[];
  process.stderr.write('autosave of a big brief…\n');
  const autosaveDir = fs.mkdtempSync(path.join(os.tmpdir(), 'cardfile-bench-'));
  formats.push(...(child(['autosave', path.join(autosaveDir, 'autosave.cardfile')]) as FormatRow[]));
  fs.rmSync(autosaveDir, { recursive: true, force: true });
  process.stderr.write('keystrokes in a 1,000-card brief (Chromium)…\n');
  const keystroke = child(['keystroke']) as KeystrokeRow;
  process.stderr.write(`Search opening and quick find, ${QUICK_FIND_CARDS} cards in briefs…\n`);
  // gc exposed so the index's heap is measured after a collection.
  const quickFind = child(['quick-find'], 8_192, ['--expose-gc']) as QuickFindBench;
  process.stderr.write('Api latency while a big brief imports…\n');
  const apiLatency = child(['api-latency']) as ApiLatencyRow[];
  process.stderr.write('CLI start-up…\n');
  const cliStartup = child(['cli-startup']) as CliStartupRow[];
  process.stderr.write(`folder import (${FOLDER_FILES} files)…\n`);
  const folderImport = child(['folder-import']) as FolderImportRow[];
  const results = {
    date: new Date().toISOString(), seed: SEED, queries: QUERIES.length, passes: PASSES, limit: LIMIT, lunrCap: LUNR_MAX,
    machine: { cpus: os.cpus().length, cpu: os.cpus()[0]?.model ?? '', node: process.version }, rows, formats,
    keystroke, quickFind, apiLatency, cliStartup, folderImport,
  };
  fs.writeFileSync(path.join(repo, 'bench', 'results.json'), JSON.stringify(results, null, 2) + '\n');
  console.log(table(rows));
  console.log(`\n${formatsTable(formats)}`);
  console.log(`\n${keystrokeTable(keystroke)}`);
  console.log(`\n${quickFindTable(quickFind)}`);
  console.log(`\n${apiLatencyTable(apiLatency)}`);
  console.log(`\n${cliStartupTable(cliStartup)}`);
  console.log(`\n${folderImportTable(folderImport)}`);
  console.log(`\n${QUERIES.length} queries × ${PASSES} passes after a warm-up, top ${LIMIT} hits, every query ranked over all its matches. Cards generated from the word statistics of 1,820 real cards. lunr capped at ${LUNR_MAX.toLocaleString('en')} cards.`);
  console.log('Targets: p95 < 16 ms and p99 < 50 ms at 100k; at 1M p95 < 50 ms, open→first answer < 2 s, < 600 MB RSS; new card findable < 200 ms; file ≤ 2× card text; insert ≥ 5,000 cards/s.');
}

await main();
