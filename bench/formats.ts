// Brief formats against DESIGN's targets: a generated 1.8 MB, 360-card Verbatim .docx as real
// debaters' files are (bench/verbatim-generator.ts) parsed, and parsed + stored + indexed into a
// library; a 1,000-card brief of ours imported; each beside mammoth, a peer reader of the same
// file; a 300-card brief exported to .docx and to PDF.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import mammoth from 'mammoth';
import { cardNode, headingNode } from '../shared/brief-doc.js';
import type { DocJSON } from '../shared/model.js';
import { chromiumPrinter } from '../electron/services/exporters/chromium-printer.js';
import { exportBrief } from '../electron/services/exporters/export-brief.js';
import { briefToDocx } from '../electron/services/exporters/verbatim-docx-export.js';
import { importInto } from '../electron/services/importers/import-into-library.js';
import { parseVerbatimDocx } from '../electron/services/importers/verbatim-docx.js';
import { Library } from '../electron/services/library/library.js';
import { makeGenerator } from './card-generator.js';
import { seededRandom } from './seeded-random.js';
import { generateVerbatimDocx } from './verbatim-generator.js';
import { median } from './stats.js';

export interface FormatRow {
  what: string;
  target: string;
  medianMs: number;
  runs: number;
  peer?: { name: string; medianMs: number };
}

export async function time(runs: number, fn: () => unknown): Promise<number> {
  const took: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    await fn();
    took.push(performance.now() - started);
  }
  return Number(median(took).toFixed(0));
}

const SHRUNK = { type: 'size', attrs: { pt: 8 } };
const MARKINGS: DocJSON['marks'][] = [
  [SHRUNK],
  [{ type: 'underline' }],
  [{ type: 'underline' }, { type: 'highlight', attrs: { colour: 'cyan' } }],
  [{ type: 'emphasis' }, { type: 'highlight', attrs: { colour: 'yellow' } }],
];

/** A body re-marked as real cards are: runs of two to six words, read, spoken and stressed in turn, the rest at 8 pt. */
function cutLikeADebater(body: DocJSON, random: () => number): DocJSON {
  const content = (body.content ?? []).map((p) => {
    const words = (p.content ?? []).map((t) => t.text ?? '').join('').split(' ');
    const runs: DocJSON[] = [];
    for (let i = 0; i < words.length;) {
      const n = 2 + Math.floor(random() * 5);
      const marks = MARKINGS[Math.floor(random() * MARKINGS.length)];
      const text = words.slice(i, i + n).join(' ') + (i + n < words.length ? ' ' : '');
      runs.push(marks ? { type: 'text', text, marks } : { type: 'text', text });
      i += n;
    }
    return { type: 'paragraph', content: runs };
  });
  return { ...body, content };
}

/** A brief of `count` generated cards, ten to a block, as debaters file them. */
export function brief(seed: number, count: number): { title: string; doc: DocJSON } {
  const generator = makeGenerator(seed);
  const random = seededRandom(seed);
  const content: DocJSON[] = [headingNode('pocket', 'Bench'), headingNode('hat', 'Russia')];
  for (let i = 0; i < count; i++) {
    if (i % 10 === 0) content.push(headingNode('block', `Answers to: argument ${i / 10 + 1}`));
    const card = generator.card(i);
    content.push(cardNode({ ...card, body: cutLikeADebater(card.body, random) }));
  }
  return { title: `Bench ${count}`, doc: { type: 'doc', content } };
}

/** The 300-card brief both export rows write. */
const exportedBrief = (seed: number) => brief(seed + 1, 300);

/** The generated real-shaped file: parse alone, and parse + store + index into a fresh library each run. */
async function realShapedRows(seed: number): Promise<FormatRow[]> {
  const file = await generateVerbatimDocx(seed);
  const parsed = parseVerbatimDocx(file, 'bench-360.docx');
  const cards = (parsed.doc.content ?? []).filter((n) => n.type === 'card').length;
  const words = JSON.stringify(parsed.doc).match(/"text":"[^"]*"/g)!.join(' ').split(/\s+/).length;
  const size = `${(file.length / 2 ** 20).toFixed(1)} MB, ${cards} cards, ${Math.round(words / 1000)}k words`;
  const mammothMs = await time(3, () => mammoth.convertToHtml({ buffer: Buffer.from(file) }));
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cardfile-bench-'));
  let n = 0;
  try {
    const stored = await time(5, async () => {
      const library = Library.open(path.join(dir, `library-${n++}.cardfile`));
      try {
        const outcome = await importInto(library, { name: 'bench-360.docx', bytes: file });
        if (outcome.status !== 'imported') throw new Error(`bench import failed: ${JSON.stringify(outcome)}`);
      } finally {
        library.close();
      }
    });
    return [
      { what: `parse a real-shaped Verbatim .docx (${size})`, target: '–', medianMs: await time(7, () => parseVerbatimDocx(file, 'bench-360.docx')), runs: 7, peer: { name: 'mammoth', medianMs: mammothMs } },
      { what: `parse, store and index it into a library (${size})`, target: '< 300 ms', medianMs: stored, runs: 5, peer: { name: 'mammoth (read only)', medianMs: mammothMs } },
    ];
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

export async function benchFormats(seed: number): Promise<FormatRow[]> {
  const realShaped = await realShapedRows(seed);
  const bigBrief = brief(seed, 1000);
  const big = await briefToDocx(bigBrief);
  const runs = JSON.stringify(bigBrief.doc).split('"type":"text"').length - 1;
  const ours = await time(5, () => parseVerbatimDocx(big, 'bench-1000.docx'));
  const peer = await time(3, () => mammoth.convertToHtml({ buffer: Buffer.from(big) }));
  const three = exportedBrief(seed);
  return [
    ...realShaped,
    { what: `import a 1,000-card Verbatim .docx (${(big.length / 2 ** 20).toFixed(1)} MB zipped, ${Math.round(runs / 1000)} runs a card)`, target: '< 2 s', medianMs: ours, runs: 5, peer: { name: 'mammoth', medianMs: peer } },
    { what: 'export a 300-card brief to .docx', target: '< 1 s', medianMs: await time(5, () => briefToDocx(three)), runs: 5 },
    await benchPdfExport(seed),
  ];
}

/** The PDF row alone (`node dist/electron/bench/run.js pdf-export`): the slowest export, measured while working on it. */
export async function benchPdfExport(seed: number): Promise<FormatRow> {
  const three = exportedBrief(seed);
  const printer = chromiumPrinter();
  return { what: 'export a 300-card brief to PDF (Chromium, launch included)', target: '< 3 s', medianMs: await time(3, () => exportBrief(three, 'pdf', printer)), runs: 3 };
}

export function formatsTable(rows: FormatRow[]): string {
  const lines = ['| brief format | target | median | runs | peer, same file |', '|---|---:|---:|---:|---:|'];
  for (const r of rows) {
    lines.push(`| ${r.what} | ${r.target} | ${(r.medianMs / 1000).toFixed(3)} s | ${r.runs} | ${r.peer ? `${r.peer.name} ${(r.peer.medianMs / 1000).toFixed(2)} s` : '–'} |`);
  }
  return lines.join('\n');
}
