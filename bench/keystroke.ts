// Keystrokes in a 1,000-card brief, measured where a debater feels them: the built app in
// browser mode, typed into by Chromium, and every main-thread task that a key press causes
// (the key's events, the editor's dispatch, React's redraw, style, layout and paint) summed
// from Chromium's own trace. Run on its own with `node dist/electron/bench/keystroke.js`, or
// npm run bench calls benchKeystroke() (run.ts).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { httpApiClient } from '../shared/api.js';
import { createHandlers } from '../electron/services/api-handlers.js';
import { Library } from '../electron/services/library/library.js';
import { startServer } from '../electron/server.js';
import { brief } from './formats.js';
import { percentile } from './stats.js';

export interface KeystrokeRow {
  cards: number;
  keystrokes: number;
  /** Main-thread work per keystroke: every task on the page's main thread until the next key. */
  workP50Ms: number;
  workP95Ms: number;
  workMaxMs: number;
  /** Of that, the key's own event handlers (keydown, keypress, input): the editor's dispatch. */
  eventsP95Ms: number;
  target: string;
}

interface TraceEvent {
  name: string;
  ph: string;
  ts: number;
  dur?: number;
  pid: number;
  tid: number;
  args?: { data?: { type?: string } };
}

const CHROMIUM = process.env.CARDFILE_CHROMIUM ?? '/usr/bin/chromium';
const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];
// Between keys: a fast typist's pace (about 100 words a minute), and long enough for each key's work to end.
const PACE_MS = 120;
const TASKS = new Set(['RunTask', 'ThreadControllerImpl::RunTask']);
const TRACE_CATEGORIES = ['toplevel', 'devtools.timeline'];
const KEY_EVENTS = new Set(['keydown', 'keypress', 'input', 'textInput', 'beforeinput', 'keyup']);

const round = (x: number) => Number(x.toFixed(2));

/** Per keystroke: the main thread's task time and its key-event time, from a Chromium trace. */
export function keystrokeCosts(events: readonly TraceEvent[]): { work: number[]; handlers: number[] } {
  const keydowns = events.filter((e) => e.name === 'EventDispatch' && e.args?.data?.type === 'keydown').sort((a, b) => a.ts - b.ts);
  if (keydowns.length === 0) throw new Error('The trace holds no key presses.');
  const { pid, tid } = keydowns[0]!;
  const onMain = (e: TraceEvent) => e.pid === pid && e.tid === tid && e.ph === 'X' && e.dur !== undefined;
  // Top-level tasks only: a nested task's time is already in its parent's.
  const tasks: TraceEvent[] = [];
  for (const e of events.filter((x) => onMain(x) && TASKS.has(x.name)).sort((a, b) => a.ts - b.ts)) {
    const last = tasks[tasks.length - 1];
    if (!last || e.ts >= last.ts + last.dur!) tasks.push(e);
  }
  const dispatches = events.filter((e) => onMain(e) && e.name === 'EventDispatch' && KEY_EVENTS.has(e.args?.data?.type ?? ''));
  const work: number[] = [];
  const handlers: number[] = [];
  keydowns.forEach((key, i) => {
    // A key's window runs from the task that holds its keydown up to the task that holds the
    // next one, which is the next key's (counted in both windows, every key's own task was twice).
    const from = key.ts;
    const to = keydowns[i + 1]?.ts ?? Infinity;
    const own = tasks.filter((t) => t.ts + t.dur! > from && t.ts + t.dur! <= to);
    work.push(own.reduce((sum, t) => sum + t.dur!, 0) / 1000);
    handlers.push(dispatches.filter((d) => d.ts >= from && d.ts < to).reduce((sum, d) => sum + d.dur!, 0) / 1000);
  });
  return { work, handlers };
}

export async function benchKeystroke(options: { cards?: number; keystrokes?: number; seed?: number } = {}): Promise<KeystrokeRow> {
  const cards = options.cards ?? 1000;
  // Enough keys that p95 is not the third-worst of them (at 60 it moved by a third between runs).
  const keystrokes = options.keystrokes ?? 200;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cardfile-keystroke-'));
  const library = Library.open(path.join(dir, 'bench.cardfile'));
  const server = await startServer({ handlers: createHandlers(library) });
  const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
  try {
    const api = httpApiClient(server.url, server.token);
    const generated = brief(options.seed ?? 20_210_915, cards);
    await api.createBrief({ title: generated.title, kind: 'brief', doc: generated.doc });

    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    await page.goto(server.address);
    await page.getByRole('tab', { name: 'Briefs' }).click();
    await page.getByRole('list', { name: 'Briefs' }).locator('button.row', { hasText: generated.title }).click();
    const tags = page.locator('.brief-editor .ProseMirror h4.tag');
    await tags.nth(cards - 1).waitFor();
    // Type at the end of a tag in the middle of the brief: every later card and block moves.
    await tags.nth(Math.floor(cards / 2)).click();
    await page.keyboard.press('End');
    for (let i = 0; i < 5; i++) await page.keyboard.press('x'); // warm-up: the first keys compile code paths
    await page.waitForTimeout(1000);

    // Only what keystrokeCosts reads: tasks (toplevel) and key events (devtools.timeline). The
    // detailed timeline category also records every layout's and paint's particulars, and that
    // recording ran on the measured thread: it added about a fifth to each key (p50 20 -> 16 ms).
    await browser.startTracing(page, { categories: TRACE_CATEGORIES });
    const text = 'the quick brown fox jumps over the lazy dog and ';
    for (let i = 0; i < keystrokes; i++) {
      await page.keyboard.press(text[i % text.length] === ' ' ? 'Space' : text[i % text.length]!);
      await page.waitForTimeout(PACE_MS);
    }
    const trace = JSON.parse((await browser.stopTracing()).toString('utf8')) as { traceEvents: TraceEvent[] };
    const { work, handlers } = keystrokeCosts(trace.traceEvents);
    return {
      cards, keystrokes: work.length,
      workP50Ms: round(percentile(work, 50)), workP95Ms: round(percentile(work, 95)), workMaxMs: round(Math.max(...work)),
      eventsP95Ms: round(percentile(handlers, 95)), target: '< 16 ms',
    };
  } finally {
    await browser.close().catch(() => undefined);
    await server.close().catch(() => undefined);
    library.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

export function keystrokeTable(row: KeystrokeRow): string {
  return [
    '| brief | keystrokes | main-thread work per key p50 / p95 / max | of which key handlers p95 | target (p95) |',
    '| ---: | ---: | ---: | ---: | ---: |',
    `| ${row.cards.toLocaleString('en')} cards | ${row.keystrokes} | ${row.workP50Ms} / ${row.workP95Ms} / ${row.workMaxMs} ms | ${row.eventsP95Ms} ms | ${row.target} |`,
  ].join('\n');
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const row = await benchKeystroke({ cards: Number(process.env.BENCH_BRIEF_CARDS ?? 1000) });
  console.log(keystrokeTable(row));
  console.log(JSON.stringify(row));
}
