// Reproducible cards that look like real ones: word frequencies, document frequencies and card
// lengths from bench/data/vocabulary.tsv (statistics of 1,820 real debate cards). A card of
// median length holds each word with that word's real document frequency (about every card has
// "the", 28% have "war", 10% "russia"); longer cards hold more words; a word a card holds is
// repeated as often as real cards repeat it. Same seed, same cards, so every engine in the bench
// indexes exactly the same evidence.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { CardFields, DocJSON } from '../shared/model.js';
import { KNOWN_LABELS } from '../shared/tag-label.js';
import { seededRandom } from './seeded-random.js';

const HERE = path.dirname(fileURLToPath(import.meta.url));
// From the sources (bench/) and from the build (dist/electron/bench/).
const VOCABULARY = [path.join(HERE, 'data', 'vocabulary.tsv'), path.resolve(HERE, '../../../bench/data/vocabulary.tsv')].find((f) => fs.existsSync(f))!;

const SURNAMES = ['Choi', 'Ace', 'Robertson', 'Matanich', 'Rana', 'Biswas', 'Boersma', 'Giroux', 'Istomin', 'Mearsheimer', 'Walt', 'Kroenig',
  'Brands', 'Posen', 'Allison', 'Nye', 'Kagan', 'Glaser', 'Talmadge', 'Sagan', 'Waltz', 'Jervis', 'Lieber', 'Press', 'Kahl', 'Wohlforth'];
const FIRST_NAMES = ['Joseph', 'Mehmet', 'Jeffrey', 'Johanna', 'Aziz', 'Henry', 'Maria', 'Anna', 'Olga', 'Sarah', 'Robert', 'Lloyd'];
const OUTLETS = ['Foreign Affairs', 'The Hill', 'Brookings', 'RAND', 'War on the Rocks', 'Reuters', 'Chatham House', 'The Atlantic', 'Nature', 'Lawfare'];
const HIGHLIGHTS = ['cyan', 'yellow', 'green'] as const;
const SCALE_EXPONENT = 0.45;
// About 40 marked runs in a card of median length, as in real files.
const MARK_CHANCE = 0.035;
/** Words in more cards than this ("the", "which") are function words, never a tag's claim; "war" (510) is not. */
const TAG_WORD_MAX_DF = 700;

interface Vocabulary {
  /** Words grouped by document frequency: one inclusion probability per group. */
  groups: { df: number; words: string[]; perCard: number[] }[];
  dfOf: Map<string, number>;
  cards: number;
  medianWords: number;
  p90Words: number;
}

let cached: Vocabulary | undefined;

export function loadVocabulary(file = VOCABULARY): Vocabulary {
  if (cached) return cached;
  const lines = fs.readFileSync(file, 'utf8').split('\n');
  const header = lines[0] ?? '';
  const cards = Number(/of (\d+) real/.exec(header)?.[1] ?? 1820);
  const medianWords = Number(/median (\d+)/.exec(header)?.[1] ?? 476);
  const p90Words = Number(/90th percentile (\d+)/.exec(header)?.[1] ?? 1946);
  const byDf = new Map<number, { words: string[]; perCard: number[] }>();
  const dfOf = new Map<string, number>();
  for (const line of lines) {
    if (line.startsWith('#') || line.startsWith('word\t') || !line) continue;
    const [word, occ, df] = line.split('\t');
    const d = Number(df);
    if (!word || !d) continue;
    const group = byDf.get(d) ?? { words: [], perCard: [] };
    group.words.push(word);
    group.perCard.push(Number(occ) / d);
    dfOf.set(word, d);
    byDf.set(d, group);
  }
  cached = { groups: [...byDf].map(([df, g]) => ({ df, ...g })).sort((a, b) => b.df - a.df), dfOf, cards, medianWords, p90Words };
  return cached;
}

export interface Generator {
  card: (n: number) => CardFields;
}

