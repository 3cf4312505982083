// Where pasted text sits in an article, when it does: the same words in the same order, however
// the copy wrapped lines or spaced them (a PDF's line breaks, a browser's doubled spaces).
import type { Passage } from './model.js';

const escape = (word: string) => word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The passage of `text` holding `pasted` word for word (whitespace aside); null when it is not there. */
export function findPassage(text: string, pasted: string): Passage | null {
  const words = pasted.trim().split(/\s+/).filter(Boolean);
  if (words.length === 0) return null;
  const match = new RegExp(words.map(escape).join('\\s+')).exec(text);
  return match ? { start: match.index, end: match.index + match[0].length } : null;
}
