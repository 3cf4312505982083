import { Schema, type Mark, type Node as PMNode } from 'prosemirror-model';
import type { DocJSON } from './model.js';

export const DEFAULT_HIGHLIGHT = 'cyan';

/**
 * A marker as Word files write it: the text the community Mark Card macro inserts, so cards
 * marked in Word come in marked and cards marked here read the same in Word.
 */
export const MARKER_TEXT = '<<MARKED>>';
/** Exports draw a marker in bold dark red, so it stands out from the card's words. */
export const MARKER_COLOUR = 'C00000';

// Word's highlight palette (w:highlight values): the colours a Verbatim file can carry.
export const HIGHLIGHT_COLOURS = [
  'yellow', 'green', 'cyan', 'magenta', 'blue', 'red', 'darkBlue', 'darkCyan',
  'darkGreen', 'darkMagenta', 'darkRed', 'darkYellow', 'darkGray', 'lightGray', 'black',
] as const;
export type HighlightColour = (typeof HIGHLIGHT_COLOURS)[number];

/**
 * How the Word file a brief came from looks, kept so an export looks as the source did (US
 * Letter stays Letter, Times New Roman stays Times, the source's Emphasis style stays boxed).
 * Null for a brief made in Cardfile: exports use Verbatim's defaults.
 */
export interface DocxLook {
  /** Page size and margins in twentieths of a point (Word's w:pgSz and w:pgMar). */
  page: { width: number; height: number; top: number; right: number; bottom: number; left: number; header: number; footer: number } | null;
  /** The default font (docDefaults, else the Normal style), e.g. "Times New Roman". */
  font: string | null;
  /** The size of Normal text in points. */
  sizePt: number | null;
  /** The source's word/styles.xml, written back on export. */
  stylesXml: string | null;
}

// Character formatting as Word files carry it, on any text a debater formats: body, tags,
// headings, cites, undertags and analytics. strong is the short cite in a cite and plain bold
// elsewhere; size is a run's own size (shrunk 8 pt beside 6 pt, an 11 pt subheading).
const INLINE_MARKS = 'strong underline emphasis highlight size';

/**
 * The one document model. A brief is a flat run of headings and cards, as in Verbatim
 * (Pocket > Hat > Block > Tag are heading levels, not nesting), so moving a heading is
 * moving a range and Word round-trips stay one-to-one. Analytics (the debater's own lines)
 * and blank paragraphs between cards are top-level nodes too, so a file's layout survives.
 */
