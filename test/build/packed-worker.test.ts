// The import worker as the installed app has it: the files electron-builder ships (build.files)
// packed into app.asar with @electron/asar, unpacked again, and run. A module the worker needs
// that the file patterns leave out fails here, not on a debater's laptop. (Electron reads the
// archive in place; plain Node cannot, so the archive is extracted, byte for byte.)
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import asar from '@electron/asar';
import { afterAll, expect, it } from 'vitest';
import { ROOT, ships } from '../helpers/builder-files.js';

const work = fs.mkdtempSync(path.join(os.tmpdir(), 'cardfile-asar-'));
afterAll(() => fs.rmSync(work, { recursive: true, force: true }));

function shippedFiles(dir: string): string[] {
  return fs.readdirSync(path.join(ROOT, dir), { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(ROOT, path.join(entry.parentPath, entry.name)).split(path.sep).join('/'))
    .filter(ships);
}

it('packs the worker with everything it imports, and the packed worker imports a file', async () => {
  const staging = path.join(work, 'app');
  const files = ['package.json', ...shippedFiles('dist')];
  for (const file of files) {
    fs.mkdirSync(path.dirname(path.join(staging, file)), { recursive: true });
    fs.copyFileSync(path.join(ROOT, file), path.join(staging, file));
  }
  const archive = path.join(work, 'app.asar');
  await asar.createPackage(staging, archive);
  const listed = asar.listPackage(archive, { isPack: false }).map((f) => f.split(path.sep).join('/'));
  expect(listed).toContain('/dist/electron/electron/services/jobs/job-worker.js');
  expect(listed.some((f) => f.endsWith('.map'))).toBe(false);

  const installed = path.join(work, 'installed');
  asar.extractAll(archive, installed);
  fs.symlinkSync(path.join(ROOT, 'node_modules'), path.join(installed, 'node_modules'), 'dir');
  const runner = pathToFileURL(path.join(installed, 'dist/electron/electron/services/jobs/job-runner.js')).href;
  const script = `
    import { JobRunner } from ${JSON.stringify(runner)};
    const jobs = new JobRunner(${JSON.stringify(path.join(work, 'library.cardfile'))}, { printPdf: async () => new Uint8Array() });
    const started = jobs.startImport({ files: [{ name: 'note.txt', bytes: Buffer.from('Ceasefire collapses\\n\\nThe ceasefire in Syria collapsed on Monday.') }] });
    const { status } = await jobs.finished(started.id);
    console.log(status.state, status.outcomes.map((o) => o.status + (o.error ? ': ' + o.error : '')).join());`;
  const result = spawnSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8', timeout: 60_000, cwd: installed });
  expect(result.stderr).toBe('');
  expect(result.stdout.trim()).toBe('done imported');
});

it('packs the card parts threads (bulk writes), and the packed pool derives a card', () => {
  const installed = path.join(work, 'installed');
  const dist = (file: string) => JSON.stringify(pathToFileURL(path.join(installed, 'dist/electron/electron/services/library', file)).href);
  const script = `
    import { CardPartsPool } from ${dist('card-parts-pool.js')};
    import { cardParts, nodeOfFields } from ${dist('card-content.js')};
    const node = nodeOfFields({ tag: 'Ceasefire collapses', shortCite: 'Ace 21', fullCite: 'Ace 21, The Hill', body: { type: 'body', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'It collapsed.' }] }] } });
    const pool = new CardPartsPool(1);
    const [parts] = await pool.parts([node]);
    await pool.close();
    console.log(parts.contentHash === cardParts(node).contentHash);`;
  const result = spawnSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8', timeout: 60_000, cwd: installed });
  expect(result.stderr).toBe('');
  expect(result.stdout.trim()).toBe('true');
});
