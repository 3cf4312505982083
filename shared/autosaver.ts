// Saves edits as they happen, without a save button: changes to a record are merged and sent
// after a short pause, a failed write is kept and retried (newer edits merged over it), and
// the state a user sees is "saved" only once every edit has been acknowledged by the store.

export type SaveState = { kind: 'saved' } | { kind: 'saving' } | { kind: 'failed'; error: string; retryInMs: number };

export interface AutosaverOptions<P> {
  save: (id: number, patch: P) => Promise<unknown>;
  onState: (state: SaveState) => void;
  /** Pause after the last edit before writing; well under the one second an edit may wait. */
  delayMs?: number;
  /** Retry delays after failures, the last repeated. */
  retryMs?: readonly number[];
}

export class Autosaver<P extends object> {
  private pending = new Map<number, P>();
  private timer: ReturnType<typeof setTimeout> | undefined;
  private running: Promise<void> | undefined;
  private failures = 0;
  private readonly delayMs: number;
  private readonly retryMs: readonly number[];

  constructor(private readonly options: AutosaverOptions<P>) {
    this.delayMs = options.delayMs ?? 400;
    this.retryMs = options.retryMs ?? [1000, 2000, 4000, 8000];
  }

  /** Records an edit; fields given later win over earlier ones of the same record. */
  queue(id: number, patch: P): void {
    this.pending.set(id, { ...this.pending.get(id), ...patch });
    this.options.onState({ kind: 'saving' });
    this.schedule(this.failures > 0 ? this.retryDelay() : this.delayMs);
  }

  get hasUnsaved(): boolean {
    return this.pending.size > 0 || this.running !== undefined;
  }

  /** Writes everything pending now (page hidden, card closed); resolves when done or failed. */
  async flush(): Promise<void> {
    clearTimeout(this.timer);
    this.timer = undefined;
    while (this.running) await this.running;
    if (this.pending.size > 0) await this.run();
  }

  /** Forgets a record's pending edits (it was deleted). */
  discard(id: number): void {
    this.pending.delete(id);
    if (!this.hasUnsaved) this.options.onState({ kind: 'saved' });
  }

  private retryDelay(): number {
    return this.retryMs[Math.min(this.failures - 1, this.retryMs.length - 1)]!;
  }

  private schedule(ms: number): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      void this.run();
    }, ms);
  }

  private async run(): Promise<void> {
    if (this.running) {
      await this.running;
      if (this.pending.size > 0 && !this.timer) this.schedule(0);
      return;
    }
    const batch = [...this.pending];
    this.pending.clear();
    this.running = (async () => {
      let error: string | undefined;
      for (const [id, patch] of batch) {
        try {
          await this.options.save(id, patch);
        } catch (err) {
          error = err instanceof Error ? err.message : String(err);
          // Keep the failed edit under any newer one made meanwhile: nothing is dropped.
          this.pending.set(id, { ...patch, ...this.pending.get(id) });
        }
      }
      this.running = undefined;
      if (error !== undefined) {
        this.failures++;
        const retryInMs = this.retryDelay();
        this.options.onState({ kind: 'failed', error, retryInMs });
        this.schedule(retryInMs);
      } else {
        this.failures = 0;
        if (this.pending.size > 0) this.schedule(this.delayMs);
        else this.options.onState({ kind: 'saved' });
      }
    })();
    await this.running;
  }
}
