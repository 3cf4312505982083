// What the app tells its user about the library it runs on: writable, read-only, or damaged
// (the recovery screen). Shared by the Electron shell, browser mode and the CLI.
import type { ApiHandlers, LibraryStatus } from '../../shared/api.js';
import { LibraryError } from './library/library-error.js';
import type { Library } from './library/library.js';

export function readOnlyNotice(libraryPath: string): string {
  return `${libraryPath} is read-only: you can read, search and export, but changes cannot be saved. To change it, copy it to a folder you can write to and open the copy.`;
}

export const READ_ONLY_WRITE = 'Not saved: this library is read-only. To change it, copy it to a folder you can write to and open the copy.';

/** SQLite's answer to a write on a library opened read-only (SQLITE_READONLY and its variants). */
export function isReadOnlyWrite(err: unknown): boolean {
  const code = (err as { code?: unknown } | null)?.code;
  return typeof code === 'string' && code.startsWith('SQLITE_READONLY');
}

/**
 * A library that cannot be used because its file is damaged: refused as corrupt when opened,
 * or SQLite finding damage in pages read later (an index or a table past the header).
 */
export function isDamage(err: unknown): boolean {
  if (err instanceof LibraryError) return err.code === 'corrupt';
  return /^SQLITE_(CORRUPT|NOTADB)/.test(String((err as { code?: unknown } | null)?.code ?? ''));
}

/** What the recovery screen and the CLI say about a damaged library. */
export function damageMessage(libraryPath: string, err: unknown): string {
  if (err instanceof LibraryError) return err.message;
  return `${libraryPath} is damaged (${(err as Error).message}). It was left untouched; restore it from a backup.`;
}

export function libraryStatus(library: Library): LibraryStatus {
  return library.db.readonly
    ? { mode: 'read-only', path: library.path, notice: readOnlyNotice(library.path) }
    : { mode: 'writable', path: library.path, notice: null };
}

/** The status methods of an open library: recovery is only for a library that did not open. */
export function openLibraryStatusHandlers(library: Library): Pick<ApiHandlers, 'libraryStatus' | 'recoverLibrary' | 'rebuildSearchIndex'> {
  return {
    libraryStatus: () => libraryStatus(library),
    recoverLibrary: () => {
      throw new LibraryError('invalid', `${library.path} is open and readable: restore a backup from the Backups panel instead.`);
    },
    rebuildSearchIndex: () => {
      throw new LibraryError('invalid', `${library.path} is open and its search index is sound: there is nothing to rebuild.`);
    },
  };
}
