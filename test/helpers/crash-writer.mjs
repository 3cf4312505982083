// Writer process for the crash-safety test: imports corpus articles (each with two cards cut from
// it, in one transaction) and edits cards, printing one acknowledgement line after each commit.
// Runs the BUILT store (dist/), so `npm run build:node` must have run; the test kills it with SIGKILL.
// Usage: node crash-writer.mjs LIBRARY SEED FIRST_SEQ CORPUS_FILE...
import crypto from 'node:crypto';
import fs from 'node:fs';
import { articleFromText } from '../../dist/electron/electron/services/importers/text-importer.js';
import { Library } from '../../dist/electron/electron/services/library/library.js';
import { writeLine } from './write-line.mjs';

const [libraryPath, seedArg, firstSeqArg, ...corpusFiles] = process.argv.slice(2);
let state = Number(seedArg) >>> 0;
const random = () => {
  // mulberry32: small, seeded, good enough to pick operations.
  state = (state + 0x6d2b79f5) >>> 0;
  let t = state;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
};
const pick = (items) => items[Math.floor(random() * items.length)];
const texts = corpusFiles.map((file) => fs.readFileSync(file, 'utf8'));
const sha1 = (s) => crypto.createHash('sha1').update(s).digest('hex');
// An ack is in the pipe before the next write starts: never lost in a buffer when the writer is killed.
const ack = (record) => writeLine(JSON.stringify(record));

const library = Library.open(libraryPath);
const cardIds = library.db.prepare('SELECT id FROM cards').pluck().all();
let seq = Number(firstSeqArg);

const body = (paragraph, n) => ({ type: 'body', content: [{ type: 'paragraph', content: [{ type: 'text', text: `[edit ${n}] ${paragraph}` }] }] });

function importArticle() {
  const text = pick(texts);
  const fields = articleFromText(text, { source: 'corpus', sourceKind: 'text' });
  const paragraphs = fields.text.split('\n\n');
  const n = seq++;
  const { article, cards } = library.transaction(() => {
    const article = library.articles.insert({ ...fields, title: `${fields.title} #${n}` });
    const cards = [0, 1].map((k) => library.cards.insert({
      tag: `Edit ${n}: cut ${k}`, label: null, shortCite: `Corpus ${n % 100}`, fullCite: article.title,
      body: body(pick(paragraphs), n), articleId: article.id, passage: null,
    }));
    return { article, cards };
  });
  cardIds.push(...cards.map((c) => c.id));
  ack({ op: 'import', article: article.id, title: article.title, textHash: sha1(article.text), cards: cards.map((c) => c.id), seq: n });
}

function editCard() {
  const id = pick(cardIds);
  const n = seq++;
  const card = library.cards.get(id);
  const paragraph = card.body.content[0].content[0].text.replace(/^\[edit \d+\] /, '');
  library.cards.update(id, { tag: `Edit ${n}: revised`, body: body(paragraph, n) });
  ack({ op: 'edit', card: id, seq: n });
}

// The durability level the store chose: the power-loss test models what that level keeps.
ack({ op: 'ready', synchronous: library.db.pragma('synchronous', { simple: true }) });
for (;;) {
  if (cardIds.length === 0 || random() < 0.4) importArticle();
  else editCard();
}
