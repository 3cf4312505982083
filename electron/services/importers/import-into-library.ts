// Stores what an import read: each source in its own transaction, a duplicate (same URL or
// same text as an article already there, or the same brief document) reported, not stored.
import { createHash } from 'node:crypto';
import type { ImportOutcome } from '../../../shared/import-outcome.js';
import type { DocJSON } from '../../../shared/model.js';
import type { Library } from '../library/library.js';
import { isReadOnlyWrite, READ_ONLY_WRITE } from '../library-status.js';
import { LOCAL_ADDRESS } from './fetch-url.js';
import { ImportError } from './import-error.js';
import { describeInput, readSource, type Imported, type ImportInput, type ReadOptions } from './import-source.js';

export interface ImportOptions extends ReadOptions {
  /** Runs inside the transaction that stored the source (the import log records it there). */
  onStored?: (outcome: Extract<ImportOutcome, { status: 'imported' | 'duplicate' }>) => void;
  /** Told, while a brief is stored, how many of its cards have been written so far. */
  onCardsStored?: (cards: number) => void;
}

const countCards = (doc: DocJSON): number => (doc.content ?? []).filter((node) => node.type === 'card').length;

/** Imports one source; failures come back as an outcome, never thrown. */
export async function importInto(library: Library, input: ImportInput, options: ImportOptions = {}): Promise<ImportOutcome> {
  const source = describeInput(input);
  try {
    const imported = await readSource(input, options);
    if (options.signal?.aborted) throw new ImportError(source, 'the import was cancelled.');
    return library.transaction(() => {
      const stored = store(library, imported, source, options.onCardsStored);
      const outcome = stored.status === 'imported' && imported.kind === 'brief' ? { ...stored, cards: countCards(imported.doc) } : stored;
      if (outcome.status !== 'failed') options.onStored?.(outcome);
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

function store(library: Library, imported: Imported, source: string, onCardsStored: ((cards: number) => void) | undefined): ImportOutcome {
  if (imported.kind === 'brief') {
    // Its cards are the brief's own and searchable where they live: nothing is filed twice.
    const importHash = createHash('sha1').update(imported.title).update('\n').update(JSON.stringify(imported.doc)).digest('base64url');
    const same = library.briefs.findImported(importHash);
    if (same) return { source, status: 'duplicate', kind: 'brief', id: same.id, title: same.title };
    const brief = library.briefs.insert({ title: imported.title, kind: 'brief', doc: imported.doc, importHash }, onCardsStored);
    return { source, status: 'imported', kind: 'brief', id: brief.id, title: brief.title };
  }
  const { fields } = imported;
  const same = library.articles.findSameSource(fields);
  if (same) return { source, status: 'duplicate', kind: 'article', id: same.id, title: same.title };
  const article = library.articles.insert(fields);
  return { source, status: 'imported', kind: 'article', id: article.id, title: article.title };
}
