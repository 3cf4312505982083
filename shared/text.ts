// Plain-text helpers shared by importers, the store and the renderer.

/**
 * Paragraphs of a text. Text pasted from a page has one paragraph per line; text from a
 * plain file may be hard-wrapped, with blank lines between paragraphs. Wrapped lines are
 * joined only when the text looks hard-wrapped, so web junk lines stay separate lines.
 */
export function splitParagraphs(text: string): string[] {
  const normalized = text.replace(/\r\n?/g, '\n').replace(/\u00a0/g, ' ').replace(/[ \t]+/g, ' ');
  const blocks = normalized.split(/\n\s*\n/);
  const pieces = looksHardWrapped(normalized) ? blocks.map((b) => b.replace(/\s*\n\s*/g, ' ')) : normalized.split('\n');
  return pieces.map((p) => p.trim()).filter((p) => p.length > 0);
}

// Hard-wrapped text: nearly every line within a block is of similar, modest length.
export function looksHardWrapped(text: string): boolean {
  const lines = text.split('\n').map((l) => l.trim()).filter((l) => l.length > 0);
  if (lines.length < 4) return false;
  const wrappedLength = lines.filter((l) => l.length >= 40 && l.length <= 100).length;
  // A loop, not Math.max(...lengths): spreading 130k+ arguments overflows the call stack.
  let longest = 0;
  for (const l of lines) longest = Math.max(longest, l.length);
  return longest <= 110 && wrappedLength / lines.length >= 0.6 && /\S\n\S/.test(text);
}

/** An article's title on a line of its own under a cite: short, and not ending as a sentence does. */
export function looksLikeTitleLine(line: string): boolean {
  return line.length <= 200 && !/[.!?"”]$/.test(line);
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
