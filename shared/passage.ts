// Passages: the part of an article a card was cut from, as offsets into article.text. The
// Cutter shows each paragraph as the exact slice of the text it comes from, so a selection in
// the page maps straight back to offsets, and "show source" finds the passage again.
import type { Passage } from './model.js';
import { bodyFromParagraphs } from './schema.js';
import type { DocJSON } from './model.js';
import { looksHardWrapped } from './text.js';

/** The paragraphs of an article text as offsets: the same paragraphs splitParagraphs finds. */
export function paragraphSpans(text: string): Passage[] {
  // Hard-wrapped text: paragraphs end at blank lines; otherwise every line is a paragraph.
  const separator = looksHardWrapped(text.replace(/\r\n?/g, '\n')) ? /(?:\r\n?|\n)[ \t\u00a0]*(?:\r\n?|\n)\s*/g : /\r\n?|\n/g;
  const spans: Passage[] = [];
  let start = 0;
  const push = (end: number) => {
    const slice = text.slice(start, end);
    const lead = slice.length - slice.trimStart().length;
    const trail = slice.length - slice.trimEnd().length;
    if (lead < slice.length) spans.push({ start: start + lead, end: end - trail });
  };
  for (const m of text.matchAll(separator)) {
    push(m.index);
    start = m.index + m[0].length;
  }
  push(text.length);
  return spans;
}

/** The passage's text, paragraph by paragraph, with runs of whitespace (line wraps) as one space. */
export function passageParagraphs(text: string, passage: Passage): string[] {
  return paragraphSpans(text)
    .map((span) => text.slice(Math.max(span.start, passage.start), Math.min(span.end, passage.end)))
    .map((p) => p.replace(/\s+/g, ' ').trim())
    .filter((p) => p.length > 0);
}

/** A card body holding the passage verbatim, its paragraphs kept. */
export function bodyFromPassage(text: string, passage: Passage): DocJSON {
  return bodyFromParagraphs(passageParagraphs(text, passage));
}

/** The passage trimmed of surrounding whitespace; null when it holds no text. */
export function trimPassage(text: string, passage: Passage): Passage | null {
  let { start, end } = passage;
  start = Math.max(0, Math.min(start, text.length));
  end = Math.max(start, Math.min(end, text.length));
  while (start < end && /\s/.test(text[start]!)) start++;
  while (end > start && /\s/.test(text[end - 1]!)) end--;
  return start < end ? { start, end } : null;
}
