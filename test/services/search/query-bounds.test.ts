// A search's cost is bounded before it runs: too many words, too many prefixes or a one-letter
// prefix come back as one clear message, at once, instead of holding the library for minutes.
import { describe, expect, test } from 'vitest';
import { createHandlers } from '../../../electron/services/api-handlers.js';
import { dispatch } from '../../../electron/services/dispatch.js';
import { costlyQuery, parseQuery } from '../../../electron/services/search/query-parser.js';
import { Library } from '../../../electron/services/library/library.js';
import { makeGenerator } from '../../../bench/card-generator.js';
import { tempLibraryPath } from '../../helpers/temp-dir.js';

/** The probe's query: 666 one-letter prefixes in 2,000 characters (the Api's longest query). */
const PROBE_QUERY = Array.from({ length: 666 }, (_, i) => `${'abcdefghijklmnopqrstuvwxyz'[i % 26]}*`).join(' ').padEnd(2000, ' ');

const rows: [query: string, refusal: RegExp | null][] = [
  ['Russia cooperation Syria', null],
  [Array.from({ length: 64 }, (_, i) => `word${i}`).join(' '), null],
  [Array.from({ length: 65 }, (_, i) => `word${i}`).join(' '), /has 65 words; at most 64 can be searched/],
  // Phrase words and excluded words count too: each is a posting list to merge.
  [`"${Array.from({ length: 40 }, (_, i) => `w${i}`).join(' ')}" -${Array.from({ length: 30 }, (_, i) => `x${i}`).join(' -')}`, /has 70 words/],
  [PROBE_QUERY, /has 666 words; at most 64/],
  ['nuc* war* esc* rus*', null],
  ['nuc* war* esc* rus* chi*', /5 prefixes .*at most 4/],
  ['a*', /“a\*” begins too many words.*at least 2 letters/],
  ['author:b* Russia', /“b\*”/],
  ['th*', null],
  ['year:1900-2000 Russia', null],
];

describe('query bounds', () => {
  test.each(rows)('%s', (query, refusal) => {
    const message = costlyQuery(parseQuery(query));
    if (refusal === null) expect(message).toBeNull();
    else expect(message).toMatch(refusal);
  });

  test('the 666-prefix query of 2,000 characters answers the bound message over the Api at once', async () => {
    const library = Library.open(tempLibraryPath());
    const generator = makeGenerator(17);
    library.transaction(() => { for (let i = 0; i < 1000; i++) library.cards.insert(generator.card(i)); });
    const handlers = createHandlers(library);
    expect(PROBE_QUERY).toHaveLength(2000);
    const answer = await dispatch(handlers, 'search', { query: PROBE_QUERY, limit: 50 });
    expect(answer).toEqual({ ok: false, error: 'This search has 666 words; at most 64 can be searched. Shorten it.' });
    // The suggester, asked for the same text, does not try to correct 666 words either.
    expect(await dispatch(handlers, 'suggest', { query: PROBE_QUERY.replace(/\*/g, '') })).toEqual({ ok: true, value: { suggestion: null } });
    library.close();
  }, 120_000);
});
