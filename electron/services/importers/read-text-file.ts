import fs from 'node:fs';
import { ImportError } from './import-error.js';

export const MAX_TEXT_FILE_BYTES = 50 * 1024 * 1024;

/**
 * Reads a text file as a debater would expect: UTF-8 (with or without BOM), UTF-16 with a
 * BOM, or Latin-1/Windows-1252 when it is not valid UTF-8. Binary files are refused.
 */
export function readTextFile(file: string): string {
  let size: number;
  try {
    size = fs.statSync(file).size;
  } catch {
    throw new ImportError(file, 'the file does not exist or cannot be read.');
  }
  if (size > MAX_TEXT_FILE_BYTES) {
    throw new ImportError(file, `it is ${(size / 1024 / 1024).toFixed(0)} MB; text files over ${MAX_TEXT_FILE_BYTES / 1024 / 1024} MB are not articles.`);
  }
  return decodeText(fs.readFileSync(file), file);
}

export function decodeText(bytes: Uint8Array, source: string): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes.subarray(2));
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes.subarray(2));
  if (looksBinary(bytes)) throw new ImportError(source, 'it is not text (it looks like a binary file).');
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    return new TextDecoder('windows-1252').decode(bytes);
  }
}

// NUL bytes or many control characters in the first 8 KB mean binary, whatever the name says.
function looksBinary(bytes: Uint8Array): boolean {
  const sample = bytes.subarray(0, 8192);
  let control = 0;
  for (const b of sample) {
    if (b === 0) return true;
    if (b < 32 && b !== 9 && b !== 10 && b !== 13 && b !== 12) control++;
  }
  return sample.length > 0 && control / sample.length > 0.1;
}
