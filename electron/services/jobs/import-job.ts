// One import of many sources (files, a folder's files, dropped bytes, web addresses), one file
// at a time, each in its own transaction: progress after every file (and inside a big brief, its
// cards read and stored), cancel between files, and files imported before (by content hash)
// skipped. The worker, the CLI and the bench run this.
import fs from 'node:fs';
import path from 'node:path';
import type { ImportOutcome } from '../../../shared/import-outcome.js';
import { NO_PROGRESS, type ImportProgress } from '../../../shared/jobs.js';
import { importInto, type ImportOptions } from '../importers/import-into-library.js';
import { MAX_IMPORT_BYTES } from '../importers/import-source.js';
import type { Library } from '../library/library.js';
import { contentHash, previousImport, recordImport } from './import-log.js';

export type ImportItem = { file: string; size: number } | { name: string; bytes: Uint8Array } | { url: string; allowLocal: boolean };

const IMPORTABLE = /\.(txt|text|md|markdown|html?|xhtml|pdf|docx)$/i;

/** A path stands for itself; a folder for the importable files in it, sorted, subfolders included. */
export function itemsOfPath(arg: string): ImportItem[] {
  let stat: fs.Stats;
  try {
    stat = fs.statSync(arg);
  } catch {
    return [{ file: arg, size: 0 }]; // the importer names the missing file
  }
  if (!stat.isDirectory()) return [{ file: arg, size: stat.size }];
  return fs
    .readdirSync(arg, { recursive: true, encoding: 'utf8' })
    .filter((name) => IMPORTABLE.test(name))
    .sort()
    .flatMap((name) => {
      const file = path.join(arg, name);
      const s = fs.statSync(file, { throwIfNoEntry: false });
      return s?.isFile() ? [{ file, size: s.size }] : [];
    });
}

// Inside a big file, progress every this many cards or this often, whichever comes first: often
// enough that a 3 s file shows its cards moving, rarely enough that messages cost nothing.
const CARDS_STEP = 100;
const REPORT_MS = 250;

const sizeOf = (item: ImportItem): number => ('size' in item ? item.size : 'bytes' in item ? item.bytes.length : 0);

/**
 * The sources of one import. Items may keep arriving while it runs (a dropped folder sent in
 * batches) until end() is called; the totals grow as they do.
 */
export class ImportQueue {
  private readonly items: ImportItem[] = [];
  private ended = false;
  private wake: (() => void) | null = null;
  filesTotal = 0;
  bytesTotal = 0;

  constructor(items: readonly ImportItem[] = [], more = false) {
    this.push(items);
    if (!more) this.end();
  }

  push(items: readonly ImportItem[]): void {
    for (const item of items) {
      this.items.push(item);
      this.filesTotal++;
      this.bytesTotal += sizeOf(item);
    }
    this.wakeUp();
  }

  end(): void {
    this.ended = true;
    this.wakeUp();
  }

  /** Items received and not yet taken. */
  get waiting(): number {
    return this.items.length;
  }

  /** The next item; null once the queue is ended and empty, or when the signal aborts. */
  async next(signal?: AbortSignal): Promise<ImportItem | null> {
    while (this.items.length === 0 && !this.ended && !signal?.aborted) {
      await new Promise<void>((resolve) => {
        this.wake = resolve;
        signal?.addEventListener('abort', () => resolve(), { once: true });
      });
    }
    return signal?.aborted ? null : (this.items.shift() ?? null);
  }

  private wakeUp(): void {
    const wake = this.wake;
    this.wake = null;
    wake?.();
  }
}

export interface ImportRunOptions {
  signal?: AbortSignal;
  /** After each file starts (outcome null), as a big brief's cards are read and stored (null), and as it ends (its outcome). */
  onProgress?: (progress: ImportProgress, outcome: ImportOutcome | null) => void;
}

/** Runs the queue to its end (or to cancel); returns every file's outcome in order. */
export async function runImport(library: Library, queue: ImportQueue, options: ImportRunOptions = {}): Promise<ImportOutcome[]> {
  const outcomes: ImportOutcome[] = [];
  const progress: ImportProgress = { ...NO_PROGRESS };
  const report = (outcome: ImportOutcome | null) => {
    progress.filesTotal = queue.filesTotal;
    progress.bytesTotal = queue.bytesTotal;
    options.onProgress?.({ ...progress }, outcome);
  };
  for (;;) {
    const item = await queue.next(options.signal);
    if (!item) break;
    progress.current = 'file' in item ? item.file : 'name' in item ? item.name : item.url;
    report(null);
    const cardsBefore = progress.cardsDone;
    // Counted from the file's start as if a read had been reported, so a file read in a blink
    // never shows "1 card read" (the first card) while its hundreds are read.
    let last = { stage: 'read', cards: 0, at: performance.now() };
    // Called per card: reports only at a new stage, every CARDS_STEP cards or after REPORT_MS.
    const inFile = (stage: 'read' | 'stored', cards: number) => {
      if (stage === 'read') progress.cardsRead = cards;
      else {
        progress.cardsRead = 0;
        progress.cardsDone = cardsBefore + cards;
      }
      const now = performance.now();
      if (stage === last.stage && cards - last.cards < CARDS_STEP && now - last.at < REPORT_MS) return;
      last = { stage, cards, at: now };
      report(null);
    };
    const outcome = await importItem(library, item, {
      signal: options.signal,
      onCardsRead: (cards) => inFile('read', cards),
      onCardsStored: (cards) => inFile('stored', cards),
    });
    outcomes.push(outcome);
    progress.filesDone++;
    progress.bytesDone += sizeOf(item);
    // A brief that failed after some cards were written is rolled back: they were never done.
    progress.cardsDone = cardsBefore + (outcome.status === 'imported' ? (outcome.cards ?? 0) : 0);
    progress.cardsRead = 0;
    progress.current = null;
    report(outcome);
    // Between files, let a cancel (or another job's message) in.
    await new Promise((resolve) => setImmediate(resolve));
  }
  return outcomes;
}

async function importItem(library: Library, item: ImportItem, options: Pick<ImportOptions, 'signal' | 'onCardsRead' | 'onCardsStored'>): Promise<ImportOutcome> {
  if ('url' in item) return importInto(library, { url: item.url }, { ...options, allowLocal: item.allowLocal });
  const name = 'file' in item ? item.file : item.name;
  const bytes = 'file' in item ? readSmallFile(item.file) : item.bytes;
  // Missing, unreadable or too large: the importer says which, in its words.
  if (!bytes) return importInto(library, { file: name }, options);
  const hash = contentHash(bytes);
  return (
    previousImport(library.db, hash, name) ??
    importInto(library, { name, bytes }, { ...options, onStored: (outcome) => recordImport(library.db, hash, outcome) })
  );
}

function readSmallFile(file: string): Uint8Array | null {
  try {
    const stat = fs.statSync(file);
    return stat.isFile() && stat.size <= MAX_IMPORT_BYTES ? fs.readFileSync(file) : null;
  } catch {
    return null;
  }
}
