// PDF export after `npm ci --omit=dev`: the built app is run with only the packages the
// lockfile installs for production (the rest of node_modules is out of reach), so nothing it
// loads may be a devDependency, and the browser comes from the computer (CARDFILE_CHROMIUM here).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import os from 'node:os';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { corpusPath } from '../helpers/corpus.js';

const ROOT = path.resolve(import.meta.dirname, '../..');

interface LockPackage { dev?: boolean }

/** An app folder as `npm ci --omit=dev` leaves it: the build, bin, package.json, and a node_modules of production packages only. */
function productionInstall(): string {
  // Kept for the whole describe (temp-dir.ts's folders go after each test).
  const app = fs.mkdtempSync(path.join(os.tmpdir(), 'cardfile-prod-'));
  const lock = JSON.parse(fs.readFileSync(path.join(ROOT, 'package-lock.json'), 'utf8')) as { packages: Record<string, LockPackage> };
  for (const [where, pkg] of Object.entries(lock.packages)) {
    // Top-level packages only: nested ones live inside their parent's folder.
    if (!where.startsWith('node_modules/') || where.lastIndexOf('node_modules/') !== 0 || pkg.dev) continue;
    const source = path.join(ROOT, where);
    if (!fs.existsSync(source)) continue; // an optional package for another platform
    fs.mkdirSync(path.dirname(path.join(app, where)), { recursive: true });
    fs.symlinkSync(source, path.join(app, where), 'dir');
  }
  fs.cpSync(path.join(ROOT, 'dist', 'electron'), path.join(app, 'dist', 'electron'), { recursive: true });
  fs.cpSync(path.join(ROOT, 'bin'), path.join(app, 'bin'), { recursive: true });
  fs.copyFileSync(path.join(ROOT, 'package.json'), path.join(app, 'package.json'));
  return app;
}

describe('the CLI after a production-only install', () => {
  let app = '';
  let library = '';
  const cardfile = (args: string[], env: Record<string, string> = {}) => {
    const result = spawnSync(process.execPath, [path.join(app, 'bin', 'cardfile.js'), '--library', library, ...args], { encoding: 'utf8', cwd: app, env: { ...process.env, CARDFILE_LIBRARY: '', ...env } });
    return { code: result.status, stdout: result.stdout, stderr: result.stderr };
  };

  beforeAll(() => {
    app = productionInstall();
    library = path.join(app, 'library.cardfile');
    // A dev-only package must be out of reach, or this test proves nothing.
    expect(fs.existsSync(path.join(app, 'node_modules', 'vitest'))).toBe(false);
    expect(cardfile(['import', corpusPath('block')]).code).toBe(0);
  });
  afterAll(() => fs.rmSync(app, { recursive: true, force: true }));

  it('exports a brief to PDF with the browser CARDFILE_CHROMIUM names', () => {
    const out = path.join(app, 'block.pdf');
    const run = cardfile(['export', '1', '--format', 'pdf', '--out', out], { CARDFILE_CHROMIUM: '/usr/bin/chromium' });
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const text = spawnSync('pdftotext', ['-layout', out, '-'], { encoding: 'utf8' }).stdout;
    expect(text).toContain('Russian mediation in Syria fails');
  });

  it('says clearly what to do when the browser is not there, and writes nothing', () => {
    const out = path.join(app, 'none.pdf');
    const run = cardfile(['export', '1', '--format', 'pdf', '--out', out], { CARDFILE_CHROMIUM: path.join(app, 'no-such-browser') });
    expect(run.code).not.toBe(0);
    expect(run.stderr).toContain('CARDFILE_CHROMIUM is set to');
    expect(run.stderr).toContain("Point it at Chrome, Chromium or Edge's program file");
    expect(fs.existsSync(out)).toBe(false);
  });

  it('exports .docx and HTML without any browser', () => {
    const out = path.join(app, 'block.docx');
    expect(cardfile(['export', '1', '--out', out], { CARDFILE_CHROMIUM: path.join(app, 'no-such-browser') }).code).toBe(0);
    expect(fs.readFileSync(out).subarray(0, 2).toString()).toBe('PK');
  });
});
