// Search opening and quick find as you type, at 100k cards filed in briefs (100 briefs of 1,000
// generated cards, headed as formats.ts heads them), through the Api over HTTP as browser mode
// serves it. QuickFindSession is what the renderer runs (renderer/src/quick-find.ts); the
// drawing of the results is not measured here. Beside it, what every Search open cost before
// the session index: all outlines read and a lunr index built over them.
// Run on its own with `node dist/electron/bench/quick-find.js [cards] [library file]`.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import lunr from 'lunr';
import { httpApiClient, type Api } from '../shared/api.js';
import type { DocJSON } from '../shared/model.js';
import { QuickFindSession } from '../shared/quick-find-session.js';
import { createHandlers } from '../electron/services/api-handlers.js';
import { Library } from '../electron/services/library/library.js';
import { startServer } from '../electron/server.js';
import { brief } from './formats.js';
import { median, percentile } from './stats.js';

export interface QuickFindRow {
  what: string;
  target: string;
  runs: number;
  p50Ms: number;
  p95Ms: number;
  maxMs: number;
}

export interface QuickFindBench {
  cards: number;
  briefs: number;
  generateS: number;
  /** JS heap the session's index and outlines hold. */
  indexHeapMb: number;
  rows: QuickFindRow[];
}

const SEED = 20_211_204;
const CARDS_A_BRIEF = 1000;
const OPENS = 30;

const round = (x: number) => Number(x.toFixed(2));
const now = () => performance.now();

function row(what: string, target: string, times: readonly number[]): QuickFindRow {
  return { what, target, runs: times.length, p50Ms: round(median(times)), p95Ms: round(percentile(times, 95)), maxMs: round(Math.max(...times)) };
}

async function timed(fn: () => unknown): Promise<number> {
  const t = now();
  await fn();
  return now() - t;
}

const textOf = (node: DocJSON | undefined): string => node?.text ?? (node?.content ?? []).map(textOf).join('');

/** What a debater types into Search: tag words key by key, a cite's name, and words with a typo. */
function keystrokes(outlines: readonly { doc: DocJSON }[]): string[] {
  const tags = outlines.flatMap((o) => (o.doc.content ?? []).filter((n) => n.type === 'card').slice(0, 1).map((n) => textOf(n.content?.[0])));
  const typed: string[] = [];
  for (const tag of tags.slice(0, 12)) {
    const words = tag.split(/\s+/).filter((w) => w.length > 3).slice(0, 2);
    if (words.length === 0) continue;
    const phrase = words.join(' ');
    for (let i = 1; i <= phrase.length; i++) typed.push(phrase.slice(0, i));
    // A letter dropped from the first word: the typo path.
    const word = words[0]!;
    typed.push(word.slice(0, 2) + word.slice(3));
  }
  return typed;
}

function generate(file: string, cards: number): void {
  const library = Library.open(file);
  for (let b = 0; b * CARDS_A_BRIEF < cards; b++) {
    const { doc } = brief(SEED + b, Math.min(CARDS_A_BRIEF, cards - b * CARDS_A_BRIEF));
    library.briefs.insert({ title: `Bench brief ${b + 1}`, kind: 'brief', doc });
  }
  library.close();
}

/** The lunr index quick find built on every Search open and Alt+B before the session index. */
function lunrOverOutlines(outlines: readonly { id: number; doc: DocJSON }[]): lunr.Index {
  const words = (text: string) => text.toLowerCase().split(/[^\p{L}\p{N}]+/u).filter(Boolean).join(' ');
  const builder = new lunr.Builder();
  builder.pipeline.add(lunr.trimmer);
  builder.ref('ref');
  builder.field('text', { boost: 3 });
  builder.field('cite');
  for (const o of outlines) {
    (o.doc.content ?? []).forEach((node, index) => {
      const card = node.type === 'card';
      builder.add({ ref: `${o.id}:${index}`, text: words(card ? textOf(node.content?.[0]) : textOf(node)), cite: words(card ? textOf(node.content?.[1]) : '') });
    });
  }
  return builder.build();
}

