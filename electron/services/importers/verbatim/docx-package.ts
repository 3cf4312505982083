// Reads the parts of a .docx (a zip) that a brief import needs, treating the file as hostile:
// the zip's own central directory says where each part is and how big it claims to be, and a
// part is inflated in small slices so a zip bomb is stopped after a bounded amount of work,
// whatever its headers declare.
import { Inflate } from 'fflate';
import { ImportError } from '../import-error.js';

/** A .docx larger than this is not a brief anyone could read in a round. */
export const MAX_DOCX_BYTES = 100 * 1024 * 1024;
/** The most bytes all the parts read from one file may inflate to, together. */
export const MAX_INFLATED_BYTES = 256 * 1024 * 1024;
/**
 * The most one part may unpack to. A 1.8 MB, 360-card brief holds an 8 MB document.xml; a part
 * eight times that is no brief, and reading it would take gigabytes once parsed and stored.
 */
export const MAX_PART_BYTES = 64 * 1024 * 1024;
const INFLATE_SLICE = 16 * 1024;

interface ZipEntry {
  name: string;
  method: number;
  flags: number;
  compressedSize: number;
  declaredSize: number;
  localHeaderOffset: number;
}

export interface DocxPackage {
  /** The part's text (UTF-8), or null when the package has no such part. */
  readText(name: string): string | null;
  has(name: string): boolean;
}

export function openDocxPackage(bytes: Uint8Array, source: string): DocxPackage {
  const fail: (problem: string) => never = (problem) => {
    throw new ImportError(source, problem);
  };
  if (bytes.length > MAX_DOCX_BYTES) fail(`it is ${Math.round(bytes.length / 1024 / 1024)} MB; a Word brief over ${MAX_DOCX_BYTES / 1024 / 1024} MB is refused.`);
  if (bytes.length < 22 || bytes[0] !== 0x50 || bytes[1] !== 0x4b) fail('it is not a Word .docx file (it is not a zip archive).');
  const entries = readCentralDirectory(bytes, fail);
  let inflatedSoFar = 0;
  const decoder = new TextDecoder('utf-8');
  return {
    has: (name) => entries.has(name),
    readText(name) {
      const entry = entries.get(name);
      if (!entry) return null;
      if (inflatedSoFar + entry.declaredSize > MAX_INFLATED_BYTES) {
        fail(`it claims to unpack to more than ${MAX_INFLATED_BYTES / 1024 / 1024} MB (a zip bomb?).`);
      }
      // Checked against the declared size before inflating anything; inflateEntry stops a part
      // that unpacks to more than it declares.
      if (entry.declaredSize > MAX_PART_BYTES) {
        fail(`its ${name} unpacks to ${Math.round(entry.declaredSize / 1024 / 1024)} MB; parts over ${MAX_PART_BYTES / 1024 / 1024} MB are refused (the largest real briefs hold about 10 MB).`);
      }
      const data = entryData(bytes, entry, fail);
      const out = inflateEntry(data, entry, fail);
      inflatedSoFar += out.length;
      return decoder.decode(out);
    },
  };
}

function readCentralDirectory(bytes: Uint8Array, fail: (problem: string) => never): Map<string, ZipEntry> {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const truncated = 'the file is damaged or incomplete (its zip directory is missing; was the download cut short?).';
  // The end-of-central-directory record sits in the last 22 bytes plus an optional comment.
  let eocd = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 0xffff); i--) {
    if (view.getUint32(i, true) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) fail(truncated);
  const count = view.getUint16(eocd + 10, true);
  const dirSize = view.getUint32(eocd + 12, true);
  const dirOffset = view.getUint32(eocd + 16, true);
  if (count === 0xffff || dirOffset === 0xffffffff) fail('it is a ZIP64 archive, which no Word brief needs.');
  if (dirOffset + dirSize > eocd) fail(truncated);

  const entries = new Map<string, ZipEntry>();
  const nameDecoder = new TextDecoder('utf-8');
  let p = dirOffset;
  for (let i = 0; i < count; i++) {
    if (p + 46 > eocd || view.getUint32(p, true) !== 0x02014b50) fail('the file is damaged (its zip directory is corrupt).');
    const nameLength = view.getUint16(p + 28, true);
    const extraLength = view.getUint16(p + 30, true);
    const commentLength = view.getUint16(p + 32, true);
    const entry: ZipEntry = {
      flags: view.getUint16(p + 8, true),
      method: view.getUint16(p + 10, true),
      compressedSize: view.getUint32(p + 20, true),
      declaredSize: view.getUint32(p + 24, true),
      localHeaderOffset: view.getUint32(p + 42, true),
      name: nameDecoder.decode(bytes.subarray(p + 46, p + 46 + nameLength)),
    };
    entries.set(entry.name, entry);
    p += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

function entryData(bytes: Uint8Array, entry: ZipEntry, fail: (problem: string) => never): Uint8Array {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const at = entry.localHeaderOffset;
  if (at + 30 > bytes.length || view.getUint32(at, true) !== 0x04034b50) fail(`the file is damaged (the part ${entry.name} is missing).`);
  if (entry.flags & 1) fail('it is encrypted; save it without a password and import it again.');
  const start = at + 30 + view.getUint16(at + 26, true) + view.getUint16(at + 28, true);
  const end = start + entry.compressedSize;
  if (end > bytes.length) fail(`the file is damaged or incomplete (the part ${entry.name} is cut short).`);
  return bytes.subarray(start, end);
}

function inflateEntry(data: Uint8Array, entry: ZipEntry, fail: (problem: string) => never): Uint8Array {
  if (entry.method === 0) {
    if (data.length !== entry.declaredSize) fail(`the file is damaged (the part ${entry.name} has the wrong size).`);
    return data;
  }
  if (entry.method !== 8) fail(`the part ${entry.name} uses a compression Word does not write (method ${entry.method}).`);
  const chunks: Uint8Array[] = [];
  let total = 0;
  let ended = false;
  const inflater = new Inflate((chunk, final) => {
    total += chunk.length;
    // A part may not unpack to more than its header declared: the declared sizes are what
    // the budget above was checked against.
    if (total > entry.declaredSize) throw new BombError();
    chunks.push(chunk);
    if (final) ended = true;
  });
  try {
    for (let i = 0; i < data.length; i += INFLATE_SLICE) {
      inflater.push(data.subarray(i, Math.min(i + INFLATE_SLICE, data.length)), i + INFLATE_SLICE >= data.length);
    }
    if (data.length === 0) inflater.push(new Uint8Array(0), true);
  } catch (e) {
    if (e instanceof BombError) fail(`the part ${entry.name} unpacks to more than it declares (a zip bomb?).`);
    fail(`the file is damaged (the part ${entry.name} cannot be unpacked).`);
  }
  if (!ended || total !== entry.declaredSize) fail(`the file is damaged or incomplete (the part ${entry.name} is cut short).`);
  const out = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    out.set(chunk, offset);
    offset += chunk.length;
  }
  return out;
}

class BombError extends Error {}
