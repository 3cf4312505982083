// `npm run web`: browser mode on the default (or CARDFILE_LIBRARY) library.
import { spawn } from 'node:child_process';
import { defaultLibraryPath } from './services/library/default-library-path.js';
import { openLibrarySession } from './services/library-session.js';
import { startServer } from './server.js';

const DEFAULT_PORT = 7331;

async function main(): Promise<void> {
  // pdfjs can leave an internal promise unhandled on a damaged PDF after the import has already
  // failed cleanly: log it rather than let Node end browser mode mid-round.
  process.on('unhandledRejection', (reason) => console.error('[cardfile] unhandled rejection (kept running):', reason));
  // A damaged library opens on the recovery screen; a read-only one with a banner.
  const session = openLibrarySession(defaultLibraryPath());
  const { handlers } = session;
  const wanted = process.env.CARDFILE_PORT !== undefined ? Number(process.env.CARDFILE_PORT) : DEFAULT_PORT;
  const server = await startServer({ handlers, port: wanted }).catch((err: NodeJS.ErrnoException) => {
    // Another Cardfile (or anything) on the usual port: take any free one rather than fail.
    if (err.code === 'EADDRINUSE' && process.env.CARDFILE_PORT === undefined) return startServer({ handlers, port: 0 });
    throw err;
  });
  const status = session.status();
  console.log(`Cardfile (browser mode) on ${server.address}  library: ${status.path}`);
  if (status.notice) console.log(status.notice);
  if (process.env.CARDFILE_NO_OPEN !== '1') openBrowser(server.address);
  const stop = (): void => {
    void server.close().then(() => { session.close(); process.exit(0); });
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

function openBrowser(url: string): void {
  const command = process.platform === 'win32' ? 'cmd' : process.platform === 'darwin' ? 'open' : 'xdg-open';
  const args = process.platform === 'win32' ? ['/c', 'start', '', url] : [url];
  const child = spawn(command, args, { stdio: 'ignore', detached: true });
  child.on('error', () => console.log(`Open ${url} in your browser.`));
  child.unref();
}

main().catch((err: unknown) => {
  console.error(`cardfile: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
});
