// Bounded fuzzing of every file importer through the one import entry: each mutated file ends
// in an import or one clear error naming it, within a time limit, and a failure changes nothing.
// `npm run fuzz` runs many more cases (FUZZ_CASES, FUZZ_SEED).
import { describe, expect, it } from 'vitest';
import { briefToDocx } from '../../electron/services/exporters/verbatim-docx-export.js';
import { importInto } from '../../electron/services/importers/import-into-library.js';
import { Library } from '../../electron/services/library/library.js';
import { insertNodes, headingNode } from '../../shared/brief-doc.js';
import { CORPUS, corpusText } from '../helpers/corpus.js';
import { tempLibraryPath } from '../helpers/temp-dir.js';
import { seededRandom } from '../../bench/seeded-random.js';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { makePdf } from '../helpers/make-pdf.js';
import { mutate, mutateMarkup } from './mutate.js';

const CASES = Number(process.env.FUZZ_CASES ?? 2000);
const SEED = Number(process.env.FUZZ_SEED ?? 7);
const TIME_LIMIT_MS = 10_000;

async function seeds(): Promise<{ name: string; bytes: Uint8Array }[]> {
  const encode = (s: string) => new TextEncoder().encode(s);
  const article = corpusText('ceasefire');
  const paragraphs = article.split(/\n\s*\n/).map((p) => `<p>${p.replace(/&/g, '&amp;').replace(/</g, '&lt;')}</p>`).join('\n');
  const docx = await briefToDocx({
    title: 'Fuzz seed',
    doc: insertNodes({ type: 'doc', content: [] }, [headingNode('pocket', 'Syria'), headingNode('block', 'AT: Russia'), {
      type: 'card', content: [{ type: 'tag', content: [{ type: 'text', text: 'Non-unique: ceasefire broken' }] },
        { type: 'cite', content: [{ type: 'text', text: 'Ace 21', marks: [{ type: 'strong' }] }, { type: 'text', text: ' TASS, 2021' }] },
        { type: 'body', content: [{ type: 'paragraph', content: [{ type: 'text', text: article.slice(0, 400), marks: [{ type: 'underline' }] }] }] }],
    }]),
  });
  // A three-page PDF of corpus text, one line of words at a time, as a report's pages hold it.
  const words = corpusText('article004').split(/\s+/);
  const lines = Array.from({ length: Math.ceil(words.length / 12) }, (_v, i) => words.slice(i * 12, i * 12 + 12).join(' '));
  const pdf = makePdf([0, 1, 2].map((page) => lines.slice(page * 40, page * 40 + 40).map((text, i) => ({ text, y: 740 - i * 16 }))), { Title: 'Putin Shuts the Door' });
  return [
    { name: 'report.pdf', bytes: pdf },
    ...Object.keys(CORPUS).map((key) => ({ name: `${key}.txt`, bytes: encode(corpusText(key as keyof typeof CORPUS)) })),
    { name: 'article.html', bytes: encode(`<!doctype html><html><head><title>No Ceasefire</title></head><body><article><h1>No Ceasefire</h1>${paragraphs}</article></body></html>`) },
    { name: 'brief.docx', bytes: docx },
  ];
}

const counts = (library: Library) => JSON.stringify(library.info());

/**
 * One damaged file: bytes anywhere for every kind; for markup, damage a parser must survive;
 * for .docx, damage inside one zip entry (its XML, or the entry gone) in a zip that still opens.
 */
function damage(name: string, bytes: Uint8Array, random: () => number): { bytes: Uint8Array; how: string } {
  const choice = random();
  if (name.endsWith('.html') && choice < 0.5) {
    const m = mutateMarkup(strFromU8(bytes), random);
    return { bytes: strToU8(m.text), how: `markup ${m.how}` };
  }
  if (name.endsWith('.docx') && choice < 0.6) {
    const entries = unzipSync(bytes);
    const names = Object.keys(entries).sort();
    const entry = names[Math.floor(random() * names.length)]!;
    if (random() < 0.15) {
      delete entries[entry];
      return { bytes: zipSync(entries), how: `zip entry ${entry} removed` };
    }
    let how: string;
    if (entry.endsWith('.xml') || entry.endsWith('.rels')) {
      const m = mutateMarkup(strFromU8(entries[entry]!), random);
      entries[entry] = strToU8(m.text);
      how = m.how;
    } else {
      const m = mutate(entries[entry]!, random);
      entries[entry] = Uint8Array.from(m.bytes);
      how = m.how;
    }
    return { bytes: zipSync(entries), how: `zip entry ${entry}: ${how}` };
  }
  return mutate(bytes, random);
}

describe('importers at their sizes', () => {
  it.each([
    ['250k short lines (2 MB)', () => 'a line\n'.repeat(250_000)],
  ])('%s: an import or a clear refusal, never an internal error', async (_what, text) => {
    const library = Library.open(tempLibraryPath());
    const outcome = await importInto(library, { name: 'lines.txt', bytes: new TextEncoder().encode(text()) });
    expect(outcome.status === 'failed' ? outcome.failure : 'imported').not.toBe('internal');
    library.close();
  });
});

describe('fuzzed importers', () => {
  it(`ends every one of ${CASES} mutated files in a result or one clear error (seed ${SEED})`, async () => {
    const library = Library.open(tempLibraryPath());
    const random = seededRandom(SEED);
    const inputs = await seeds();
    const failures: string[] = [];
    let imported = 0;
    for (let i = 0; i < CASES; i++) {
      const seed = inputs[Math.floor(random() * inputs.length)]!;
      const { bytes, how } = damage(seed.name, seed.bytes, random);
      const before = counts(library);
      const started = performance.now();
      const outcome = await Promise.race([
        importInto(library, { name: seed.name, bytes }),
        new Promise<'timeout'>((resolve) => setTimeout(() => resolve('timeout'), TIME_LIMIT_MS).unref()),
      ]);
      const label = `case ${i} (${seed.name}, ${how})`;
      if (outcome === 'timeout') failures.push(`${label}: still running after ${TIME_LIMIT_MS} ms`);
      else if (outcome.status === 'failed') {
        if (!outcome.error.includes(seed.name)) failures.push(`${label}: the error does not name the file: ${outcome.error}`);
        // The kind travels with the outcome: any internal error is a bug, whatever its text says.
        if (outcome.failure === 'internal') failures.push(`${label}: an internal error, not a clear refusal: ${outcome.error}`);
        if (counts(library) !== before) failures.push(`${label}: failed but changed the library`);
      } else imported++;
      if (performance.now() - started > TIME_LIMIT_MS) failures.push(`${label}: took ${Math.round(performance.now() - started)} ms`);
    }
    expect(library.db.pragma('integrity_check', { simple: true })).toBe('ok');
    library.close();
    expect(failures).toEqual([]);
    // Many mutations leave a file readable: the importers must not simply refuse everything.
    expect(imported).toBeGreaterThan(CASES / 10);
    // Each import that lands is one durable commit (synchronous FULL: an fsync, about 7 ms here).
  }, 300_000);
});
