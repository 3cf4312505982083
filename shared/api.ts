// The one Api contract. The renderer calls it through the Electron preload or over HTTP in
// browser mode; ipc.ts and server.ts validate every input against these schemas before any
// service sees it.
import { z } from 'zod';
import type { Article, BackupInfo, Brief, BriefOutline, BriefSummary, Card, DocJSON, LibraryInfo } from './model.js';
import { WORD_HIGHLIGHTS } from './highlight-colours.js';
import type { ImportOutcome } from './import-outcome.js';
import type { SearchResult } from './search.js';
import { EXPORT_VARIANTS } from './export-variants.js';
import type { JobStatus } from './jobs.js';
import type { ArticleSummary } from './summaries.js';
import { settingsPatch, type Settings } from './settings.js';

/** The longest text (an article's, a text run's) the Api takes; importers refuse longer ones. */
export const MAX_TEXT = 20_000_000;
/** A 100 MB file (the importers' limit) as base64. */
const MAX_IMPORT_BASE64 = Math.ceil((100 * 1024 * 1024) / 3) * 4;
const id = z.number().int().positive();
const line = z.string().max(10_000);

/**
 * A highlight carries one of Word's colours, or a #rrggbb fill (shading used as highlighting in
 * real files), nothing else: it is written into .docx and CSS as given.
 */
