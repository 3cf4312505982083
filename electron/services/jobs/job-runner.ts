// Runs jobs in one worker thread with its own connection to the library, and keeps their
// status for the Api: the Electron main process and browser mode both hold one of these
// (through createHandlers), so long work never runs on the thread that answers calls.
import { randomUUID } from 'node:crypto';
import type { Worker } from 'node:worker_threads';
import type { ImportOutcome } from '../../../shared/import-outcome.js';
import { estimateMsLeft, NO_PROGRESS, type ImportProgress, type JobKind, type JobState, type JobStatus } from '../../../shared/jobs.js';
import type { ExportFormat, ExportedFile, ExportOptions } from '../exporters/export-brief.js';
import type { PdfPrinter } from '../exporters/pdf-printer.js';
import { LibraryError } from '../library/library-error.js';
import type { FromWorker, JobSpec, NamedBytes, ToWorker, WorkerData } from './job-protocol.js';
import { startWorker } from '../worker-thread.js';

/** Files sent to an open import and not yet read; addFiles waits below this, so memory stays flat. */
const MAX_WAITING_FILES = 8;
/** Finished jobs kept for jobStatus/listJobs; the oldest are forgotten first. */
const KEEP_FINISHED = 50;

interface Job {
  id: string;
  kind: JobKind;
  title: string;
  state: JobState;
  progress: ImportProgress;
  startedAt: Date;
  endedAt: Date | null;
  outcomes: ImportOutcome[];
  error: Error | null;
  exported: ExportedFile | null;
  filesSent: number;
  settled: Promise<void>;
  settle: () => void;
  /** Called on every message about the job (addFiles waits on them). */
  onChange: Set<() => void>;
}

export class JobRunner {
  private worker: Worker | null = null;
  private readonly jobs = new Map<string, Job>();

  constructor(private readonly libraryPath: string, private readonly printer: PdfPrinter) {}

  /** Starts an import of paths (files or folders), web addresses and files' bytes. */
  startImport(sources: { paths?: string[]; urls?: string[]; allowLocal?: boolean; files?: NamedBytes[]; more?: boolean; expectedFiles?: number }): JobStatus {
    const { paths = [], urls = [], allowLocal = false, files = [], more = false } = sources;
    const named = [...paths, ...files.map((f) => f.name), ...urls];
    const count = sources.expectedFiles ?? named.length;
    // One source (a file, a folder, an address) by its name; many by their number.
    const title = named.length === 1 && !more ? named[0]! : `${count.toLocaleString('en-US')} files`;
    const job = this.start('import', title, { kind: 'import', paths, urls, allowLocal, files, more });
    job.filesSent = files.length;
    job.progress.filesTotal = Math.max(count, named.length);
    return this.status(job.id);
  }

  /** Sends more files to an import started with more: true; resolves once the worker has room for more. */
  async addFiles(id: string, files: NamedBytes[], more: boolean): Promise<JobStatus> {
    const job = this.job(id);
    if (job.kind !== 'import' || job.state !== 'running') return this.status(id);
    job.filesSent += files.length;
    this.post({ type: 'add', id, files, more });
    while (job.state === 'running' && job.filesSent - job.progress.filesDone > MAX_WAITING_FILES) {
      await new Promise<void>((resolve) => {
        const wake = () => { job.onChange.delete(wake); resolve(); };
        job.onChange.add(wake);
      });
    }
    return this.status(id);
  }

  startExport(briefId: number, format: ExportFormat, options: ExportOptions = {}): JobStatus {
    return this.status(this.start('export', `brief ${briefId} as ${format}`, { kind: 'export', briefId, format, ...options }).id);
  }

  /** A job's status with its outcomes from index outcomesFrom on. */
  status(id: string, outcomesFrom = 0): JobStatus {
    const job = this.job(id);
    const end = job.endedAt ?? new Date();
    const elapsedMs = end.getTime() - job.startedAt.getTime();
    const from = Math.min(outcomesFrom, job.outcomes.length);
    return {
      id: job.id, kind: job.kind, title: job.title, state: job.state, progress: { ...job.progress },
      startedAt: job.startedAt.toISOString(), elapsedMs,
      etaMs: job.state === 'running' ? estimateMsLeft(job.progress, elapsedMs) : null,
      outcomes: job.outcomes.slice(from), outcomesFrom: from, error: job.error?.message ?? null,
    };
  }

