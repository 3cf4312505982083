// The search thread: library search and suggestions on a connection of their own (WAL lets it
// read beside the writers), so a slow query never delays the Api's other calls. The index is
// checked here before the first query; one out of step is refreshed in a worker of its own
// (library-search.ts) while the searches answer from what it holds.
import { parentPort, workerData } from 'node:worker_threads';
import { plainText } from '../../../shared/schema.js';
import { LibraryError } from '../library/library-error.js';
import { Library } from '../library/library.js';
import { librarySearch } from './library-search.js';
import type { SearchAnswer, SearchRequest, SearchWorkerData } from './search-protocol.js';
import { Suggester } from './suggest.js';

const port = parentPort!;
const library = Library.open((workerData as SearchWorkerData).libraryPath);
const search = librarySearch(library);
let suggester: Suggester | undefined;
const suggest = (query: string): string | null => {
  suggester ??= new Suggester(library.db, (id) => {
    const card = library.cards.get(id);
    return `${card.tag} ${plainText(card.body)}`;
  });
  return suggester.suggest(query);
};

port.on('message', (request: SearchRequest) => void answer(request).then((reply) => port.postMessage(reply)));

async function answer(request: SearchRequest): Promise<SearchAnswer> {
  try {
    if (request.kind === 'search') return { id: request.id, kind: 'search', value: await search(request.options) };
    return { id: request.id, kind: 'suggest', value: { suggestion: suggest(request.query) } };
  } catch (err) {
    const sqliteCode = (err as { code?: unknown } | null)?.code;
    return {
      id: request.id, kind: 'failed', error: err instanceof Error ? err.message : String(err),
      code: err instanceof LibraryError ? err.code : null, sqliteCode: typeof sqliteCode === 'string' && sqliteCode.startsWith('SQLITE_') ? sqliteCode : null,
    };
  }
}