const mark = z.object({ type: z.string().max(50), attrs: z.record(z.string(), z.unknown()).optional() }).refine(
  (m) => m.type !== 'highlight' || m.attrs?.colour === undefined || (WORD_HIGHLIGHTS as readonly unknown[]).includes(m.attrs.colour)
    || (typeof m.attrs.colour === 'string' && /^#[0-9a-f]{6}$/i.test(m.attrs.colour)),
  { message: `a highlight colour must be one of ${WORD_HIGHLIGHTS.join(', ')}, or #rrggbb`, path: ['attrs', 'colour'] },
);

const docJSON: z.ZodType<DocJSON> = z.lazy(() =>
  z.object({
    type: z.string().max(50),
    attrs: z.record(z.string(), z.unknown()).optional(),
    content: z.array(docJSON).optional(),
    marks: z.array(mark).optional(),
    text: z.string().max(MAX_TEXT).optional(),
  }),
);

/**
 * How deep an Api input may nest (objects and arrays). A real brief, pocket > hat > block > card >
 * body > paragraph > text with its marks, is about 20 levels deep. Checked without recursion
 * before the recursive schema runs, so an input nested thousands deep is refused instead of
 * overflowing the stack.
 */
export const MAX_INPUT_DEPTH = 200;

function withinDepth(root: unknown, limit: number): boolean {
  const stack: [unknown, number][] = [[root, 1]];
  while (stack.length > 0) {
    const [value, depth] = stack.pop()!;
    if (typeof value !== 'object' || value === null) continue;
    if (depth > limit) return false;
    for (const child of Object.values(value)) stack.push([child, depth + 1]);
  }
  return true;
}

const author = z.object({ name: z.string().max(500), quals: z.string().max(5_000).default('') });
const sourceKind = z.enum(['paste', 'text', 'html', 'url', 'pdf', 'docx']);

const articleFields = z.object({
  title: line.default(''),
  authors: z.array(author).max(100).default([]),
  publication: line.default(''),
  publishedDate: line.default(''),
  url: line.default(''),
  accessedDate: line.default(''),
  sourceKind: sourceKind.default('paste'),
  text: z.string().max(MAX_TEXT).default(''),
});

const cardFields = z.object({
  tag: line.default(''),
  label: line.nullable().default(null),
  shortCite: line.default(''),
  fullCite: line.default(''),
  body: docJSON.default({ type: 'body', content: [{ type: 'paragraph' }] }),
  articleId: id.nullable().default(null),
  passage: z.object({ start: z.number().int().min(0), end: z.number().int().min(0) }).nullable().default(null),
  textEdited: z.boolean().default(false),
});

const briefFields = z.object({
  title: line.default('Untitled brief'),
  kind: z.enum(['brief', 'speech']).default('brief'),
  doc: docJSON.default({ type: 'doc', content: [] }),
});

type PatchShape<S extends z.ZodRawShape> = { [K in keyof S]: z.ZodOptional<S[K] extends z.ZodDefault<infer Inner> ? Inner : S[K]> };

/**
 * The fields a patch may change, none filled in: zod 4's .partial() still applies each field's
 * default, so a patch of one field would reset every other field to its default.
 */
function patchOf<S extends z.ZodRawShape>(fields: z.ZodObject<S>): z.ZodObject<PatchShape<S>, z.core.$strict> {
  const shape = Object.fromEntries(
    Object.entries(fields.shape).map(([key, field]) => [key, ((field instanceof z.ZodDefault ? field.unwrap() : field) as z.ZodType).optional()]),
  );
  return z.object(shape).strict() as unknown as z.ZodObject<PatchShape<S>, z.core.$strict>;
}

const none = z.object({}).strict();
const byId = z.object({ id }).strict();

/** A calendar day as a date input gives it. */
const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a day is written YYYY-MM-DD');
/** A page of a list: lists are paged so no call carries a whole library. */
const paging = { offset: z.number().int().min(0).default(0), limit: z.number().int().min(1).max(5_000).default(1_000) };
/** A job's id as startImport gave it (a UUID); any other string is simply not found. */
const jobId = z.string().min(1).max(64);
const base64File = z.object({
  name: z.string().min(1).max(1_000),
  dataBase64: z.string().max(MAX_IMPORT_BASE64).regex(/^[A-Za-z0-9+/]*={0,2}$/, 'not base64'),
}).strict();
/** Files sent in one call of an import job; a folder's files go in several calls (the body limit is 64 MB). */
const fileBatch = z.array(base64File).max(1_000);

export const apiInputs = {
  libraryInfo: none,
  /** Article summaries (no texts), newest first, a page at a time. */
  listArticles: z.object(paging).strict(),
  getArticle: byId,
  createArticle: articleFields.strict(),
  updateArticle: z.object({ id, patch: patchOf(articleFields) }).strict(),
  deleteArticle: byId,
  /** Pasted text becomes an article; the title is guessed from its first line when not given. */
  importText: z.object({ text: z.string().max(MAX_TEXT), title: line.optional() }).strict(),
  /**
   * The cut cards (the Cutter's library), newest first, a page at a time, filtered in the store:
   * of one article, with a label (null: none), an author's words, cut between two days, holding words.
   */
  listCards: z.object({
    articleId: id.optional(),
    label: line.nullable().optional(),
    author: line.optional(),
    from: day.optional(),
    to: day.optional(),
    words: z.array(line).max(50).optional(),
    ...paging,
  }).strict(),
  /** The labels the cut cards use. */
  cardLabels: none,
  getCard: byId,
  createCard: cardFields.strict(),
  updateCard: z.object({ id, patch: patchOf(cardFields) }).strict(),
  deleteCard: byId,
  /** Briefs and speech docs without their documents. */
  listBriefs: none,
  /** Briefs' headings, tags and cites (no card bodies): what quick find searches. Every brief's, or those asked for. */
  briefOutlines: z.object({ ids: z.array(id).max(10_000).optional() }).strict(),
  getBrief: byId,
  createBrief: briefFields.strict(),
  updateBrief: z.object({ id, patch: patchOf(briefFields) }).strict(),
  /**
   * An autosave of only what changed (brief-edit.ts): the top-level nodes [from, to) of the
   * document saved at `revision` (the brief's updatedAt then) become `nodes`. If the brief was
   * saved since, nothing is written and `applied` is false: save the whole doc with mergeBrief.
   */
  editBrief: z.object({
    id,
    revision: z.string().min(1).max(40),
    from: z.number().int().min(0),
    to: z.number().int().min(0),
    nodes: z.array(docJSON),
    title: line.optional(),
  }).strict().refine((e) => e.from <= e.to, { message: 'from must not be after to', path: ['from'] }),
  /**
   * The whole doc, from an editor whose editBrief was refused as stale. `known` holds the card
   * uids of the doc it last saved or opened: cards saved since that it never saw are kept (their
   * uids in `kept`), only cards it knew and removed are deleted.
   */
  mergeBrief: z.object({ id, doc: docJSON, known: z.array(z.string().min(1).max(200)).max(1_000_000), title: line.optional() }).strict(),
  deleteBrief: byId,
  /**
   * Copies cards into a brief (new cards the brief owns, copied from these), before the top-level
   * node at `position`, or at the end.
   */
  appendCardsToBrief: z.object({ briefId: id, cardIds: z.array(id).min(1).max(10_000), position: z.number().int().min(0).optional() }).strict(),
  /** Cards as nodes to add to a brief at its cursor: each card's node as stored, as a new card copied from it. */
  copyCards: z.object({ cardIds: z.array(id).min(1).max(10_000) }).strict(),
  /** Verbatim's "send to speech": copies cards to the current speech doc, creating one if none. */
  sendToSpeech: z.object({ cardIds: z.array(id).min(1).max(10_000) }).strict(),
  /** The debater's preferences (settings.ts), defaults filled in. */
  getSettings: none,
  /** Changes the settings given, keeps the rest; returns them all. */
  setSettings: settingsPatch,
  /**
   * "Send to speech" from a brief: copies the given cards and headings (top-level nodes of a
   * brief) to the end of a speech doc: the one named, else the current one, created if none.
   */
  sendNodesToSpeech: z.object({ nodes: z.array(docJSON).min(1).max(10_000), speechId: id.optional() }).strict(),
  /** The library's rolling backups, newest first. */
  listBackups: none,
  /** Backs the library up now, even when nothing changed since the last backup. */
  backupNow: none,
  /** Replaces the library with a backup (by the name listBackups gives), backing up the current state first. */
  restoreBackup: z.object({ name: z.string().min(1).max(300) }).strict(),
  /**
   * Whether the library opened normally, read-only, or not at all (the recovery screen). With
   * `checked`, answers once the check of the whole file that follows the open is done.
   */
  libraryStatus: z.object({ checked: z.boolean().optional() }).strict(),
  /** Restores a backup over a library that could not be opened; the damaged file is kept aside. */
  recoverLibrary: z.object({ name: z.string().min(1).max(300) }).strict(),
  /** Rebuilds the search index of a library damaged in its index alone, from its cards; the damaged file is kept aside. */
  rebuildSearchIndex: none,
  /**
   * Starts an import job in the worker and answers at once with its status: web addresses and
   * files' bytes. Never a path: the page sends what the debater chose, so a compromised renderer
   * cannot make the main process read any file on the computer (the CLI imports paths itself,
   * through the JobRunner). With more: true the job waits for
   * further files (addImportFiles) until a call says more: false; expectedFiles sizes its progress.
   * Web addresses on this computer or the local network are refused unless `allowLocal`.
   */
  startImport: z.object({
    urls: z.array(z.string().min(1).max(4_000)).max(10_000).default([]),
    allowLocal: z.boolean().default(false),
    files: fileBatch.default([]),
    more: z.boolean().default(false),
    expectedFiles: z.number().int().min(0).max(10_000_000).optional(),
  }).strict(),
  /** More files for an import started with more: true; answers once the worker has room for more. */
  addImportFiles: z.object({ id: jobId, files: fileBatch, more: z.boolean() }).strict(),
  /** A job's progress and its per-file outcomes from outcomesFrom on (poll with the count you have). */
  jobStatus: z.object({ id: jobId, outcomesFrom: z.number().int().min(0).default(0) }).strict(),
  /** Every job of this session, newest first, without outcomes. */
  listJobs: none,
  /** Stops a job after the file it is on; what came in stays in. */
  cancelJob: z.object({ id: jobId }).strict(),
  /** A file's bytes (dropped on the window or picked) imported as an article, or a brief for a Verbatim .docx. */
  importData: base64File,
  /**
   * A web page (or PDF) fetched by the services and imported as an article. Addresses on this
   * computer or the local network are refused unless `allowLocal` (the user confirmed).
   */
  importUrl: z.object({ url: z.string().min(1).max(4_000), allowLocal: z.boolean().default(false) }).strict(),
  /** The Cite Creator template full cites are built with (cite-builder.ts). */
  getCiteTemplate: none,
  setCiteTemplate: z.object({ template: z.string().max(2_000) }).strict(),
  /** A brief as a file to save or download: Verbatim .docx, HTML (print view) or PDF; PDF and HTML start each pocket on a new page only when asked. */
  exportBrief: z.object({ id, format: z.enum(['docx', 'html', 'pdf']), variant: z.enum(EXPORT_VARIANTS).optional(), pocketPageBreaks: z.boolean().optional(), tagged: z.boolean().optional() }).strict(),
  /** Library search (FTS5): ranked cards with snippets; filters by label, brief and year range. */
  search: z.object({
    query: z.string().max(2_000),
    limit: z.number().int().min(1).max(500).default(50),
    label: line.optional(),
    briefId: id.optional(),
    yearFrom: z.number().int().min(1000).max(3000).optional(),
    yearTo: z.number().int().min(1000).max(3000).optional(),
  }).strict(),
  /** "Did you mean …?": a corrected query from the index's vocabulary, for a search that finds nothing. */
  suggest: z.object({ query: z.string().max(2_000) }).strict(),
} as const;

/**
 * 'read-only': the file or its folder cannot be written; reading, search and export work.
 * 'damaged': the library could not be opened, or was found damaged; only the backups can be
 * listed and restored (and a damaged search index rebuilt).
 */
export interface LibraryStatus {
  mode: 'writable' | 'read-only' | 'damaged';
  path: string;
  /** What the user should know, in one line; null for a writable library. */
  notice: string | null;
  /** 'damaged' only: the damage is in the search index alone, which is rebuilt from the cards without a backup. */
  indexOnly?: boolean;
}

export type ApiMethod = keyof typeof apiInputs;
export const API_METHODS = Object.keys(apiInputs) as ApiMethod[];

export interface ApiResults {
  libraryInfo: LibraryInfo;
  listArticles: ArticleSummary[];
  getArticle: Article;
  createArticle: Article;
  updateArticle: Article;
  deleteArticle: { deleted: number };
  importText: Article;
  listCards: Card[];
  cardLabels: string[];
  getCard: Card;
  createCard: Card;
  updateCard: Card;
  deleteCard: { deleted: number };
  listBriefs: BriefSummary[];
  briefOutlines: BriefOutline[];
  getBrief: Brief;
  createBrief: Brief;
  updateBrief: Brief;
  editBrief: { applied: true; brief: BriefSummary } | { applied: false };
  mergeBrief: { brief: Brief; kept: string[] };
  deleteBrief: { deleted: number };
  appendCardsToBrief: Brief;
  copyCards: DocJSON[];
  sendToSpeech: Brief;
  getSettings: Settings;
  setSettings: Settings;
  sendNodesToSpeech: Brief;
  listBackups: BackupInfo[];
  backupNow: BackupInfo;
  restoreBackup: { restored: BackupInfo; safetyCopy: BackupInfo };
  libraryStatus: LibraryStatus;
  recoverLibrary: { restored: BackupInfo; damagedCopy: string };
  rebuildSearchIndex: { cards: number; damagedCopy: string };
  startImport: JobStatus;
  addImportFiles: JobStatus;
  jobStatus: JobStatus;
  listJobs: JobStatus[];
  cancelJob: JobStatus;
  importData: ImportOutcome;
  importUrl: ImportOutcome;
  getCiteTemplate: { template: string };
  setCiteTemplate: { template: string };
  exportBrief: { name: string; dataBase64: string };
  search: SearchResult;
  suggest: { suggestion: string | null };
}

/** What a caller passes (defaults may be left out). */
export type ApiInput<M extends ApiMethod> = z.input<(typeof apiInputs)[M]>;
/** What a service receives (validated, defaults filled). */
export type ApiArgs<M extends ApiMethod> = z.output<(typeof apiInputs)[M]>;

export type Api = { [M in ApiMethod]: (input: ApiInput<M>) => Promise<ApiResults[M]> };
export type ApiHandlers = { [M in ApiMethod]: (args: ApiArgs<M>) => ApiResults[M] | Promise<ApiResults[M]> };

/** Browser mode: the session key is given in the page's address and sent with every Api call. */
export const SESSION_PARAM = 'session';
export const SESSION_HEADER = 'x-cardfile-session';
/** The largest Api request browser mode reads: a 48 MB file, base64 encoded. */
export const MAX_REQUEST_BYTES = 64 * 1024 * 1024;

export function tooBigForBrowserMode(): string {
  return `This is too big for browser mode (requests stop at ${MAX_REQUEST_BYTES / 1024 / 1024} MB, a file of about ${Math.floor((MAX_REQUEST_BYTES * 3) / 4 / 1024 / 1024)} MB). Import it in the desktop app, or from a terminal with: cardfile import FILE`;
}

/** What crosses a transport: errors are values, never thrown across the boundary. */
export type ApiResponse<T> = { ok: true; value: T } | { ok: false; error: string };

export function isApiMethod(name: string): name is ApiMethod {
  return Object.prototype.hasOwnProperty.call(apiInputs, name);
}

/** Validates an untrusted call; the error names the method and the first bad field. */
export function parseApiCall<M extends ApiMethod>(method: M, input: unknown): ApiResponse<ApiArgs<M>> {
  if (!withinDepth(input, MAX_INPUT_DEPTH)) return { ok: false, error: `Invalid arguments to ${method}: nested more than ${MAX_INPUT_DEPTH} levels deep` };
  const result = apiInputs[method].safeParse(input ?? {});
  if (result.success) return { ok: true, value: result.data as ApiArgs<M> };
  const issue = result.error.issues[0];
  const where = issue && issue.path.length > 0 ? ` at ${issue.path.join('.')}` : '';
  return { ok: false, error: `Invalid arguments to ${method}${where}: ${issue?.message ?? 'rejected'}` };
}

/** Thrown by Api clients when the service answered with an error. */
export class ApiError extends Error {
  constructor(readonly method: ApiMethod, message: string) {
    super(message);
    this.name = 'ApiError';
  }
}

/** Builds an Api from one function that sends a call and returns the wire response. */
export function apiClient(send: (method: ApiMethod, input: unknown) => Promise<ApiResponse<unknown>>): Api {
  const client: Partial<Record<ApiMethod, (input: unknown) => Promise<unknown>>> = {};
  for (const method of API_METHODS) {
    client[method] = async (input: unknown) => {
      const response = await send(method, input);
      if (!response.ok) throw new ApiError(method, response.error);
      return response.value;
    };
  }
  return client as Api;
}

/**
 * The Api over browser mode's HTTP transport, for scripts that drive a running server (the
 * bench, the tests): `origin` is the server's, `session` its session key.
 */
export function httpApiClient(origin: string, session: string): Api {
  return apiClient(async (method: ApiMethod, input: unknown) => {
    const headers = { 'Content-Type': 'application/json', [SESSION_HEADER]: session };
    const res = await fetch(`${origin}/api/${method}`, { method: 'POST', headers, body: JSON.stringify(input ?? {}) });
    return (await res.json()) as ApiResponse<unknown>;
  });
}
