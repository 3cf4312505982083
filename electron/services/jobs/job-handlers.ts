// The Api's job methods, and the one-shot import and export calls as thin wrappers that run
// their work as a job in the worker and answer when it ends.
import type { ApiArgs, ApiHandlers } from '../../../shared/api.js';
import type { ImportOutcome } from '../../../shared/import-outcome.js';
import type { NamedBytes } from './job-protocol.js';
import type { JobRunner } from './job-runner.js';

type JobMethods = 'startImport' | 'addImportFiles' | 'jobStatus' | 'listJobs' | 'cancelJob' | 'importData' | 'importUrl' | 'exportBrief';

const bytesOf = (files: ApiArgs<'addImportFiles'>['files']): NamedBytes[] =>
  files.map(({ name, dataBase64 }) => ({ name, bytes: Buffer.from(dataBase64, 'base64') }));

export function jobHandlers(runner: JobRunner): Pick<ApiHandlers, JobMethods> {
  const importOne = async (sources: Parameters<JobRunner['startImport']>[0], source: string): Promise<ImportOutcome> => {
    const { status } = await runner.finished(runner.startImport(sources).id);
    return status.outcomes[0] ?? { source, status: 'failed', failure: 'internal', error: `Could not import ${source}: the import stopped before it.` };
  };
  return {
    startImport: ({ urls, allowLocal, files, more, expectedFiles }) => runner.startImport({ urls, allowLocal, files: bytesOf(files), more, expectedFiles }),
    addImportFiles: ({ id, files, more }) => runner.addFiles(id, bytesOf(files), more),
    jobStatus: ({ id, outcomesFrom }) => runner.status(id, outcomesFrom),
    listJobs: () => runner.list(),
    cancelJob: ({ id }) => runner.cancel(id),
    importData: ({ name, dataBase64 }) => importOne({ files: bytesOf([{ name, dataBase64 }]) }, name),
    importUrl: ({ url, allowLocal }) => importOne({ urls: [url], allowLocal }, url),
    exportBrief: async ({ id, format, ...options }) => {
      const { exported } = await runner.finished(runner.startExport(id, format, options).id);
      if (!exported) throw new Error(`The export of brief ${id} produced no file.`);
      return { name: exported.name, dataBase64: Buffer.from(exported.data).toString('base64') };
    },
  };
}
