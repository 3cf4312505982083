// Long work (imports, exports) runs as a job in a worker thread; the Api starts it, reports on
// it and cancels it, and answers every other call meanwhile.
import type { ImportOutcome } from './import-outcome.js';

export type JobKind = 'import' | 'export';
export type JobState = 'running' | 'done' | 'failed' | 'cancelled';

/** How far an import has come. Files are counted as they finish, whatever their outcome. */
export interface ImportProgress {
  filesDone: number;
  /** Files known so far; grows while a dropped folder is still being sent. */
  filesTotal: number;
  /** Cards in the briefs imported so far (an article counts none), a big file's counted as they are stored. */
  cardsDone: number;
  /** Cards read so far from the file being read now, before it is stored; 0 otherwise. */
  cardsRead: number;
  bytesDone: number;
  bytesTotal: number;
  /** The file being read now, null between files. */
  current: string | null;
}

export interface JobStatus {
  id: string;
  kind: JobKind;
  /** What the job works on, for a list of jobs ("312 files", "AT - Russia.docx"). */
  title: string;
  state: JobState;
  progress: ImportProgress;
  startedAt: string;
  elapsedMs: number;
  /** Estimated time left from the bytes (else the files) done so far; null until there is a basis. */
  etaMs: number | null;
  /** Per-file outcomes from index `outcomesFrom` of jobStatus on (listJobs sends none). */
  outcomes: ImportOutcome[];
  /** Index of outcomes[0] among all of the job's outcomes. */
  outcomesFrom: number;
  /** Why a job failed as a whole (a file failing is an outcome, not a job failure). */
  error: string | null;
}

export const NO_PROGRESS: ImportProgress = { filesDone: 0, filesTotal: 0, cardsDone: 0, cardsRead: 0, bytesDone: 0, bytesTotal: 0, current: null };

/** Time left at the rate so far: by bytes when sizes are known, else by files. */
export function estimateMsLeft(progress: ImportProgress, elapsedMs: number): number | null {
  const byBytes = progress.bytesTotal > 0 && progress.bytesDone > 0;
  const done = byBytes ? progress.bytesDone : progress.filesDone;
  const total = byBytes ? progress.bytesTotal : progress.filesTotal;
  if (done <= 0 || total <= 0) return null;
  return Math.max(0, Math.round((elapsedMs / done) * (total - done)));
}

/** "120 of 2,000 files, 11,840 cards, about 4 min left", and while a big brief is read "· AT.docx: 240 cards read". */
export function progressLine(status: Pick<JobStatus, 'progress' | 'etaMs'>): string {
  const { filesDone, filesTotal, cardsDone, cardsRead, current } = status.progress;
  const left = status.etaMs === null ? '' : `, about ${duration(status.etaMs)} left`;
  const name = current?.split(/[\\/]/).pop() ?? 'the file';
  const read = cardsRead > 0 ? ` · ${name}: ${cardsRead.toLocaleString('en-US')} ${cardsRead === 1 ? 'card' : 'cards'} read` : '';
  return `${filesDone.toLocaleString('en-US')} of ${filesTotal.toLocaleString('en-US')} files, ${cardsDone.toLocaleString('en-US')} cards${left}${read}`;
}

function duration(ms: number): string {
  const s = Math.ceil(ms / 1000);
  if (s < 60) return `${s} s`;
  const m = Math.round(s / 60);
  return m < 60 ? `${m} min` : `${Math.floor(m / 60)} h ${m % 60} min`;
}
