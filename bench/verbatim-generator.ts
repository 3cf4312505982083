// Realistic Verbatim .docx files for the import benches: written as Word writes them (raw OOXML,
// rsid attributes, runs split at every formatting change), with what real debaters' files hold:
// Pocket > Hat > Block > Tag headings, tags with underlined words, undertags, cites whose short
// cite is a Style13ptBold run (not always at the start), bodies of shrunk text (8 and 6 pt mixed)
// with StyleUnderline, Emphasis as a character style that is not bold, Word highlights and
// shading used as highlight, blank paragraphs between cards, analytics, US Letter pages.
// Words follow bench/data/vocabulary.tsv (1,820 real cards): their frequencies, and card lengths
// log-normal with the real median (476 words) and 90th percentile (1,946 words).
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { strToU8, zipSync, type Zippable } from 'fflate';
import { seededRandom } from './seeded-random.js';

export interface VerbatimFileOptions {
  /** Cards in the file (default 360, the size of a big real brief). */
  cards?: number;
}

const DEFAULT_CARDS = 360;
// About 250k words in 360 cards, as in the large real files this bench stands for.
const WORDS_PER_CARD = 640;
const MEDIAN_CARD_WORDS = 476;
// ln(1946 / 476) / z(0.9): the spread that puts the 90th percentile where real cards have it.
const CARD_WORDS_SIGMA = Math.log(1946 / 476) / 1.2816;
const BODY_RUNS_PER_CARD = 34; // with tag, undertag and cite runs, about 40 runs a card
const CARDS_PER_BLOCK = 8;
// Word splits a stretch of one format into this many runs on average (edits, spell checks).
const RUN_SPLITS = 4;
// Edit sessions a big file has been through: each leaves its rsid on the runs it touched.
const RSIDS = 3000;
const BLOCKS_PER_HAT = 5;
const HATS_PER_POCKET = 3;

const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
const esc = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

interface Vocabulary {
  words: string[];
  /** Cumulative occurrences, for drawing words at their real frequency. */
  cumulative: Float64Array;
}

let vocabulary: Vocabulary | null = null;

function findVocabulary(): string {
  // Run from bench/ (vitest, tsx) or from dist/electron/bench (npm run bench).
  let dir = path.dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 5; i++) {
    const candidate = path.join(dir, 'bench', 'data', 'vocabulary.tsv');
    if (fs.existsSync(candidate)) return candidate;
    const sibling = path.join(dir, 'data', 'vocabulary.tsv');
    if (fs.existsSync(sibling)) return sibling;
    dir = path.dirname(dir);
  }
  throw new Error('bench/data/vocabulary.tsv not found');
}

function loadVocabulary(): Vocabulary {
  if (vocabulary) return vocabulary;
  const words: string[] = [];
  const counts: number[] = [];
  for (const line of fs.readFileSync(findVocabulary(), 'utf8').split('\n')) {
    if (line.startsWith('#') || line.startsWith('word\t') || line === '') continue;
    const [word, occurrences] = line.split('\t');
    if (!word || !occurrences) continue;
    words.push(word);
    counts.push(Number(occurrences));
  }
  const cumulative = new Float64Array(counts.length);
  let total = 0;
  counts.forEach((c, i) => (cumulative[i] = total += c));
  vocabulary = { words, cumulative };
  return vocabulary;
}

/** A card's length in words, drawn log-normal with real cards' median and 90th percentile. */
export function cardLength(random: () => number): number {
  const z = Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
  return MEDIAN_CARD_WORDS * Math.exp(CARD_WORDS_SIGMA * z);
}

class Writer {
  private readonly random: () => number;
  private readonly vocab = loadVocabulary();
  private rsidCount = 0;
  readonly rsids: string[] = [];

  constructor(seed: number) {
    this.random = seededRandom(seed);
    for (let i = 0; i < RSIDS; i++) this.rsids.push(Math.floor(this.random() * 0xffffffff).toString(16).toUpperCase().padStart(8, '0'));
  }

  chance = (p: number): boolean => this.random() < p;
  int = (from: number, to: number): number => from + Math.floor(this.random() * (to - from + 1));
  pick = <T>(xs: readonly T[]): T => xs[Math.floor(this.random() * xs.length)]!;

