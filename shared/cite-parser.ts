// Reads the cite lines debaters paste ("Joseph Choi, 9-2, 21, The Hill, Kremlin: ...") into
// fields. Lines are comma-separated runs of author, qualifications, date, publication and title,
// in roughly that order but with pieces missing or split ("9-2, 21" is one date). The parser
// finds the date first, then reads what stands before it as the author and what follows as
// publication and title. It never invents: a field the line does not state stays ''.

export interface ParsedCite {
  author: string;
  quals: string;
  /** The date as the line writes it ("9-2-21", "September 7, 2021"). */
  date: string;
  /** ISO date as precise as the line says: '2021-09-15', '2021-09', '2021'; '' when unknown. */
  isoDate: string;
  /** Two-digit year ('21'), '' when the line gives none. */
  year: string;
  title: string;
  publication: string;
  url: string;
  /** Last name, or the outlet when no person wrote it, plus the year: 'Choi 21', 'TASS 21'. */
  shortCite: string;
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const MONTH = '(January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\\.?';

// Words that mark a name as an outlet or organisation rather than a person.
const OUTLET_WORDS = new Set(
  ('news service services media tv press times post journal agency network radio herald tribune daily weekly wire ' +
    'institute center centre council foundation magazine review gazette group report reports world international ' +
    'monitor observer telegraph guardian independent economist broadcasting corporation associated reuters bloomberg ' +
    'sputnik tass xinhua university office department ministry committee commission association society organization ' +
    'organisation staff editorial board editors today online hill insider affairs policy project forum quarterly bulletin ' +
    'chronicle express standard mail star sun record telegram nation inquirer examiner courier')
    .split(' '),
);
const NAME_PARTICLES = new Set(['de', 'da', 'di', 'del', 'van', 'von', 'der', 'den', 'la', 'le', 'al', 'bin', 'ibn', 'el']);
const HONORIFICS = /^(Dr|Prof|Professor|Mr|Mrs|Ms|Sir|Gen|Col|Amb|Rep|Sen)\.?$/i;
const SUFFIXES = /^(Jr|Sr|II|III|IV|PhD|MD|Esq)\.?$/i;
const SMALL_WORDS = new Set(['of', 'the', 'and', 'for', 'on', 'in', 'at', 'a', 'an', 'de', '&', 'to']);

export function parseCite(line: string): ParsedCite {
  let text = line.replace(/\s+/g, ' ').trim();
  const url = text.match(/https?:\/\/[^\s,;)\]]+/)?.[0] ?? '';
  if (url) text = text.replace(url, ' ');

  // "Choi 21 (Joseph Choi, ...)": a short cite written before the full cite in brackets.
  const prefixed = text.match(/^([\p{Lu}][\p{L}'’.\- ]{0,60}?)\s+['’]?(\d{2})\s*[([](.*?)[)\]]?\s*$/u);
  let givenShort = '';
  let givenYear = '';
  if (prefixed) {
    givenShort = `${prefixed[1]!.trim()} ${prefixed[2]}`;
    givenYear = prefixed[2]!;
    text = prefixed[3]!;
  }

  const segments = text
    .split(',')
    .map((s) => s.trim())
    .filter((s) => !/^(date )?accessed\b|^DA\b/i.test(s));
  while (segments.length > 0 && segments[segments.length - 1] === '') segments.pop();

  let dateAt = -1;
  let found: FoundDate | null = null;
  for (let i = 0; i < segments.length && !found; i++) {
    found = readDate(segments, i);
    if (found) dateAt = i;
  }

  const before = found ? segments.slice(0, dateAt) : segments.slice(0, 1);
  const after = (found ? segments.slice(dateAt + found.consumed) : segments.slice(1)).filter((s) => s !== '');

  const [nameSegment = '', ...moreQuals] = before;
  const [namePart = '', ...qualParts] = nameSegment.split('|').map((s) => s.trim());
  const quals = [...qualParts, ...moreQuals].filter((s) => s !== '').join(', ');
  const isPerson = namePart !== '' && looksLikePerson(namePart);

  let author = '';
  let publication = '';
  let titleParts = after;
  if (isPerson) {
    author = namePart;
    if (after.length >= 2 && looksLikeOutlet(after[0]!)) {
      publication = after[0]!;
      titleParts = after.slice(1);
    } else if (after.length >= 2 && looksLikeOutlet(after[after.length - 1]!)) {
      publication = after[after.length - 1]!;
      titleParts = after.slice(0, -1);
    } else if (after.length === 1 && looksLikeOutlet(after[0]!) && hasOutletWord(after[0]!)) {
      publication = after[0]!;
      titleParts = [];
    }
  } else {
    publication = namePart;
  }
  const title = stripQuotes(titleParts.join(', '));

  // The short cite's two digits when the bracketed cite states no date ("Ace 21 (John Ace, professor)").
  const year = found?.year || givenYear;
  const who = isPerson ? lastName(author) : publication;
  const shortCite = givenShort || [who, year].filter((s) => s !== '').join(' ');
  return {
    author,
    quals,
    date: found?.written ?? '',
    isoDate: found?.iso ?? '',
    year,
    title,
    publication,
    url,
    shortCite,
  };
}

