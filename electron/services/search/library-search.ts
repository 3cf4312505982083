// Search bound to an open library: the index is checked (and rebuilt if needed) before the first
// query; a library whose connection is replaced (restore) is checked again.
import type { SearchOptions, SearchResult } from '../../../shared/search.js';
import type { Library } from '../library/library.js';
import { CardSearch } from './card-search.js';
import { ensureIndex, type RebuildProgress } from './search-index.js';

export function librarySearch(library: Library, onProgress?: (p: RebuildProgress) => void): (options: SearchOptions) => Promise<SearchResult> {
  let bound: { db: Library['db']; ready: Promise<CardSearch> } | undefined;
  return async (options) => {
    if (bound?.db !== library.db) {
      const db = library.db;
      bound = { db, ready: ensureIndex(db, library.cards, onProgress).then(() => new CardSearch(db, library.cards)) };
    }
    return (await bound.ready).search(options);
  };
}
