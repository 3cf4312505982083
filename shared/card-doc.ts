// A library card as the Cutter edits it: a one-card document (tag, cite, body) of the shared
// schema, so the same commands and keys work here and in briefs, and back again to fields.
import type { Node as PMNode } from 'prosemirror-model';
import { citeNode, SHORT_CITE_OPENING } from './brief-doc.js';
import type { Card, CardFields, DocJSON } from './model.js';
import { nodeFromJSON, schema } from './schema.js';
import { splitLabel } from './tag-label.js';

export type EditableCard = Pick<Card, 'id' | 'tag' | 'shortCite' | 'fullCite' | 'body'>;

/** The editor document of a card: doc > card{cardId} > tag, cite, body (cite and body always present). */
export function cardEditorDoc(card: EditableCard): PMNode {
  const tag: DocJSON = { type: 'tag', content: card.tag ? [{ type: 'text', text: card.tag }] : [] };
  const json: DocJSON = {
    type: 'doc',
    content: [{ type: 'card', attrs: { cardId: card.id }, content: [tag, citeNode(card.shortCite, card.fullCite), card.body] }],
  };
  return nodeFromJSON(json);
}

// What may stand between two bold runs of one short cite without being bold itself:
// "**Cimbala** **&** **Korb 24**" is one short cite, whatever the spaces' marks.
const SHORT_CITE_JOINER = /^[\s&]+$/;

/**
 * The short cite (the first bold stretch in the cite line's opening, wherever it starts:
 * "Johanna **Matanich 96**", with the spaces and ampersands between its bold runs) and the full
 * cite: what follows a leading short cite, else the line.
 */
export function splitCite(cite: PMNode): { shortCite: string; fullCite: string } {
  const runs: { text: string; bold: boolean }[] = [];
  cite.forEach((inline) => runs.push({ text: inline.text ?? '', bold: inline.marks.some((m) => m.type === schema.marks.strong) }));
  let before = '';
  let i = 0;
  for (; i < runs.length && !(runs[i]!.bold && runs[i]!.text.trim() !== '' && before.length < SHORT_CITE_OPENING); i++) before += runs[i]!.text;
  let shortCite = '';
  for (; i < runs.length; i++) {
    const run = runs[i]!;
    const joins = SHORT_CITE_JOINER.test(run.text) && runs[i + 1]?.bold === true;
    if (!run.bold && !joins) break;
    shortCite += run.text;
  }
  const rest = runs.slice(i).map((r) => r.text).join('');
  shortCite = shortCite.trim();
  if (!shortCite) return { shortCite: '', fullCite: (before + rest).trim() };
  return { shortCite, fullCite: before.trim() === '' ? rest.trim() : `${before}${shortCite}${rest}`.trim() };
}

// "Label: " or "Label – " at the start of a tag, for a label splitLabel does not know.
function customPrefix(label: string): RegExp {
  const escaped = label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`^\\s*${escaped}\\s*(?::|\\s[–—-])\\s+`, 'i');
}

/**
 * The tag's argument label: a known label typed at its start ("Non-unique: ...",
 * "Non-unique – ..."), or the custom label the debater picked while it still starts the tag.
 */
export function labelOfTag(tag: string, picked: string | null): string | null {
  const known = splitLabel(tag).label;
  if (known) return known;
  return picked && customPrefix(picked).test(tag) ? picked : null;
}

/** The tag with its label prefix replaced by `label` (or removed for null), the claim kept. */
export function tagWithLabel(tag: string, current: string | null, label: string | null): string {
  const split = splitLabel(tag);
  const claim = split.label ? split.claim : current ? tag.trim().replace(customPrefix(current), '') : tag.trim();
  return label ? `${label}: ${claim}` : claim;
}

/** The fields of a card editor document, the label worked out from the tag. */
export function cardFieldsFromDoc(doc: PMNode, pickedLabel: string | null): Pick<CardFields, 'tag' | 'label' | 'shortCite' | 'fullCite' | 'body'> {
  const card = doc.firstChild;
  if (!card || card.type !== schema.nodes.card) throw new Error('A card editor document holds one card.');
  let tag = '';
  let cite = { shortCite: '', fullCite: '' };
  let body: DocJSON = { type: 'body', content: [{ type: 'paragraph' }] };
  card.forEach((child) => {
    if (child.type === schema.nodes.tag) tag = child.textContent;
    else if (child.type === schema.nodes.cite) cite = splitCite(child);
    else if (child.type === schema.nodes.body) body = child.toJSON() as DocJSON;
  });
  return { tag, label: labelOfTag(tag, pickedLabel), ...cite, body };
}
