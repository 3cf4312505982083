// The one entry for every import: a file on disk, a file's bytes (dropped on the window), a
// web address or pasted text becomes either an article or, for a Verbatim .docx, a brief.
// The kind is taken from the name and checked against the bytes.
import fs from 'node:fs';
import path from 'node:path';
import { MAX_TEXT } from '../../../shared/api.js';
import type { ArticleFields, DocJSON } from '../../../shared/model.js';
import { articleFromWord } from './docx-importer.js';
import { fetchUrl, FETCH_LIMITS, type FetchLimits } from './fetch-url.js';
import { articleFromHtml } from './html-importer.js';
import { ImportError } from './import-error.js';
import { articleFromPdf } from './pdf-importer.js';
import { decodeText, MAX_TEXT_FILE_BYTES } from './read-text-file.js';
import { parseTextBrief } from './text-brief.js';
import { articleFromText } from './text-importer.js';
import { briefFromWord, isVerbatimBrief, openWordDocument, type BriefReading } from './verbatim-docx.js';

/** The largest file an import reads at all; larger ones are refused before reading. */
export const MAX_IMPORT_BYTES = 100 * 1024 * 1024;

export type ImportInput =
  | { file: string }
  | { name: string; bytes: Uint8Array }
  | { url: string }
  | { text: string; title?: string };

export type Imported = { kind: 'article'; fields: ArticleFields } | { kind: 'brief'; title: string; doc: DocJSON };

export interface ReadOptions {
  fetchLimits?: FetchLimits;
  signal?: AbortSignal;
  /** Fetch from this computer or the local network too (the user confirmed it). */
  allowLocal?: boolean;
  isLocalAddress?: (ip: string) => boolean;
  /** Told, while a brief is read, how many of its cards have been read so far. */
  onCardsRead?: (cards: number) => void;
  /** Given each card of a Verbatim brief as soon as it is read, before the rest of the file is. */
  onCard?: (card: DocJSON) => void;
}

type Format = 'text' | 'markdown' | 'html' | 'pdf' | 'docx';

const BY_EXTENSION: Record<string, Format> = {
  '.txt': 'text', '.text': 'text', '.md': 'markdown', '.markdown': 'markdown',
  '.html': 'html', '.htm': 'html', '.xhtml': 'html', '.pdf': 'pdf', '.docx': 'docx',
};
const REFUSED: Record<string, string> = {
  '.doc': 'old Word .doc files cannot be read; open it in Word or LibreOffice and save it as .docx.',
  '.rtf': 'RTF files cannot be read; save it as .docx or .txt.',
  '.odt': 'OpenDocument files cannot be read; save it as .docx.',
  '.pages': 'Pages files cannot be read; export it as .docx or PDF.',
};

/** A short name for messages: the file's name, the address, or "the pasted text". */
export function describeInput(input: ImportInput): string {
  if ('file' in input) return input.file;
  if ('name' in input) return input.name;
  if ('url' in input) return input.url;
  return 'the pasted text';
}

export async function readSource(input: ImportInput, options: ReadOptions = {}): Promise<Imported> {
  if ('text' in input) return article(articleFromText(input.text, { title: input.title, source: 'the pasted text', sourceKind: 'paste' }), 'the pasted text');
  if ('url' in input) return readUrl(input.url, options);
  const name = 'file' in input ? input.file : input.name;
  const bytes = 'file' in input ? readFileCapped(input.file) : input.bytes;
  if (bytes.length > MAX_IMPORT_BYTES) throw tooLarge(name, bytes.length);
  return readBytes(bytes, name, formatOf(name, bytes), '', '', options);
}

function readFileCapped(file: string): Uint8Array {
  let size: number;
  try {
    const stat = fs.statSync(file);
    if (stat.isDirectory()) throw new ImportError(file, 'it is a folder; name the files in it.');
    size = stat.size;
  } catch (err) {
    if (err instanceof ImportError) throw err;
    throw new ImportError(file, 'the file does not exist or cannot be read.');
  }
  if (size > MAX_IMPORT_BYTES) throw tooLarge(file, size);
  return fs.readFileSync(file);
}

function tooLarge(source: string, size: number): ImportError {
  return new ImportError(source, `it is ${Math.round(size / 1024 / 1024)} MB; files over ${MAX_IMPORT_BYTES / 1024 / 1024} MB are not imported.`);
}

function formatOf(name: string, bytes: Uint8Array): Format {
  const ext = path.extname(name).toLowerCase();
  const refused = REFUSED[ext];
  if (refused) throw new ImportError(name, refused);
  return BY_EXTENSION[ext] ?? sniff(bytes);
}

