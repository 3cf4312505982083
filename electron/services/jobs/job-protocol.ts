// The messages between the job runner (main thread) and the job worker.
import type { ImportOutcome } from '../../../shared/import-outcome.js';
import type { ImportProgress } from '../../../shared/jobs.js';
import type { ExportFormat, ExportOptions } from '../exporters/export-brief.js';
import type { PdfPrintJob } from '../exporters/pdf-printer.js';
import type { LibraryErrorCode } from '../library/library-error.js';

export interface NamedBytes {
  name: string;
  bytes: Uint8Array;
}

export type JobSpec =
  /** allowLocal: the user confirmed fetching web addresses on this computer or the local network. */
  | { kind: 'import'; paths: string[]; urls: string[]; allowLocal: boolean; files: NamedBytes[]; more: boolean }
  | ({ kind: 'export'; briefId: number; format: ExportFormat } & ExportOptions);

export type ToWorker =
  | { type: 'start'; id: string; spec: JobSpec }
  /** More files for an import started with more: true; more: false ends it. */
  | { type: 'add'; id: string; files: NamedBytes[]; more: boolean }
  | { type: 'cancel'; id: string }
  /** The answer to a 'print' request: PDFs are printed on the main thread (Electron's printer lives there). */
  | { type: 'printed'; id: string; data: Uint8Array | null; error: string | null };

export type FromWorker =
  | { type: 'progress'; id: string; progress: ImportProgress; outcome: ImportOutcome | null }
  | { type: 'print'; id: string; job: PdfPrintJob }
  | { type: 'exported'; id: string; name: string; data: Uint8Array }
  | { type: 'done'; id: string; cancelled: boolean }
  /** code: set when the error was a LibraryError (a user's mistake, such as a missing brief), so it is told as one. */
  | { type: 'failed'; id: string; error: string; code: LibraryErrorCode | null };

export interface WorkerData {
  libraryPath: string;
}
