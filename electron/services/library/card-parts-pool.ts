// Bulk writes (the bench's generate, imports of many cards) derive their cards' parts here, in
// worker threads, by the same derivedParts a single insert runs inline: the writer thread turns
// each card into its JSON text and runs the statements, nothing more. Rows are byte-identical.
import os from 'node:os';
import type { Worker } from 'node:worker_threads';
import type { DocJSON } from '../../../shared/model.js';
import { startWorker } from '../worker-thread.js';
import { bodyOf, storedJSON, type CardParts } from './card-content.js';
import type { FromPartsWorker, ToPartsWorker } from './card-parts-worker.js';
import { LibraryError } from './library-error.js';

interface Waiting { resolve: (message: FromPartsWorker) => void; reject: (err: Error) => void }

const encoder = new TextEncoder();

/** Cards a thread is sent at once. */
const CHUNK = 128;

/** One thread per core but the writer's, at least one: more would only take turns on the cores. */
const defaultThreads = () => Math.max(1, Math.min(4, os.availableParallelism() - 1));

export class CardPartsPool {
  private readonly workers: Worker[];
  private readonly waiting = new Map<number, Waiting & { worker: Worker }>();
  private nextId = 0;

  constructor(threads = defaultThreads()) {
    this.workers = Array.from({ length: threads }, () => this.spawn());
  }

  /**
   * Each card node's parts, as cardParts gives them. A card that does not fit the schema rejects
   * the whole call with cardParts' error, before anything is written.
   */
  async parts(nodes: readonly DocJSON[]): Promise<CardParts[]> {
    // Sent in small chunks, round the threads: a thread starts on the first chunk while this one
    // still turns the rest into JSON text, instead of waiting for the whole batch's text.
    const asks: Promise<FromPartsWorker>[] = [];
    for (let at = 0, i = 0; at < nodes.length; at += CHUNK, i++) asks.push(this.ask(this.workers[i % this.workers.length]!, nodes.slice(at, at + CHUNK)));
    const parts: CardParts[] = [];
    for (const answer of await Promise.all(asks)) {
      if ('failed' in answer) throw answer.failed.code ? new LibraryError(answer.failed.code, answer.failed.message) : new Error(answer.failed.message);
      let at = 0;
      for (const { storedLength, ...rest } of answer.parts) {
        const node = nodes[parts.length]!;
        parts.push({ ...rest, stored: Buffer.from(answer.stored, at, storedLength), body: bodyOf(node) });
        at += storedLength;
      }
    }
    return parts;
  }

  async close(): Promise<void> {
    await Promise.all(this.workers.map((worker) => worker.terminate()));
  }

  private ask(worker: Worker, nodes: readonly DocJSON[]): Promise<FromPartsWorker> {
    const id = this.nextId++;
    const texts = nodes.map(storedJSON);
    // UTF-8 takes at most three bytes for each UTF-16 unit. Not zero-filled, and not from
    // Buffer's shared pool, which cannot be transferred.
    const json = Buffer.allocUnsafeSlow(texts.reduce((n, text) => n + text.length * 3, 0));
    let at = 0;
    const lengths = texts.map((text) => {
      const { written } = encoder.encodeInto(text, json.subarray(at));
      at += written;
      return written;
    });
    return new Promise((resolve, reject) => {
      this.waiting.set(id, { resolve, reject, worker });
      // A thread with work keeps the process alive; an idle one does not, so a forgotten pool
      // does not keep a script from ending.
      worker.ref();
      worker.postMessage({ id, json: json.buffer, lengths, attrs: nodes.map((node) => node.attrs) } satisfies ToPartsWorker, [json.buffer]);
    });
  }

  private spawn(): Worker {
    const worker = startWorker(new URL('./card-parts-worker.js', import.meta.url), null);
    worker.unref();
    worker.on('message', (message: FromPartsWorker) => {
      const waiting = this.waiting.get(message.id);
      this.waiting.delete(message.id);
      if (![...this.waiting.values()].some((w) => w.worker === worker)) worker.unref();
      waiting?.resolve(message);
    });
    const lost = (reason: string) => {
      for (const [id, waiting] of this.waiting) {
        if (waiting.worker !== worker) continue;
        this.waiting.delete(id);
        waiting.reject(new Error(`A card parts thread stopped: ${reason}.`));
      }
    };
    worker.on('error', (err) => lost(err.message));
    worker.on('exit', (code) => lost(`exit code ${code}`));
    return worker;
  }
}
