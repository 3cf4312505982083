// `cardfile search QUERY [--json] [--limit N]`: library search on the same code as the app.
import { placeLabel, type SearchHit } from '../shared/search.js';
import { readArgs } from './cli-args.js';
import type { Library } from './services/library/library.js';
import { librarySearch } from './services/search/library-search.js';

export const SEARCH_USAGE = '  search QUERY [--json] [--limit N]     find cards: words, "phrases", prefix*, -word, OR, author: label: year: tag: cite:';

const DEFAULT_LIMIT = 20;

/** Where a card lives: its brief and the headings above it, or the cut cards. */
const where = (hit: SearchHit) => {
  const home = placeLabel(hit);
  const others = hit.places.length - 1;
  return others > 0 ? `${home} (+${others} more ${others === 1 ? 'place' : 'places'})` : home;
};

const line = (hit: SearchHit) => {
  const snippet = hit.snippet.map((p) => (p.marked ? `[${p.text}]` : p.text)).join('').replace(/\s+/g, ' ');
  return `${hit.cardId}\t${hit.tag}\t${hit.shortCite || '-'}\t${snippet}\t${where(hit)}`;
};

export async function runSearchCommand(
  library: Library,
  args: string[],
  json: boolean,
  out: (line: string) => void,
  usageError: (problem: string) => Error,
): Promise<number> {
  const { values, words } = readArgs(args, { limit: { type: 'string' } }, usageError);
  const limit = values.limit === undefined ? DEFAULT_LIMIT : Number(values.limit);
  if (!Number.isInteger(limit) || limit < 1 || limit > 500) throw usageError(`--limit needs a whole number from 1 to 500, not ${values.limit}`);
  const query = words.join(' ').trim();
  if (!query) throw usageError('search for what? give a query');
  const result = await librarySearch(library, { inWorker: false, onProgress: (p) => process.stderr.write(`rebuilding the search index: ${p.done}/${p.total}\r`) })({ query, limit });
  if (json) {
    out(JSON.stringify(result, null, 2));
    return 0;
  }
  if (result.readAs === 'plain-words') out(`(searched the words of "${query}")`);
  for (const hit of result.hits) out(line(hit));
  out(`${result.hits.length}${result.more ? '+' : ''} cards in ${result.tookMs.toFixed(1)} ms`);
  return 0;
}
