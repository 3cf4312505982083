import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The shared corpus of real articles and one real block, used unchanged as fixtures. */
export const CORPUS_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../fixtures/corpus');

export const CORPUS = {
  ceasefire: '000_eaedbb2f6afe2970.txt',
  article001: '001_a903bf9e808dbead.txt',
  aleppo: '002_bac24e9c7e26cc71.txt',
  block: '003_4af0e30fa96705c8.txt',
  article004: '004_d354f35dba9a0d15.txt',
} as const;

export function corpusPath(name: keyof typeof CORPUS): string {
  return path.join(CORPUS_DIR, CORPUS[name]);
}

export function corpusText(name: keyof typeof CORPUS): string {
  return fs.readFileSync(corpusPath(name), 'utf8');
}
