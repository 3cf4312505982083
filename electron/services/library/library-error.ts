export type LibraryErrorCode = 'not-a-library' | 'newer-version' | 'corrupt' | 'not-found' | 'invalid' | 'read-only' | 'busy';

/** An error a user can act on: it names the file or record and what went wrong. */
export class LibraryError extends Error {
  constructor(readonly code: LibraryErrorCode, message: string) {
    super(message);
    this.name = 'LibraryError';
  }
}
