// Word paragraphs to the brief outline: headings stay headings, a tag starts a card, the first
// cite-like paragraph after it is the cite (lines between are undertags), the rest is the body.
// Character formatting is kept everywhere as marks relative to the paragraph's own style, so a
// tag's underlined words, a body's 8 pt beside 6 pt runs and shading used as highlight survive.
import { authorYearOpening, looksLikeCite } from '../../../../shared/cite-parser.js';
import type { DocJSON } from '../../../../shared/model.js';
import { shadingHighlight, wordHighlight } from '../../../../shared/highlight-colours.js';
import { MARKER_TEXT } from '../../../../shared/schema.js';
import type { WordParagraph, WordRun } from './word-document.js';
import type { ResolvedRun } from './word-styles.js';

type Mark = NonNullable<DocJSON['marks']>[number];

// A cite's short cite starts within its opening: "Dr. Aziz **Rana 12**", "Johanna **Matanich 96**".
const CITE_OPENING_CHARS = 200;
// A bold stretch this long or longer is an undertag or a bold line, not a short cite.
const MAX_SHORT_CITE_CHARS = 80;
// A cite written without bold or cite style is recognised by its text only when this short.
const MAX_PLAIN_CITE_CHARS = 5000;
const MAX_CITE_CONTINUATION_CHARS = 600;
// Lines between a tag and its cite: undertags. More than this and the "cite" is body text.
const MAX_UNDERTAGS = 3;
const MAX_UNDERTAG_CHARS = 1000;

interface PendingCard {
  /** The tag paragraph; null for text before any tag (kept as an untagged card, never dropped). */
  tag: WordParagraph | null;
  paragraphs: WordParagraph[];
}

const isBlank = (p: WordParagraph): boolean => p.text.trim() === '';
const BLANK: DocJSON = { type: 'blank' };

/**
 * The outline built a paragraph at a time, as the file is read: each card is handed to `onCard`
 * once the paragraph after it shows it is whole, so its stored parts can be derived on another
 * thread while the rest of the file is still being read.
 */
export class BriefOutline {
  private readonly content: DocJSON[] = [];
  private card: PendingCard | null = null;

  constructor(private readonly onCard?: (card: DocJSON) => void) {}

  add(p: WordParagraph): void {
    const role = p.role;
    if (role === 'pocket' || role === 'hat' || role === 'block') {
      this.flush();
      this.content.push(isBlank(p) ? BLANK : { type: role, content: inlineNodes(p, 'heading') });
    } else if (role === 'analytic') {
      this.flush();
      this.content.push(isBlank(p) ? BLANK : { type: 'analytic', content: inlineNodes(p, 'heading') });
    } else if (role === 'tag') {
      this.flush();
      // An empty Heading 4 is a blank line to the reader (and a blank entry in Word's navigation pane).
      if (isBlank(p)) this.content.push(BLANK);
      else this.card = { tag: p, paragraphs: [] };
    } else if (this.card) {
      this.card.paragraphs.push(p);
    } else if (isBlank(p)) {
      this.content.push(BLANK);
    } else {
      this.card = { tag: null, paragraphs: [p] };
    }
  }

  /** The outline's top-level nodes, the last card included. */
  finish(): DocJSON[] {
    this.flush();
    return this.content;
  }

  /** The card (or analytic), then the blank paragraphs that followed it, as top-level blanks. */
  private flush(): void {
    const card = this.card;
    if (!card) return;
    this.card = null;
    const rest = [...card.paragraphs];
    let trailingBlanks = 0;
    while (rest.length > 0 && isBlank(rest[rest.length - 1]!)) {
      rest.pop();
      trailingBlanks++;
    }
    if (card.tag && rest.length === 0) {
      this.content.push({ type: 'analytic', attrs: { heading: true }, content: inlineNodes(card.tag, 'heading') });
    } else {
      const node = cardNode(card.tag, rest);
      this.content.push(node);
      this.onCard?.(node);
    }
    for (let i = 0; i < trailingBlanks; i++) this.content.push(BLANK);
  }
}

