// Building and reading brief documents (schema 'doc' JSON) without a DOM or an editor.
import type { Card, CardFields, DocJSON } from './model.js';

const text = (s: string): DocJSON[] => (s ? [{ type: 'text', text: s }] : []);

/** The cite paragraph of a card: short cite bold, then the full cite. */
export function citeNode(shortCite: string, fullCite: string): DocJSON {
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

/**
 * A card added to a brief or speech doc: a new card the brief owns (it gets its own uid when
 * saved), remembering the card it was copied from.
 */
export function copyOfCard(card: Pick<Card, 'uid' | 'tag' | 'shortCite' | 'fullCite' | 'body'>): DocJSON {
  return cardNode(card, { cardId: null, copiedFrom: card.uid });
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
