// Restorer process for the crash-safety test: restores one backup into a library, printing
// "restoring" just before, "copying N" at each step of the copy-back (one page per step, so
// the copy-back spans many turns of the event loop) and "restored" after, so the test can
// SIGKILL it in the middle of the copy-back.
// Runs the BUILT services (dist/). Usage: node crash-restorer.mjs LIBRARY BACKUP_NAME
import { restoreBackup } from '../../dist/electron/electron/services/backup/restore-backup.js';
import { Library } from '../../dist/electron/electron/services/library/library.js';
import { writeLine } from './write-line.mjs';

const [libraryPath, name] = process.argv.slice(2);
const library = Library.open(libraryPath);
writeLine('restoring');
await restoreBackup(library, name, {
  progress: ({ remainingPages }) => {
    writeLine(`copying ${remainingPages}`);
    return 1;
  },
});
writeLine('restored');
library.close();
