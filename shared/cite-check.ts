// Cites a debater can trust: what Cite Creator users expect every card to carry (an author, a
// date, a source) checked from the cite text itself, so the Cutter, briefs and search all warn
// alike about a card that lacks one, whether it came from an article, a paste or an import.
import { parseCite } from './cite-parser.js';

export type CiteGap = 'short cite' | 'author' | 'date' | 'source';

/** What a card's cite lacks; empty when it names an author (or outlet), a date and a source. */
export function citeGaps(shortCite: string, fullCite: string): CiteGap[] {
  // The default template wraps the full cite in parentheses: read what is inside.
  const parsed = parseCite(fullCite.trim().replace(/^\((.*)\)$/s, '$1'));
  const short = shortCite.trim();
  const gaps: CiteGap[] = [];
  if (!short) gaps.push('short cite');
  // The short cite names the author (or the outlet, "TASS 21"); the full cite may name a person.
  if (!parsed.author && !short.replace(/\s*\d{2}$/, '')) gaps.push('author');
  if (!parsed.year && !/\b\d{2}$/.test(short)) gaps.push('date');
  if (!parsed.publication && !parsed.title && !parsed.url) gaps.push('source');
  return gaps;
}

/** "Cite lacks author and date", or null for a complete cite. */
export function citeWarning(shortCite: string, fullCite: string): string | null {
  const gaps = citeGaps(shortCite, fullCite);
  if (gaps.length === 0) return null;
  const list = gaps.length === 1 ? gaps[0]! : `${gaps.slice(0, -1).join(', ')} and ${gaps[gaps.length - 1]}`;
  return `Cite lacks ${list}`;
}
