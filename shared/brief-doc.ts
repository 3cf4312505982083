// Building and reading brief documents (schema 'doc' JSON) without a DOM or an editor.
import type { Card, DocJSON } from './model.js';

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

/** A library card as it sits in a brief: a copy, remembering which card it came from. */
export function cardNode(card: Pick<Card, 'id' | 'tag' | 'shortCite' | 'fullCite' | 'body'>): DocJSON {
  const content: DocJSON[] = [{ type: 'tag', content: text(card.tag) }];
  const hasBody = (card.body.content ?? []).some((p) => (p.content ?? []).length > 0);
  if (card.shortCite || card.fullCite || hasBody) content.push(citeNode(card.shortCite, card.fullCite));
  if (hasBody) content.push(card.body);
  return { type: 'card', attrs: { cardId: card.id }, content };
}

export function headingNode(level: 'pocket' | 'hat' | 'block', title: string): DocJSON {
  return { type: level, content: text(title) };
}

/** The doc with nodes appended at its end. */
export function appendNodes(doc: DocJSON, nodes: readonly DocJSON[]): DocJSON {
  return { ...doc, content: [...(doc.content ?? []), ...nodes] };
}