function cardNode(tag: WordParagraph | null, paragraphs: WordParagraph[]): DocJSON {
  const content: DocJSON[] = [{ type: 'tag', content: tag ? inlineNodes(tag, 'heading') : [] }];
  const citeAt = findCite(paragraphs);
  let rest = paragraphs;
  if (citeAt >= 0) {
    for (const p of paragraphs.slice(0, citeAt)) content.push({ type: 'undertag', content: inlineNodes(p, 'text') });
    const cite = paragraphs[citeAt]!;
    rest = paragraphs.slice(citeAt + 1);
    let citeRuns = cite.runs;
    if (rest.length > 1 && continuesCite(cite, rest[0]!)) {
      const space: WordRun = { text: ' ', format: cite.base };
      citeRuns = [...citeRuns, space, ...rest[0]!.runs];
      rest = rest.slice(1);
    }
    content.push({ type: 'cite', content: inlineNodes({ ...cite, runs: citeRuns }, 'cite') });
  }
  if (rest.length > 0) content.push({ type: 'body', content: bodyParagraphs(rest) });
  return { type: 'card', attrs: { cardId: null, copiedFrom: null }, content };
}

/**
 * The body's paragraphs, with each "<<MARKED>>" as a marker. Word's Mark Card macro puts the
 * marker on a line of its own: it joins the end of the line before (where reading stopped).
 */
function bodyParagraphs(paragraphs: readonly WordParagraph[]): DocJSON[] {
  const out: DocJSON[] = [];
  for (const p of paragraphs) {
    const content = withMarkers(inlineNodes(p, 'text'));
    const previous = out[out.length - 1];
    if (previous && content.length > 0 && content.every((n) => n.type === 'marker')) previous.content = [...(previous.content ?? []), ...content];
    else out.push({ type: 'paragraph', content });
  }
  return out;
}

function withMarkers(nodes: DocJSON[]): DocJSON[] {
  return nodes.flatMap((node) => {
    const pieces = node.text!.split(MARKER_TEXT);
    if (pieces.length === 1) return [node];
    return pieces.flatMap((text, i) => [
      ...(i > 0 ? [{ type: 'marker' }] : []),
      ...(text ? [{ ...node, text }] : []),
    ]);
  });
}

/** Where the cite is: the first cite-like paragraph, with only undertag-like lines before it; -1 for none. */
function findCite(paragraphs: readonly WordParagraph[]): number {
  for (let i = 0; i < paragraphs.length && i <= MAX_UNDERTAGS; i++) {
    const p = paragraphs[i]!;
    if (isCite(p)) return i;
    if (p.role === 'cite' || isBodyLike(p) || p.text.length > MAX_UNDERTAG_CHARS) return -1;
  }
  return -1;
}

// Read (underlined, emphasised) or spoken (highlighted) text: evidence, never a cite or undertag.
const isBodyLike = (p: WordParagraph): boolean =>
  p.runs.some((r) => r.text.trim() !== '' && (marksUnderline(r.format, p.base) || r.format.emphasisStyled || r.format.highlight !== null || r.format.shading !== null));

const marksUnderline = (run: ResolvedRun, base: ResolvedRun): boolean => run.underline && !base.underline;

/** A run that is part of a short cite: cite-styled, or bold and not read (underlined) text. */
const isCiteRun = (run: ResolvedRun, base: ResolvedRun): boolean => run.citeStyled || (run.bold && !base.bold && !run.underline && !run.emphasisStyled);

/**
 * A cite: cite-styled paragraph; a cite-styled run in the opening, however long the cite goes
 * on (real cites run to 4,600 characters); a short bold stretch with a year in the opening; or
 * a line the cite parser reads as one (author and year, date, URL) with no bold at all.
 */
function isCite(p: WordParagraph): boolean {
  if (p.role === 'cite') return true;
  if (p.role !== null) return false;
  let seen = 0;
  let bold = '';
  for (const run of p.runs) {
    if (seen > CITE_OPENING_CHARS) break;
    if (run.text.trim() !== '') {
      if (run.format.citeStyled) return true;
      if (isCiteRun(run.format, p.base)) bold += run.text;
      else if (bold.trim() !== '') break;
    }
    seen += run.text.length;
  }
  const short = bold.trim();
  if (short !== '' && short.length < MAX_SHORT_CITE_CHARS && /\d/.test(short)) return true;
  if (isBodyLike(p) || p.text.length > MAX_PLAIN_CITE_CHARS) return false;
  return authorYearOpening(p.text) !== null || looksLikeCite(p.text);
}

