// A block of cards written as plain text, as debaters paste them: a block title, then for each
// card a one-line tag, a cite line (maybe continued by the article's title on its own line),
// and the body. Tags are found by what follows them: a line that reads as a cite.
import { citeNode } from '../../../shared/brief-doc.js';
import { looksLikeCite, parseCite } from '../../../shared/cite-parser.js';
import type { DocJSON } from '../../../shared/model.js';
import { bodyFromParagraphs } from '../../../shared/schema.js';
import { looksLikeTitleLine, splitParagraphs } from '../../../shared/text.js';

const MAX_TAG_CHARS = 250;
// Fewer cards than this is an article with a dateline, not a brief.
const MIN_CARDS = 2;

/** The text as one block of cards, or null when it is not shaped like one. */
export function parseTextBrief(text: string): { title: string; doc: DocJSON } | null {
  const paragraphs = splitParagraphs(text);
  const isTagAt = (i: number): boolean =>
    i + 1 < paragraphs.length && paragraphs[i]!.length <= MAX_TAG_CHARS && !looksLikeCite(paragraphs[i]!) && looksLikeCite(paragraphs[i + 1]!);
  const tagIndexes: number[] = [];
  for (let i = 0; i < paragraphs.length; i++) {
    if (isTagAt(i) && (tagIndexes.length === 0 || i > tagIndexes[tagIndexes.length - 1]! + 1)) tagIndexes.push(i);
  }
  if (tagIndexes.length < MIN_CARDS) return null;

  const lead = paragraphs.slice(0, tagIndexes[0]);
  if (lead.some((p) => p.length > MAX_TAG_CHARS)) return null;
  const title = lead[0] ?? '';
  const content: DocJSON[] = [];
  if (title) content.push({ type: 'block', content: [{ type: 'text', text: title }] });
  // More short lines before the first card are the debater's own arguments: analytics.
  for (const line of lead.slice(1)) content.push({ type: 'analytic', content: [{ type: 'text', text: line }] });
  tagIndexes.forEach((at, n) => {
    const end = tagIndexes[n + 1] ?? paragraphs.length;
    content.push(cardNode(paragraphs[at]!, paragraphs[at + 1]!, paragraphs.slice(at + 2, end)));
  });
  return { title: title || paragraphs[tagIndexes[0]!]!, doc: { type: 'doc', content } };
}

function cardNode(tag: string, citeLine: string, rest: string[]): DocJSON {
  const content: DocJSON[] = [{ type: 'tag', content: [{ type: 'text', text: tag }] }];
  const body = [...rest];
  let fullCite = citeLine;
  // The article's title on its own line after the cite: short, not a sentence, with a body after it.
  while (body.length > 1 && looksLikeTitleLine(body[0]!)) {
    fullCite = `${fullCite.replace(/,\s*$/, '')}, ${body.shift()!}`;
  }
  content.push(citeNode(parseCite(citeLine).shortCite, fullCite, false));
  if (body.length > 0) content.push(bodyFromParagraphs(body));
  return { type: 'card', attrs: { cardId: null, copiedFrom: null }, content };
}