  word(): string {
    const { words, cumulative } = this.vocab;
    const x = this.random() * cumulative[cumulative.length - 1]!;
    let lo = 0;
    let hi = cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cumulative[mid]! < x) lo = mid + 1;
      else hi = mid;
    }
    return words[lo]!;
  }

  /** `n` words of prose: capitalised sentences of 8 to 30 words. */
  prose(n: number, sentenceStart = true): string {
    const out: string[] = [];
    let left = sentenceStart ? 0 : this.int(3, 20);
    for (let i = 0; i < n; i++) {
      let w = this.word();
      if (left === 0) {
        w = w[0]!.toUpperCase() + w.slice(1);
        left = this.int(8, 30);
      }
      left--;
      if (left === 0 || i === n - 1) w += this.chance(0.9) ? '.' : this.pick([',', ';', ':']);
      else if (this.chance(0.06)) w += ',';
      out.push(w);
    }
    return out.join(' ');
  }

  name(): string {
    const w = this.word();
    return w[0]!.toUpperCase() + w.slice(1);
  }

  cardWords(): number {
    return cardLength(this.random);
  }

  rsid(): string {
    this.rsidCount++;
    return this.rsids[(this.rsidCount >> 2) % this.rsids.length]!;
  }

  /**
   * One formatted stretch as Word writes it: split into several w:r at edit boundaries (each
   * with its rsid and the full run properties), with the odd proofing mark between them.
   */
  run(text: string, rPr: string): string {
    const props = rPr ? `<w:rPr>${rPr}</w:rPr>` : '';
    const words = text.split(' ');
    const pieces = Math.min(words.length, this.int(1, RUN_SPLITS * 2 - 1));
    let out = '';
    for (let i = 0; i < pieces; i++) {
      const from = Math.floor((i * words.length) / pieces);
      const to = Math.floor(((i + 1) * words.length) / pieces);
      const piece = words.slice(from, to).join(' ') + (to < words.length ? ' ' : '');
      if (this.chance(0.08)) out += '<w:proofErr w:type="spellStart"/>';
      out += `<w:r w:rsidR="${this.rsid()}" w:rsidRPr="${this.pick(this.rsids)}">${props}<w:t xml:space="preserve">${esc(piece)}</w:t></w:r>`;
    }
    return out;
  }

  paragraph(style: string | null, runs: string, extraPPr = ''): string {
    const pPr = style || extraPPr ? `<w:pPr>${style ? `<w:pStyle w:val="${style}"/>` : ''}${extraPPr}</w:pPr>` : '';
    return `<w:p w:rsidR="${this.rsid()}" w:rsidRDefault="${this.rsid()}">${pPr}${runs}</w:p>`;
  }
}

// Body run formats in the proportions of real cut cards: most text shrunk, read text underlined,
// spoken text highlighted, key words in Emphasis; shading instead of highlight in some files.
const SHRUNK = ['<w:sz w:val="16"/><w:szCs w:val="16"/>', '<w:sz w:val="16"/><w:szCs w:val="16"/>', '<w:sz w:val="12"/><w:szCs w:val="12"/>', '<w:sz w:val="16"/>'];
function bodyRunProps(w: Writer, shading: boolean): string {
  const x = w.int(0, 99);
  const mark = shading ? '<w:shd w:val="clear" w:color="auto" w:fill="00FFFF"/>' : `<w:highlight w:val="${w.pick(['cyan', 'cyan', 'yellow', 'green'])}"/>`;
  if (x < 40) return w.pick(SHRUNK);
  if (x < 62) return '<w:rStyle w:val="StyleUnderline"/>';
  if (x < 84) return `<w:rStyle w:val="StyleUnderline"/>${mark}`;
  if (x < 96) return `<w:rStyle w:val="Emphasis"/>${mark}`;
  return '<w:b/><w:sz w:val="22"/>'; // an 11 pt subheading inside a shrunk article
}

function cardXml(w: Writer, words: number): string {
  const out: string[] = [];
  // Tag: a claim, some words underlined.
  const tagWords = w.int(6, 18);
  const underlineAt = w.int(1, tagWords - 2);
  if (w.chance(0.5)) {
    out.push(w.paragraph('Heading4', w.run(w.prose(underlineAt), '') + w.run(` ${w.prose(2, false)} `, '<w:u w:val="single"/>') + w.run(w.prose(tagWords - underlineAt - 2, false), '')));
  } else {
    out.push(w.paragraph('Heading4', w.run(w.prose(tagWords), '')));
  }
  if (w.chance(0.05)) out.push(w.paragraph(null, w.run(`---${w.prose(w.int(8, 20), false)}`, '<w:b/>')));
  // Cite: the short cite is the Style13ptBold run, after a first name in a third of cards.
  const surname = w.name();
  const year = String(w.int(0, 24)).padStart(2, '0');
  const before = w.chance(0.35) ? w.run(`${w.name()} `, '') : '';
  const full = ` [${w.name()} ${surname}, ${w.prose(w.int(6, 30), false)} ${w.int(1, 12)}/${w.int(1, 28)}/${year}, "${w.prose(w.int(5, 12))}" https://www.${w.word()}.com/${w.word()}/${w.word()}-${w.word()}-${w.word()}]`;
  out.push(w.paragraph(null, before + w.run(`${surname} ${year}`, '<w:rStyle w:val="Style13ptBold"/>') + w.run(full, '')));
  // Body: paragraphs of runs.
  const shading = w.chance(0.1);
  const paragraphs = w.int(1, 4);
  const perRun = Math.max(1, Math.round(words / BODY_RUNS_PER_CARD));
  let left = words;
  for (let p = 0; p < paragraphs && left > 0; p++) {
    const pWords = p === paragraphs - 1 ? left : Math.round(left / (paragraphs - p));
    left -= pWords;
    const runs: string[] = [];
    let done = 0;
    while (done < pWords) {
      const n = Math.min(pWords - done, w.int(Math.max(1, perRun >> 1), perRun + (perRun >> 1)));
      runs.push(w.run(`${w.prose(n, done === 0)} `, bodyRunProps(w, shading)));
      done += n;
    }
    out.push(w.paragraph(null, runs.join('')));
  }
  out.push(w.paragraph(null, ''));
  return out.join('');
}

