// The job worker: a thread with its own connection to the library file, where imports and
// exports run so the Api's thread stays free to answer. Jobs interleave at file boundaries.
import { parentPort, workerData } from 'node:worker_threads';
import { exportBrief } from '../exporters/export-brief.js';
import type { PdfPrintJob } from '../exporters/pdf-printer.js';
import { LibraryError } from '../library/library-error.js';
import { Library } from '../library/library.js';
import { ImportQueue, itemsOfPath, runImport } from './import-job.js';
import type { FromWorker, JobSpec, ToWorker, WorkerData } from './job-protocol.js';

const port = parentPort!;
const library = Library.open((workerData as WorkerData).libraryPath);

interface Running {
  abort: AbortController;
  queue: ImportQueue | null;
  printed: ((reply: Extract<ToWorker, { type: 'printed' }>) => void) | null;
}
const running = new Map<string, Running>();

const post = (message: FromWorker, transfer: ArrayBuffer[] = []) => port.postMessage(message, transfer);

port.on('message', (message: ToWorker) => {
  const job = running.get(message.id);
  if (message.type === 'start') void run(message.id, message.spec);
  else if (message.type === 'add') {
    job?.queue?.push(message.files);
    if (!message.more) job?.queue?.end();
  } else if (message.type === 'cancel') job?.abort.abort();
  else if (message.type === 'printed') job?.printed?.(message);
});

async function run(id: string, spec: JobSpec): Promise<void> {
  const job: Running = { abort: new AbortController(), queue: null, printed: null };
  running.set(id, job);
  try {
    if (spec.kind === 'import') {
      job.queue = new ImportQueue([...spec.paths.flatMap(itemsOfPath), ...spec.files, ...spec.urls.map((url) => ({ url, allowLocal: spec.allowLocal }))], spec.more);
      await runImport(library, job.queue, {
        signal: job.abort.signal,
        onProgress: (progress, outcome) => post({ type: 'progress', id, progress, outcome }),
      });
    } else {
      const printer = { printPdf: (print: PdfPrintJob) => printOnMain(id, job, print) };
      const file = await exportBrief(library.briefs.get(spec.briefId), spec.format, printer, spec);
      post({ type: 'exported', id, name: file.name, data: file.data });
    }
    post({ type: 'done', id, cancelled: job.abort.signal.aborted });
  } catch (err) {
    post({ type: 'failed', id, error: err instanceof Error ? err.message : String(err), code: err instanceof LibraryError ? err.code : null });
  } finally {
    running.delete(id);
  }
}

function printOnMain(id: string, job: Running, print: PdfPrintJob): Promise<Uint8Array> {
  return new Promise((resolve, reject) => {
    job.printed = (reply) => (reply.data ? resolve(reply.data) : reject(new Error(reply.error ?? 'the PDF could not be printed')));
    post({ type: 'print', id, job: print });
  });
}
