// `cardfile`: the same services for scripts and squads.
// Only the store loads at start-up: each command's modules (and the importers' jsdom and pdfjs,
// the exporters' docx) load when the command runs, so `list` and `search` answer at once.
import path from 'node:path';
import { importSummary, outcomeLine, type ImportOutcome } from '../shared/import-outcome.js';
import { estimateMsLeft, progressLine } from '../shared/jobs.js';
import type { Article, BriefSummary, Card } from '../shared/model.js';
import { removeLeftovers } from './services/backup/backup-files.js';
import { defaultLibraryPath } from './services/library/default-library-path.js';
import { Library } from './services/library/library.js';
import { isReadOnlyWrite, READ_ONLY_WRITE, readOnlyNotice } from './services/library-status.js';
import { readArgs } from './cli-args.js';

async function usage(): Promise<string> {
  const [{ BACKUP_USAGE }, { EXPORT_USAGE }, { SEARCH_USAGE }] = await Promise.all([import('./cli-backups.js'), import('./cli-export.js'), import('./cli-search.js')]);
  return `Usage: cardfile [--library PATH] COMMAND

Commands:
  list articles|cards|briefs [--json]   list what the library holds
  import FILE|FOLDER|URL...             import articles (.txt .md .html .pdf .docx, web pages) and Verbatim briefs;
                                        a folder's files, subfolders included; run it again to resume;
                                        --allow-local also fetches from this computer and the local network
${BACKUP_USAGE}
${EXPORT_USAGE}
${SEARCH_USAGE}

Options:
  --library PATH   the library file (default: $CARDFILE_LIBRARY, else ${defaultLibraryPath({})})
  --help           this text`;
}

/** A progress line every this many files of a large import (besides each file's own line). */
const PROGRESS_EVERY = 100;

class UsageError extends Error {}

interface Parsed {
  library: string;
  json: boolean;
  allowLocal: boolean;
  words: string[];
}

// The export and search commands read their own options: they are handed on as words.
const COMMAND_OPTIONS = {
  format: { type: 'string' }, out: { type: 'string' }, limit: { type: 'string' }, 'pocket-page-breaks': { type: 'boolean' }, tagged: { type: 'boolean' },
} as const;

function parseArgs(argv: string[]): Parsed | 'help' {
  const { values, words } = readArgs(argv, {
    library: { type: 'string' }, json: { type: 'boolean' }, 'allow-local': { type: 'boolean' }, help: { type: 'boolean', short: 'h' },
    ...COMMAND_OPTIONS,
  }, (problem) => new UsageError(problem));
  if (values.help) return 'help';
  for (const name of Object.keys(COMMAND_OPTIONS) as (keyof typeof COMMAND_OPTIONS)[]) {
    const value = values[name];
    if (value !== undefined) words.push(value === true ? `--${name}` : `--${name}=${value}`);
  }
  const library = values.library;
  return { library: library ? path.resolve(library) : defaultLibraryPath(), json: values.json === true, allowLocal: values['allow-local'] === true, words };
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

// The import job's own code, in this process: a file at a time, each its own transaction, so
// a run that dies (Ctrl+C, a crash, a power cut) is resumed by running it again: files already
// in are skipped by their content hash.
async function importSources(library: Library, args: string[], allowLocal: boolean, out: (line: string) => void, err: (line: string) => void): Promise<boolean> {
  if (args.length === 0) throw new UsageError('import what? name files, folders or web addresses');
  const { ImportQueue, itemsOfPath, runImport } = await import('./services/jobs/import-job.js');
  const queue = new ImportQueue(args.flatMap((arg) => (/^[a-z][a-z0-9+.-]*:\/\//i.test(arg) ? [{ url: arg, allowLocal }] : itemsOfPath(arg))));
  // Ctrl+C stops after the file being imported; what came in so far stays in.
  const cancel = new AbortController();
  const onInterrupt = () => cancel.abort();
  process.once('SIGINT', onInterrupt);
  const started = Date.now();
  let outcomes: ImportOutcome[];
  try {
    outcomes = await runImport(library, queue, {
      signal: cancel.signal,
      onProgress: (progress, outcome) => {
        if (!outcome) return;
        (outcome.status === 'failed' ? err : out)(`[${progress.filesDone}/${progress.filesTotal}] ${outcomeLine(outcome)}`);
        if (progress.filesDone % PROGRESS_EVERY === 0 && progress.filesDone < progress.filesTotal) {
          out(progressLine({ progress, etaMs: estimateMsLeft(progress, Date.now() - started) }));
        }
      },
    });
  } finally {
    process.removeListener('SIGINT', onInterrupt);
  }
  const skipped = queue.filesTotal - outcomes.length;
  out(importSummary(outcomes) + (skipped > 0 ? `, ${skipped} not started (cancelled; run the same import again to resume)` : ''));
  return skipped === 0 && outcomes.every((o) => o.status !== 'failed');
}

/** Runs the CLI; returns the exit code. */
export async function runCli(argv: string[], out = (l: string) => console.log(l), err = (l: string) => console.error(l)): Promise<number> {
  let library: Library | undefined;
  try {
    const parsed = parseArgs(argv);
    if (parsed === 'help') {
      out(await usage());
      return 0;
    }
    const [command, ...rest] = parsed.words;
    const backups = command === 'list' || command === 'import' || command === 'export' || command === 'search' ? null : await import('./cli-backups.js');
    if (backups && !backups.isBackupCommand(command)) throw new UsageError(command ? `unknown command ${command}` : 'no command given');
    const open = (): Library => {
      library = Library.open(parsed.library);
      if (library.db.readonly) err(`cardfile: ${readOnlyNotice(library.path)}`);
      else removeLeftovers(library.path);
      return library;
    };
    // Backups and restore work without opening the library: it may be the damaged file.
    if (backups?.isBackupCommand(command)) return await backups.runBackupCommand(parsed.library, open, command, rest, parsed.json, out, (problem) => new UsageError(problem));
    library = open();
    if (command === 'search') return await (await import('./cli-search.js')).runSearchCommand(library, rest, parsed.json, out, (problem) => new UsageError(problem));
    if (command === 'export') return await (await import('./cli-export.js')).runExportCommand(library, rest, out, (problem) => new UsageError(problem));
    if (command === 'list') {
      list(library, rest[0], parsed.json, out);
      return 0;
    }
    return (await importSources(library, rest, parsed.allowLocal, out, err)) ? 0 : 1;
  } catch (e) {
    if (e instanceof UsageError) {
      err(`cardfile: ${e.message}\n\n${await usage()}`);
      return 2;
    }
    err(`cardfile: ${isReadOnlyWrite(e) ? READ_ONLY_WRITE : e instanceof Error ? e.message : String(e)}`);
    return 1;
  } finally {
    library?.close();
  }
}
