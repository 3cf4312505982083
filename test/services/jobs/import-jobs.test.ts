import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { createHandlers } from '../../../electron/services/api-handlers.js';
import { dispatch } from '../../../electron/services/dispatch.js';
import { ImportQueue, itemsOfPath, runImport } from '../../../electron/services/jobs/import-job.js';
import { JobRunner } from '../../../electron/services/jobs/job-runner.js';
import { Library } from '../../../electron/services/library/library.js';
import { startServer } from '../../../electron/server.js';
import { apiClient, httpApiClient, type Api } from '../../../shared/api.js';
import type { JobStatus } from '../../../shared/jobs.js';
import { CORPUS, corpusPath } from '../../helpers/corpus.js';
import { tempDir, tempLibraryPath } from '../../helpers/temp-dir.js';
import { bigBriefDocx } from './big-brief.js';

/** A folder as a debater's tub holds one: articles, a block of cards, a Verbatim brief in a subfolder, one broken file. */
async function tubFolder(): Promise<string> {
  const dir = tempDir('cardfile-tub-');
  for (const [key, name] of Object.entries(CORPUS)) fs.copyFileSync(corpusPath(key as keyof typeof CORPUS), path.join(dir, name));
  fs.mkdirSync(path.join(dir, 'briefs'));
  fs.writeFileSync(path.join(dir, 'briefs', 'big.docx'), await bigBriefDocx(40));
  fs.writeFileSync(path.join(dir, 'broken.docx'), Buffer.from('PK\u0003\u0004 this is not a zip at all'));
  fs.writeFileSync(path.join(dir, 'notes.xlsx'), 'not importable, so not listed');
  return dir;
}

function openApi(): { api: Api; library: Library; jobs: JobRunner } {
  const library = Library.open(tempLibraryPath());
  const jobs = new JobRunner(library.path, { printPdf: () => Promise.reject(new Error('no PDFs here')) });
  const handlers = createHandlers(library, { jobs });
  return { api: apiClient((method, input) => dispatch(handlers, method, input)), library, jobs };
}

