// What one import did, as the UI and the CLI report it.

export type ImportedKind = 'article' | 'brief';

export type ImportOutcome =
  /** `cards`: how many cards an imported brief holds (0 for an article). */
  | { source: string; status: 'imported'; kind: ImportedKind; id: number; title: string; cards?: number }
  /** Already in the library (same URL, same text, or the same file imported before); `id` is the copy that was there. */
  | { source: string; status: 'duplicate'; kind: ImportedKind; id: number; title: string }
  /**
   * `refused`: the source's fault (not a document, too big) or a read-only library, said
   * plainly; `local-address`: a web address on this computer or the local network, imported
   * only if the user confirms; `internal`: a bug in Cardfile, which tests treat as a failure.
   */
  | { source: string; status: 'failed'; failure: 'refused' | 'local-address' | 'internal'; error: string };

/** "3 imported, 1 duplicate, 2 failed". */
export function importSummary(outcomes: readonly ImportOutcome[]): string {
  const count = (status: ImportOutcome['status']) => outcomes.filter((o) => o.status === status).length;
  const duplicates = count('duplicate');
  return `${count('imported')} imported, ${duplicates} duplicate${duplicates === 1 ? '' : 's'}, ${count('failed')} failed`;
}

/** One progress line: "imported article 12: Title", "duplicate of article 3: Title", or the error. */
export function outcomeLine(outcome: ImportOutcome): string {
  if (outcome.status === 'failed') return outcome.error;
  const what = `${outcome.kind} ${outcome.id}: ${outcome.title}`;
  return outcome.status === 'imported' ? `imported ${outcome.source} as ${what}` : `${outcome.source} is already in the library as ${what}`;
}
