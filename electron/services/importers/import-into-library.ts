// Stores what an import read: each source in its own transaction, a duplicate (same URL or
// same text as an article already there, or the same brief document) reported, not stored.
import { cardFieldsFromDoc } from '../../../shared/card-doc.js';
import type { ImportOutcome } from '../../../shared/import-outcome.js';
import type { DocJSON } from '../../../shared/model.js';
import { nodeFromJSON } from '../../../shared/schema.js';
import type { Library } from '../library/library.js';
import { ImportError } from './import-error.js';
import { describeInput, readSource, type Imported, type ImportInput, type ReadOptions } from './import-source.js';

export interface ImportOptions extends ReadOptions {
  /** Runs inside the transaction that stored the source (the import log records it there). */
  onStored?: (outcome: Extract<ImportOutcome, { status: 'imported' | 'duplicate' }>) => void;
}

const countCards = (doc: DocJSON): number => (doc.content ?? []).filter((node) => node.type === 'card').length;

/** Imports one source; failures come back as an outcome, never thrown. */
export async function importInto(library: Library, input: ImportInput, options: ImportOptions = {}): Promise<ImportOutcome> {
  const source = describeInput(input);
  try {
    const imported = await readSource(input, options);
    if (options.signal?.aborted) throw new ImportError(source, 'the import was cancelled.');
    return library.transaction(() => {
      const stored = store(library, imported, source);
      const outcome = stored.status === 'imported' && imported.kind === 'brief' ? { ...stored, cards: countCards(imported.doc) } : stored;
      if (outcome.status !== 'failed') options.onStored?.(outcome);
      return outcome;
    });
  } catch (err) {
    if (err instanceof ImportError) return { source, status: 'failed', error: err.message };
    // A bug or a library failure, not the file's fault: still one line naming the file.
    return { source, status: 'failed', error: `Could not import ${source}: ${err instanceof Error ? err.message : String(err)}` };
  }
}

function store(library: Library, imported: Imported, source: string): ImportOutcome {
  if (imported.kind === 'brief') {
    const content = JSON.stringify(withoutCardIds(imported.doc));
    const same = library.briefs.list("WHERE kind = 'brief' AND title = @title", { title: imported.title })
      .find((b) => JSON.stringify(withoutCardIds(b.doc)) === content);
    if (same) return { source, status: 'duplicate', kind: 'brief', id: same.id, title: same.title };
    const brief = library.briefs.insert({ title: imported.title, kind: 'brief', doc: fileCards(library, imported.doc) });
    return { source, status: 'imported', kind: 'brief', id: brief.id, title: brief.title };
  }
  const { fields } = imported;
  const same = library.articles.list("WHERE (@url <> '' AND url = @url) OR text = @text", { url: fields.url, text: fields.text })[0];
  if (same) return { source, status: 'duplicate', kind: 'article', id: same.id, title: same.title };
  const article = library.articles.insert(fields);
  return { source, status: 'imported', kind: 'article', id: article.id, title: article.title };
}

/**
 * Files every card of an imported brief in the library as well, so the tub's search finds it,
 * and points the brief's copy at it (attrs.cardId) as a card added from the library would be.
 */
function fileCards(library: Library, doc: DocJSON): DocJSON {
  const content = (doc.content ?? []).map((node) => {
    if (node.type !== 'card') return node;
    const fields = cardFieldsFromDoc(nodeFromJSON({ type: 'doc', content: [node] }), null);
    const card = library.cards.insert({ ...fields, articleId: null, passage: null });
    return { ...node, attrs: { ...node.attrs, cardId: card.id } };
  });
  return { ...doc, content };
}

function withoutCardIds(doc: DocJSON): DocJSON {
  return { ...doc, content: (doc.content ?? []).map((n) => (n.type === 'card' ? { ...n, attrs: { ...n.attrs, cardId: null } } : n)) };
}
