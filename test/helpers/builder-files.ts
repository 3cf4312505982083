// Which files electron-builder packs into the app, by package.json's "build.files".
import fs from 'node:fs';
import path from 'node:path';

export const ROOT = path.resolve(import.meta.dirname, '../..');

interface BuildConfig { files: string[]; asarUnpack: string[] }

export const buildConfig = (JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { build: BuildConfig }).build;

/** electron-builder's rule: a file ships when a pattern includes it and no later "!" pattern excludes it. */
export function ships(file: string): boolean {
  let included = false;
  for (const pattern of buildConfig.files) {
    if (pattern.startsWith('!')) { if (path.matchesGlob(file, pattern.slice(1))) included = false; }
    else if (path.matchesGlob(file, pattern)) included = true;
  }
  return included;
}
