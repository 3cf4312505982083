// A big import in another process (the CLI) and the app's autosave share one library. The import
// commits its brief in pieces, so an autosave waits for one piece, not the whole file; while it
// waits the Api answers other calls (better-sqlite3's busy timeout would block the thread), and
// a run killed mid-file leaves nothing that a second run takes for done.
// Runs the BUILT CLI (bin/cardfile.js): `npm run build:node` must have run.
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { createHandlers } from '../../../electron/services/api-handlers.js';
import { CARDS_PER_COMMIT } from '../../../electron/services/importers/import-into-library.js';
import { Library } from '../../../electron/services/library/library.js';
import { startServer } from '../../../electron/server.js';
import type { DocJSON } from '../../../shared/model.js';
import { card } from '../briefs/sample-brief.js';
import { bigBriefDocx } from '../jobs/big-brief.js';
import { httpApi } from '../../helpers/e2e.js';
import { tempDir, tempLibraryPath } from '../../helpers/temp-dir.js';

const BIN = path.resolve(import.meta.dirname, '../../../bin/cardfile.js');

function cliImport(library: string, file: string): { child: ChildProcess; done: Promise<{ code: number | null; stdout: string; stderr: string }> } {
  const child = spawn(process.execPath, [BIN, '--library', library, 'import', file], { env: { ...process.env, CARDFILE_LIBRARY: '' } });
  let stdout = '';
  let stderr = '';
  child.stdout!.on('data', (d: Buffer) => (stdout += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
  const done = new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) => child.on('close', (code) => resolve({ code, stdout, stderr })));
  return { child, done };
}

/** What another reader sees of the imported brief: its cards so far, and whether it is finished. */
function watcher(file: string) {
  const db = new Database(file, { readonly: true });
  const read = db.prepare<[], { cards: number; import_hash: string }>(`
    SELECT (SELECT count(*) FROM cards c WHERE c.brief_id = b.id) AS cards, b.import_hash FROM briefs b WHERE b.import_hash IS NOT NULL`);
  return { briefs: () => read.all(), close: () => db.close() };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('writes beside a big import', () => {
  it('autosaves during a 20,000-card CLI import succeed, and other calls answer while a save waits', async () => {
    const folder = tempDir();
    const docx = path.join(folder, 'huge.docx');
    fs.writeFileSync(docx, await bigBriefDocx(20_000));
    const file = tempLibraryPath();
    const library = Library.open(file);
    const brief = library.briefs.insert({ title: 'Russia', kind: 'brief', doc: { type: 'doc', content: [card('Tag 0')] } });
    const server = await startServer({ handlers: createHandlers(library) });
    const api = httpApi(server.address);
    const seen = watcher(file);

    const cli = cliImport(file, docx);
    let importing = true;
    void cli.done.then(() => { importing = false; });
    // From the first piece on, the CLI holds the write lock most of the time.
    while (importing && seen.briefs().length === 0) await sleep(20);
    expect(seen.briefs()[0]?.cards).toBeLessThan(20_000);

    let revision = brief.updatedAt;
    let saves = 0;
    let answeredWhileSaving = 0;
    const failures: string[] = [];
    while (importing) {
      let saving = true;
      const save = api.editBrief({ id: brief.id, revision, from: 0, to: 1, nodes: [card(`Tag ${saves + 1}`)] }).finally(() => { saving = false; });
      // Asked once the save is under way: answered first only if the save's wait left the thread free.
      await sleep(50);
      if (saving) {
        await api.listBriefs({});
        if (saving) answeredWhileSaving++;
      }
      try {
        const result = await save;
        if (!result.applied) throw new Error('the save was not applied');
        revision = result.brief.updatedAt;
        saves++;
      } catch (err) {
        failures.push((err as Error).message);
      }
    }
    const imported = await cli.done;
    seen.close();
    await server.close();

    expect(failures).toEqual([]);
    expect(imported.stderr).toBe('');
    expect(imported.stdout).toContain('1 imported, 0 duplicates, 0 failed');
    expect(saves).toBeGreaterThan(0);
    expect(answeredWhileSaving).toBeGreaterThan(0);
    console.log(`${saves} saves during the import, ${answeredWhileSaving} of them with another call answered while they waited`);
    const saved = library.briefs.get(brief.id).doc.content!;
    expect(saved).toHaveLength(1);
    expect(saved[0]!.content![0]!.content![0]!.text).toBe(`Tag ${saves}`);
    expect(library.briefs.list().find((b) => b.title === 'huge')?.cards).toBe(20_000);
    library.close();
  }, 600_000);

  it('a CLI import killed mid-brief is resumed whole: no half brief left, none taken for done', async () => {
    const cards = CARDS_PER_COMMIT * 6;
    const folder = tempDir();
    const docx = path.join(folder, 'big.docx');
    fs.writeFileSync(docx, await bigBriefDocx(cards));
    const file = tempLibraryPath();
    Library.open(file).close();
    const seen = watcher(file);

    const first = cliImport(file, docx);
    let running = true;
    void first.done.then(() => { running = false; });
    // Killed once its first piece is in and before its last.
    while (running && !seen.briefs().some((b) => b.cards > 0)) await sleep(5);
    first.child.kill('SIGKILL');
    await first.done;
    const left = seen.briefs();
    expect(left).toHaveLength(1);
    expect(left[0]!.cards).toBeGreaterThanOrEqual(CARDS_PER_COMMIT);
    expect(left[0]!.cards).toBeLessThan(cards);
    expect(left[0]!.import_hash).toMatch(/^partial:/);
    // The half brief is no brief: not listed, not offered to quick find.
    const meanwhile = Library.open(file);
    expect(meanwhile.briefs.list()).toEqual([]);
    expect(meanwhile.briefs.outlines()).toEqual([]);
    meanwhile.close();

    const second = await cliImport(file, docx).done;
    expect(second.stdout).toContain('1 imported, 0 duplicates, 0 failed');
    const third = await cliImport(file, docx).done;
    expect(third.stdout).toContain('0 imported, 1 duplicate, 0 failed');
    seen.close();

    const library = Library.open(file);
    expect(library.briefs.list().map((b) => [b.title, b.cards])).toEqual([['big', cards]]);
    expect(library.db.pragma('integrity_check', { simple: true })).toBe('ok');
    const doc = library.briefs.get(library.briefs.list()[0]!.id).doc.content!;
    const tags = doc.filter((n: DocJSON) => n.type === 'card').map((n) => n.content![0]!.content![0]!.text);
    expect(tags).toEqual(Array.from({ length: cards }, (_, i) => `Tag ${i + 1}: the evidence says so`));
    library.close();
  }, 600_000);
});
