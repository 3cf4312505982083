// Which code may import what (VS Code's common/browser/node split): the renderer is a web page,
// services are plain Node, shared/ runs in both. A wrong import would put Node or Electron
// where a hostile page could reach it, or make the services untestable.
import fs from 'node:fs';
import { builtinModules } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const NODE_BUILTINS = new Set(builtinModules.flatMap((m) => [m, `node:${m}`]));

function sources(dir: string): string[] {
  return fs.readdirSync(path.join(ROOT, dir), { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && /\.(ts|tsx|cts|mts|js|mjs)$/.test(e.name))
    .map((e) => path.relative(ROOT, path.join(e.parentPath, e.name)));
}

/** Every module specifier a file imports, re-exports or loads dynamically. */
function importsOf(file: string): string[] {
  const text = fs.readFileSync(path.join(ROOT, file), 'utf8').replace(/\/\*[\s\S]*?\*\//g, '').replace(/^\s*\/\/.*$/gm, '');
  const found = text.matchAll(/(?:^|[\s;])(?:import|export)\s[^'"`;]*?from\s*['"]([^'"]+)['"]|(?:^|[\s;])import\s*['"]([^'"]+)['"]|\bimport\(\s*['"]([^'"]+)['"]\s*\)|\brequire\(\s*['"]([^'"]+)['"]\s*\)/gm);
  return [...found].map((m) => m[1] ?? m[2] ?? m[3] ?? m[4]!);
}

function violations(dir: string, forbidden: (specifier: string, resolved: string) => boolean): string[] {
  return sources(dir).flatMap((file) =>
    importsOf(file)
      .filter((spec) => forbidden(spec, spec.startsWith('.') ? path.relative(ROOT, path.resolve(ROOT, path.dirname(file), spec)) : spec))
      .map((spec) => `${file} imports ${spec}`),
  );
}

describe('import boundaries', () => {
  it('sees the imports it checks', () => {
    expect(importsOf('electron/main.ts')).toEqual(expect.arrayContaining(['electron', 'node:path', './window-options.js']));
    expect(sources('renderer/src').length).toBeGreaterThan(3);
  });

  it('the renderer imports no Node module, nothing from electron/, and not Electron', () => {
    expect(violations('renderer/src', (spec, resolved) =>
      NODE_BUILTINS.has(spec) || spec === 'electron' || resolved.startsWith(`electron${path.sep}`) || resolved === 'electron' || ['better-sqlite3', 'jsdom'].includes(spec),
    )).toEqual([]);
  });

  it('services never import Electron (only the shell: main.ts, ipc.ts, the preload, window options, the printer)', () => {
    expect(violations('electron/services', (spec) => spec === 'electron' || spec.startsWith('electron/'))).toEqual([]);
    const electronUsers = sources('electron').filter((f) => importsOf(f).includes('electron'));
    expect(electronUsers).toContain('electron/main.ts');
    expect(electronUsers.filter((f) => !/^electron\/(main\.ts|ipc\.ts|preload\.cts|window-options\.ts|electron-printer\.ts)$/.test(f))).toEqual([]);
  });

  it('shared/ imports no Node, DOM-only or app-layer modules', () => {
    expect(violations('shared', (spec, resolved) =>
      NODE_BUILTINS.has(spec) || ['electron', 'better-sqlite3', 'jsdom', 'react', 'react-dom', 'dompurify', 'prosemirror-view'].includes(spec)
        || resolved.startsWith(`electron${path.sep}`) || resolved.startsWith(`renderer${path.sep}`),
    )).toEqual([]);
  });
});