export function makeGenerator(seed: number): Generator {
  const vocab = loadVocabulary();
  const random = seededRandom(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)]!;
  // Card lengths are log-normal through the real median and 90th percentile.
  const mu = Math.log(vocab.medianWords);
  const sigma = (Math.log(vocab.p90Words) - mu) / 1.2816;
  const normal = () => Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
  const lengthOfCard = () => Math.max(30, Math.min(8000, Math.round(Math.exp(mu + sigma * normal()))));

  /** The words of one card, each as often as real cards repeat it, in a random order. */
  const words = (length: number): string[] => {
    // Real cards' document frequencies are averages over all lengths; this exponent makes the
    // generated averages match them (checked on 2,000 cards: "war" in 28% as in real cards, "the" in 96% against 99%).
    const scale = (length / vocab.medianWords) ** SCALE_EXPONENT;
    const held: { word: string; perCard: number }[] = [];
    for (const group of vocab.groups) {
      const p = 1 - (1 - group.df / vocab.cards) ** scale;
      if (p >= 1) {
        group.words.forEach((word, i) => held.push({ word, perCard: group.perCard[i]! }));
        continue;
      }
      // Geometric skips: the cost is the words held, not the 40,000 words looked at.
      for (let i = Math.floor(Math.log(1 - random()) / Math.log(1 - p)); i < group.words.length; i += 1 + Math.floor(Math.log(1 - random()) / Math.log(1 - p))) {
        held.push({ word: group.words[i]!, perCard: group.perCard[i]! });
      }
    }
    const total = held.reduce((s, h) => s + h.perCard, 0);
    const out: string[] = [];
    for (const h of held) {
      const n = h.perCard * (length / total);
      const times = Math.max(1, Math.floor(n) + (random() < n % 1 ? 1 : 0));
      for (let k = 0; k < times; k++) out.push(h.word);
    }
    for (let i = out.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [out[i], out[j]] = [out[j]!, out[i]!];
    }
    return out;
  };

  /** Paragraphs of about 120 words, marked as debaters mark them: about 40 runs a card. */
  const body = (all: string[]): DocJSON => {
    const paragraphs: DocJSON[] = [];
    for (let at = 0; at < all.length;) {
      const size = 60 + Math.floor(random() * 120);
      const chunk = all.slice(at, at + size);
      at += size;
      const content: DocJSON[] = [];
      let plain: string[] = [];
      const flush = () => {
        if (plain.length) content.push({ type: 'text', text: plain.join(' ') + ' ' });
        plain = [];
      };
      for (let i = 0; i < chunk.length;) {
        if (random() < MARK_CHANCE) {
          flush();
          const n = 2 + Math.floor(random() * 9);
          const highlighted = random() < 0.6;
          const marks: DocJSON['marks'] = highlighted ? [{ type: 'underline' }, { type: 'highlight', attrs: { colour: pick(HIGHLIGHTS) } }] : [{ type: 'underline' }];
          content.push({ type: 'text', text: chunk.slice(i, i + n).join(' ') + ' ', marks });
          i += n;
        } else plain.push(chunk[i++]!);
      }
      flush();
      const last = content[content.length - 1];
      if (last?.text) last.text = last.text.replace(/ $/, '.');
      paragraphs.push({ type: 'paragraph', content: content.filter((c) => c.text) });
    }
    return { type: 'body', attrs: { shrinkPt: 8 }, content: paragraphs.length ? paragraphs : [{ type: 'paragraph' }] };
  };

  return {
    card: () => {
      const all = words(lengthOfCard());
      // A tag states the card's claim in its own words: the topic words it repeats most are the
      // likeliest (drawn from its word list, repeats included), the function words never.
      const distinct = [...new Set(all)];
      const telling = all.filter((w) => (vocab.dfOf.get(w) ?? 0) <= TAG_WORD_MAX_DF);
      const tagWords = Array.from({ length: 6 + Math.floor(random() * 9) }, () => pick(telling.length ? telling : distinct));
      const label = random() < 0.25 ? pick(KNOWN_LABELS) : null;
      const claim = tagWords.join(' ');
      const surname = pick(SURNAMES);
      const yy = String((5 + Math.floor(random() * 21)) % 100).padStart(2, '0');
      const outlet = pick(OUTLETS);
      return {
        tag: label ? `${label}: ${claim}` : claim,
        label,
        shortCite: `${surname} ${yy}`,
        fullCite: `${pick(FIRST_NAMES)} ${surname}, ${1 + Math.floor(random() * 12)}-${1 + Math.floor(random() * 28)}-${yy}, ${outlet}, "${distinct.slice(0, 6).join(' ')}"`,
        body: body(all),
        articleId: null,
        passage: null,
      };
    },
  };
}
