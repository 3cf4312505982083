// Plain-text helpers shared by importers, the store and the renderer.

/** Paragraphs of a text: split on blank lines, or on single line breaks where there are none. */
export function splitParagraphs(text: string): string[] {
  const normalized = text.replace(/\r\n?/g, '\n').replace(/\u00a0/g, ' ');
  const blocks = normalized.split(/\n[ \t]*\n+/);
  const pieces = blocks.length > 1 ? blocks.map((b) => b.replace(/\s*\n\s*/g, ' ')) : normalized.split('\n');
  return pieces.map((p) => p.replace(/[ \t]+/g, ' ').trim()).filter((p) => p.length > 0);
}

/** A title for pasted text: its first paragraph when short enough to be one. */
export function guessTitle(text: string): string {
  const first = splitParagraphs(text)[0] ?? '';
  if (first.length === 0) return 'Untitled article';
  return first.length <= 200 ? first : `${first.slice(0, 120).replace(/\s+\S*$/, '')}…`;
}

/** Today's date as ISO yyyy-mm-dd (the accessed date of an import). */
export function isoDate(date: Date = new Date()): string {
  return date.toISOString().slice(0, 10);
}
