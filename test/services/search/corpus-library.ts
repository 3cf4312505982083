// A library built from the shared corpus: the block of cards in 003 filed as a brief, and cards
// cut from the four articles. Until the text-brief importer lands, 003 is read here: a tag is
// a short line without digits followed by a cite line; the paragraphs up to the next tag are the body.
import { parseCite } from '../../../shared/cite-parser.js';
import { headingNode } from '../../../shared/brief-doc.js';
import { copyOfCard } from '../../shared/brief-builders.js';
import type { Card, CardFields } from '../../../shared/model.js';
import { bodyFromParagraphs } from '../../../shared/schema.js';
import { splitLabel } from '../../../shared/tag-label.js';
import { splitParagraphs } from '../../../shared/text.js';
import { Library } from '../../../electron/services/library/library.js';
import { corpusText } from '../../helpers/corpus.js';
import { tempLibraryPath } from '../../helpers/temp-dir.js';

const isTag = (p: string, next: string | undefined) => p.length < 80 && !/\d/.test(p) && next !== undefined && /\d/.test(next) && next.includes(',');

/** The block title and cards of a plain-text block (tag, cite, body paragraphs). */
export function blockCards(text: string): { block: string; cards: CardFields[] } {
  const paragraphs = text.replace(/\r\n?/g, '\n').split(/\n\s*\n/).map((p) => p.trim()).filter(Boolean);
  const [block = '', ...rest] = paragraphs;
  const cards: CardFields[] = [];
  for (let i = 0; i < rest.length; i++) {
    if (!isTag(rest[i]!, rest[i + 1])) continue;
    const tag = rest[i]!;
    const cite = parseCite(rest[i + 1]!);
    const body: string[] = [];
    let j = i + 2;
    while (j < rest.length && !isTag(rest[j]!, rest[j + 1])) body.push(rest[j++]!);
    cards.push({
      tag, label: splitLabel(tag).label, shortCite: cite.shortCite, fullCite: rest[i + 1]!,
      body: bodyFromParagraphs(body), articleId: null, passage: null,
    });
    i = j - 1;
  }
  return { block, cards };
}

export interface CorpusLibrary {
  library: Library;
  path: string;
  blockCards: Card[];
  articleCards: Card[];
  briefId: number;
  /** The block card whose cite starts with this text. */
  byCite: (start: string) => Card;
}

export function buildCorpusLibrary(): CorpusLibrary {
  const path = tempLibraryPath();
  const library = Library.open(path);
  const { block, cards } = blockCards(corpusText('block'));
  const blockCardsSaved = cards.map((c) => library.cards.insert(c));
  const brief = library.briefs.insert({
    title: 'Russia cooperation aff', kind: 'brief',
    doc: { type: 'doc', content: [headingNode('block', block), ...blockCardsSaved.map((c) => copyOfCard(c))] },
  });
  const articleCards: Card[] = [];
  for (const name of ['ceasefire', 'article001', 'aleppo', 'article004'] as const) {
    const [title = '', ...paragraphs] = splitParagraphs(corpusText(name));
    const article = library.articles.insert({
      title, authors: [], publication: '', publishedDate: '', url: '', accessedDate: '2024-01-01', sourceKind: 'text', text: paragraphs.join('\n\n'),
    });
    for (let i = 0; i + 1 < paragraphs.length; i += 2) {
      const tag = paragraphs[i]!.split(/(?<=[.!?])\s/)[0]!.slice(0, 120);
      articleCards.push(library.cards.insert({
        tag, label: null, shortCite: '', fullCite: title, body: bodyFromParagraphs(paragraphs.slice(i, i + 2)), articleId: article.id, passage: null,
      }));
    }
  }
  const byCite = (start: string) => {
    const card = blockCardsSaved.find((c) => c.fullCite.startsWith(start));
    if (!card) throw new Error(`no block card cited "${start}"`);
    return card;
  };
  return { library, path, blockCards: blockCardsSaved, articleCards, briefId: brief.id, byCite };
}