export async function benchQuickFind(options: { cards?: number; file?: string } = {}): Promise<QuickFindBench> {
  const cards = options.cards ?? 100_000;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cardfile-quick-find-'));
  const file = options.file ?? path.join(dir, 'bench.cardfile');
  try {
    const generateS = fs.existsSync(file) ? 0 : round((await timed(() => generate(file, cards))) / 1000);
    const library = Library.open(file);
    const server = await startServer({ handlers: createHandlers(library) });
    try {
      const api: Api = httpApiClient(server.url, server.token);
      const rows: QuickFindRow[] = [];

      // The first open of a session reads every outline and indexes it: three fresh sessions.
      const firsts: number[] = [];
      let session = new QuickFindSession(api);
      for (let i = 0; i < 3; i++) {
        session = new QuickFindSession(api);
        firsts.push(await timed(() => session.sync()));
      }
      global.gc?.();
      const heapBefore = process.memoryUsage().heapUsed;
      const kept = new QuickFindSession(api);
      await kept.sync();
      global.gc?.();
      const indexHeapMb = round((process.memoryUsage().heapUsed - heapBefore) / 2 ** 20);
      session = kept;

      const opens: number[] = [];
      for (let i = 0; i < OPENS; i++) opens.push(await timed(() => session.sync()));
      rows.push(row(`Search opens (${cards.toLocaleString('en')} cards), index kept for the session`, '< 100 ms', opens));
      rows.push(row(`Search opens (${cards.toLocaleString('en')} cards), first in a session: every outline read and indexed`, 'once a session', firsts));

      // A brief saved elsewhere since: its outline read again and re-indexed, the others kept.
      const target = session.briefs()[0]!;
      const afterSave: number[] = [];
      for (let i = 0; i < 10; i++) {
        const doc = (await api.getBrief({ id: target.id })).doc;
        const content = [...(doc.content ?? [])];
        content[0] = { type: 'pocket', content: [{ type: 'text', text: `Bench pocket ${i}` }] };
        await api.updateBrief({ id: target.id, patch: { doc: { ...doc, content } } });
        afterSave.push(await timed(() => session.sync()));
      }
      rows.push(row(`Search opens after a ${CARDS_A_BRIEF.toLocaleString('en')}-card brief was saved`, '< 100 ms', afterSave));

      // The words typed come from the cards' tags (the session keeps no card words of its own).
      const typed = keystrokes(await api.briefOutlines({ ids: session.briefs().slice(0, 12).map((b) => b.id) }));
      const keys: number[] = [];
      for (let pass = 0; pass < 2; pass++) {
        for (const query of typed) {
          const t = now();
          session.index.find(query, 8);
          if (pass > 0) keys.push(now() - t);
        }
      }
      rows.push(row(`quick find keystroke (${cards.toLocaleString('en')} cards)`, '< 16 ms', keys));

      // Before: every Search open and Alt+B read every outline and built lunr over them.
      const before: number[] = [];
      for (let i = 0; i < 3; i++) {
        // The server drops a keep-alive socket left idle by the last build: a call not timed opens a fresh one.
        await api.libraryInfo({}).catch(() => undefined);
        before.push(await timed(async () => lunrOverOutlines(await api.briefOutlines({}))));
      }
      rows.push(row('before: each Search open and Alt+B read every outline and built lunr', '–', before));
      return { cards, briefs: session.briefs().length, generateS, indexHeapMb, rows };
    } finally {
      await server.close();
      library.close();
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

export function quickFindTable(bench: QuickFindBench): string {
  return [
    `Quick find and Search opening, ${bench.cards.toLocaleString('en')} cards in ${bench.briefs} briefs (generated in ${bench.generateS} s); the session's index and outlines hold ${bench.indexHeapMb} MB of heap.`,
    '| what | target | runs | p50 | p95 | max |',
    '| --- | ---: | ---: | ---: | ---: | ---: |',
    ...bench.rows.map((r) => `| ${r.what} | ${r.target} | ${r.runs} | ${r.p50Ms} ms | ${r.p95Ms} ms | ${r.maxMs} ms |`),
  ].join('\n');
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const result = await benchQuickFind({ cards: Number(process.argv[2] ?? 100_000), ...(process.argv[3] ? { file: process.argv[3] } : {}) });
  console.log(quickFindTable(result));
}
