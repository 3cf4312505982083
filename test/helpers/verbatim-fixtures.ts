// Verbatim .docx files shaped like real debaters' briefs, for opening, editing and exporting them
// end to end: Pocket > Hat > Block > Tag headings ("AT:", "A2:", "Answers to:"), cites with a bold
// short cite, undertags, analytics in both forms (Verbatim's Analytic style, and a Heading 4 with
// no cite), empty headings, blank paragraphs everywhere (after headings, between cards, inside
// bodies, at the end) and bodies of mixed 8, 6 and 11 pt runs with underline, emphasis and
// highlight. Words are real: tags and cites from the corpus block, bodies drawn sentence by
// sentence from the corpus articles, at real card lengths. Raw OOXML, in the package and styles
// the bench's generator writes.
import { cardLength, LETTER_SECTION, verbatimPackage } from '../../bench/verbatim-generator.js';
import { seededRandom } from '../../bench/seeded-random.js';
import { CORPUS, corpusText } from './corpus.js';
import { documentWithSection, para, run } from '../services/briefs/word-fixture.js';

export interface VerbatimFixtureOptions {
  /** Cards in the file, analytics not counted. */
  cards: number;
  seed: number;
  title: string;
}

const BLANK = para(null);
/** The words of `s` that fit in `n` characters. */
const clip = (s: string, n: number): string => (s.length <= n ? s : s.slice(0, n + 1).replace(/\s+\S*$/, ''));
const CARDS_PER_BLOCK = 6;
const BLOCKS_PER_HAT = 4;

// Run properties as Verbatim writes them: shrunk text (8 and 6 pt), read text (Style Underline),
// spoken text (highlighted), key words (Emphasis), and the odd 11 pt bold subheading of an article.
const SHRUNK_8 = '<w:sz w:val="16"/><w:szCs w:val="16"/>';
const SHRUNK_6 = '<w:sz w:val="12"/><w:szCs w:val="12"/>';
const UNDERLINE = '<w:rStyle w:val="StyleUnderline"/>';
const SPOKEN = '<w:rStyle w:val="StyleUnderline"/><w:highlight w:val="cyan"/>';
const EMPHASIS = '<w:rStyle w:val="Emphasis"/><w:highlight w:val="yellow"/>';
const SUBHEADING = '<w:b/><w:sz w:val="22"/>';
const BODY_FORMATS = [SHRUNK_8, SHRUNK_8, SHRUNK_6, UNDERLINE, SPOKEN, SPOKEN, EMPHASIS, SHRUNK_8, SUBHEADING];

interface Corpus {
  /** [tag, cite] pairs of the real block. */
  cards: [string, string][];
  sentences: string[];
}

let corpus: Corpus | null = null;

/** The real block's tags and cites, and every sentence of the corpus bodies and articles. */
function loadCorpus(): Corpus {
  if (corpus) return corpus;
  const lines = corpusText('block').split('\n').map((l) => l.trim()).filter((l) => l !== '');
  const cards: [string, string][] = [];
  // After the block title: tag, cite, then body lines until the next short line (the next tag).
  for (let i = 1; i + 1 < lines.length; i++) {
    if (lines[i]!.length < 120 && lines[i + 1]!.length < 400 && /\b(19|20)?\d\d\b/.test(lines[i + 1]!)) cards.push([lines[i]!, lines[++i]!]);
  }
  const texts = (Object.keys(CORPUS) as (keyof typeof CORPUS)[]).map(corpusText);
  const sentences = texts.flatMap((t) => t.split(/(?<=[.!?”])\s+/)).map((s) => s.replace(/\s+/g, ' ').trim()).filter((s) => s.length >= 40 && s.length <= 400);
  corpus = { cards, sentences };
  return corpus;
}

class Writer {
  private readonly random: () => number;
  private readonly corpus = loadCorpus();
  private sentence = 0;

  constructor(seed: number) {
    this.random = seededRandom(seed);
    this.sentence = Math.floor(this.random() * this.corpus.sentences.length);
  }

  chance = (p: number): boolean => this.random() < p;
  pick = <T>(xs: readonly T[]): T => xs[Math.floor(this.random() * xs.length)]!;

  /** The next corpus sentences, `words` words or a little more. */
  prose(words: number): string[] {
    const out: string[] = [];
    let count = 0;
    while (count < words) {
      const s = this.corpus.sentences[this.sentence++ % this.corpus.sentences.length]!;
      out.push(s);
      count += s.split(' ').length;
    }
    return out;
  }

