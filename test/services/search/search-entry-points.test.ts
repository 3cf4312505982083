import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { runCli } from '../../../electron/cli.js';
import { createHandlers } from '../../../electron/services/api-handlers.js';
import { dispatch } from '../../../electron/services/dispatch.js';
import type { SearchResult } from '../../../shared/search.js';
import { buildCorpusLibrary, type CorpusLibrary } from './corpus-library.js';

let corpus: CorpusLibrary;
beforeEach(() => {
  corpus = buildCorpusLibrary();
});
afterEach(() => corpus.library.close());

async function cli(...args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(['--library', corpus.path, ...args], (l) => out.push(l), (l) => err.push(l));
  return { code, out: out.join('\n'), err: err.join('\n') };
}

describe('cardfile search', () => {
  test('prints id, tag, short cite, a snippet with the matches bracketed and where the card lives, best first', async () => {
    const { code, out } = await cli('search', '"de', 'facto', 'partition"', '--limit', '1');
    expect(code).toBe(0);
    const [first, summary] = out.split('\n');
    // Two cites hold the phrase; the shorter ranks first (bodies do not weigh in the first tier).
    const pressTv = corpus.blockCards.find((c) => c.shortCite === 'Press TV 21')!;
    expect(first!.split('\t').slice(0, 3)).toEqual([String(pressTv.id), 'Russia. Fighting the US in Syria now', 'Press TV 21']);
    expect(first).toContain('[de facto partition]');
    // The block's card is filed twice, among the cut cards and in the brief: one hit, two places.
    expect(first!.split('\t')[4]).toBe('cut cards (+1 more place)');
    expect(summary).toMatch(/^1\+ cards in [\d.]+ ms$/);
  });

  test('--json gives the hits as data', async () => {
    const { code, out } = await cli('search', 'author:Choi', '--json');
    expect(code).toBe(0);
    const result = JSON.parse(out) as SearchResult;
    expect(result.hits.map((h) => h.shortCite)).toEqual(['Choi 21']);
  });

  test('a word with one leading dash is a word of the query, never options (-h, -o, -i, -o)', async () => {
    const { code, out } = await cli('search', 'Syria', '-ohio', '--limit=1');
    expect(code).toBe(0);
    expect(out).toMatch(/^1\+? cards? in/m);
  });

  test('a bad limit or no query is a usage error', async () => {
    expect((await cli('search', 'Syria', '--limit', 'lots')).code).toBe(2);
    expect((await cli('search')).err).toContain('search for what?');
  });
});

describe('the search Api', () => {
  test('validates, searches with filters and answers a value', async () => {
    const handlers = createHandlers(corpus.library);
    const response = await dispatch(handlers, 'search', { query: 'Russia', label: 'Non-unique' });
    expect(response.ok).toBe(true);
    const hits = (response as { ok: true; value: SearchResult }).value.hits;
    expect(new Set(hits.map((h) => h.label))).toEqual(new Set(['Non-unique']));
    const bad = await dispatch(handlers, 'search', { query: 'x', limit: 0 });
    expect(bad).toMatchObject({ ok: false, error: expect.stringContaining('search') });
  });
});
