// Kills a writer process with SIGKILL at seeded random moments during imports and edits, then
// reopens the library and checks SQLite's integrity and that every acknowledged write is there.
import { seededRandom } from '../../bench/seeded-random.js';
import { spawn } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { createBackup } from '../../electron/services/backup/rolling-backups.js';
import { Library } from '../../electron/services/library/library.js';
import { CORPUS, CORPUS_DIR } from '../helpers/corpus.js';
import { tempDir, tempLibraryPath } from '../helpers/temp-dir.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const WRITER = path.join(ROOT, 'test/helpers/crash-writer.mjs');
const RESTORER = path.join(ROOT, 'test/helpers/crash-restorer.mjs');
const BUILT_STORE = path.join(ROOT, 'dist/electron/electron/services/library/library.js');
const ROUNDS = 30;
const SEED = 0x5eed;

type Ack =
  | { op: 'ready' }
  | { op: 'import'; article: number; title: string; textHash: string; cards: number[]; seq: number }
  | { op: 'edit'; card: number; seq: number };


/** Runs the writer until it has acknowledged `afterAcks` writes, waits `delayMs`, then SIGKILLs it. */
function runAndKill(library: string, seed: number, firstSeq: number, afterAcks: number, delayMs: number): Promise<Ack[]> {
  const corpus = Object.values(CORPUS).filter((f) => f !== CORPUS.block).map((f) => path.join(CORPUS_DIR, f));
  const child = spawn(process.execPath, [WRITER, library, String(seed), String(firstSeq), ...corpus], { stdio: ['ignore', 'pipe', 'pipe'] });
  const acks: Ack[] = [];
  let pending = '';
  let stderr = '';
  let killing = false;
  return new Promise((resolve, reject) => {
    const kill = () => {
      if (killing) return;
      killing = true;
      setTimeout(() => child.kill('SIGKILL'), delayMs);
    };
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      pending += chunk;
      const lines = pending.split('\n');
      pending = lines.pop()!;
      for (const line of lines) acks.push(JSON.parse(line) as Ack);
      if (acks.filter((a) => a.op !== 'ready').length >= afterAcks) kill();
    });
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => { stderr += chunk; });
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      if (signal !== 'SIGKILL') reject(new Error(`the writer stopped by itself (code ${code}): ${stderr}`));
      // A partial last line was never acknowledged: it is dropped with `pending`.
      else resolve(acks);
    });
    if (afterAcks === 0) kill();
  });
}

const sha1 = (s: string) => crypto.createHash('sha1').update(s).digest('hex');
const seqOf = (s: string) => Number(/\d+/.exec(s)?.[0] ?? NaN);

