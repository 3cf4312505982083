// Restorer process for the crash-safety test: restores one backup into a library, printing
// "restoring" just before, "copying N" at each step of the copy-back (one page per step, so
// the copy-back spans many turns of the event loop) and "restored" after, so the test can
// SIGKILL it in the middle of the copy-back.
// Runs the BUILT services (dist/). Usage: node crash-restorer.mjs LIBRARY BACKUP_NAME
import fs from 'node:fs';
import { restoreBackup } from '../../dist/electron/electron/services/backup/restore-backup.js';
import { Library } from '../../dist/electron/electron/services/library/library.js';

const [libraryPath, name] = process.argv.slice(2);
const library = Library.open(libraryPath);
fs.writeSync(1, 'restoring\n');
await restoreBackup(library, name, {
  progress: ({ remainingPages }) => {
    fs.writeSync(1, `copying ${remainingPages}\n`);
    return 1;
  },
});
fs.writeSync(1, 'restored\n');
library.close();
