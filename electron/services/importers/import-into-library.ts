// Stores what an import read: each source in its own transaction, a duplicate (same URL or
// same text as an article already there, or the same brief document) reported, not stored.
import { createHash } from 'node:crypto';
import type { ImportOutcome } from '../../../shared/import-outcome.js';
import type { ArticleFields, DocJSON } from '../../../shared/model.js';
import { PARTIAL_IMPORT } from '../library/brief-store.js';
import type { KnownParts } from '../library/card-content.js';
import type { Library } from '../library/library.js';
import { isReadOnlyWrite, READ_ONLY_WRITE } from '../library-status.js';
import { CardPartsAhead } from './card-parts-ahead.js';
import { LOCAL_ADDRESS } from './fetch-url.js';
import { ImportError } from './import-error.js';
import { describeInput, readSource, type Imported, type ImportInput, type ReadOptions } from './import-source.js';

type StoredOutcome = Extract<ImportOutcome, { status: 'imported' | 'duplicate' }>;

export interface ImportOptions extends ReadOptions {
  /** Runs inside the transaction that stored the source's last piece (the import log records it there). */
  onStored?: (outcome: StoredOutcome) => void;
  /** Told, while a brief is stored, how many of its cards have been written so far. */
  onCardsStored?: (cards: number) => void;
}

/**
 * Cards of a brief stored per transaction. A 20,000-card brief in one transaction held the write
 * lock for 5 to 15 s (an autosave beside it waited that long, then failed); a piece of 500 holds
 * it a fortieth as long.
 */
export const CARDS_PER_COMMIT = 500;
/**
 * Between two pieces the lock is let go this long: longer than the longest pause of a writer
 * waiting for it (SQLite's busy handler sleeps up to 100 ms, the Api's retry up to 50 ms), so a
 * waiting autosave gets in after one piece instead of racing the next one's BEGIN and losing.
 */
const PAUSE_BETWEEN_PIECES_MS = 100;

const countCards = (doc: DocJSON): number => (doc.content ?? []).filter((node) => node.type === 'card').length;

/** Imports one source; failures come back as an outcome, never thrown. */
export async function importInto(library: Library, input: ImportInput, options: ImportOptions = {}): Promise<ImportOutcome> {
  const source = describeInput(input);
  try {
    const ahead = new CardPartsAhead();
    const imported = await readSource(input, { ...options, onCard: ahead.cardRead });
    if (options.signal?.aborted) throw new ImportError(source, 'the import was cancelled.');
    if (imported.kind === 'brief') return await storeBrief(library, imported, source, options, ahead);
    return library.transaction(() => {
      const outcome = storeArticle(library, imported.fields, source);
      options.onStored?.(outcome);
      return outcome;
    });
  } catch (err) {
    if (err instanceof ImportError) return { source, status: 'failed', failure: err.reason === LOCAL_ADDRESS ? 'local-address' : 'refused', error: err.message };
    if (isReadOnlyWrite(err)) return { source, status: 'failed', failure: 'refused', error: `Could not import ${source}. ${READ_ONLY_WRITE}` };
    // A bug or a library failure, not the file's fault: still one line naming the file, and
    // the kind of error kept so it is never mistaken for a refusal.
    const kind = err instanceof Error ? `${err.name}: ${err.message}` : String(err);
    return { source, status: 'failed', failure: 'internal', error: `Could not import ${source} (an internal error in Cardfile: ${kind})` };
  }
}

type BriefImport = Extract<Imported, { kind: 'brief' }>;