/**
 * The second half of a cite split over two paragraphs: short, unmarked (nothing underlined or
 * highlighted, as a body would be), and either the first half was only the bold short cite or
 * this half reads as the rest of a citation (bracketed, a URL, a date).
 */
function continuesCite(first: WordParagraph, next: WordParagraph): boolean {
  if (next.role !== null && next.role !== 'cite') return false;
  if (next.role === 'cite') return true;
  const text = next.text.trim();
  if (text.length > MAX_CITE_CONTINUATION_CHARS || isBodyLike(next)) return false;
  const onlyShortCite = first.runs.every((r) => r.text.trim() === '' || isCiteRun(r.format, first.base));
  const openBracket = (first.text.match(/[([]/g) ?? []).length > (first.text.match(/[)\]]/g) ?? []).length;
  return onlyShortCite || openBracket || /^[([]/.test(text) || /https?:\/\//.test(text) || looksLikeCite(text);
}

type InlineKind = 'heading' | 'cite' | 'text';

/**
 * The paragraph's runs as text nodes with marks, in schema order: strong, underline, emphasis,
 * highlight, size. Marks say how a run differs from its paragraph's style: a bold tag's words
 * are not "strong", its underlined words are underlined. In text, Emphasis is the Emphasis
 * character style (whatever it looks like in this file) or bold underline, as Verbatim draws it.
 */
function inlineNodes(p: WordParagraph, kind: InlineKind): DocJSON[] {
  const { base } = p;
  const nodes: DocJSON[] = [];
  let lastKey = '';
  // Spaces between two short-cite runs keep their own marks: splitCite reads them as part of it.
  for (const run of p.runs) {
    const marks = marksOf(run.format, base, kind);
    const key = marks.map((m) => `${m.type}:${String(m.attrs?.colour ?? m.attrs?.pt ?? '')}`).join(' ');
    const last = nodes[nodes.length - 1];
    if (last && key === lastKey) last.text += run.text;
    else nodes.push(marks.length > 0 ? { type: 'text', text: run.text, marks } : { type: 'text', text: run.text });
    lastKey = key;
  }
  return trimmed(nodes);
}

function marksOf(run: ResolvedRun, base: ResolvedRun, kind: InlineKind): Mark[] {
  const marks: Mark[] = [];
  const underline = marksUnderline(run, base);
  const emphasis = run.emphasisStyled || (kind !== 'heading' && !base.bold && run.bold && underline);
  const strong = kind === 'cite' ? isCiteRun(run, base) : run.bold && !base.bold && !emphasis;
  if (strong) marks.push({ type: 'strong' });
  if (underline && !emphasis) marks.push({ type: 'underline' });
  if (emphasis) marks.push({ type: 'emphasis' });
  if (run.highlight !== null) marks.push({ type: 'highlight', attrs: { colour: wordHighlight(run.highlight) } });
  else if (run.shading !== null) marks.push({ type: 'highlight', attrs: { colour: shadingHighlight(run.shading) } });
  if (run.sizeHalfPts !== run.styleSizeHalfPts) marks.push({ type: 'size', attrs: { pt: run.sizeHalfPts / 2 } });
  return marks;
}

/** Text nodes with the paragraph's outer whitespace trimmed and empty pieces dropped (the schema has no empty text). */
function trimmed(nodes: DocJSON[]): DocJSON[] {
  let first = 0;
  while (first < nodes.length && (nodes[first]!.text = nodes[first]!.text!.trimStart()) === '') first++;
  let last = nodes.length - 1;
  while (last >= first && (nodes[last]!.text = nodes[last]!.text!.trimEnd()) === '') last--;
  const out: DocJSON[] = [];
  for (let i = first; i <= last; i++) if (nodes[i]!.text !== '') out.push(nodes[i]!);
  return out;
}
