// The fixed query set: common and rare words, phrases, prefixes, fields, exclusions and OR,
// as debaters type them. The same set runs through FTS5 and lunr.
import { parseQuery, type Term } from '../electron/services/search/query-parser.js';

export const QUERIES: readonly string[] = [
  // common topic words (in 10% to 40% of real cards)
  'war', 'climate', 'nuclear', 'china', 'economy', 'security', 'military', 'government', 'trump', 'russia',
  // less common (1% to 5%)
  'deterrence', 'hegemony', 'sanctions', 'nato', 'ukraine', 'syria', 'putin', 'troops', 'withdrawal', 'diplomacy',
  // rare (a handful of cards)
  'Ryabkov', 'Zelensky', 'Kerry', 'Lavrov', 'Idlib', 'Assad', 'Kremlin', 'ceasefire', 'partition', 'negotiation',
  // several words, all required
  'russia syria ceasefire', 'nuclear war deterrence', 'china economy trade', 'climate change warming', 'military forces troops',
  // phrases
  '"climate change"', '"nuclear war"', '"united states"', '"international law"', '"security council"',
  // prefixes
  'partit*', 'negot*', 'milit*', 'deter*', 'diplom* russia',
  // fields
  'author:Choi', 'author:Mearsheimer', 'label:non-unique', 'year:2021', 'tag:war', 'cite:"Foreign Affairs"', 'label:impact nuclear', 'tag:china year:2015',
  // exclusions and OR
  'war -nuclear', 'climate -warming', 'trump OR biden', 'nato OR russia ukraine', 'china -economy -trade',
  // mixed
  'author:Walt "international law"', 'hegemony decline',
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