// Its cards are the brief's own and searchable where they live: nothing is filed twice.
async function storeBrief(library: Library, imported: BriefImport, source: string, { onStored, onCardsStored }: ImportOptions, ahead: CardPartsAhead): Promise<StoredOutcome> {
  const importHash = importHashOf(imported.title, imported.doc);
  const pieces = piecesOf(imported.doc.content ?? []);
  const finish = (id: number, title: string): StoredOutcome => {
    const outcome: StoredOutcome = { source, status: 'imported', kind: 'brief', id, title, cards: countCards(imported.doc) };
    onStored?.(outcome);
    return outcome;
  };
  const partsOfPiece = (i: number) => ahead.partsOf(pieces[i]!, { shareInline: false });
  const firstParts = await ahead.partsOf(pieces[0]!, { shareInline: true });
  let next = pieces.length > 1 ? partsOfPiece(1) : undefined;
  // Only the last piece names the brief by its document (and the import log by its file), so a run
  // that stopped mid-file is never taken for a finished one: the next import of the file deletes
  // what it left and stores the file whole.
  const first = library.transaction((): StoredOutcome | { id: number; title: string } => {
    const same = library.briefs.findImported(importHash);
    if (same) {
      const outcome: StoredOutcome = { source, status: 'duplicate', kind: 'brief', id: same.id, title: same.title };
      onStored?.(outcome);
      return outcome;
    }
    const interrupted = library.briefs.findImported(PARTIAL_IMPORT + importHash);
    if (interrupted) library.briefs.delete(interrupted.id);
    const whole = pieces.length === 1;
    const brief = library.briefs.insert({ title: imported.title, kind: 'brief', doc: { ...imported.doc, content: pieces[0]! }, importHash: whole ? importHash : PARTIAL_IMPORT + importHash }, onCardsStored, firstParts);
    return whole ? finish(brief.id, brief.title) : brief;
  });
  if ('status' in first) return first;
  const pause = () => new Promise((resolve) => setTimeout(resolve, PAUSE_BETWEEN_PIECES_MS));
  let stored = countCards({ type: 'doc', content: pieces[0]! });
  const append = (piece: DocJSON[], parts: KnownParts | undefined) => {
    const before = stored;
    library.briefs.append(first.id, piece, onCardsStored && ((cards) => onCardsStored(before + cards)), parts);
    stored += countCards({ type: 'doc', content: piece });
  };
  // The cards of the piece to write next, if not derived while the file was read, are derived in
  // the pool's threads while the one before is written and during the pause.
  const take = async (i: number) => {
    const parts = await next!;
    next = i + 1 < pieces.length ? partsOfPiece(i + 1) : undefined;
    return parts;
  };
  try {
    for (const [i, piece] of pieces.slice(1, -1).entries()) {
      const parts = await take(i + 1);
      await pause();
      append(piece, parts);
    }
    const parts = await take(pieces.length - 1);
    await pause();
    return library.transaction(() => {
      append(pieces[pieces.length - 1]!, parts);
      library.briefs.markImported(first.id, importHash);
      return finish(first.id, first.title);
    });
  } catch (err) {
    // A piece refused: the pieces before it go too, so the library is as it was.
    library.briefs.delete(first.id);
    throw err;
  }
}

/**
 * What names a brief document as imported: the SHA-1 of its title, a newline and its JSON text.
 * The JSON is hashed a top-level node at a time: the same bytes, so the same hash as ever, but
 * one whole-document string (a tree of V8's string pieces) cost a 2.6 MB brief 12 ms more to
 * make and flatten than its nodes' strings do.
 */
export function importHashOf(title: string, doc: DocJSON): string {
  const hash = createHash('sha1').update(title).update('\n');
  const keys = Object.keys(doc);
  if (keys[keys.length - 1] !== 'content' || !Array.isArray(doc.content)) return hash.update(JSON.stringify(doc)).digest('base64url');
  // With an empty content last, the text ends in `[]}`: what comes before the nodes, and after.
  const frame = JSON.stringify({ ...doc, content: [] });
  hash.update(frame.slice(0, -2));
  doc.content.forEach((node, i) => hash.update(i === 0 ? JSON.stringify(node) : `,${JSON.stringify(node)}`));
  return hash.update(frame.slice(-2)).digest('base64url');
}

/** Top-level nodes cut into runs of at most CARDS_PER_COMMIT cards each (always at least one run). */
function piecesOf(nodes: readonly DocJSON[]): DocJSON[][] {
  const pieces: DocJSON[][] = [[]];
  let cards = 0;
  for (const node of nodes) {
    if (node.type === 'card' && cards === CARDS_PER_COMMIT) {
      pieces.push([]);
      cards = 0;
    }
    if (node.type === 'card') cards++;
    pieces[pieces.length - 1]!.push(node);
  }
  return pieces;
}

function storeArticle(library: Library, fields: ArticleFields, source: string): StoredOutcome {
  const same = library.articles.findSameSource(fields);
  if (same) return { source, status: 'duplicate', kind: 'article', id: same.id, title: same.title };
  const article = library.articles.insert(fields);
  return { source, status: 'imported', kind: 'article', id: article.id, title: article.title };
}