  /** A body paragraph: each sentence cut into a few runs of mixed formats. */
  bodyParagraph(sentences: readonly string[]): string {
    const runs = sentences.flatMap((s) => {
      const words = s.split(' ');
      const cut = 1 + Math.floor(this.random() * (words.length - 1));
      return [run(`${words.slice(0, cut).join(' ')} `, this.pick(BODY_FORMATS)), run(`${words.slice(cut).join(' ')} `, this.pick(BODY_FORMATS))];
    });
    return para(null, ...runs);
  }

  /** One card: tag (some words underlined), maybe an undertag, the cite, the body (blank lines inside some). */
  card(n: number): string[] {
    const [tag, cite] = this.pick(this.corpus.cards);
    const words = tag.split(' ');
    const out = [words.length > 3 && this.chance(0.5)
      ? para('Heading4', run(`${words.slice(0, 2).join(' ')} `), run(words.slice(2, 4).join(' '), '<w:u w:val="single"/>'), run(` ${words.slice(4).join(' ')}`.trimEnd()))
      : para('Heading4', run(tag))];
    if (n % 4 === 1) out.push(para(null, run(`---${clip(this.prose(1)[0]!, 90)}`, '<w:b/>')));
    const short = /^[^,]*?(\d{2})(?:\D|$)/.exec(cite);
    const author = cite.split(/[,|]/)[0]!.trim().split(' ').pop()!;
    out.push(para(null, run(`${author} ${short?.[1] ?? '21'}`, '<w:rStyle w:val="Style13ptBold"/>'), run(` (${cite})`)));
    const sentences = this.prose(Math.max(40, Math.round(cardLength(this.random))));
    const paragraphs = 1 + (n % 3);
    for (let p = 0; p < paragraphs; p++) {
      const from = Math.floor((p * sentences.length) / paragraphs);
      const to = Math.floor(((p + 1) * sentences.length) / paragraphs);
      if (p > 0 && n % 5 === 2) out.push(BLANK);
      out.push(this.bodyParagraph(sentences.slice(from, Math.max(to, from + 1))));
    }
    return out;
  }
}

/** document.xml of a brief shaped like a real Verbatim file. */
export function verbatimFixtureXml({ cards, seed }: Pick<VerbatimFixtureOptions, 'cards' | 'seed'>): string {
  const w = new Writer(seed);
  const out: string[] = [BLANK];
  for (let n = 0; n < cards; n++) {
    const block = Math.floor(n / CARDS_PER_BLOCK);
    if (n % CARDS_PER_BLOCK === 0) {
      if (block % BLOCKS_PER_HAT === 0) {
        if (block === 0) out.push(para('Heading1', run('1NC — Russia')), BLANK);
        out.push(para('Heading2', run(`Hat ${block / BLOCKS_PER_HAT + 1}: Syria`)));
        if (block === 0) out.push(para('Heading2'), BLANK);
      }
      out.push(para('Heading3', run(`${['AT: ', 'A2: ', 'Answers to: ', ''][block % 4]}${w.pick(loadCorpus().cards)[0]}`)));
      if (block % 2 === 0) out.push(BLANK);
      if (block % 3 === 0) out.push(para('Analytic', run(w.prose(1)[0]!)));
      if (block % 3 === 1) out.push(para('Heading3'), para('Heading4'));
    }
    out.push(...w.card(n), BLANK);
    if (n % 5 === 3) out.push(BLANK);
    if (n % 7 === 4) out.push(para('Heading4', run(`Analytic: ${clip(w.prose(1)[0]!, 120)}`)), BLANK);
  }
  out.push(BLANK, BLANK);
  return documentWithSection(LETTER_SECTION, ...out);
}

/** A .docx brief shaped like a real Verbatim file; the same options give the same bytes. */
export function verbatimFixture(options: VerbatimFixtureOptions): Uint8Array {
  return verbatimPackage(verbatimFixtureXml(options), options.title);
}

/** The fixtures the end-to-end tests open: small ones of every pattern, and a big one. */
export const VERBATIM_FIXTURES: readonly VerbatimFixtureOptions[] = [
  { title: 'Blank lines and analytics', cards: 8, seed: 1 },
  { title: 'Undertags and empty headings', cards: 14, seed: 2 },
  { title: 'A 320-card file', cards: 320, seed: 3 },
];
