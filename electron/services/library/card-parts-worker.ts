// A thread of card-parts-pool.ts: derives cards' stored parts (derivedParts, the function the
// store runs inline for one card) so the writer thread only runs statements.
import { parentPort } from 'node:worker_threads';
import type { DocJSON } from '../../../shared/model.js';
import { derivedParts, type DerivedParts } from './card-content.js';
import { LibraryError, type LibraryErrorCode } from './library-error.js';

/** A card as sent: its stored JSON text (storedJSON) and the attrs that text leaves out. */
export interface CardToDerive { text: string; attrs: DocJSON['attrs'] }
export interface ToPartsWorker { id: number; cards: CardToDerive[] }
/** Each card's parts, its deflated content given as a length into `stored`, one buffer for all. */
export type PartsOfCard = Omit<DerivedParts, 'stored'> & { storedLength: number };
export type FromPartsWorker =
  | { id: number; parts: PartsOfCard[]; stored: ArrayBuffer }
  | { id: number; failed: { code: LibraryErrorCode | null; message: string } };

const port = parentPort!;

port.on('message', ({ id, cards }: ToPartsWorker) => {
  try {
    const derived = cards.map(({ text, attrs }) => {
      const json = JSON.parse(text) as DocJSON;
      return derivedParts(attrs === undefined ? json : { ...json, attrs }, text);
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
