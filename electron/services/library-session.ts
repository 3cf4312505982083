// The library the app (Electron or browser mode) runs on. A library that cannot be read starts
// the app on its recovery screen instead of not at all: the backups can be listed and one
// restored, and the app then carries on with the restored library without a restart.
// Damage that no open can see cheaply (a page deep in the search index) is found by the check of
// the whole file that follows every open in the background, or by SQLite meeting it later; the
// session then turns to the recovery screen's few methods, with the library closed.
import { API_METHODS, type ApiHandlers, type LibraryStatus } from '../../shared/api.js';
import { createHandlers, type HandlerOptions } from './api-handlers.js';
import { removeLeftovers } from './backup/backup-files.js';
import { checkFile, DamagedLibraryError, type Damage } from './backup/check-file.js';
import { rebuildDamagedIndex, restoreDamagedLibrary } from './backup/recover-library.js';
import { damagedLibraryMessage, listBackups, startRollingBackups, type RollingBackups } from './backup/rolling-backups.js';
import { chromiumPrinter } from './exporters/chromium-printer.js';
import { JobRunner } from './jobs/job-runner.js';
import { LibraryError } from './library/library-error.js';
import { Library } from './library/library.js';
import { damageMessage, isDamage, libraryStatus } from './library-status.js';

export interface LibrarySession {
  /** Every Api method, answered by the open library, or by the recovery screen's few. */
  readonly handlers: ApiHandlers;
  status(): LibraryStatus;
  /** Settles when the check of the whole file begun at open is done (at once for a read-only library). */
  readonly checked: Promise<void>;
  close(): void;
}

export interface SessionOptions {
  handlerOptions?: HandlerOptions;
  onBackupError?: (err: unknown) => void;
}

export function openLibrarySession(libraryPath: string, options: SessionOptions = {}): LibrarySession {
  let library: Library | undefined;
  let backups: RollingBackups | undefined;
  let jobs: JobRunner | undefined;
  let current: ApiHandlers;
  let damaged: LibraryStatus | undefined;
  let checked: Promise<void> = Promise.resolve();
  const reportBackupError = options.onBackupError ?? ((err: unknown) => console.error('[cardfile] backup failed:', err));

  const shut = (): void => {
    backups?.stop();
    backups = undefined;
    void jobs?.close();
    jobs = undefined;
    library?.close();
    library = undefined;
  };
  const becomeDamaged = (err: unknown): void => {
    if (damaged) return;
    shut();
    const indexOnly = err instanceof DamagedLibraryError && err.damage.indexOnly;
    damaged = { mode: 'damaged', path: libraryPath, notice: damageMessage(libraryPath, err), ...(indexOnly ? { indexOnly } : {}) };
    current = recoveryHandlers(libraryPath, damaged, open);
  };
  const foundDamage = (damage: Damage) => new DamagedLibraryError(damagedLibraryMessage(libraryPath, damage), damage);

  const open = (): void => {
    library = Library.open(libraryPath);
    damaged = undefined;
    // A read-only library cannot change, so there is nothing new to back up.
    if (!library.db.readonly) {
      removeLeftovers(libraryPath);
      let copyChecked = false;
      backups = startRollingBackups(library, {
        onError: (err) => (isDamage(err) ? becomeDamaged(err) : reportBackupError(err)),
        onBackup: (made) => { copyChecked ||= made !== null; },
      });
      // The backup at open checks its copy; when there was nothing new to back up, the file itself.
      checked = backups.atOpen.then(async () => {
        if (damaged || copyChecked) return;
        const damage = await checkFile(libraryPath).catch(() => null);
        if (damage) becomeDamaged(foundDamage(damage));
      });
    }
    jobs = options.handlerOptions?.jobs ?? new JobRunner(libraryPath, options.handlerOptions?.pdfPrinter ?? chromiumPrinter());
    current = createHandlers(library, { ...options.handlerOptions, jobs });
  };
  try {
    open();
  } catch (err) {
    if (!isDamage(err)) throw err;
    shut();
    becomeDamaged(err);
  }

  // SQLite meeting damage while answering a call: the call fails as it did, and the session turns
  // to recovery once the whole file is checked (which also says whether only the index is hit).
  const onDamage = (err: unknown): void => {
    if (damaged || !isDamage(err)) return;
    void checkFile(libraryPath).catch(() => null).then((damage) => becomeDamaged(damage ? foundDamage(damage) : err));
  };
  const call = (method: keyof ApiHandlers, args: unknown): unknown => {
    try {
      const result = (current[method] as (a: unknown) => unknown)(args);
      if (result instanceof Promise) return result.catch((err: unknown) => { onDamage(err); throw err; });
      return result;
    } catch (err) {
      onDamage(err);
      throw err;
    }
  };
  const handlers = Object.fromEntries(API_METHODS.map((method) => [method, (args: unknown) => call(method, args)])) as ApiHandlers;
  return {
    handlers: {
      ...handlers,
      libraryStatus: async (args) => {
        if (args.checked) await checked;
        return damaged ?? libraryStatus(library!);
      },
    },
    status: () => damaged ?? libraryStatus(library!),
    get checked() {
      return checked;
    },
    close: shut,
  };
}

/** While the library cannot be used: its backups, restoring one, rebuilding its index, and nothing else. */
function recoveryHandlers(libraryPath: string, status: LibraryStatus, reopen: () => void): ApiHandlers {
  const refuse = () => {
    throw new LibraryError('corrupt', status.notice ?? `${libraryPath} is damaged.`);
  };
  const handlers = Object.fromEntries(API_METHODS.map((method) => [method, refuse])) as unknown as ApiHandlers;
  return {
    ...handlers,
    libraryStatus: () => status,
    listBackups: () => listBackups(libraryPath),
    recoverLibrary: ({ name }) => {
      const result = restoreDamagedLibrary(libraryPath, name);
      reopen();
      return result;
    },
    rebuildSearchIndex: async () => {
      if (!status.indexOnly) throw new LibraryError('invalid', `The damage in ${libraryPath} is not in the search index alone: restore a backup instead.`);
      const result = await rebuildDamagedIndex(libraryPath);
      reopen();
      return result;
    },
  };
}