export const schema = new Schema({
  nodes: {
    doc: { content: '(pocket | hat | block | card | analytic | blank)*', attrs: { docx: { default: null } } },
    pocket: { content: 'text*', marks: INLINE_MARKS, defining: true, toDOM: () => ['h1', { class: 'pocket' }, 0], parseDOM: [{ tag: 'h1' }] },
    hat: { content: 'text*', marks: INLINE_MARKS, defining: true, toDOM: () => ['h2', { class: 'hat' }, 0], parseDOM: [{ tag: 'h2' }] },
    block: { content: 'text*', marks: INLINE_MARKS, defining: true, toDOM: () => ['h3', { class: 'block' }, 0], parseDOM: [{ tag: 'h3' }] },
    // A card without cite and body made in the editor is an analytic too (older briefs hold these).
    card: {
      content: 'tag undertag* cite? body?',
      // cardId: the card's uid (null until the store assigns one); copiedFrom: the uid it was copied from.
      attrs: { cardId: { default: null }, copiedFrom: { default: null } },
      isolating: true,
      // The ids ride along on the clipboard, so a card pasted into another brief is saved as a
      // copy of its original (and keeps its label and article). The Cutter's numeric row ids stay out.
      toDOM: (node) => ['section', { class: 'card', ...idAttrs(node.attrs) }, 0],
      parseDOM: [{ tag: 'section.card', getAttrs: (el) => ({ cardId: el.getAttribute('data-card-id'), copiedFrom: el.getAttribute('data-copied-from') }) }],
    },
    tag: { content: 'text*', marks: INLINE_MARKS, toDOM: () => ['h4', { class: 'tag' }, 0], parseDOM: [{ tag: 'h4' }] },
    // A line under the tag, before the cite, framing the card ("---no one thinks the alliance is in danger").
    undertag: { content: 'text*', marks: INLINE_MARKS, toDOM: () => ['p', { class: 'undertag' }, 0], parseDOM: [{ tag: 'p.undertag' }] },
    cite: { content: 'text*', marks: INLINE_MARKS, toDOM: () => ['p', { class: 'cite' }, 0], parseDOM: [{ tag: 'p.cite' }] },
    body: { content: 'paragraph+', toDOM: () => ['div', { class: 'body' }, 0], parseDOM: [{ tag: 'div.body' }] },
    // The debater's own argument: no cite, no evidence. heading: written as a Heading 4 (shown in
    // Word's navigation pane) rather than in Verbatim's Analytic style.
    analytic: {
      content: 'text*',
      marks: INLINE_MARKS,
      attrs: { heading: { default: false } },
      toDOM: () => ['p', { class: 'analytic' }, 0],
      parseDOM: [{ tag: 'p.analytic' }],
    },
    // An empty paragraph between cards or headings: layout the debater made, kept as it was.
    blank: { atom: true, selectable: true, toDOM: () => ['p', { class: 'blank' }], parseDOM: [{ tag: 'p.blank' }] },
    paragraph: { content: '(text | marker)*', marks: INLINE_MARKS, toDOM: () => ['p', 0], parseDOM: [{ tag: 'p' }] },
    // Where the speaker stopped reading (Verbatim's Mark Card). It holds no text, so a card's
    // words, fingerprint and search fields are the same marked or not.
    marker: {
      inline: true,
      atom: true,
      leafText: () => '',
      toDOM: () => ['span', { class: 'marker', contenteditable: 'false', title: 'Marked: the speaker stopped reading here' }, 'MARKED'],
      parseDOM: [{ tag: 'span.marker' }],
    },
    text: {},
  },
  marks: {
    strong: { toDOM: () => ['strong', 0], parseDOM: [{ tag: 'strong' }, { tag: 'b' }] },
    underline: { toDOM: () => ['u', 0], parseDOM: [{ tag: 'u' }] },
    emphasis: { toDOM: () => ['em', { class: 'emphasis' }, 0], parseDOM: [{ tag: 'em' }] },
    // colour: a Word highlight name, or '#rrggbb' for shading used as highlight (w:shd fill).
    highlight: {
      attrs: { colour: { default: DEFAULT_HIGHLIGHT } },
      toDOM: (mark) => ['mark', { 'data-colour': mark.attrs.colour }, 0],
      parseDOM: [{ tag: 'mark', getAttrs: (el) => ({ colour: el.getAttribute('data-colour') ?? DEFAULT_HIGHLIGHT }) }],
    },
    // The run's own font size in points, where it differs from its paragraph's normal size.
    size: {
      attrs: { pt: { validate: 'number' } },
      toDOM: (mark) => ['span', { style: `font-size:${Number(mark.attrs.pt)}pt`, 'data-pt': String(mark.attrs.pt) }, 0],
      parseDOM: [{ tag: 'span[data-pt]', getAttrs: (el) => ({ pt: Number(el.getAttribute('data-pt')) }) }],
    },
  },
});

// A 1,000-card brief has about 60,000 runs, and ProseMirror makes each run's marks afresh from
// JSON: a highlight or size mark (the kinds with attrs; the others are one shared instance
// already) was one object per run, 12 MB of the page's 130 MB heap, all of it traced by every
// major collection. Marks are immutable, so runs with the same mark can share it. Their values
// are few (highlight colours, point sizes); the cache stops growing at a bound all the same.
const sharedMarks = new Map<string, Mark>();
const SHARED_MARKS_MAX = 1024;
const freshMarkFromJSON = schema.markFromJSON;
schema.markFromJSON = (json: { type?: unknown; attrs?: unknown } | null | undefined): Mark => {
  if (!json?.attrs) return freshMarkFromJSON(json);
  const key = `${String(json.type)} ${JSON.stringify(json.attrs)}`;
  let mark = sharedMarks.get(key);
  if (!mark) {
    mark = freshMarkFromJSON(json);
    if (sharedMarks.size < SHARED_MARKS_MAX) sharedMarks.set(key, mark);
  }
  return mark;
};

