// Restorer process for the crash-safety test: restores one backup into a library, printing
// "restoring" just before and "restored" after, so the test can SIGKILL it in between.
// Runs the BUILT services (dist/). Usage: node crash-restorer.mjs LIBRARY BACKUP_NAME
import fs from 'node:fs';
import { restoreBackup } from '../../dist/electron/electron/services/backup/restore-backup.js';
import { Library } from '../../dist/electron/electron/services/library/library.js';

const [libraryPath, name] = process.argv.slice(2);
const library = Library.open(libraryPath);
fs.writeSync(1, 'restoring\n');
await restoreBackup(library, name);
fs.writeSync(1, 'restored\n');
library.close();