  /** Every job known, newest first, without their outcomes. */
  list(): JobStatus[] {
    return [...this.jobs.values()].reverse().map((job) => this.status(job.id, job.outcomes.length));
  }

  /** Asks a job to stop after the file it is reading; what came in so far stays in. */
  cancel(id: string): JobStatus {
    const job = this.job(id);
    if (job.state === 'running') this.post({ type: 'cancel', id });
    return this.status(id);
  }

  /** Resolves when the job has ended; throws the job's error if it failed. */
  async finished(id: string): Promise<{ status: JobStatus; exported: ExportedFile | null }> {
    const job = this.job(id);
    await job.settled;
    if (job.error) throw job.error;
    return { status: this.status(id), exported: job.exported };
  }

  /** Stops the worker; running jobs end as failed. */
  async close(): Promise<void> {
    const worker = this.worker;
    this.worker = null;
    if (worker) await worker.terminate();
  }

  private start(kind: JobKind, title: string, spec: JobSpec): Job {
    let settle = () => {};
    const settled = new Promise<void>((resolve) => { settle = resolve; });
    const job: Job = {
      id: randomUUID(), kind, title, state: 'running', progress: { ...NO_PROGRESS }, startedAt: new Date(), endedAt: null,
      outcomes: [], error: null, exported: null, filesSent: 0, settled, settle, onChange: new Set(),
    };
    this.jobs.set(job.id, job);
    this.forgetOldJobs();
    this.post({ type: 'start', id: job.id, spec });
    return job;
  }

  private job(id: string): Job {
    const job = this.jobs.get(id);
    if (!job) throw new LibraryError('not-found', `No job ${id.slice(0, 40)}: it finished long ago or never ran.`);
    return job;
  }

  private post(message: ToWorker): void {
    this.worker ??= this.spawn();
    this.worker.postMessage(message);
    this.holdProcess();
  }

  // A running job keeps the process alive (a script awaiting it must not exit mid-way); an idle
  // worker does not, so a CLI or test ends when its work does.
  private holdProcess(): void {
    const running = [...this.jobs.values()].some((job) => job.state === 'running');
    if (running) this.worker?.ref();
    else this.worker?.unref();
  }

  private spawn(): Worker {
    const worker = startWorker(new URL('./job-worker.js', import.meta.url), { libraryPath: this.libraryPath } satisfies WorkerData);
    worker.on('message', (message: FromWorker) => this.receive(worker, message));
    const lost = (reason: string) => {
      if (this.worker === worker) this.worker = null;
      for (const job of this.jobs.values()) if (job.state === 'running') this.end(job, 'failed', new Error(`The import worker stopped: ${reason}.`));
    };
    worker.on('error', (err) => lost(err.message));
    worker.on('exit', (code) => lost(`exit code ${code}`));
    return worker;
  }

  private receive(worker: Worker, message: FromWorker): void {
    const job = this.jobs.get(message.id);
    if (!job) return;
    switch (message.type) {
      case 'progress':
        job.progress = message.progress;
        if (message.outcome) job.outcomes.push(message.outcome);
        break;
      case 'print':
        this.printer.printPdf(message.job).then(
          (data) => worker.postMessage({ type: 'printed', id: job.id, data, error: null } satisfies ToWorker),
          (err: unknown) => worker.postMessage({ type: 'printed', id: job.id, data: null, error: err instanceof Error ? err.message : String(err) } satisfies ToWorker),
        );
        break;
      case 'exported':
        job.exported = { name: message.name, data: message.data };
        break;
      case 'done':
        this.end(job, message.cancelled ? 'cancelled' : 'done', null);
        break;
      case 'failed':
        this.end(job, 'failed', message.code ? new LibraryError(message.code, message.error) : new Error(message.error));
        break;
    }
    for (const wake of [...job.onChange]) wake();
  }

  private end(job: Job, state: JobState, error: Error | null): void {
    job.state = state;
    job.error = error;
    job.endedAt = new Date();
    job.progress.current = null;
    job.settle();
    for (const wake of [...job.onChange]) wake();
    this.holdProcess();
  }

  private forgetOldJobs(): void {
    const finished = [...this.jobs.values()].filter((j) => j.state !== 'running');
    for (const job of finished.slice(0, Math.max(0, finished.length - KEEP_FINISHED))) this.jobs.delete(job.id);
  }
}
