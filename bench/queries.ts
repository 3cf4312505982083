// The fixed query set: common and rare words, phrases, prefixes, fields, exclusions and OR,
// as debaters type them. The same set runs through FTS5 and lunr.
import { parseQuery, type Term } from '../electron/services/search/query-parser.js';

export const QUERIES: readonly string[] = [
  // common words
  'Syria', 'Russia', 'military', 'government', 'Putin', 'forces', 'ceasefire', 'Aleppo', 'United States', 'Assad',
  // rarer words
  'Ryabkov', 'Quilliam', 'Sochi', 'Zelensky', 'Peskov', 'Yarubiyah', 'Churkin', 'Hasakah', 'Idlib', 'Kerry',
  // several words, all required
  'Russia Syria ceasefire', 'US troops withdrawal', 'Kremlin military assistance Ukraine', 'Turkish soldiers Idlib', 'security council meeting',
  // phrases
  '"de facto partition"', '"security council"', '"foreign armed forces"', '"international law"', '"Bashar al-Assad"',
  // prefixes
  'partit*', 'negot*', 'milit*', 'ceasef*', 'diplom* Russia',
  // fields
  'author:Ryabkov', 'author:Choi', 'label:non-unique', 'year:2021', 'tag:ceasefire', 'cite:"Press TV"', 'label:impact Syria', 'tag:Russia year:2015',
  // exclusions and OR
  'Syria -Russia', 'Aleppo -ceasefire', 'Putin OR Assad', 'Kerry OR Lavrov ceasefire', 'Ukraine -Russia -Syria',
  // mixed
  'author:Putin "international law"', 'Dara\'a deal',
];

/** The same query in lunr's syntax: required words, fields and prefixes; phrases become required words. */
export function lunrQuery(query: string): string {
  const parsed = parseQuery(query);
  const lunrField = (t: Term) => (t.field === 'tag' ? 'tag:' : t.field === 'author' || t.field === 'cite' || t.field === 'year' ? 'cite:' : t.field === 'label' ? 'label:' : '');
  const term = (t: Term, sign: string) => t.words.map((w, i) => `${sign}${lunrField(t)}${w}${t.prefix && i === t.words.length - 1 ? '*' : ''}`);
  const parts: string[] = [];
  for (const group of parsed.groups) {
    // lunr has no OR inside an AND: an OR group becomes optional words.
    if (group.length > 1) parts.push(...group.flatMap((t) => term(t, '')));
    else parts.push(...term(group[0]!, '+'));
  }
  for (const t of parsed.excluded) parts.push(...term(t, '-'));
  return parts.join(' ');
}
