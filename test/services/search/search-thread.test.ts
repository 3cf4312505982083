// Library search runs in a thread of its own: a slow query (allowed by the bounds) no longer holds
// the other Api calls, and what it answers is what the search on the Api's thread answered.
import { describe, expect, test } from 'vitest';
import { makeGenerator } from '../../../bench/card-generator.js';
import { createHandlers } from '../../../electron/services/api-handlers.js';
import { dispatch } from '../../../electron/services/dispatch.js';
import { Library } from '../../../electron/services/library/library.js';
import { CardSearch } from '../../../electron/services/search/card-search.js';
import { costlyQuery, parseQuery } from '../../../electron/services/search/query-parser.js';
import { startServer } from '../../../electron/server.js';
import { checkedSessionOfCards, damageCardsPage } from '../../helpers/damage-library.js';
import { httpApi } from '../../helpers/e2e.js';
import { tempLibraryPath } from '../../helpers/temp-dir.js';

const COMMON = 'the of and to in is that for on it with as by this be are from at or an was which not have their its has but they'.split(' ');
/** Four prefixes and 30 of the commonest words: within the bounds, and among the slowest queries they let through. */
const SLOW_QUERY = `th* co* pr* re* ${COMMON.join(' ')}`;

function generatedLibrary(cards: number): Library {
  const library = Library.open(tempLibraryPath());
  const generator = makeGenerator(23);
  library.transaction(() => { for (let i = 0; i < cards; i++) library.cards.insert(generator.card(i)); });
  library.briefs.insert({ title: 'Russia', kind: 'brief', doc: { type: 'doc', content: [] } });
  return library;
}

describe('search in its own thread', () => {
  test('a slow search does not hold other calls: one asked after it is answered before it', async () => {
    expect(costlyQuery(parseQuery(SLOW_QUERY))).toBeNull();
    const library = generatedLibrary(1500);
    const server = await startServer({ handlers: createHandlers(library) });
    const api = httpApi(server.address);
    await api.search({ query: 'warm up the thread', limit: 5 });
    const answered: string[] = [];
    const search = api.search({ query: SLOW_QUERY, limit: 50 }).then((result) => { answered.push('search'); return result; });
    // Asked once the search is under way; on the Api's thread the search would hold this timer too.
    await new Promise((resolve) => setTimeout(resolve, 30));
    const briefs = await api.listBriefs({});
    answered.push('listBriefs');
    const result = await search;
    await server.close();
    expect(answered).toEqual(['listBriefs', 'search']);
    expect(briefs.map((b) => b.title)).toEqual(['Russia']);
    expect(result.hits).toHaveLength(50);
    library.close();
  }, 120_000);

  test('answers what the search on the calling thread answers, refusals included', async () => {
    const library = generatedLibrary(300);
    const handlers = createHandlers(library);
    const direct = new CardSearch(library.db, library.cards);
    for (const query of ['nuclear war', 'author:smith', 'th* co*', '"the united states" -china', 'year:2010-2020 economy']) {
      const { tookMs: _threaded, ...threaded } = await handlers.search({ query, limit: 20 });
      const { tookMs: _direct, ...here } = direct.search({ query, limit: 20 });
      expect(threaded, query).toEqual(here);
    }
    await expect(Promise.resolve(handlers.search({ query: 'a*', limit: 20 }))).rejects.toThrow(/“a\*” begins too many words/);
    library.close();
  }, 120_000);

  test('damage the search thread meets turns the session to recovery, as damage met on the Api thread does', async () => {
    const { libraryPath, session } = await checkedSessionOfCards();
    expect(session.status().mode).toBe('writable');
    // A page of the cards table goes bad under the open library (a failing disk); every card is a hit.
    damageCardsPage(libraryPath);

    expect(await dispatch(session.handlers, 'search', { query: 'Impact', limit: 500 })).toMatchObject({ ok: false, error: expect.stringMatching(/malformed/) });
    await expect.poll(() => session.status().mode).toBe('damaged');
    session.close();
  }, 120_000);
});