function idAttrs(attrs: Record<string, unknown>): Record<string, string> {
  const out: Record<string, string> = {};
  if (typeof attrs.cardId === 'string') out['data-card-id'] = attrs.cardId;
  if (typeof attrs.copiedFrom === 'string') out['data-copied-from'] = attrs.copiedFrom;
  return out;
}

/** The source look of a brief's doc JSON, or null (a brief made here). */
export function docxLookOf(doc: DocJSON): DocxLook | null {
  const look = doc.attrs?.docx;
  if (!look || typeof look !== 'object') return null;
  // Read field by field: a doc arrives from the Api or a file, and these values are written into
  // the print page's <style> and the .docx, so anything but the expected shape is dropped.
  const { page, font, sizePt, stylesXml } = look as Record<string, unknown>;
  return {
    page: isPage(page) ? page : null,
    font: typeof font === 'string' && font.length <= MAX_FONT_NAME ? font : null,
    sizePt: typeof sizePt === 'number' && Number.isFinite(sizePt) && sizePt >= 1 && sizePt <= MAX_FONT_PT ? sizePt : null,
    stylesXml: typeof stylesXml === 'string' ? stylesXml : null,
  };
}

// Word's own limits: a page side of at most 22 inches, font sizes up to 1,638 pt, font names of
// at most 31 characters (kept generous here: a longer name is still only a name).
const MAX_PAGE_TWIPS = 31_680;
const MAX_FONT_PT = 1_638;
const MAX_FONT_NAME = 100;
const PAGE_KEYS = ['width', 'height', 'top', 'right', 'bottom', 'left', 'header', 'footer'] as const;

function isPage(value: unknown): value is NonNullable<DocxLook['page']> {
  if (!value || typeof value !== 'object') return false;
  const page = value as Record<string, unknown>;
  const twips = (v: unknown) => typeof v === 'number' && Number.isFinite(v) && Math.abs(v) <= MAX_PAGE_TWIPS;
  return PAGE_KEYS.every((key) => twips(page[key])) && (page.width as number) > 0 && (page.height as number) > 0;
}

/** Rebuilds a node from JSON, throwing when it does not fit the schema. */
export function nodeFromJSON(json: DocJSON): PMNode {
  const node = schema.nodeFromJSON(withRunSizes(json));
  node.check();
  return node;
}

/**
 * Documents saved before sizes were per run kept one size for a card's unread text
 * (body.attrs.shrinkPt): that size becomes the size mark of each unread run.
 */
function withRunSizes(json: DocJSON): DocJSON {
  const shrinkPt = json.type === 'body' ? json.attrs?.shrinkPt : undefined;
  if (typeof shrinkPt === 'number') {
    const read = (t: DocJSON): boolean => (t.marks ?? []).some((m) => m.type === 'underline' || m.type === 'emphasis' || m.type === 'size');
    const sized = (t: DocJSON): DocJSON => (read(t) ? t : { ...t, marks: [...(t.marks ?? []), { type: 'size', attrs: { pt: shrinkPt } }] });
    return { type: 'body', content: (json.content ?? []).map((p) => ({ ...p, content: (p.content ?? []).map(sized) })) };
  }
  if (json.type !== 'doc' && json.type !== 'card') return json;
  const content = json.content?.map(withRunSizes);
  return content && content.some((c, i) => c !== json.content![i]) ? { ...json, content } : json;
}

/** A card body holding the given paragraphs of plain text (blank paragraphs dropped). */
export function bodyFromParagraphs(paragraphs: readonly string[]): DocJSON {
  const kept = paragraphs.map((p) => p.trim()).filter((p) => p.length > 0);
  const content: DocJSON[] = (kept.length > 0 ? kept : ['']).map((p) =>
    p ? { type: 'paragraph', content: [{ type: 'text', text: p }] } : { type: 'paragraph' },
  );
  return { type: 'body', content };
}

/** The plain text of a node, paragraphs separated by blank lines. */
export function plainText(json: DocJSON): string {
  const node = nodeFromJSON(json);
  return node.textBetween(0, node.content.size, '\n\n');
}

export const EMPTY_DOC: DocJSON = { type: 'doc', content: [] };
