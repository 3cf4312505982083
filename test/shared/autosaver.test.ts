import { describe, expect, it } from 'vitest';
import { Autosaver, type SaveState } from '../../shared/autosaver.js';

const tick = (ms: number) => new Promise((r) => setTimeout(r, ms));

function harness(failFirst: number) {
  const writes: { id: number; patch: Record<string, string> }[] = [];
  const states: SaveState['kind'][] = [];
  let calls = 0;
  const saver = new Autosaver<Record<string, string>>({
    save: async (id, patch) => {
      calls++;
      if (calls <= failFirst) throw new Error('disk full');
      writes.push({ id, patch });
    },
    onState: (s) => states.push(s.kind),
    delayMs: 10,
    retryMs: [20],
  });
  return { saver, writes, states };
}

describe('autosave', () => {
  it('merges quick edits into one write after the pause', async () => {
    const { saver, writes, states } = harness(0);
    saver.queue(1, { tag: 'a' });
    saver.queue(1, { tag: 'ab', fullCite: 'x' });
    await tick(40);
    expect(writes).toEqual([{ id: 1, patch: { tag: 'ab', fullCite: 'x' } }]);
    expect(states.at(-1)).toBe('saved');
    expect(saver.hasUnsaved).toBe(false);
  });

  it('shows a failed write and retries it with the newer edits, dropping nothing', async () => {
    const { saver, writes, states } = harness(2);
    saver.queue(1, { tag: 'a', body: 'b1' });
    await tick(15);
    expect(states).toContain('failed');
    saver.queue(1, { tag: 'newer' });
    await tick(120);
    expect(writes).toEqual([{ id: 1, patch: { tag: 'newer', body: 'b1' } }]);
    expect(states.at(-1)).toBe('saved');
  });

  it('flush writes at once', async () => {
    const { saver, writes } = harness(0);
    saver.queue(2, { tag: 'now' });
    await saver.flush();
    expect(writes).toEqual([{ id: 2, patch: { tag: 'now' } }]);
  });
});
