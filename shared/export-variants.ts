// What a debater hands over besides the brief itself, as pure doc → doc transforms that every
// export format then writes: a reading copy (Verbatim's "create reading copy": only what is read
// aloud) and a cite request doc (for each card its tag, full cite and the first and last few
// words of the evidence, as opponents ask for them).
import type { DocJSON } from './model.js';

export const EXPORT_VARIANTS = ['reading', 'citeRequest'] as const;
export type ExportVariant = (typeof EXPORT_VARIANTS)[number];

const isHighlighted = (run: DocJSON) => (run.marks ?? []).some((m) => m.type === 'highlight');
const textOf = (node: DocJSON): string => node.text ?? (node.content ?? []).map(textOf).join('');

function mapCards(doc: DocJSON, card: (node: DocJSON) => DocJSON): DocJSON {
  return { ...doc, content: (doc.content ?? []).map((node) => (node.type === 'card' ? card(node) : node)) };
}

/**
 * Highlighted runs of a paragraph, and its marker (where the speaker stopped stays shown); runs
 * apart in the source are kept apart by a space.
 */
function spokenRuns(paragraph: DocJSON): DocJSON[] {
  const runs: DocJSON[] = [];
  let gap = false;
  for (const run of paragraph.content ?? []) {
    if (run.type !== 'marker' && !isHighlighted(run)) {
      gap = runs.length > 0;
      continue;
    }
    if (gap) runs.push({ type: 'text', text: ' ' });
    runs.push(run);
    gap = false;
  }
  return runs;
}

/** Only what is read aloud: headings, tags and cites, and of each body its highlighted text. */
export function readingCopy(doc: DocJSON): DocJSON {
  return mapCards(doc, (card) => ({
    ...card,
    content: (card.content ?? []).flatMap((part) => {
      if (part.type !== 'body') return [part];
      const paragraphs = (part.content ?? []).map((p) => ({ ...p, content: spokenRuns(p) })).filter((p) => p.content.length > 0);
      return paragraphs.length > 0 ? [{ ...part, content: paragraphs }] : [];
    }),
  }));
}

/** Words at each end of a card's evidence in a cite request. */
export const CITE_REQUEST_WORDS = 6;

/** For each card its tag, full cite, and "first words … last words" of its evidence. */
export function citeRequest(doc: DocJSON, words = CITE_REQUEST_WORDS): DocJSON {
  return mapCards(doc, (card) => ({
    ...card,
    content: (card.content ?? []).map((part) => {
      if (part.type !== 'body') return part;
      const all = (part.content ?? []).map(textOf).join(' ').split(/\s+/).filter(Boolean);
      const ends = all.length <= words * 2 ? all.join(' ') : `${all.slice(0, words).join(' ')} … ${all.slice(-words).join(' ')}`;
      return { type: 'body', ...(part.attrs ? { attrs: part.attrs } : {}), content: [{ type: 'paragraph', content: ends ? [{ type: 'text', text: ends }] : [] }] };
    }),
  }));
}

/** The doc a variant exports, and the words its file name carries. */
export function exportVariant(doc: DocJSON, variant: ExportVariant): { doc: DocJSON; suffix: string } {
  return variant === 'reading' ? { doc: readingCopy(doc), suffix: 'reading copy' } : { doc: citeRequest(doc), suffix: 'cite request' };
}