function sniff(bytes: Uint8Array): Format {
  const head = Buffer.from(bytes.subarray(0, 1024)).toString('latin1');
  if (head.startsWith('%PDF-')) return 'pdf';
  if (head.startsWith('PK\u0003\u0004')) return 'docx';
  if (/^\s*(<!doctype html|<html|<head|<body)/i.test(head.replace(/^\uFEFF|^ï»¿/, ''))) return 'html';
  return 'text';
}

async function readBytes(bytes: Uint8Array, source: string, format: Format, charset: string, url: string, reading: BriefReading): Promise<Imported> {
  // Said plainly, whatever the name promises: a 0-byte "PDF" has no header because it has nothing.
  if (bytes.length === 0) throw new ImportError(source, 'the file is empty (0 bytes): save or download it again.');
  switch (format) {
    case 'pdf': {
      if (!Buffer.from(bytes.subarray(0, 1024)).toString('latin1').includes('%PDF-')) throw new ImportError(source, 'it is not a PDF (it has no PDF header).');
      return article({ ...(await articleFromPdf(bytes, source)), ...(url ? { url, sourceKind: 'url' as const } : {}) }, source);
    }
    case 'docx': {
      // Opened once for both questions: inflating a big brief's document part is 20 ms of its import.
      const word = openWordDocument(bytes, source);
      if (isVerbatimBrief(word)) return { kind: 'brief', ...briefFromWord(word, source, reading) };
      return article({ ...articleFromWord(word, source), ...(url ? { url, sourceKind: 'url' as const } : {}) }, source);
    }
    case 'html':
      checkTextSize(bytes, source);
      return article(articleFromHtml(decode(bytes, source, charset || metaCharset(bytes)), { source, url, sourceKind: url ? 'url' : 'html' }), source);
    case 'text':
    case 'markdown': {
      checkTextSize(bytes, source);
      const text = decode(bytes, source, charset);
      checkTextLength(text, source);
      // A block of cards saved as text (tags, cites, bodies) is a brief, not an article.
      const brief = format === 'text' ? parseTextBrief(text) : null;
      if (brief) return { kind: 'brief', ...brief };
      const plain = format === 'markdown' ? text.replace(/^#{1,6}\s+/gm, '') : text;
      const fields = articleFromText(plain, { source, sourceKind: url ? 'url' : 'text' });
      return article(url && !fields.url ? { ...fields, url } : fields, source);
    }
  }
}

async function readUrl(address: string, options: ReadOptions): Promise<Imported> {
  const fetched = await fetchUrl(address, { limits: options.fetchLimits ?? FETCH_LIMITS, signal: options.signal, allowLocal: options.allowLocal, isLocal: options.isLocalAddress });
  const format: Format =
    /html|xml/.test(fetched.contentType) ? 'html'
    : fetched.contentType === 'application/pdf' ? 'pdf'
    : fetched.contentType.includes('wordprocessingml') ? 'docx'
    : fetched.contentType.startsWith('text/') ? 'text'
    : sniff(fetched.bytes);
  return readBytes(fetched.bytes, address, format, fetched.charset, fetched.url, options);
}

function checkTextSize(bytes: Uint8Array, source: string): void {
  if (bytes.length > MAX_TEXT_FILE_BYTES) {
    throw new ImportError(source, `it is ${Math.round(bytes.length / 1024 / 1024)} MB of text; text over ${MAX_TEXT_FILE_BYTES / 1024 / 1024} MB is not an article.`);
  }
}

// A byte-order mark wins, then a declared charset other than UTF-8; otherwise the bytes are sniffed.
function decode(bytes: Uint8Array, source: string, charset: string): string {
  const label = charset.toLowerCase();
  const bom = (bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff) || (bytes[0] === 0xef && bytes[1] === 0xbb);
  if (label && !bom && !/^utf-?8$/.test(label)) {
    try {
      return new TextDecoder(label).decode(bytes);
    } catch {
      // An unknown label: fall back to sniffing.
    }
  }
  return decodeText(bytes, source);
}

function metaCharset(bytes: Uint8Array): string {
  const head = Buffer.from(bytes.subarray(0, 2048)).toString('latin1');
  return head.match(/<meta[^>]+charset=["']?([\w-]+)/i)?.[1] ?? '';
}

// The Api's limit, so nothing an import stores is refused later by an edit or an export.
// Plain text is checked as soon as it is decoded too, before any work on its lines.
function checkTextLength(text: string, source: string): void {
  if (text.length > MAX_TEXT) {
    throw new ImportError(source, `its text is ${(text.length / 1e6).toFixed(1)} million characters; an article holds at most ${MAX_TEXT / 1e6} million. Split the file and import the parts.`);
  }
}

function article(fields: ArticleFields, source: string): Imported {
  checkTextLength(fields.text, source);
  return { kind: 'article', fields };
}
