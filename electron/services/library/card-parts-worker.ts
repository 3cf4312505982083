// A thread of card-parts-pool.ts: derives cards' stored parts (derivedParts, the function the
// store runs inline for one card) so the writer thread only runs statements.
import { parentPort } from 'node:worker_threads';
import type { DocJSON } from '../../../shared/model.js';
import { derivedParts, type DerivedParts } from './card-content.js';
import { LibraryError, type LibraryErrorCode } from './library-error.js';

/**
 * A chunk of cards as sent: their stored JSON (storedJSON) as UTF-8, one after another in one
 * transferred buffer, with each card's length in bytes and the attrs that JSON leaves out. A
 * transferred buffer costs the writer thread a third of what posting the strings did (they were
 * copied, often as two bytes a character).
 */
export interface ToPartsWorker { id: number; json: ArrayBuffer; lengths: number[]; attrs: DocJSON['attrs'][] }
/** Each card's parts, its deflated content given as a length into `stored`, one buffer for all. */
export type PartsOfCard = Omit<DerivedParts, 'stored'> & { storedLength: number };
export type FromPartsWorker =
  | { id: number; parts: PartsOfCard[]; stored: ArrayBuffer }
  | { id: number; failed: { code: LibraryErrorCode | null; message: string } };

const port = parentPort!;

port.on('message', ({ id, json, lengths, attrs }: ToPartsWorker) => {
  try {
    const all = Buffer.from(json);
    let from = 0;
    const derived = lengths.map((length, i) => {
      const bytes = all.subarray(from, (from += length));
      const node = JSON.parse(bytes.toString('utf8')) as DocJSON;
      const cardAttrs = attrs[i];
      return derivedParts(cardAttrs === undefined ? node : { ...node, attrs: cardAttrs }, bytes);
    });
    // One transferred buffer: each deflated blob is a slice of zlib's 16 kB chunk, which a
    // message would copy whole.
    const stored = Buffer.allocUnsafeSlow(derived.reduce((n, p) => n + p.stored.length, 0));
    let at = 0;
    const parts = derived.map(({ stored: blob, ...rest }) => {
      at += blob.copy(stored, at);
      return { ...rest, storedLength: blob.length };
    });
    port.postMessage({ id, parts, stored: stored.buffer } satisfies FromPartsWorker, [stored.buffer]);
  } catch (err) {
    const failed = { code: err instanceof LibraryError ? err.code : null, message: err instanceof Error ? err.message : String(err) };
    port.postMessage({ id, failed } satisfies FromPartsWorker);
  }
});
