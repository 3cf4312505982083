import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { Library } from '../../electron/services/library/library.js';
import { corpusText } from '../helpers/corpus.js';
import { tempDir, tempLibraryPath } from '../helpers/temp-dir.js';

const BIN = path.resolve(import.meta.dirname, '../../bin/cardfile.js');
const FILES = 150;

/** A folder of distinct articles in two subfolders, and one file that is not text. */
function folderOfArticles(): string {
  const dir = tempDir('cardfile-folder-');
  const words = corpusText('ceasefire').split(/\s+/);
  for (let i = 0; i < FILES; i++) {
    const sub = path.join(dir, i % 2 === 0 ? 'aff' : 'neg');
    fs.mkdirSync(sub, { recursive: true });
    const text = `Article number ${i}\n\n${words.slice(i % 50, (i % 50) + 200).join(' ')} (copy ${i})`;
    fs.writeFileSync(path.join(sub, `article-${String(i).padStart(3, '0')}.txt`), text);
  }
  fs.writeFileSync(path.join(dir, 'neg', 'scan.txt'), Buffer.from([0, 1, 2, 0, 0, 9]));
  return dir;
}

/** Runs the import and SIGKILLs it once `lines` files have been reported on stdout. */
function importKilledAfter(library: string, folder: string, lines: number): Promise<string> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [BIN, '--library', library, 'import', folder], { env: { ...process.env, CARDFILE_LIBRARY: '' } });
    let stdout = '';
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString('utf8');
      if ((stdout.match(/^\[\d+\/\d+\] /gm) ?? []).length >= lines) child.kill('SIGKILL');
    });
    child.on('exit', () => resolve(stdout));
  });
}

const count = (text: string, pattern: RegExp) => (text.match(pattern) ?? []).length;

describe('cardfile import FOLDER (built, as a user runs it)', () => {
  it('is killed mid-way, then run again: skips what came in by content hash, imports the rest, reports the bad file', async () => {
    const folder = folderOfArticles();
    const library = tempLibraryPath();
    const killed = await importKilledAfter(library, folder, 20);
    const before = Library.open(library);
    const survived = before.info().articles;
    before.close();
    // Every file reported before the kill is in; the kill came before the end.
    expect(survived).toBeGreaterThanOrEqual(20);
    expect(survived).toBeLessThan(FILES);
    expect(killed).not.toMatch(/imported, \d+ duplicates?, \d+ failed/);

    const again = spawnSync(process.execPath, [BIN, '--library', library, 'import', folder], { encoding: 'utf8', env: { ...process.env, CARDFILE_LIBRARY: '' } });
    expect(again.status).toBe(1); // the one file that is not text
    expect(again.stderr).toContain(`Could not import ${path.join(folder, 'neg', 'scan.txt')}: it is not text`);
    expect(count(again.stdout, /is already in the library as article/g)).toBe(survived);
    expect(again.stdout).toContain(`${FILES - survived} imported, ${survived} duplicate${survived === 1 ? '' : 's'}, 1 failed`);
    // A progress line every 100 files: files, cards and time left.
    expect(again.stdout).toMatch(/^100 of 151 files, 0 cards(, about \d+ (s|min) left)?$/m);

    const after = Library.open(library);
    expect(after.info().articles).toBe(FILES);
    after.close();
  });
});
