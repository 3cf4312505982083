// Word paragraphs to the brief outline: headings stay headings, a tag starts a card, the
// paragraph after it is the cite when it reads as one, the rest is the body with its marks.
import { looksLikeCite } from '../../../../shared/cite-parser.js';
import type { DocJSON } from '../../../../shared/model.js';
import { wordHighlight } from '../../../../shared/highlight-colours.js';
import type { WordParagraph, WordRun } from './word-document.js';

type Mark = NonNullable<DocJSON['marks']>[number];

const MAX_CITE_CHARS = 2000;
const MAX_CITE_CONTINUATION_CHARS = 600;
// Joins the two halves of a split cite.
const SPACE: WordRun = { text: ' ', format: { bold: false, underline: false, highlight: null, sizeHalfPts: 0, citeStyled: false } };

interface PendingCard {
  tag: string;
  paragraphs: WordParagraph[];
}

export function briefFromParagraphs(paragraphs: readonly WordParagraph[]): DocJSON {
  const content: DocJSON[] = [];
  let card: PendingCard | null = null;
  const flush = (): void => {
    if (card) {
      const node = cardFrom(card);
      if (node) content.push(node);
    }
    card = null;
  };
  for (const p of paragraphs) {
    const role = p.role;
    if (role === 'pocket' || role === 'hat' || role === 'block') {
      flush();
      const title = oneLine(p.text);
      if (title) content.push({ type: role, content: [{ type: 'text', text: title }] });
    } else if (role === 'tag') {
      flush();
      card = { tag: oneLine(p.text), paragraphs: [] };
    } else if (p.text.trim() !== '') {
      // Text before any tag (a note under a block heading) is kept as an untagged card, never dropped.
      card ??= { tag: '', paragraphs: [] };
      card.paragraphs.push(p);
    }
  }
  flush();
  return { type: 'doc', content };
}

function cardFrom(card: PendingCard): DocJSON | null {
  const rest = [...card.paragraphs];
  const content: DocJSON[] = [{ type: 'tag', content: textNodes(card.tag) }];
  if (rest[0] && isCite(rest[0])) {
    const citeRuns = [...rest.shift()!.runs];
    if (rest.length > 1 && continuesCite(citeRuns, rest[0]!)) citeRuns.push(SPACE, ...rest.shift()!.runs);
    content.push(citeNode(citeRuns));
  }
  if (rest.length > 0) content.push(bodyNode(rest));
  if (card.tag === '' && content.length === 1) return null;
  return { type: 'card', attrs: { cardId: null }, content };
}

const isCiteRun = (run: WordRun): boolean => run.format.citeStyled || (run.format.bold && !run.format.underline);

/** A cite: cite-styled, or a short paragraph whose bold (not emphasised) run comes early, or a bare cite line. */
function isCite(p: WordParagraph): boolean {
  if (p.role === 'cite') return true;
  if (p.text.length > MAX_CITE_CHARS) return false;
  let seen = 0;
  for (const run of p.runs) {
    if (run.text.trim() !== '' && isCiteRun(run)) return true;
    seen += run.text.length;
    if (seen > 200) break;
  }
  return looksLikeCite(p.text);
}

/**
 * The second half of a cite split over two paragraphs: short, unmarked (nothing underlined or
 * highlighted, as a body would be), and either the first half was only the bold short cite or
 * this half reads as the rest of a citation (bracketed, a URL, a date).
 */
function continuesCite(first: readonly WordRun[], next: WordParagraph): boolean {
  if (next.role !== null && next.role !== 'cite') return false;
  if (next.role === 'cite') return true;
  const text = next.text.trim();
  if (text.length > MAX_CITE_CONTINUATION_CHARS) return false;
  if (next.runs.some((r) => r.text.trim() !== '' && (r.format.underline || r.format.highlight !== null))) return false;
  const onlyShortCite = first.every((r) => r.text.trim() === '' || isCiteRun(r));
  const firstText = first.map((r) => r.text).join('');
  const openBracket = (firstText.match(/[([]/g) ?? []).length > (firstText.match(/[)\]]/g) ?? []).length;
  return onlyShortCite || openBracket || /^[([]/.test(text) || /https?:\/\//.test(text) || looksLikeCite(text);
}

function citeNode(runs: readonly WordRun[]): DocJSON {
  const parts: { text: string; strong: boolean }[] = [];
  for (const run of runs) {
    const strong = isCiteRun(run);
    const last = parts[parts.length - 1];
    if (last && last.strong === strong) last.text += run.text;
    else parts.push({ text: run.text, strong });
  }
  return { type: 'cite', content: trimmedTextNodes(parts.map((p) => ({ text: p.text, marks: p.strong ? [{ type: 'strong' }] : [] }))) };
}

function bodyNode(paragraphs: readonly WordParagraph[]): DocJSON {
  return {
    type: 'body',
    attrs: { shrinkPt: shrinkSize(paragraphs) },
    content: paragraphs.map((p) => ({ type: 'paragraph', content: trimmedTextNodes(p.runs.map((run) => ({ text: run.text, marks: bodyMarks(run) }))) })),
  };
}

// In schema order: underline, emphasis, highlight. Emphasis is Verbatim's bold underline.
function bodyMarks(run: WordRun): Mark[] {
  const marks: Mark[] = [];
  if (run.format.underline) marks.push({ type: run.format.bold ? 'emphasis' : 'underline' });
  if (run.format.highlight !== null) marks.push({ type: 'highlight', attrs: { colour: wordHighlight(run.format.highlight) } });
  return marks;
}

/** The size most unmarked text is shrunk to, when most of it is smaller than its paragraph's normal size. */
function shrinkSize(paragraphs: readonly WordParagraph[]): number | null {
  const charsAt = new Map<number, number>();
  let unmarked = 0;
  for (const p of paragraphs) {
    for (const run of p.runs) {
      if (run.format.underline || run.text.trim() === '') continue;
      unmarked += run.text.length;
      if (run.format.sizeHalfPts < p.baseSizeHalfPts) charsAt.set(run.format.sizeHalfPts, (charsAt.get(run.format.sizeHalfPts) ?? 0) + run.text.length);
    }
  }
  let best: [number, number] | null = null;
  for (const entry of charsAt) if (!best || entry[1] > best[1]) best = entry;
  return best && best[1] * 2 > unmarked ? best[0] / 2 : null;
}

interface Piece {
  text: string;
  marks: Mark[];
}

/** Text nodes with the paragraph's outer whitespace trimmed and empty pieces dropped (the schema has no empty text). */
function trimmedTextNodes(pieces: readonly Piece[]): DocJSON[] {
  const kept = pieces.map((p) => ({ ...p }));
  let first = 0;
  while (first < kept.length && (kept[first]!.text = kept[first]!.text.trimStart()) === '') first++;
  let last = kept.length - 1;
  while (last >= first && (kept[last]!.text = kept[last]!.text.trimEnd()) === '') last--;
  return kept
    .slice(first, last + 1)
    .filter((p) => p.text !== '')
    .map((p) => (p.marks.length > 0 ? { type: 'text', text: p.text, marks: p.marks } : { type: 'text', text: p.text }));
}

const oneLine = (text: string): string => text.replace(/\s+/g, ' ').trim();
const textNodes = (text: string): DocJSON[] => (text ? [{ type: 'text', text }] : []);
