import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { corpusPath } from '../helpers/corpus.js';
import { tempDir, tempLibraryPath } from '../helpers/temp-dir.js';

const BIN = path.resolve(import.meta.dirname, '../../bin/cardfile.js');

function cardfile(args: string[], env: Record<string, string> = {}) {
  const result = spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', env: { ...process.env, CARDFILE_LIBRARY: '', ...env } });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('the cardfile CLI (built, as a user runs it)', () => {
  it('imports text files and lists them, as lines and as JSON with ids', () => {
    const library = tempLibraryPath();
    const imported = cardfile(['--library', library, 'import', corpusPath('ceasefire'), corpusPath('article004')]);
    expect(imported.code).toBe(0);
    expect(imported.stdout).toContain('[2/2] imported');
    expect(imported.stdout).toMatch(/2 imported, 0 duplicates, 0 failed/);

    const lines = cardfile(['list', 'articles', '--library', library]);
    expect(lines.stdout.trim().split('\n').map((l) => l.split('\t')[1])).toEqual(
      expect.arrayContaining(['No Ceasefire in Syria Any More', 'Putin Shuts the Door on US “Last Try” for Cooperation in Syria']),
    );

    const json = JSON.parse(cardfile(['list', 'articles', '--json', '--library', library]).stdout) as { id: number; title: string; text: string }[];
    expect(json).toHaveLength(2);
    expect(json.every((a) => Number.isInteger(a.id) && a.text.length > 500)).toBe(true);
    expect(JSON.parse(cardfile(['list', 'cards', '--json', '--library', library]).stdout)).toEqual([]);
  });

  it('honours CARDFILE_LIBRARY', () => {
    const library = tempLibraryPath();
    expect(cardfile(['import', corpusPath('aleppo')], { CARDFILE_LIBRARY: library }).code).toBe(0);
    expect(cardfile(['list', 'articles'], { CARDFILE_LIBRARY: library }).stdout).toContain('Aleppo Violence');
  });

  it('reports a bad file on stderr, imports the rest and exits non-zero', () => {
    const dir = tempDir();
    const junk = path.join(dir, 'notes.txt');
    fs.writeFileSync(junk, Buffer.from([0x50, 0x4b, 0x03, 0x04, 0, 0, 0, 0, 0xff, 0xfe, 0, 1]));
    const library = path.join(dir, 'lib.cardfile');
    const result = cardfile(['--library', library, 'import', junk, corpusPath('ceasefire')]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(`Could not import ${junk}: it is not text`);
    expect(result.stdout).toContain('1 imported, 0 duplicates, 1 failed');
  });

  it.each([
    [['list'], 2, /list what\?/],
    [['list', 'tubs'], 2, /list what\?/],
    [['frobnicate'], 2, /unknown command frobnicate/],
    [['list', 'cards', '--colour'], 2, /unknown option --colour/],
    [['import'], 2, /import what\?/],
    // An option with no value is refused, not read as an empty one (an export then went to the current folder).
    [['export', '1', '--out'], 2, /--out needs a value/],
    [['search', 'Syria', '--limit'], 2, /--limit needs a value/],
  ])('%j exits %i with usage on stderr', (args, code, message) => {
    const result = cardfile(['--library', tempLibraryPath(), ...args]);
    expect(result.code).toBe(code);
    expect(result.stderr).toMatch(message);
    expect(result.stderr).toContain('Usage: cardfile');
  });

  it('refuses a library path that is not a library, leaving it untouched', () => {
    const file = path.join(tempDir(), 'essay.docx');
    fs.writeFileSync(file, 'not a database');
    const result = cardfile(['--library', file, 'list', 'cards']);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/is not a Cardfile library/);
    expect(fs.readFileSync(file, 'utf8')).toBe('not a database');
  });

  it('prints help', () => {
    const result = cardfile(['--help']);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('list articles|cards|briefs');
  });
});

describe('cardfile start-up (DESIGN: list and search under 150 ms beyond Node)', () => {
  // A module hook names every package the CLI loads; the heavy ones load only in the commands that use them.
  const resolveHook = `export async function resolve(specifier, context, next) {
    const resolved = await next(specifier, context);
    const [, inside] = resolved.url.split('/node_modules/');
    if (inside) console.error('package ' + inside.split('/').slice(0, inside.startsWith('@') ? 2 : 1).join('/'));
    return resolved;
  }`;
  const hook = `data:text/javascript,${encodeURIComponent(`import { register } from 'node:module'; register(${JSON.stringify(`data:text/javascript,${encodeURIComponent(resolveHook)}`)});`)}`;
  it.each([['list', 'articles'], ['search', 'syria']])('%s %s loads no schema checker, importer, exporter or browser driver', (...command) => {
    const result = spawnSync(process.execPath, ['--import', hook, BIN, '--library', tempLibraryPath(), ...command], { encoding: 'utf8', env: { ...process.env, CARDFILE_LIBRARY: '' } });
    expect(result.status).toBe(0);
    const packages = new Set(result.stderr.split('\n').filter((l) => l.startsWith('package ')).map((l) => l.slice('package '.length)));
    expect(packages).toContain('better-sqlite3');
    for (const heavy of ['zod', 'jsdom', 'pdfjs-dist', 'docx', 'mammoth', 'playwright-core', 'fflate', 'fast-xml-parser', '@mozilla/readability', 'dompurify']) expect(packages).not.toContain(heavy);
  });
});
