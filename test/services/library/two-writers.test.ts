// The desktop app (or browser mode) and the CLI share one library: every write is an IMMEDIATE
// transaction that waits out the other process's, never "database is locked".
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createHandlers } from '../../../electron/services/api-handlers.js';
import { Library } from '../../../electron/services/library/library.js';
import { startServer } from '../../../electron/server.js';
import { bodyFromParagraphs } from '../../../shared/schema.js';
import { httpApi } from '../../helpers/e2e.js';
import { tempDir, tempLibraryPath } from '../../helpers/temp-dir.js';

const BIN = path.resolve(import.meta.dirname, '../../../bin/cardfile.js');
const FILES = 50;
const WRITES = 1000;
const CARDS = 20;

function runCli(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [BIN, ...args], { env: { ...process.env, CARDFILE_LIBRARY: '' } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

describe('two writers on one library', () => {
  it(`the CLI imports ${FILES} files while the server takes ${WRITES} writes: no failure, no lost write`, async () => {
    const file = tempLibraryPath();
    const library = Library.open(file);
    const ids = Array.from({ length: CARDS }, (_v, i) => library.cards.insert({
      tag: `card ${i}`, label: null, shortCite: 'Ace 21', fullCite: 'Mehmet Ace, 2021', body: bodyFromParagraphs([`Body ${i}.`]), articleId: null, passage: null,
    }).id);
    const server = await startServer({ handlers: createHandlers(library) });
    const api = httpApi(server.url, server.token);
    const folder = tempDir();
    for (let i = 0; i < FILES; i++) {
      fs.writeFileSync(path.join(folder, `article-${i}.txt`), `Article ${i}\n\n${`Sentence ${i} about the Syria truce and its monitors. `.repeat(200)}`);
    }

    const cli = runCli(['--library', file, 'import', folder]);
    const expected = new Map<number, string>();
    const failures: string[] = [];
    for (let n = 0; n < WRITES; n++) {
      const id = ids[n % CARDS]!;
      try {
        await api.updateCard({ id, patch: { tag: `write ${n}` } });
        expected.set(id, `write ${n}`);
      } catch (err) {
        failures.push(`write ${n}: ${(err as Error).message}`);
      }
    }
    const imported = await cli;
    await server.close();

    expect(failures).toEqual([]);
    expect(imported.stderr).toBe('');
    expect(imported.stdout).toContain(`${FILES} imported, 0 duplicates, 0 failed`);
    expect(imported.code).toBe(0);
    library.close();
    const reopened = Library.open(file);
    expect(reopened.articles.count()).toBe(FILES);
    for (const [id, tag] of expected) expect(reopened.cards.get(id).tag).toBe(tag);
    reopened.close();
  }, 300_000);
});
