// `cardfile`: the same services for scripts and squads.
import fs from 'node:fs';
import path from 'node:path';
import { importSummary, outcomeLine, type ImportOutcome } from '../shared/import-outcome.js';
import type { Article, Brief, BriefSummary, Card } from '../shared/model.js';
import { BACKUP_USAGE, isBackupCommand, runBackupCommand } from './cli-backups.js';
import { EXPORT_USAGE, runExportCommand } from './cli-export.js';
import { runSearchCommand, SEARCH_USAGE } from './cli-search.js';
import { importInto } from './services/importers/import-into-library.js';
import type { ImportInput } from './services/importers/import-source.js';
import { defaultLibraryPath } from './services/library/default-library-path.js';
import { Library } from './services/library/library.js';

const USAGE = `Usage: cardfile [--library PATH] COMMAND

Commands:
  list articles|cards|briefs [--json]   list what the library holds
  import FILE|FOLDER|URL...             import articles (.txt .md .html .pdf .docx, web pages) and Verbatim briefs
${BACKUP_USAGE}
${EXPORT_USAGE}
${SEARCH_USAGE}

Options:
  --library PATH   the library file (default: $CARDFILE_LIBRARY, else ${defaultLibraryPath({})})
  --help           this text`;

class UsageError extends Error {}

interface Parsed {
  library: string;
  json: boolean;
  words: string[];
}

function parseArgs(argv: string[]): Parsed | 'help' {
  const words: string[] = [];
  let library: string | undefined;
  let json = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--help' || arg === '-h') return 'help';
    else if (arg === '--json') json = true;
    else if (arg === '--library') {
      library = argv[++i];
      if (!library) throw new UsageError('--library needs a path');
    } else if (arg.startsWith('--library=')) library = arg.slice('--library='.length);
    // The export command reads its own options.
    else if (arg === '--format' || arg === '--out' || arg === '--limit') words.push(arg, argv[++i] ?? '');
    else if (arg.startsWith('--format=') || arg.startsWith('--out=') || arg.startsWith('--limit=')) words.push(arg);
    else if (arg.startsWith('--')) throw new UsageError(`unknown option ${arg}`);
    else words.push(arg);
  }
  return { library: library ? path.resolve(library) : defaultLibraryPath(), json, words };
}

type Listing = Article | Card | BriefSummary;
const LINES: Record<string, (item: never) => string> = {
  articles: (a: Article) => `${a.id}\t${a.title}\t${a.publication || '-'}\t${a.publishedDate || '-'}`,
  cards: (c: Card) => `${c.id}\t${c.tag}\t${c.shortCite || '-'}`,
  briefs: (b: BriefSummary) => `${b.id}\t${b.title}\t${b.kind}`,
};

function list(library: Library, what: string | undefined, json: boolean, out: (line: string) => void): void {
  const table = what === 'articles' ? library.articles : what === 'cards' ? library.cards : what === 'briefs' ? library.briefs : undefined;
  if (!table || !what) throw new UsageError('list what? articles, cards or briefs');
  const items: Listing[] = table.list();
  if (json) return out(JSON.stringify(items, null, 2));
  const line = LINES[what] as (item: Listing) => string;
  for (const item of items) out(line(item));
}

async function importSources(library: Library, args: string[], out: (line: string) => void, err: (line: string) => void): Promise<boolean> {
  if (args.length === 0) throw new UsageError('import what? name files, folders or web addresses');
  const inputs: ImportInput[] = args.flatMap((arg): ImportInput[] => (/^[a-z][a-z0-9+.-]*:\/\//i.test(arg) ? [{ url: arg }] : filesIn(arg).map((file) => ({ file }))));
  // Ctrl+C stops after the file being imported; what came in so far stays in.
  const cancel = new AbortController();
  const onInterrupt = () => cancel.abort();
  process.once('SIGINT', onInterrupt);
  const outcomes: ImportOutcome[] = [];
  try {
    for (const [i, input] of inputs.entries()) {
      if (cancel.signal.aborted) break;
      const outcome = await importInto(library, input, { signal: cancel.signal });
      outcomes.push(outcome);
      (outcome.status === 'failed' ? err : out)(`[${i + 1}/${inputs.length}] ${outcomeLine(outcome)}`);
    }
  } finally {
    process.removeListener('SIGINT', onInterrupt);
  }
  const skipped = inputs.length - outcomes.length;
  out(importSummary(outcomes) + (skipped > 0 ? `, ${skipped} not started (cancelled)` : ''));
  return skipped === 0 && outcomes.every((o) => o.status !== 'failed');
}

// A folder stands for the importable files in it, sorted, its subfolders included.
function filesIn(arg: string): string[] {
  let stat: fs.Stats;
  try {
    stat = fs.statSync(arg);
  } catch {
    return [arg]; // the importer names the missing file
  }
  if (!stat.isDirectory()) return [arg];
  return fs
    .readdirSync(arg, { recursive: true, encoding: 'utf8' })
    .sort()
    .map((name) => path.join(arg, name))
    .filter((file) => IMPORTABLE.test(file) && fs.statSync(file).isFile());
}

const IMPORTABLE = /\.(txt|text|md|markdown|html?|xhtml|pdf|docx)$/i;

/** Runs the CLI; returns the exit code. */
export async function runCli(argv: string[], out = (l: string) => console.log(l), err = (l: string) => console.error(l)): Promise<number> {
  let library: Library | undefined;
  try {
    const parsed = parseArgs(argv);
    if (parsed === 'help') {
      out(USAGE);
      return 0;
    }
    const [command, ...rest] = parsed.words;
    if (command !== 'list' && command !== 'import' && command !== 'export' && command !== 'search' && !isBackupCommand(command)) throw new UsageError(command ? `unknown command ${command}` : 'no command given');
    library = Library.open(parsed.library);
    if (isBackupCommand(command)) return await runBackupCommand(library, command, rest, parsed.json, out, (problem) => new UsageError(problem));
    if (command === 'search') return await runSearchCommand(library, rest, parsed.json, out, (problem) => new UsageError(problem));
    if (command === 'export') return await runExportCommand(library, rest, out, (problem) => new UsageError(problem));
    if (command === 'list') {
      list(library, rest[0], parsed.json, out);
      return 0;
    }
    return (await importSources(library, rest, out, err)) ? 0 : 1;
  } catch (e) {
    if (e instanceof UsageError) {
      err(`cardfile: ${e.message}\n\n${USAGE}`);
      return 2;
    }
    err(`cardfile: ${e instanceof Error ? e.message : String(e)}`);
    return 1;
  } finally {
    library?.close();
  }
}
