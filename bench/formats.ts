// Brief formats against DESIGN's targets: a 1,000-card Verbatim .docx imported (ours beside
// mammoth, a peer reader of the same file), a 300-card brief exported to .docx and to PDF.
import mammoth from 'mammoth';
import { cardNode, headingNode } from '../shared/brief-doc.js';
import type { DocJSON } from '../shared/model.js';
import { chromiumPrinter } from '../electron/services/exporters/chromium-printer.js';
import { exportBrief } from '../electron/services/exporters/export-brief.js';
import { briefToDocx } from '../electron/services/exporters/verbatim-docx-export.js';
import { parseVerbatimDocx } from '../electron/services/importers/verbatim-docx.js';
import { makeGenerator } from './card-generator.js';
import { seededRandom } from './seeded-random.js';

export interface FormatRow {
  what: string;
  target: string;
  medianMs: number;
  runs: number;
  peer?: { name: string; medianMs: number };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

export async function time(runs: number, fn: () => unknown): Promise<number> {
  const took: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    await fn();
    took.push(performance.now() - started);
  }
  return Number(median(took).toFixed(0));
}

const MARKINGS: DocJSON['marks'][] = [
  undefined,
  [{ type: 'underline' }],
  [{ type: 'underline' }, { type: 'highlight', attrs: { colour: 'cyan' } }],
  [{ type: 'emphasis' }, { type: 'highlight', attrs: { colour: 'yellow' } }],
];

/** A body re-marked as real cards are: runs of two to six words, read, spoken and stressed in turn. */
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
  return { ...body, attrs: { shrinkPt: 8 }, content };
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

export async function benchFormats(seed: number): Promise<FormatRow[]> {
  const bigBrief = brief(seed, 1000);
  const big = await briefToDocx(bigBrief);
  const runs = JSON.stringify(bigBrief.doc).split('"type":"text"').length - 1;
  const ours = await time(5, () => parseVerbatimDocx(big, 'bench-1000.docx'));
  const peer = await time(3, () => mammoth.convertToHtml({ buffer: Buffer.from(big) }));
  const three = brief(seed + 1, 300);
  const printer = chromiumPrinter();
  return [
    { what: `import a 1,000-card Verbatim .docx (${(big.length / 2 ** 20).toFixed(1)} MB zipped, ${Math.round(runs / 1000)} runs a card)`, target: '< 2 s', medianMs: ours, runs: 5, peer: { name: 'mammoth', medianMs: peer } },
    { what: 'export a 300-card brief to .docx', target: '< 1 s', medianMs: await time(5, () => briefToDocx(three)), runs: 5 },
    { what: 'export a 300-card brief to PDF (Chromium, launch included)', target: '< 3 s', medianMs: await time(3, () => exportBrief(three, 'pdf', printer)), runs: 3 },
  ];
}

export function formatsTable(rows: FormatRow[]): string {
  const lines = ['| brief format | target | median | runs | peer, same file |', '|---|---:|---:|---:|---:|'];
  for (const r of rows) {
    lines.push(`| ${r.what} | ${r.target} | ${(r.medianMs / 1000).toFixed(2)} s | ${r.runs} | ${r.peer ? `${r.peer.name} ${(r.peer.medianMs / 1000).toFixed(2)} s` : '–'} |`);
  }
  return lines.join('\n');
}