function documentXml(w: Writer, cards: number): string {
  const parts: string[] = [];
  // Card lengths drawn log-normal, then scaled so the file holds WORDS_PER_CARD words a card.
  const lengths = Array.from({ length: cards }, () => w.cardWords());
  const total = lengths.reduce((a, b) => a + b, 0);
  const scale = (WORDS_PER_CARD * cards) / total;
  for (let i = 0; i < cards; i++) {
    const block = Math.floor(i / CARDS_PER_BLOCK);
    if (i % CARDS_PER_BLOCK === 0) {
      const hat = Math.floor(block / BLOCKS_PER_HAT);
      if (block % BLOCKS_PER_HAT === 0) {
        if (hat % HATS_PER_POCKET === 0) parts.push(w.paragraph('Heading1', w.run(w.prose(w.int(1, 3)).replace(/[.,;:]$/, ''), '')));
        parts.push(w.paragraph('Heading2', w.run(w.prose(w.int(2, 5)).replace(/[.,;:]$/, ''), '')));
      }
      parts.push(w.paragraph('Heading3', w.run(`${w.pick(['AT: ', 'A2: ', 'Answers to: ', ''])}${w.prose(w.int(3, 10)).replace(/[.,;:]$/, '')}`, '')));
      if (w.chance(0.3)) parts.push(w.paragraph('Analytic', w.run(w.prose(w.int(10, 30)), '')));
    }
    parts.push(cardXml(w, Math.max(40, Math.round(lengths[i]! * scale))));
  }
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:document xmlns:w="${W}" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><w:body>${parts.join('')}${LETTER_SECTION}</w:body></w:document>`;
}

const FONT = '<w:rFonts w:ascii="Calibri" w:eastAsia="Calibri" w:hAnsi="Calibri" w:cs="Times New Roman"/>';
const BOX = ['top', 'left', 'bottom', 'right'].map((s) => `<w:${s} w:val="single" w:sz="12" w:space="0" w:color="auto"/>`).join('');
const STYLES = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:styles xmlns:w="${W}"><w:docDefaults><w:rPrDefault><w:rPr>${FONT}<w:sz w:val="22"/><w:szCs w:val="22"/><w:lang w:val="en-US" w:eastAsia="en-US" w:bidi="ar-SA"/></w:rPr></w:rPrDefault><w:pPrDefault/></w:docDefaults>\
<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:qFormat/><w:rPr>${FONT}</w:rPr></w:style>\
<w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/><w:aliases w:val="Pocket"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:qFormat/><w:pPr><w:keepNext/><w:keepLines/><w:pageBreakBefore/><w:pBdr>${BOX}</w:pBdr><w:jc w:val="center"/><w:outlineLvl w:val="0"/></w:pPr><w:rPr><w:b/><w:bCs/><w:sz w:val="52"/></w:rPr></w:style>\
<w:style w:type="paragraph" w:styleId="Heading2"><w:name w:val="heading 2"/><w:aliases w:val="Hat"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:qFormat/><w:pPr><w:keepNext/><w:keepLines/><w:pageBreakBefore/><w:jc w:val="center"/><w:outlineLvl w:val="1"/></w:pPr><w:rPr><w:b/><w:bCs/><w:sz w:val="44"/><w:u w:val="double"/></w:rPr></w:style>\
<w:style w:type="paragraph" w:styleId="Heading3"><w:name w:val="heading 3"/><w:aliases w:val="Block"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:qFormat/><w:pPr><w:keepNext/><w:keepLines/><w:pageBreakBefore/><w:jc w:val="center"/><w:outlineLvl w:val="2"/></w:pPr><w:rPr><w:b/><w:bCs/><w:caps/><w:sz w:val="32"/><w:u w:val="single"/></w:rPr></w:style>\
<w:style w:type="paragraph" w:styleId="Heading4"><w:name w:val="heading 4"/><w:aliases w:val="Tag,Big card,body,small text,Normal Tag,heading 2,Heading 2 Char Char Char,no read,No Spacing211,No Spacing12,no read1,No Spacing2111,No Spacing4,No Spacing11111,No Spacing5,No Spacing21,No Spacing1111,Nothing,ta"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:unhideWhenUsed/><w:qFormat/><w:pPr><w:keepNext/><w:keepLines/><w:spacing w:before="40"/><w:outlineLvl w:val="3"/></w:pPr><w:rPr><w:b/><w:iCs/><w:sz w:val="26"/></w:rPr></w:style>\
<w:style w:type="paragraph" w:customStyle="1" w:styleId="Analytic"><w:name w:val="Analytic"/><w:basedOn w:val="Normal"/><w:qFormat/><w:rPr><w:b/><w:sz w:val="24"/></w:rPr></w:style>\
<w:style w:type="character" w:default="1" w:styleId="DefaultParagraphFont"><w:name w:val="Default Paragraph Font"/><w:uiPriority w:val="1"/><w:semiHidden/><w:unhideWhenUsed/></w:style>\
<w:style w:type="character" w:customStyle="1" w:styleId="Style13ptBold"><w:name w:val="Style 13 pt Bold"/><w:aliases w:val="Cite"/><w:basedOn w:val="DefaultParagraphFont"/><w:uiPriority w:val="1"/><w:qFormat/><w:rPr><w:b/><w:bCs/><w:sz w:val="26"/></w:rPr></w:style>\
<w:style w:type="character" w:customStyle="1" w:styleId="StyleUnderline"><w:name w:val="Style Underline"/><w:aliases w:val="Underline"/><w:basedOn w:val="DefaultParagraphFont"/><w:uiPriority w:val="1"/><w:qFormat/><w:rPr><w:b w:val="0"/><w:sz w:val="22"/><w:u w:val="single"/></w:rPr></w:style>\
<w:style w:type="character" w:styleId="Emphasis"><w:name w:val="Emphasis"/><w:aliases w:val="Minimized,minimized,Highlighted,tag2,Size 10,emphasis in card,CD Card,ED - Tag,emphasis,Underlined,Bold Underline"/><w:basedOn w:val="DefaultParagraphFont"/><w:uiPriority w:val="7"/><w:qFormat/><w:rPr><w:rFonts w:ascii="Calibri" w:hAnsi="Calibri"/><w:b w:val="0"/><w:iCs/><w:sz w:val="22"/><w:u w:val="single"/><w:bdr w:val="single" w:sz="8" w:space="0" w:color="auto"/></w:rPr></w:style>\
</w:styles>`;

const CONTENT_TYPES = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/><Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/><Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/></Types>`;
const RELS = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>`;
const DOCUMENT_RELS = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>`;
const CORE = (title: string): string => `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:title>${esc(title)}</dc:title><dc:creator>Cardfile bench</dc:creator></cp:coreProperties>`;

/** US Letter with one-inch margins, as Verbatim's template sets the page. */
export const LETTER_SECTION = '<w:sectPr><w:pgSz w:w="12240" w:h="15840"/><w:pgMar w:top="1440" w:right="1440" w:bottom="1440" w:left="1440" w:header="720" w:footer="720" w:gutter="0"/><w:cols w:space="720"/></w:sectPr>';

/**
 * A .docx package as Word writes one, around `document` (its word/document.xml): Verbatim's
 * styles as real files define them, relationships and properties.
 */
export function verbatimPackage(document: string, title: string): Uint8Array {
  const files: Zippable = {
    '[Content_Types].xml': strToU8(CONTENT_TYPES),
    '_rels/.rels': strToU8(RELS),
    'docProps/core.xml': strToU8(CORE(title)),
    'word/_rels/document.xml.rels': strToU8(DOCUMENT_RELS),
    'word/styles.xml': strToU8(STYLES),
    'word/document.xml': strToU8(document),
  };
  // A fixed mtime, so the same input gives the same bytes (content hashes in folder imports repeat).
  return zipSync(files, { level: 6, mtime: new Date('2026-01-01T00:00:00Z') });
}

/**
 * A Verbatim .docx of `cards` cards (default 360: about 1.8 MB, 250k words, 40 runs a card).
 * The same seed gives the same bytes.
 */
export async function generateVerbatimDocx(seed: number, options: VerbatimFileOptions = {}): Promise<Uint8Array> {
  return verbatimPackage(documentXml(new Writer(seed), options.cards ?? DEFAULT_CARDS), `Generated Verbatim file ${seed}`);
}
