/** One clear error about one imported file or URL: what it was and what went wrong. */
export class ImportError extends Error {
  /** `reason` marks a refusal the user may overrule (see fetch-url.ts's LOCAL_ADDRESS). */
  constructor(readonly source: string, problem: string, readonly reason?: string) {
    super(`Could not import ${source}: ${problem}`);
    this.name = 'ImportError';
  }
}
