// Kills a writer process with SIGKILL at seeded random moments during imports and edits, then
// reopens the library and checks SQLite's integrity and that every acknowledged write is there.
// A process kill leaves the page cache intact, so it cannot catch a durability regression: the
// power-loss test copies the files mid-stream and tears the WAL as a power cut would leave it
// at the library's `synchronous` level, then checks every acknowledged write again.
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
  | { op: 'ready'; synchronous: number }
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

/** Opens the library (recovering its WAL) and checks integrity and every acknowledged write. */
function checkAcknowledged(file: string, imports: Map<number, Extract<Ack, { op: 'import' }>>, lastEdit: Map<number, number>, label: string): void {
  const library = Library.open(file);
  try {
    expect(library.db.pragma('integrity_check', { simple: true }), label).toBe('ok');
    expect(library.db.pragma('foreign_key_check'), label).toEqual([]);
    for (const ack of imports.values()) {
      const article = library.articles.get(ack.article);
      expect(article.title, label).toBe(ack.title);
      expect(sha1(article.text), label).toBe(ack.textHash);
      for (const id of ack.cards) expect(library.cards.get(id).articleId, label).toBe(ack.article);
    }
    // An import is one transaction: every article has both of its cards or does not exist.
    const perArticle = library.db.prepare('SELECT a.id, count(c.id) AS n FROM articles a LEFT JOIN cards c ON c.article_id = a.id GROUP BY a.id').all() as { n: number }[];
    expect(perArticle.filter((a) => a.n !== 2), label).toEqual([]);
    for (const card of library.cards.list()) {
      // An edit is one transaction: tag and body always carry the same edit number.
      const bodyText = card.body.content?.[0]?.content?.[0]?.text ?? '';
      expect(seqOf(bodyText), `${label}, card ${card.id}`).toBe(seqOf(card.tag));
      // The last acknowledged edit is there, or a later one that committed before its ack was printed.
      const acked = lastEdit.get(card.id);
      if (acked !== undefined) expect(seqOf(card.tag), `${label}, card ${card.id}`).toBeGreaterThanOrEqual(acked);
    }
    for (const id of lastEdit.keys()) expect(() => library.cards.get(id), label).not.toThrow();
  } finally {
    library.close();
  }
}

const WAL_HEADER = 32;
const FRAME_HEADER = 24;
const SYNCHRONOUS_FULL = 2;

/**
 * Cuts a copied WAL where a power cut could: after what the level has made durable, anywhere
 * in the rest, and appends a torn frame (garbage, shorter than a frame) at the cut.
 * FULL syncs the WAL at every commit, so only frames after the last commit frame of the current
 * WAL generation are at risk; NORMAL (and OFF) sync it only at checkpoints, so every frame is.
 */