async function settle(api: Api, id: string): Promise<JobStatus> {
  for (;;) {
    const status = await api.jobStatus({ id });
    if (status.state !== 'running') return status;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe('a folder import job (worker thread, through the Api)', () => {
  it('imports every file of a folder, reports the bad one and continues, with files and cards counted', async () => {
    // A folder by its path is the CLI's way in (the Api takes no paths); progress is read through the Api.
    const { api, library, jobs } = openApi();
    const folder = await tubFolder();
    const started = jobs.startImport({ paths: [folder] });
    expect(started).toMatchObject({ kind: 'import', state: 'running' });
    const done = await settle(api, started.id);
    expect(done.state).toBe('done');
    expect(done.progress).toMatchObject({ filesDone: 7, filesTotal: 7, current: null });
    expect(done.progress.bytesDone).toBe(done.progress.bytesTotal);
    // Sorted by path, subfolders included; the .xlsx is not an importable file.
    expect(done.outcomes.map((o) => path.relative(folder, o.source))).toEqual([
      '000_eaedbb2f6afe2970.txt', '001_a903bf9e808dbead.txt', '002_bac24e9c7e26cc71.txt', '003_4af0e30fa96705c8.txt',
      '004_d354f35dba9a0d15.txt', 'briefs/big.docx', 'broken.docx',
    ]);
    expect(done.outcomes.map((o) => o.status)).toEqual(['imported', 'imported', 'imported', 'imported', 'imported', 'imported', 'failed']);
    expect(done.outcomes[6]).toMatchObject({ error: expect.stringContaining(path.join(folder, 'broken.docx')) });
    const cards = done.outcomes.reduce((n, o) => n + (o.status === 'imported' ? (o.cards ?? 0) : 0), 0);
    expect(done.progress.cardsDone).toBe(cards);
    expect(cards).toBeGreaterThan(40); // the brief's 40 and the block's
    expect(library.info()).toMatchObject({ articles: 4, briefs: 2 });

    // Outcomes page: a poller asks only for those it has not seen.
    expect((await api.jobStatus({ id: started.id, outcomesFrom: 5 })).outcomes.map((o) => o.status)).toEqual(['imported', 'failed']);
    expect((await api.listJobs({})).map((j) => [j.id, j.outcomes.length])).toEqual([[started.id, 0]]);

    // The same folder again: every good file is skipped by its content hash, without parsing.
    const again = await settle(api, jobs.startImport({ paths: [folder] }).id);
    expect(again.outcomes.map((o) => o.status)).toEqual(['duplicate', 'duplicate', 'duplicate', 'duplicate', 'duplicate', 'duplicate', 'failed']);
    expect(library.info()).toMatchObject({ articles: 4, briefs: 2 });
    library.close();
  });

  it('takes a dropped folder in batches of bytes, and cancel stops it with what came in kept', async () => {
    const { api, library } = openApi();
    const text = (n: number) => Buffer.from(`Article ${n}\n\nThe ${n}th paragraph of evidence about the ceasefire in Syria.`).toString('base64');
    const started = await api.startImport({ files: [{ name: 'a1.txt', dataBase64: text(1) }], more: true, expectedFiles: 5 });
    expect(started.progress.filesTotal).toBe(5);
    await api.addImportFiles({ id: started.id, files: [{ name: 'a2.txt', dataBase64: text(2) }], more: true });
    // The worker starts with the first job (seconds from the TypeScript sources).
    await expect.poll(async () => (await api.jobStatus({ id: started.id })).progress.filesDone, { timeout: 30_000 }).toBe(2);
    // The job waits for the rest; cancel ends it.
    expect((await api.jobStatus({ id: started.id })).state).toBe('running');
    await api.cancelJob({ id: started.id });
    const cancelled = await settle(api, started.id);
    expect(cancelled.state).toBe('cancelled');
    expect(cancelled.outcomes.map((o) => o.status)).toEqual(['imported', 'imported']);
    expect(library.info().articles).toBe(2);
    // A finished job takes no more files.
    expect((await api.addImportFiles({ id: started.id, files: [{ name: 'a3.txt', dataBase64: text(3) }], more: false })).state).toBe('cancelled');
    expect(library.info().articles).toBe(2);
    await expect(api.jobStatus({ id: '00000000-0000-4000-8000-000000000000' })).rejects.toThrow(/No job/);
    library.close();
  });

  it('answers other calls while a large brief imports in browser mode, and the one-shot importData still gives its outcome', async () => {
    const library = Library.open(tempLibraryPath());
    const server = await startServer({ handlers: createHandlers(library) });
    const api = httpApiClient(server.url, server.token);
    const dataBase64 = Buffer.from(await bigBriefDocx(600)).toString('base64');
    const order: string[] = [];
    const importing = api.importData({ name: 'big.docx', dataBase64 }).then((outcome) => { order.push('import'); return outcome; });
    // Ask once the worker is reading the file.
    await expect.poll(async () => (await api.listJobs({}))[0]?.progress.current, { timeout: 30_000, interval: 5 }).toBe('big.docx');
    const info = await api.libraryInfo({});
    order.push('libraryInfo');
    expect(info.briefs).toBe(0); // asked while the brief was still being read
    expect(await importing).toMatchObject({ status: 'imported', kind: 'brief', title: 'big', cards: 600 });
    expect(order).toEqual(['libraryInfo', 'import']);
    expect(library.info().briefs).toBe(1);
    await server.close();
    library.close();
  });

  it('exports through the worker and names a missing brief as the store does', async () => {
    const { api, library } = openApi();
    const brief = await api.createBrief({ title: 'AT: Russia', doc: { type: 'doc', content: [{ type: 'block', content: [{ type: 'text', text: 'Answers to: Russia' }] }] } });
    const file = await api.exportBrief({ id: brief.id, format: 'html' });
    expect(file.name).toBe('AT- Russia.html');
    expect(Buffer.from(file.dataBase64, 'base64').toString('utf8')).toContain('Answers to: Russia');
    await expect(api.exportBrief({ id: 999, format: 'docx' })).rejects.toThrow('No brief with id 999 in this library.');
    library.close();
  });
});

describe('resume after the import died mid-way (the job code, in process)', () => {
  it('skips the files that came in before, imports the rest, and a deleted item imports again', async () => {
    const folder = await tubFolder();
    const file = tempLibraryPath();
    let library = Library.open(file);
    const stop = new AbortController();
    const first = await runImport(library, new ImportQueue(itemsOfPath(folder)), {
      signal: stop.signal,
      onProgress: (progress, outcome) => { if (outcome && progress.filesDone === 3) stop.abort(); },
    });
    expect(first.map((o) => o.status)).toEqual(['imported', 'imported', 'imported']);
    library.close();

    library = Library.open(file);
    const progress: number[] = [];
    const second = await runImport(library, new ImportQueue(itemsOfPath(folder)), { onProgress: (p, outcome) => { if (outcome) progress.push(p.filesDone); } });
    expect(second.map((o) => o.status)).toEqual(['duplicate', 'duplicate', 'duplicate', 'imported', 'imported', 'imported', 'failed']);
    expect(second.slice(0, 3).map((o) => o.status === 'duplicate' && o.id)).toEqual(first.map((o) => o.status === 'imported' && o.id));
    expect(progress).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(library.info()).toMatchObject({ articles: 4, briefs: 2 });

    const brief = second[5]!;
    if (brief.status !== 'imported') throw new Error('the brief did not import');
    library.briefs.delete(brief.id);
    const third = await runImport(library, new ImportQueue(itemsOfPath(path.join(folder, 'briefs'))));
    expect(third).toEqual([expect.objectContaining({ status: 'imported', kind: 'brief', cards: 40 })]);
    library.close();
  });
});

describe('the worker and the process it runs in (built)', () => {
  it('keeps a script alive while it awaits a job, and lets it exit once the job is done', () => {
    const runner = pathToFileURL(path.resolve(import.meta.dirname, '../../../dist/electron/electron/services/jobs/job-runner.js')).href;
    const library = tempLibraryPath();
    const script = `
      import { JobRunner } from ${JSON.stringify(runner)};
      const jobs = new JobRunner(${JSON.stringify(library)}, { printPdf: async () => new Uint8Array() });
      const started = jobs.startImport({ files: [{ name: 'note.txt', bytes: Buffer.from('A note\\n\\nOn the ceasefire.') }] });
      const { status } = await jobs.finished(started.id);
      console.log(status.state, status.outcomes[0].status);`;
    const result = spawnSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8', timeout: 60_000 });
    expect(result.stderr).toBe('');
    expect(result.stdout.trim()).toBe('done imported');
    // Exited by itself (a timeout would have killed it with a signal).
    expect(result).toMatchObject({ status: 0, signal: null });
  });
});
