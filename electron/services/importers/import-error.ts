/** One clear error about one imported file or URL: what it was and what went wrong. */
export class ImportError extends Error {
  constructor(readonly source: string, problem: string) {
    super(`Could not import ${source}: ${problem}`);
    this.name = 'ImportError';
  }
}
