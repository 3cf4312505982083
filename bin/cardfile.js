#!/usr/bin/env node
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const cli = new URL('../dist/electron/electron/cli.js', import.meta.url);
if (!existsSync(fileURLToPath(cli))) {
  console.error('cardfile: not built yet. Run `npm run build` in the Cardfile folder first.');
  process.exit(1);
}
// A damaged PDF can leave a pdfjs promise unhandled after its import failed cleanly: the batch goes on.
process.on('unhandledRejection', (reason) => console.error('cardfile: ignored an internal error from a file reader:', reason instanceof Error ? reason.message : reason));
const { runCli } = await import(cli.href);
process.exitCode = await runCli(process.argv.slice(2));