/** A line that reads as a cite: a short line with an author or outlet and a date, year or URL. */
export function looksLikeCite(line: string): boolean {
  const trimmed = line.trim();
  if (trimmed.length === 0 || trimmed.length > 400) return false;
  const cite = parseCite(trimmed);
  // Who wrote it is a name or an outlet, never a sentence of body text that happens to hold a date.
  const who = cite.author || cite.publication;
  return who !== '' && who.length <= 80 && who.split(/\s+/).length <= 8 && !/[.!?]\s/.test(who) && (cite.date !== '' || cite.year !== '' || cite.url !== '');
}

// Words that start sentences with a year ("In 2014, ...") and are never a cited author.
const NOT_AUTHORS = new Set(['in', 'on', 'by', 'since', 'until', 'from', 'after', 'before', 'during', 'the', 'of', 'for', 'as', 'at', 'to', 'and', 'but', 'this', 'that', 'its', 'their', 'our', 'his', 'her', 'year', 'fy', 'q']);
const AUTHOR_YEAR = /^(?:(?:Dr|Prof|Professor|Mr|Mrs|Ms|Sir|Gen|Amb)\.?\s+)?((?:(?:[\p{Lu}][\p{L}'’.-]*|de|da|van|von|der|al|&|and)\s+){0,5})([\p{Lu}][\p{L}'’-]+)\s+['’]?(\d{2}|\d{4})(?=[\s,;:([]|$)/u;

/**
 * The author-and-year opening of a cite line written without any bold ("Henry A. Giroux 14, ..."):
 * the short cite it states ("Giroux 14"), or null when the line does not open so.
 */
export function authorYearOpening(line: string): string | null {
  const m = AUTHOR_YEAR.exec(line.trimStart());
  if (!m) return null;
  const firstWord = (m[1]!.trim().split(/\s+/)[0] || m[2]!).toLowerCase();
  if (NOT_AUTHORS.has(firstWord) || NOT_AUTHORS.has(m[2]!.toLowerCase())) return null;
  return `${m[2]} ${m[3]}`;
}

/** The surname used in a short cite: the first author's last name, honorifics and suffixes dropped. */
export function lastName(author: string): string {
  const first = author.split(/\s+(?:and|&)\s+|;/)[0]!.replace(/\bet al\.?/i, '').trim();
  const words = first.split(/\s+/).filter((w) => !HONORIFICS.test(w) && !SUFFIXES.test(w.replace(/,$/, '')));
  return (words[words.length - 1] ?? '').replace(/[,.]$/, '');
}

interface FoundDate {
  written: string;
  iso: string;
  year: string;
  consumed: number;
}

function readDate(segments: string[], i: number): FoundDate | null {
  const seg = segments[i]!;
  const next = segments[i + 1];
  let m: RegExpMatchArray | null;

  // 9-2-21, 9/2/2021, 9.2.21
  if ((m = seg.match(/^(\d{1,2})\s*([-/.])\s*(\d{1,2})\s*\2\s*(\d{4}|\d{2})$/))) {
    return numeric(seg, +m[1]!, +m[3]!, m[4]!, 1);
  }
  // 9-2 then the year in the next segment ("9-2, 21"), or an empty slot where it belongs ("9-1, , ").
  if ((m = seg.match(/^(\d{1,2})\s*[-/]\s*(\d{1,2})$/))) {
    const month = +m[1]!;
    const day = +m[2]!;
    if (!validMonthDay(month, day)) return null;
    if (next !== undefined && /^['’]?(\d{2}|\d{4})$/.test(next)) {
      const y = next.replace(/^['’]/, '');
      return numeric(`${month}-${day}-${y}`, month, day, y, 2);
    }
    return { written: `${month}-${day}`, iso: '', year: '', consumed: next === '' ? 2 : 1 };
  }
  // 9 -16 September 2021: numeric month-day restated with the month's name.
  if ((m = seg.match(new RegExp(`^(\\d{1,2})\\s*-\\s*(\\d{1,2})\\s+${MONTH}\\s+(\\d{4})$`, 'i')))) {
    const month = monthNumber(m[3]!);
    const day = +m[1]! === month ? +m[2]! : +m[1]!;
    return named(seg, month, day, m[4]!, 1);
  }
  // September 7, 2021 (the comma splits it into two segments) or September 7 2021
  if ((m = seg.match(new RegExp(`^${MONTH}\\s+(\\d{1,2})(?:st|nd|rd|th)?(?:\\s*,?\\s*(\\d{4}))?$`, 'i')))) {
    const month = monthNumber(m[1]!);
    if (m[3]) return named(seg, month, +m[2]!, m[3], 1);
    if (next !== undefined && /^\d{4}$/.test(next)) return named(`${seg}, ${next}`, month, +m[2]!, next, 2);
    return { written: seg, iso: '', year: '', consumed: 1 };
  }
  // 16 September 2021
  if ((m = seg.match(new RegExp(`^(\\d{1,2})(?:st|nd|rd|th)?\\s+${MONTH},?\\s+(\\d{4})$`, 'i')))) {
    return named(seg, monthNumber(m[2]!), +m[1]!, m[3]!, 1);
  }
  // September 2021
  if ((m = seg.match(new RegExp(`^${MONTH},?\\s+(\\d{4})$`, 'i')))) {
    const month = monthNumber(m[1]!);
    return { written: seg, iso: `${m[2]}-${pad(month)}`, year: m[2]!.slice(2), consumed: 1 };
  }
  // 2021-09-15
  if ((m = seg.match(/^(\d{4})-(\d{2})-(\d{2})$/))) {
    return named(seg, +m[2]!, +m[3]!, m[1]!, 1);
  }
  // A year alone: 2021
  if (/^(19|20)\d{2}$/.test(seg)) return { written: seg, iso: seg, year: seg.slice(2), consumed: 1 };
  return null;
}

function numeric(written: string, month: number, day: number, y: string, consumed: number): FoundDate | null {
  if (!validMonthDay(month, day)) return null;
  const fullYear = y.length === 4 ? y : expandYear(y);
  return { written, iso: `${fullYear}-${pad(month)}-${pad(day)}`, year: fullYear.slice(2), consumed };
}

function named(written: string, month: number, day: number, fullYear: string, consumed: number): FoundDate {
  const iso = validMonthDay(month, day) ? `${fullYear}-${pad(month)}-${pad(day)}` : `${fullYear}-${pad(month)}`;
  return { written, iso, year: fullYear.slice(2), consumed };
}

// Two-digit years up to next year are this century; evidence from the 1990s keeps its century.
function expandYear(yy: string): string {
  const pivot = (new Date().getFullYear() + 1) % 100;
  return `${+yy <= pivot ? '20' : '19'}${yy}`;
}

function validMonthDay(month: number, day: number): boolean {
  return month >= 1 && month <= 12 && day >= 1 && day <= 31;
}

function monthNumber(name: string): number {
  return MONTHS.indexOf(name.slice(0, 3).toLowerCase()) + 1;
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

function looksLikePerson(name: string): boolean {
  if (/\.(com|org|net)\b/i.test(name)) return false;
  const first = name.split(/\s+(?:and|&)\s+|;/)[0]!.replace(/\bet al\.?/i, '').trim();
  const words = first.split(/\s+/).filter((w) => !HONORIFICS.test(w) && !SUFFIXES.test(w));
  if (words.length < 2 || words.length > 5) return false;
  if (hasOutletWord(first)) return false;
  return words.every((w) => NAME_PARTICLES.has(w.toLowerCase()) || /^[\p{Lu}][\p{L}'’.-]*$/u.test(w) || /^[\p{Lu}]\.$/u.test(w));
}

function hasOutletWord(name: string): boolean {
  return name.split(/\s+/).some((w) => OUTLET_WORDS.has(w.toLowerCase()));
}

// A short title-cased name without a title's punctuation: "The Hill", "Foreign Affairs".
function looksLikeOutlet(segment: string): boolean {
  if (/[:?!“”"‘]/.test(segment)) return false;
  const words = segment.split(/\s+/);
  if (words.length > 6) return false;
  return words.every((w) => SMALL_WORDS.has(w.toLowerCase()) || /^[\p{Lu}\d]/u.test(w));
}

function stripQuotes(title: string): string {
  const m = title.match(/^["“'‘](.*)["”'’]$/);
  return (m ? m[1]! : title).trim();
}
