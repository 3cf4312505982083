import { seededRandom } from './seeded-random.js';
// Reproducible cards from real text: a seeded word-level Markov chain (order 2) over the corpus
// sentences, with authors, outlets and labels drawn from what real cite lines and tags hold.
// Same seed and size, same cards: the FTS5 and lunr runs index exactly the same evidence.
import fs from 'node:fs';
import path from 'node:path';
import type { CardFields, DocJSON } from '../shared/model.js';
import { KNOWN_LABELS } from '../shared/tag-label.js';


const FIRST_NAMES = ['Joseph', 'Mehmet', 'Igor', 'Sergei', 'Neil', 'Vladimir', 'Robert', 'Vitaly', 'Dmitry', 'Adnan', 'Lloyd', 'John', 'Maria', 'Anna', 'Olga', 'Sarah'];
const OUTLETS = ['Thai News Service', 'Press TV', 'TASS', 'Telegraph Media', 'The Hill', 'Sputnik', 'Reuters', 'RT Arabic', 'Los Angeles Times', 'Chatham House', 'SANA', 'FNA'];

export interface Generator {
  card: (n: number) => CardFields;
}

export function corpusTexts(dir: string): string[] {
  return fs.readdirSync(dir).filter((f) => f.endsWith('.txt')).sort().map((f) => fs.readFileSync(path.join(dir, f), 'utf8'));
}

export function makeGenerator(texts: readonly string[], seed: number): Generator {
  const random = seededRandom(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)]!;
  const chain = new Map<string, string[]>();
  const starts: string[][] = [];
  const surnames = new Set<string>();
  for (const text of texts) {
    for (const sentence of text.split(/(?<=[.!?”"])\s+|\n+/)) {
      const words = sentence.split(/\s+/).filter(Boolean);
      if (words.length < 4) continue;
      starts.push([words[0]!, words[1]!]);
      for (let i = 2; i <= words.length; i++) {
        const key = `${words[i - 2]} ${words[i - 1]}`;
        const next = chain.get(key) ?? [];
        next.push(words[i] ?? '');
        chain.set(key, next);
      }
      for (const w of words) if (/^\p{Lu}\p{Ll}{3,}$/u.test(w)) surnames.add(w);
    }
  }
  const surnameList = [...surnames].sort();

  const sentence = (maxWords: number): string => {
    const words = [...pick(starts)];
    while (words.length < maxWords) {
      const next = pick(chain.get(`${words[words.length - 2]} ${words[words.length - 1]}`) ?? ['']);
      if (!next) break;
      words.push(next);
    }
    return words.join(' ');
  };
  const paragraph = (): DocJSON => {
    const text: string[] = [];
    const target = 30 + Math.floor(random() * 60);
    while (text.join(' ').split(' ').length < target) text.push(sentence(40));
    const words = text.join(' ').split(' ');
    // One underlined stretch with a highlighted core, as a debater marks a card.
    const a = Math.floor(random() * words.length * 0.5);
    const b = Math.min(words.length, a + 5 + Math.floor(random() * 15));
    const h = Math.min(b, a + 2 + Math.floor(random() * 5));
    const run = (from: number, to: number, marks?: DocJSON['marks']): DocJSON[] =>
      from < to ? [{ type: 'text', text: words.slice(from, to).join(' ') + (to < words.length ? ' ' : ''), ...(marks ? { marks } : {}) }] : [];
    return {
      type: 'paragraph',
      content: [
        ...run(0, a),
        ...run(a, h, [{ type: 'underline' }, { type: 'highlight', attrs: { colour: 'cyan' } }]),
        ...run(h, b, [{ type: 'underline' }]),
        ...run(b, words.length),
      ],
    };
  };

  return {
    card: () => {
      const surname = pick(surnameList);
      const person = random() < 0.6;
      const year = 2010 + Math.floor(random() * 14);
      const yy = String(year % 100).padStart(2, '0');
      const outlet = pick(OUTLETS);
      const author = person ? `${pick(FIRST_NAMES)} ${surname}` : outlet;
      const label = random() < 0.3 ? pick(KNOWN_LABELS) : null;
      const claim = sentence(6 + Math.floor(random() * 8)).replace(/[.,;:]+$/, '');
      const paragraphs = 1 + Math.floor(random() * 3);
      return {
        tag: label ? `${label}: ${claim}` : claim,
        label,
        shortCite: `${person ? surname : outlet} ${yy}`,
        fullCite: `${author}, ${1 + Math.floor(random() * 12)}-${1 + Math.floor(random() * 28)}, ${yy}, ${outlet}, ${sentence(10)}`,
        body: { type: 'body', content: Array.from({ length: paragraphs }, paragraph) },
        articleId: null,
        passage: null,
      };
    },
  };
}