function tearWal(wal: string, synchronous: number, random: () => number): void {
  if (!fs.existsSync(wal) || fs.statSync(wal).size < WAL_HEADER) return;
  const bytes = fs.readFileSync(wal);
  const pageSize = bytes.readUInt32BE(8);
  const salt = bytes.subarray(16, 24);
  const frameSize = FRAME_HEADER + pageSize;
  let end = WAL_HEADER;
  let lastCommitEnd = WAL_HEADER;
  // The current generation: whole frames carrying the header's salt (older ones follow a restart).
  while (end + frameSize <= bytes.length && bytes.subarray(end + 8, end + 16).equals(salt)) {
    if (bytes.readUInt32BE(end + 4) !== 0) lastCommitEnd = end + frameSize;
    end += frameSize;
  }
  const durable = synchronous >= SYNCHRONOUS_FULL ? lastCommitEnd : WAL_HEADER;
  const cut = durable + Math.floor(random() * (end - durable + 1));
  const torn = Buffer.from(Array.from({ length: Math.floor(random() * frameSize) }, () => Math.floor(random() * 256)));
  fs.writeFileSync(wal, Buffer.concat([bytes.subarray(0, cut), torn]));
}

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

      checkAcknowledged(file, imports, lastEdit, `round ${round}`);
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
      // The last rounds run to the end, so both outcomes are seen; the others are killed a
      // random number of copy steps into the copy-back (not while the safety copy is taken).
      const killAfterSteps = round >= 10 ? Infinity : 1 + Math.floor(random() * 200);
      await new Promise<void>((resolve) => {
        child.stdout.setEncoding('utf8').on('data', (d: string) => {
          out += d;
          if ((out.match(/^copying \d+$/gm) ?? []).length >= killAfterSteps) child.kill('SIGKILL');
        });
        child.on('exit', () => resolve());
      });
      expect(stderr, `round ${round}`).toBe('');
      if (Number.isFinite(killAfterSteps)) {
        // The kill landed during the copy-back: steps were copied, pages remained, and it never finished.
        const remaining = [...out.matchAll(/^copying (\d+)$/gm)].map((m) => Number(m[1]));
        expect(remaining.length, `round ${round}`).toBeGreaterThanOrEqual(killAfterSteps);
        expect(remaining.at(-1), `round ${round}`).toBeGreaterThan(0);
        expect(out, `round ${round}`).not.toContain('restored');
      }
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
  it('keeps every acknowledged write through simulated power losses, torn WAL frames included', async () => {
    expect(fs.existsSync(BUILT_STORE), `${BUILT_STORE} is missing: run npm run build:node`).toBe(true);
    const file = tempLibraryPath();
    const corpus = Object.values(CORPUS).filter((f) => f !== CORPUS.block).map((f) => path.join(CORPUS_DIR, f));
    const child = spawn(process.execPath, [WRITER, file, String(SEED), '0', ...corpus], { stdio: ['ignore', 'pipe', 'pipe'] });
    const acks: Ack[] = [];
    let waiting: { count: number; resolve: () => void } | undefined;
    let pending = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      pending += chunk;
      const lines = pending.split('\n');
      pending = lines.pop()!;
      for (const line of lines) acks.push(JSON.parse(line) as Ack);
      if (waiting && acks.length >= waiting.count) waiting.resolve();
    });
    const exited = new Promise((resolve) => child.on('exit', resolve));
    const acksReach = (count: number) => new Promise<void>((resolve) => {
      if (acks.length >= count) resolve();
      else waiting = { count, resolve };
    });

    const random = seededRandom(SEED + 2);
    try {
      for (let cut = 0; cut < 20; cut++) {
        // A random point of the write stream: some writes further on, frozen mid-flight.
        await acksReach(acks.length + 1 + Math.floor(random() * 6));
        child.kill('SIGSTOP');
        const known = [...acks];
        const dir = path.join(tempDir(), 'after-power-cut');
        fs.mkdirSync(dir);
        const copy = path.join(dir, path.basename(file));
        // The -shm is memory, lost in a power cut; SQLite rebuilds it from the WAL.
        fs.copyFileSync(file, copy);
        if (fs.existsSync(`${file}-wal`)) fs.copyFileSync(`${file}-wal`, `${copy}-wal`);
        child.kill('SIGCONT');

        const ready = known.find((a): a is Extract<Ack, { op: 'ready' }> => a.op === 'ready')!;
        tearWal(`${copy}-wal`, ready.synchronous, random);
        const imports = new Map<number, Extract<Ack, { op: 'import' }>>();
        const lastEdit = new Map<number, number>();
        for (const ack of known) {
          if (ack.op === 'import') imports.set(ack.article, ack);
          if (ack.op === 'edit') lastEdit.set(ack.card, ack.seq);
        }
        checkAcknowledged(copy, imports, lastEdit, `power cut ${cut} after ${known.length - 1} acknowledged writes (synchronous=${ready.synchronous})`);
      }
    } finally {
      child.kill('SIGKILL');
      await exited;
    }
    // The cuts must have landed among real work.
    expect(acks.length).toBeGreaterThan(40);
  });
});
