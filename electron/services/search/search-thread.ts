// Library search for the Api, answered in a worker thread (search-worker.ts): a query that takes
// seconds (the probe's 666 prefixes took 100 s) held every other call on the Api's thread until
// it ended; now the calls go on and only that search waits.
import type { Worker } from 'node:worker_threads';
import type { SearchOptions, SearchResult } from '../../../shared/search.js';
import { LibraryError } from '../library/library-error.js';
import { startWorker } from '../worker-thread.js';
import type { SearchAnswer, SearchRequest, SearchWorkerData } from './search-protocol.js';

type Asked = { [K in SearchRequest['kind']]: Omit<Extract<SearchRequest, { kind: K }>, 'id'> }[SearchRequest['kind']];
type Waiting = { resolve: (answer: SearchAnswer) => void; reject: (err: Error) => void };

export class SearchThread {
  private worker: Worker | null = null;
  private readonly waiting = new Map<number, Waiting>();
  private lastId = 0;

  constructor(private readonly libraryPath: string) {}

  async search(options: SearchOptions): Promise<SearchResult> {
    const answer = await this.ask({ kind: 'search', options });
    if (answer.kind !== 'search') throw new Error('The search thread answered another question.');
    return answer.value;
  }

  async suggest(query: string): Promise<{ suggestion: string | null }> {
    const answer = await this.ask({ kind: 'suggest', query });
    if (answer.kind !== 'suggest') throw new Error('The search thread answered another question.');
    return answer.value;
  }

  /** Stops the worker; searches under way fail. */
  async close(): Promise<void> {
    const worker = this.worker;
    this.worker = null;
    if (worker) await worker.terminate();
  }

  private async ask(question: Asked): Promise<SearchAnswer> {
    const id = ++this.lastId;
    this.worker ??= this.spawn();
    const answer = await new Promise<SearchAnswer>((resolve, reject) => {
      this.waiting.set(id, { resolve, reject });
      this.worker!.postMessage({ id, ...question } as SearchRequest);
      this.holdProcess();
    });
    if (answer.kind === 'failed') throw answer.code ? new LibraryError(answer.code, answer.error) : Object.assign(new Error(answer.error), { code: answer.sqliteCode });
    return answer;
  }

  // A search under way keeps the process alive; an idle worker does not, so a CLI or test ends.
  private holdProcess(): void {
    if (this.waiting.size > 0) this.worker?.ref();
    else this.worker?.unref();
  }

  private spawn(): Worker {
    const worker = startWorker(new URL('./search-worker.js', import.meta.url), { libraryPath: this.libraryPath } satisfies SearchWorkerData);
    worker.on('message', (answer: SearchAnswer) => {
      const waiting = this.waiting.get(answer.id);
      this.waiting.delete(answer.id);
      this.holdProcess();
      waiting?.resolve(answer);
    });
    const lost = (reason: string) => {
      if (this.worker === worker) this.worker = null;
      for (const { reject } of this.waiting.values()) reject(new Error(`The search thread stopped: ${reason}.`));
      this.waiting.clear();
    };
    worker.on('error', (err) => lost(err.message));
    worker.on('exit', (code) => lost(`exit code ${code}`));
    return worker;
  }
}
