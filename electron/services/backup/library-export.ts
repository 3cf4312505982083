// The whole library as a folder: one JSON file with every article, card, brief and setting (ids
// and timestamps included, so importing it into an empty library reproduces the library exactly)
// and every brief as a Verbatim .docx for Word.
import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { apiInputs } from '../../../shared/api.js';
import type { Article, Brief, Card } from '../../../shared/model.js';
import { exportBrief } from '../exporters/export-brief.js';
import type { PdfPrinter } from '../exporters/pdf-printer.js';
import { ImportError } from '../importers/import-error.js';
import type { Library } from '../library/library.js';
import { schemaVersion } from '../library/open-library.js';

export const EXPORT_FORMAT = 'cardfile-library';
// 2: cards carry their uid, what they were copied from and their fingerprint; briefs own their cards.
export const EXPORT_VERSION = 2;
export const EXPORT_JSON = 'library.json';
export const EXPORT_BRIEFS = 'briefs';

export interface LibraryExport {
  format: typeof EXPORT_FORMAT;
  version: 1 | typeof EXPORT_VERSION;
  schemaVersion: number;
  exportedAt: string;
  articles: Article[];
  cards: Card[];
  briefs: Brief[];
  settings: Record<string, unknown>;
}

// The records are checked with the Api's own field schemas (kept current by whoever adds a
// field) plus id and timestamps. Strict: a field this Cardfile does not know would be dropped,
// and an import that drops anything is not lossless, so it is refused instead.
const stored = { id: z.number().int().positive(), createdAt: z.string().max(40), updatedAt: z.string().max(40) };
// Version 1 exports have no uids: their cards get new ones.
const storedCard = {
  ...stored,
  uid: z.string().min(1).max(100).optional(),
  briefId: z.null().optional(),
  copiedFrom: z.string().max(100).nullable().optional(),
  fingerprint: z.string().max(100).optional(),
};
const exportSchema = z.object({
  format: z.literal(EXPORT_FORMAT),
  version: z.union([z.literal(1), z.literal(EXPORT_VERSION)]),
  schemaVersion: z.number().int(),
  exportedAt: z.string().max(40),
  articles: z.array(apiInputs.createArticle.extend(stored)),
  cards: z.array(apiInputs.createCard.extend(storedCard)),
  briefs: z.array(apiInputs.createBrief.extend(stored)),
  settings: z.record(z.string(), z.unknown()),
}).strict();

const byId = <T extends { id: number }>(items: T[]): T[] => [...items].sort((a, b) => a.id - b.id);

export function exportLibrary(library: Library): LibraryExport {
  const settings = library.db.prepare('SELECT key, value FROM settings ORDER BY key').all() as { key: string; value: string }[];
  return {
    format: EXPORT_FORMAT,
    version: EXPORT_VERSION,
    schemaVersion: schemaVersion(library.db),
    exportedAt: new Date().toISOString(),
    articles: byId(library.articles.list()),
    cards: byId(library.cards.list()),
    briefs: byId(library.briefs.list().map((b) => library.briefs.get(b.id))),
    settings: Object.fromEntries(settings.map((s) => [s.key, JSON.parse(s.value) as unknown])),
  };
}

// A library export never prints: PDF is not one of its formats.
const NO_PRINTER: PdfPrinter = { printPdf: () => Promise.reject(new Error('A library export writes no PDF.')) };

/**
 * Writes the library into `folder` (created if absent): library.json with everything, and each
 * brief and speech doc as a Verbatim .docx under briefs/ to open in Word or hand to a partner.
 * Returns the files written.
 */
export async function writeLibraryExport(library: Library, folder: string): Promise<{ json: string; briefs: string[] }> {
  const data = exportLibrary(library);
  const briefsDir = path.join(folder, EXPORT_BRIEFS);
  fs.mkdirSync(briefsDir, { recursive: true });
  const taken = new Set<string>();
  const briefs: string[] = [];
  for (const brief of data.briefs) {
    const { name, data: bytes } = await exportBrief(brief, 'docx', NO_PRINTER);
    // Two briefs may share a title; neither may overwrite the other.
    let unique = name;
    for (let n = 2; taken.has(unique.toLowerCase()); n++) unique = name.replace(/\.docx$/, ` (${n}).docx`);
    taken.add(unique.toLowerCase());
    fs.writeFileSync(path.join(briefsDir, unique), bytes);
    briefs.push(path.join(briefsDir, unique));
  }
  const json = path.join(folder, EXPORT_JSON);
  fs.writeFileSync(`${json}.partial`, JSON.stringify(data, null, 1));
  fs.renameSync(`${json}.partial`, json);
  return { json, briefs };
}

/** Reads an export (its folder or its JSON file) and checks it completely before anything is written. */
export function readLibraryExport(folderOrFile: string): LibraryExport {
  const file = fs.statSync(folderOrFile, { throwIfNoEntry: false })?.isDirectory() ? path.join(folderOrFile, EXPORT_JSON) : folderOrFile;
  let raw: string;
  try {
    raw = fs.readFileSync(file, 'utf8');
  } catch (err) {
    throw new ImportError(file, `it cannot be read (${(err as NodeJS.ErrnoException).code ?? (err as Error).message}).`);
  }
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch (err) {
    throw new ImportError(file, `it is not JSON (${(err as Error).message}).`);
  }
  const parsed = exportSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue && issue.path.length > 0 ? ` at ${issue.path.join('.')}` : '';
    throw new ImportError(file, `it is not a Cardfile library export${where}: ${issue?.message ?? 'rejected'}.`);
  }
  return parsed.data as LibraryExport;
}

/**
 * Imports an export into an empty library, ids and timestamps included, in one transaction:
 * on any error nothing is written.
 */
export function importLibraryExport(library: Library, folderOrFile: string): LibraryExport {
  const data = readLibraryExport(folderOrFile);
  const info = library.info();
  if (info.articles + info.cards + info.briefs > 0) {
    throw new ImportError(folderOrFile, `the library ${library.path} is not empty (${info.articles} articles, ${info.cards} cards, ${info.briefs} briefs). Import a library export into a new library.`);
  }
  try {
    library.transaction(() => {
      // Through the store's own inserts (its checks, its index), ids and uids kept, then given
      // back the exported timestamps. A duplicate id or uid fails the whole transaction.
      const restore = (table: 'articles' | 'cards' | 'briefs', record: { id: number; createdAt: string; updatedAt: string }) =>
        library.db.prepare(`UPDATE ${table} SET created_at = ?, updated_at = ? WHERE id = ?`).run(record.createdAt, record.updatedAt, record.id);
      for (const { id, createdAt, updatedAt, ...fields } of byId(data.articles)) {
        const article = library.articles.insert(fields);
        library.db.prepare('UPDATE articles SET id = ? WHERE id = ?').run(id, article.id);
        restore('articles', { id, createdAt, updatedAt });
      }
      for (const { createdAt, updatedAt, briefId: _home, fingerprint: _derived, ...card } of byId(data.cards)) {
        restore('cards', { ...library.cards.insert(card), createdAt, updatedAt });
      }
      for (const { createdAt, updatedAt, ...brief } of byId(data.briefs)) restore('briefs', { ...library.briefs.insert(brief), createdAt, updatedAt });
      for (const [key, value] of Object.entries(data.settings)) library.setSetting(key, value);
    });
  } catch (err) {
    throw new ImportError(folderOrFile, `its records do not fit together (${(err as Error).message}); nothing was imported.`);
  }
  return data;
}
