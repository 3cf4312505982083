// The messages between the search thread (search-thread.ts) and its worker (search-worker.ts).
import type { SearchOptions, SearchResult } from '../../../shared/search.js';
import type { LibraryErrorCode } from '../library/library-error.js';

export type SearchRequest = { id: number; kind: 'search'; options: SearchOptions } | { id: number; kind: 'suggest'; query: string };

export type SearchAnswer =
  | { id: number; kind: 'search'; value: SearchResult }
  | { id: number; kind: 'suggest'; value: { suggestion: string | null } }
  /**
   * code: set when the error was a LibraryError (a query too costly to run), so it is told as one;
   * sqliteCode: SQLite's (SQLITE_CORRUPT...), so the session sees damage the search met.
   */
  | { id: number; kind: 'failed'; error: string; code: LibraryErrorCode | null; sqliteCode: string | null };

export interface SearchWorkerData {
  libraryPath: string;
}
