// The electron-builder configuration (package.json "build"), checked with electron-builder's own
// loader and schema, plus what the schema cannot know: targets, files, icons, the native module.
// Installers themselves need the Electron binary, which cannot be downloaded here.
import { getConfig, validateConfiguration } from 'app-builder-lib/out/util/config/config.js';
import { DebugLogger } from 'builder-util/out/DebugLogger.js';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ships } from '../helpers/builder-files.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as {
  main: string; scripts: Record<string, string>; dependencies: Record<string, string>; devDependencies: Record<string, string>;
  build: { files: string[]; asarUnpack: string[]; [key: string]: unknown };
};

type Targets = (string | { target: string })[];
const targetNames = (targets: Targets) => targets.map((t) => (typeof t === 'string' ? t : t.target));

function pngSize(buffer: Buffer): { width: number; height: number } {
  expect(buffer.subarray(0, 8).toString('latin1')).toBe('\x89PNG\r\n\x1a\n');
  return { width: buffer.readUInt32BE(16), height: buffer.readUInt32BE(20) };
}

describe('installer configuration', () => {
  it('passes electron-builder’s own loading and schema validation', async () => {
    const config = await getConfig(ROOT, null, null);
    await expect(validateConfiguration(config, new DebugLogger(false))).resolves.toBeUndefined();
    // The validator is live: a misspelt option is refused.
    await expect(validateConfiguration({ ...config, nsis: { oneclick: false } } as typeof config, new DebugLogger(false))).rejects.toThrow(/Invalid configuration object/);
    expect(config).toMatchObject({ appId: 'app.cardfile.desktop', productName: 'Cardfile', directories: { buildResources: 'build', output: 'release' } });
  });

  it('builds NSIS for Windows, dmg for macOS, AppImage and deb for Linux', () => {
    const b = pkg.build as Record<string, { target: Targets }>;
    expect(targetNames(b.win!.target)).toEqual(['nsis']);
    expect(targetNames(b.mac!.target)).toEqual(['dmg']);
    expect(targetNames(b.linux!.target).sort()).toEqual(['AppImage', 'deb']);
    expect(pkg.scripts.dist).toBe('npm run build && electron-builder');
  });

  it.each([
    [pkg.main, true],
    ['dist/electron/electron/preload.cjs', true],
    ['dist/electron/electron/services/library/library.js', true],
    ['dist/electron/shared/api.js', true],
    ['dist/renderer/index.html', true],
    ['dist/renderer/assets/index-abc123.js', true],
    ['package.json', true],
    ['dist/electron/electron/main.js.map', false],
    ['dist/electron/bench/run.js', false],
    ['test/security/api-validation.test.ts', false],
    ['test/helpers/crash-writer.mjs', false],
    ['electron/main.ts', false],
    ['renderer/src/App.tsx', false],
    ['build/icon.svg', false],
    ['bin/cardfile.js', false],
  ])('ships %s: %s', (file, expected) => {
    expect(ships(file)).toBe(expected);
  });

  it('has real icons for every platform in build/', () => {
    const png = fs.readFileSync(path.join(ROOT, 'build/icon.png'));
    expect(pngSize(png)).toEqual({ width: 512, height: 512 });
    for (const name of fs.readdirSync(path.join(ROOT, 'build/icons'))) {
      const [w, h] = name.replace('.png', '').split('x').map(Number);
      expect(pngSize(fs.readFileSync(path.join(ROOT, 'build/icons', name))), name).toEqual({ width: w, height: h });
    }
    expect((pkg.build.linux as { icon: string }).icon).toBe('build/icons');

    // .ico: a directory of PNG images, one of them 256 px (stored as 0).
    const ico = fs.readFileSync(path.join(ROOT, (pkg.build.win as { icon: string }).icon));
    expect(ico.readUInt16LE(2)).toBe(1);
    const entries = Array.from({ length: ico.readUInt16LE(4) }, (_, i) => ({
      size: ico.readUInt8(6 + 16 * i) || 256, bytes: ico.readUInt32LE(6 + 16 * i + 8), offset: ico.readUInt32LE(6 + 16 * i + 12),
    }));
    expect(entries.map((e) => e.size)).toEqual(expect.arrayContaining([16, 32, 48, 256]));
    for (const e of entries) expect(pngSize(ico.subarray(e.offset, e.offset + e.bytes))).toEqual({ width: e.size, height: e.size });

    // .icns: 'icns', total length, then typed elements each holding a PNG.
    const icns = fs.readFileSync(path.join(ROOT, (pkg.build.mac as { icon: string }).icon));
    expect(icns.subarray(0, 4).toString('latin1')).toBe('icns');
    expect(icns.readUInt32BE(4)).toBe(icns.length);
    const types: string[] = [];
    for (let at = 8; at < icns.length; at += icns.readUInt32BE(at + 4)) {
      types.push(icns.subarray(at, at + 4).toString('latin1'));
      pngSize(icns.subarray(at + 8, at + icns.readUInt32BE(at + 4)));
    }
    expect(types).toEqual(expect.arrayContaining(['ic07', 'ic08', 'ic09', 'ic10']));
  });

  it('rebuilds better-sqlite3 for Electron and keeps its .node file outside the asar', () => {
    // electron-builder rebuilds native production dependencies against Electron's ABI (npmRebuild);
    // Electron itself must stay a dev dependency or it would be packed into the app.
    expect(pkg.build).toMatchObject({ npmRebuild: true, buildDependenciesFromSource: false });
    expect(pkg.dependencies['better-sqlite3']).toBeDefined();
    expect(pkg.devDependencies.electron).toBeDefined();
    expect(pkg.dependencies.electron).toBeUndefined();
    expect(fs.existsSync(path.join(ROOT, 'node_modules/better-sqlite3/binding.gyp'))).toBe(true);
    const native = 'node_modules/better-sqlite3/build/Release/better_sqlite3.node';
    expect(fs.existsSync(path.join(ROOT, native))).toBe(true);
    expect(pkg.build.asarUnpack.some((pattern) => path.matchesGlob(native, pattern))).toBe(true);
  });

  it('ships as production dependencies only the packages the shipped code imports', () => {
    // A dependency only the tests or the bench use would be packed into every installer.
    const imported = new Set<string>();
    const walk = (dir: string): void => {
      for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
        const file = path.join(dir, entry.name);
        if (entry.isDirectory()) walk(file);
        else if (/\.tsx?$/.test(entry.name)) {
          for (const m of fs.readFileSync(file, 'utf8').matchAll(/(?:from |import\()['"]((?:@[^/'"]+\/)?[^/'".][^/'"]*)/g)) imported.add(m[1]!);
        }
      }
    };
    for (const dir of ['electron', 'shared', 'renderer']) walk(path.join(ROOT, dir));
    expect(Object.keys(pkg.dependencies).filter((name) => !imported.has(name))).toEqual([]);
  });
});