describe('crash safety', () => {
  it(`keeps every acknowledged write through ${ROUNDS} SIGKILLs during imports and edits`, async () => {
    expect(fs.existsSync(BUILT_STORE), `${BUILT_STORE} is missing: run npm run build:node`).toBe(true);
    const file = tempLibraryPath();
    const random = seededRandom(SEED);
    const imports = new Map<number, Extract<Ack, { op: 'import' }>>();
    const lastEdit = new Map<number, number>();
    let acknowledged = 0;

    for (let round = 0; round < ROUNDS; round++) {
      // Some rounds die before the first write (while opening or migrating), most mid-stream.
      const afterAcks = round < 2 ? 0 : Math.floor(random() * 40);
      const acks = await runAndKill(file, Math.floor(random() * 2 ** 31), round * 1_000_000, afterAcks, random() * 3);
      for (const ack of acks) {
        if (ack.op === 'import') imports.set(ack.article, ack);
        if (ack.op === 'edit') lastEdit.set(ack.card, ack.seq);
        if (ack.op !== 'ready') acknowledged++;
      }

      const library = Library.open(file);
      try {
        expect(library.db.pragma('integrity_check', { simple: true }), `round ${round}`).toBe('ok');
        expect(library.db.pragma('foreign_key_check'), `round ${round}`).toEqual([]);
        for (const ack of imports.values()) {
          const article = library.articles.get(ack.article);
          expect(article.title).toBe(ack.title);
          expect(sha1(article.text)).toBe(ack.textHash);
          for (const id of ack.cards) expect(library.cards.get(id).articleId).toBe(ack.article);
        }
        // An import is one transaction: every article has both of its cards or does not exist.
        const perArticle = library.db.prepare('SELECT a.id, count(c.id) AS n FROM articles a LEFT JOIN cards c ON c.article_id = a.id GROUP BY a.id').all() as { n: number }[];
        expect(perArticle.filter((a) => a.n !== 2), `round ${round}`).toEqual([]);
        for (const card of library.cards.list()) {
          // An edit is one transaction: tag and body always carry the same edit number.
          const bodyText = card.body.content?.[0]?.content?.[0]?.text ?? '';
          expect(seqOf(bodyText), `card ${card.id}`).toBe(seqOf(card.tag));
          // The last acknowledged edit is there, or a later one that committed before its ack was printed.
          const acked = lastEdit.get(card.id);
          if (acked !== undefined) expect(seqOf(card.tag)).toBeGreaterThanOrEqual(acked);
        }
        for (const id of lastEdit.keys()) expect(() => library.cards.get(id)).not.toThrow();
      } finally {
        library.close();
      }
    }
    // The kills must have landed among real work, not only before it.
    expect(acknowledged).toBeGreaterThan(ROUNDS * 5);
    expect(imports.size).toBeGreaterThan(ROUNDS);
  });

  it('never leaves a half-restored library when killed during a restore', async () => {
    // A library of a few MB, so the copy-back spans many backup steps.
    const template = tempDir();
    const file = path.join(template, 'library.cardfile');
    const library = Library.open(file);
    const text = fs.readFileSync(path.join(CORPUS_DIR, CORPUS.block), 'utf8');
    library.transaction(() => {
      for (let i = 0; i < 150; i++) library.articles.insert({ title: `Backed up ${i}`, authors: [], publication: '', publishedDate: '', url: '', accessedDate: '', sourceKind: 'text', text });
    });
    const backup = (await createBackup(library, 'manual'))!;
    library.transaction(() => {
      library.db.prepare("DELETE FROM articles WHERE id % 2 = 0").run();
      for (let i = 0; i < 40; i++) library.articles.insert({ title: `Written after ${i}`, authors: [], publication: '', publishedDate: '', url: '', accessedDate: '', sourceKind: 'paste', text: text.slice(i * 100) });
    });
    const titles = (lib: Library) => lib.db.prepare('SELECT group_concat(title, \'|\') FROM (SELECT title FROM articles ORDER BY id)').pluck().get() as string;
    const before = titles(library);
    library.close();
    const reopened = Library.open(file);
    expect(titles(reopened)).toBe(before);
    reopened.close();

    const random = seededRandom(SEED + 1);
    const outcomes = { before: 0, restored: 0 };
    let restoredTitles: string | undefined;
    for (let round = 0; round < 12; round++) {
      const dir = path.join(tempDir(), 'copy');
      fs.cpSync(template, dir, { recursive: true });
      const copy = path.join(dir, 'library.cardfile');
      const child = spawn(process.execPath, [RESTORER, copy, backup.name], { stdio: ['ignore', 'pipe', 'pipe'] });
      let out = '';
      let stderr = '';
      child.stderr.setEncoding('utf8').on('data', (d: string) => { stderr += d; });
      // The last rounds run to the end, so both outcomes are seen.
      const delay = round >= 10 ? Infinity : random() * 100;
      await new Promise<void>((resolve) => {
        child.stdout.setEncoding('utf8').on('data', (d: string) => {
          out += d;
          if (out.includes('restoring') && Number.isFinite(delay)) setTimeout(() => child.kill('SIGKILL'), delay);
        });
        child.on('exit', () => resolve());
      });
      expect(stderr, `round ${round}`).toBe('');
      const after = Library.open(copy);
      try {
        expect(after.db.pragma('integrity_check', { simple: true }), `round ${round}`).toBe('ok');
        const now = titles(after);
        if (out.includes('restored')) restoredTitles ??= now;
        // All of the backup or none of it: the library as it was, or exactly the backup's articles.
        if (now === before) outcomes.before++;
        else {
          expect(now.split('|'), `round ${round}`).toEqual(Array.from({ length: 150 }, (_, i) => `Backed up ${i}`));
          outcomes.restored++;
        }
      } finally {
        after.close();
      }
    }
    expect(restoredTitles?.split('|')).toHaveLength(150);
    expect(outcomes.before).toBeGreaterThan(0);
    expect(outcomes.restored).toBeGreaterThan(0);
  });
});
