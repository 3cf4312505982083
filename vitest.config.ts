import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    environment: 'node',
    testTimeout: 60_000,
    hookTimeout: 60_000,
    pool: 'forks',
    // One test file at a time: the end-to-end files each drive a Chromium and a server, and two of
    // them side by side on a 2-core machine made clicks and keys race the page (a different e2e
    // test failed in each of three full runs, none alone). The files' own work is about 6 minutes.
    fileParallelism: false,
    // expect.poll waits for what the app does on its own clock (a 400 ms autosave, then its
    // round trip): 1 s, vitest's default, is too short on a loaded 2-core CI machine. A poll that
    // would fail still fails, only later.
    expect: { poll: { timeout: 10_000 } },
    // pdfjs leaves one internal promise unhandled on some damaged cross-reference tables (the
    // fuzzer finds them); the import itself still ends in one clear error. Only those are let
    // through here; the app's processes log them instead of dying (see server-main.ts, cli).
    onUnhandledError: (error) => !(String(error.stack ?? '').includes('pdfjs-dist') && /Exception$/.test(error.name ?? '')),
  },
});
