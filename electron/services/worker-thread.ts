// Starts a services module in a worker thread. From the build, the module is the compiled .js
// file; from the TypeScript sources (vitest), jiti, which the dev tools bring, compiles it in the
// worker thread.
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';

/** entry: the module's compiled name, `new URL('./job-worker.js', import.meta.url)`. */
export function startWorker(entry: URL, workerData: unknown): Worker {
  // The process's own flags, except --input-type, which a worker given a file refuses.
  const execArgv = process.execArgv.filter((arg) => !arg.startsWith('--input-type'));
  const here = import.meta.url;
  if (here.endsWith('.js')) return new Worker(entry, { workerData, execArgv });
  const source = fileURLToPath(new URL(entry.href.replace(/\.js$/, '.ts')));
  const run = `require('jiti').createJiti(${JSON.stringify(here)}).import(${JSON.stringify(source)}).catch((err) => { throw err; });`;
  return new Worker(run, { eval: true, workerData, execArgv });
}
