import { describe, expect, it } from 'vitest';
import { keystrokeCosts } from '../../bench/keystroke.js';

const task = (ts: number, dur: number) => ({ name: 'ThreadControllerImpl::RunTask', ph: 'X', ts, dur, pid: 1, tid: 1 });
const dispatch = (type: string, ts: number, dur: number) => ({ name: 'EventDispatch', ph: 'X', ts, dur, pid: 1, tid: 1, args: { data: { type } } });

describe('keystrokeCosts', () => {
  it('gives each main-thread task to one key: the next key’s own task is not also the previous key’s', () => {
    const events = [
      task(990, 510), dispatch('keydown', 1000, 100), dispatch('keypress', 1100, 300), // key 1 and its frame
      task(1600, 100),
      task(1990, 310), dispatch('keydown', 2000, 50), dispatch('keypress', 2050, 200), // key 2
      task(2400, 50),
      task(2420, 10), // nested in the one before: already in its time
      { ...task(2500, 900), tid: 2 }, // another thread
    ];
    const { work, handlers } = keystrokeCosts(events);
    expect(work).toEqual([0.61, 0.36]);
    expect(handlers).toEqual([0.4, 0.25]);
  });

  it('says so when the trace holds no key', () => {
    expect(() => keystrokeCosts([task(0, 10)])).toThrow('The trace holds no key presses.');
  });
});
