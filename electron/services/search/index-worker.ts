// The index refresh's thread: its own connection to the library file, so the thread that answers
// searches and saves never waits on a rebuild (search-index.ts refreshIndex: short transactions).
import { parentPort, workerData } from 'node:worker_threads';
import { Library } from '../library/library.js';
import { refreshIndex, type RebuildProgress } from './search-index.js';

export interface IndexWorkerData { libraryPath: string }
export type FromIndexWorker = ({ type: 'progress' } & RebuildProgress) | { type: 'done' } | { type: 'failed'; error: string };

const port = parentPort!;
const post = (message: FromIndexWorker) => port.postMessage(message);
let library: Library | undefined;
try {
  library = Library.open((workerData as IndexWorkerData).libraryPath);
  refreshIndex(library.db, library.cards, (p) => post({ type: 'progress', ...p }));
  post({ type: 'done' });
} catch (err) {
  post({ type: 'failed', error: err instanceof Error ? err.message : String(err) });
} finally {
  library?.close();
}
