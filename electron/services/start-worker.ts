// Worker threads for long work (imports and exports, index refreshes), started the same way
// from the build and from the TypeScript sources.
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';

/**
 * Starts the worker module `name` (e.g. './job-worker') that sits beside the module `here`
 * (its import.meta.url). From the build, that is the compiled .js; from the TypeScript sources
 * (vitest), jiti, which the dev tools bring, compiles it in the worker thread.
 */
export function startWorker(here: string, name: string, workerData: unknown): Worker {
  // The process's own flags, except --input-type, which a worker given a file refuses.
  const execArgv = process.execArgv.filter((arg) => !arg.startsWith('--input-type'));
  if (here.endsWith('.js')) return new Worker(new URL(`${name}.js`, here), { workerData, execArgv });
  const entry = fileURLToPath(new URL(`${name}.ts`, here));
  const source = `require('jiti').createJiti(${JSON.stringify(here)}).import(${JSON.stringify(entry)}).catch((err) => { throw err; });`;
  return new Worker(source, { eval: true, workerData, execArgv });
}
