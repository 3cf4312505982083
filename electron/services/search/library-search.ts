// Search bound to an open library. The index is checked before the first query (and again when
// the library's connection is replaced, as by a restore); one out of step is refreshed in a
// worker thread while searches answer from what the index holds, saying how far the refresh is.
// The CLI, which answers one query and exits, refreshes on its own thread first instead.
import type { SearchOptions, SearchResult } from '../../../shared/search.js';
import type { Library } from '../library/library.js';
import { startWorker } from '../worker-thread.js';
import { CardSearch } from './card-search.js';
import type { FromIndexWorker, IndexWorkerData } from './index-worker.js';
import { checkIndex, ensureIndex, type RebuildProgress } from './search-index.js';

export interface LibrarySearchOptions {
  /** false: refresh a stale index on this thread before the first answer (the CLI). */
  inWorker?: boolean;
  onProgress?: (p: RebuildProgress) => void;
}

interface Bound {
  db: Library['db'];
  search: CardSearch | null;
  /** The refresh under way: its latest progress; null when none runs. */
  refreshing: RebuildProgress | null;
}

const NOTHING: SearchResult = { hits: [], more: false, readAs: 'query', tookMs: 0 };

export function librarySearch(library: Library, options: LibrarySearchOptions = {}): (options: SearchOptions) => Promise<SearchResult> {
  let bound: Bound | undefined;
  const refreshInWorker = (b: Bound) => {
    b.refreshing = { done: 0, total: 0 };
    const worker = startWorker(new URL('./index-worker.js', import.meta.url), { libraryPath: library.path } satisfies IndexWorkerData);
    // A refresh left unfinished when the process exits resumes at the next check: each batch commits.
    worker.unref();
    const end = () => {
      b.refreshing = null;
      // The index may have been made again: statements are prepared anew on the next search.
      b.search = null;
    };
    worker.on('message', (message: FromIndexWorker) => {
      if (message.type === 'progress') b.refreshing = { done: message.done, total: message.total };
      else {
        if (message.type === 'failed') console.error(`Cardfile: the search index could not be refreshed: ${message.error}`);
        end();
      }
    });
    worker.on('error', (err) => {
      console.error(`Cardfile: the search index could not be refreshed: ${err.message}`);
      end();
    });
  };
  return async (query) => {
    if (bound?.db !== library.db) {
      const db = library.db;
      const next: Bound = { db, search: null, refreshing: null };
      bound = next;
      // A read-only library is searched as it is: nothing can be written to bring it in step.
      if (db.readonly) return answer(next, query);
      if (options.inWorker === false) await ensureIndex(db, library.cards, options.onProgress);
      else if (checkIndex(db) !== 'ok') refreshInWorker(next);
    }
    return answer(bound, query);
  };
  function answer(b: Bound, query: SearchOptions): SearchResult {
    let result: SearchResult;
    try {
      b.search ??= new CardSearch(b.db, library.cards);
      result = b.search.search(query);
    } catch (err) {
      // A missing or corrupt index answers nothing until the worker has made it again.
      if (!b.refreshing) throw err;
      b.search = null;
      result = NOTHING;
    }
    return b.refreshing ? { ...result, indexing: { ...b.refreshing } } : result;
  }
}
