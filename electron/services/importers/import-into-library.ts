// Stores what an import read: each source in its own transaction, a duplicate (same URL or
// same text as an article already there, or the same brief document) reported, not stored.
import { createHash } from 'node:crypto';
import type { ImportOutcome } from '../../../shared/import-outcome.js';
import type { Library } from '../library/library.js';
import { ImportError } from './import-error.js';
import { describeInput, readSource, type Imported, type ImportInput, type ReadOptions } from './import-source.js';

/** Imports one source; failures come back as an outcome, never thrown. */
export async function importInto(library: Library, input: ImportInput, options: ReadOptions = {}): Promise<ImportOutcome> {
  const source = describeInput(input);
  try {
    const imported = await readSource(input, options);
    if (options.signal?.aborted) throw new ImportError(source, 'the import was cancelled.');
    return library.transaction(() => store(library, imported, source));
  } catch (err) {
    if (err instanceof ImportError) return { source, status: 'failed', error: err.message };
    // A bug or a library failure, not the file's fault: still one line naming the file.
    return { source, status: 'failed', error: `Could not import ${source}: ${err instanceof Error ? err.message : String(err)}` };
  }
}

function store(library: Library, imported: Imported, source: string): ImportOutcome {
  if (imported.kind === 'brief') {
    // Its cards are the brief's own and searchable where they live: nothing is filed twice.
    const importHash = createHash('sha1').update(imported.title).update('\n').update(JSON.stringify(imported.doc)).digest('base64url');
    const same = library.briefs.findImported(importHash);
    if (same) return { source, status: 'duplicate', kind: 'brief', id: same.id, title: same.title };
    const brief = library.briefs.insert({ title: imported.title, kind: 'brief', doc: imported.doc, importHash });
    return { source, status: 'imported', kind: 'brief', id: brief.id, title: brief.title };
  }
  const { fields } = imported;
  const same = library.articles.findSameSource(fields);
  if (same) return { source, status: 'duplicate', kind: 'article', id: same.id, title: same.title };
  const article = library.articles.insert(fields);
  return { source, status: 'imported', kind: 'article', id: article.id, title: article.title };
}
