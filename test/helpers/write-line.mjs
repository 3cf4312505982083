// A line to stdout that returns only once it is in the pipe. Node makes a pipe to its parent
// non-blocking, so when the test reads slowly (a loaded machine) the pipe fills and writeSync
// throws EAGAIN: wait a moment and write the rest, never drop a line.
import fs from 'node:fs';

const pause = new Int32Array(new SharedArrayBuffer(4));

export function writeLine(line) {
  let bytes = Buffer.from(`${line}\n`);
  while (bytes.length > 0) {
    try {
      bytes = bytes.subarray(fs.writeSync(1, bytes));
    } catch (e) {
      if (e.code !== 'EAGAIN') throw e;
      Atomics.wait(pause, 0, 0, 5);
    }
  }
}
