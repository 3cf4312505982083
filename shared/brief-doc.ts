// Building and reading brief documents (schema 'doc' JSON) without a DOM or an editor.
import type { CardFields, DocJSON } from './model.js';

const text = (s: string): DocJSON[] => (s ? [{ type: 'text', text: s }] : []);

/** How far into a cite line its short cite may start ("Dr. Aziz Rana 12": after the first name). */
export const SHORT_CITE_OPENING = 200;

/**
 * The cite paragraph of a card: short cite bold, then the full cite. A short cite that the full
 * cite already holds in its opening ("Johanna Matanich 96, ...", as splitCite leaves it) is bolded
 * where it stands, unless `inPlace` is false (a short cite derived from the line, put before it).
 */
export function citeNode(shortCite: string, fullCite: string, inPlace = true): DocJSON {
  const at = shortCite && inPlace ? fullCite.indexOf(shortCite) : -1;
  if (at > 0 && at < SHORT_CITE_OPENING) {
    const after = fullCite.slice(at + shortCite.length);
    return { type: 'cite', content: [...text(fullCite.slice(0, at)), { type: 'text', text: shortCite, marks: [{ type: 'strong' }] }, ...text(after)] };
  }
  const content: DocJSON[] = [];
  if (shortCite) content.push({ type: 'text', text: shortCite, marks: [{ type: 'strong' }] });
  if (fullCite) content.push({ type: 'text', text: shortCite ? ` ${fullCite}` : fullCite });
  return { type: 'cite', content };
}

export interface CardNodeAttrs {
  /** The card's uid; null for a card the store has not saved yet (it assigns one). */
  cardId: string | null;
  copiedFrom: string | null;
}

/** A card node of the schema from a card's fields. */
export function cardNode(card: Pick<CardFields, 'tag' | 'shortCite' | 'fullCite' | 'body'>, attrs: CardNodeAttrs = { cardId: null, copiedFrom: null }): DocJSON {
  const content: DocJSON[] = [{ type: 'tag', content: text(card.tag) }];
  const hasBody = (card.body.content ?? []).some((p) => (p.content ?? []).length > 0);
  if (card.shortCite || card.fullCite || hasBody) content.push(citeNode(card.shortCite, card.fullCite));
  if (hasBody) content.push(card.body);
  return { type: 'card', attrs: { ...attrs }, content };
}

export function headingNode(level: 'pocket' | 'hat' | 'block', title: string): DocJSON {
  return { type: level, content: text(title) };
}

/** The doc with nodes inserted before the top-level node at `position` (at the end when absent). */
export function insertNodes(doc: DocJSON, nodes: readonly DocJSON[], position?: number): DocJSON {
  const content = [...(doc.content ?? [])];
  content.splice(position ?? content.length, 0, ...nodes);
  return { ...doc, content };
}
