// The CLI's backup, restore and library export commands (see cli.ts for the rest).
import fs from 'node:fs';
import path from 'node:path';
import type { BackupInfo } from '../shared/model.js';
import { backupFiles, backupsDir } from './services/backup/backup-files.js';
import { importLibraryExport, writeLibraryExport } from './services/backup/library-export.js';
import { checkFile, DamagedLibraryError } from './services/backup/check-file.js';
import { rebuildDamagedIndex, restoreDamagedLibrary } from './services/backup/recover-library.js';
import { restoreBackup } from './services/backup/restore-backup.js';
import { createBackup, listBackups } from './services/backup/rolling-backups.js';
import type { Library } from './services/library/library.js';
import { LibraryError } from './services/library/library-error.js';

export const BACKUP_USAGE = `  backups [--json]                      list the library's backups, newest first
  backup                                back the library up now
  restore [BACKUP]                      restore a backup (default: the newest); the library
                                        as it was is backed up first, or, if it cannot be
                                        read, kept beside it as <name>.damaged-<time>.cardfile
  rebuild-index                         check the library whole; if only its search index is
                                        damaged, rebuild it from the cards (no backup needed)
  export-library FOLDER                 write everything to FOLDER/library.json, and
                                        each brief as a Verbatim .docx in FOLDER/briefs
  import-library FOLDER                 import such an export into a new, empty library`;

export const BACKUP_COMMANDS = ['backups', 'backup', 'restore', 'rebuild-index', 'export-library', 'import-library'] as const;
export type BackupCommand = (typeof BACKUP_COMMANDS)[number];

export function isBackupCommand(word: string | undefined): word is BackupCommand {
  return (BACKUP_COMMANDS as readonly (string | undefined)[]).includes(word);
}

const describe = (b: BackupInfo) =>
  `${b.name}\t${b.reason}\t${b.problem ?? `${b.articles} articles, ${b.cards} cards, ${b.briefs} briefs`}`;

/**
 * Runs one of BACKUP_COMMANDS; a thrown Error is reported by the caller, `usage` for a missing
 * argument. `backups` and `restore` work on a library that cannot be opened: they are how it is
 * repaired, so only the commands that need it call `open`.
 */
export async function runBackupCommand(
  libraryPath: string, open: () => Library, command: BackupCommand, args: string[], json: boolean,
  out: (line: string) => void, usage: (problem: string) => Error,
): Promise<number> {
  if (command === 'backups') {
    const backups = listBackups(libraryPath);
    if (json) out(JSON.stringify(backups, null, 2));
    else if (backups.length === 0) out(`No backups yet in ${backupsDir(libraryPath)}.`);
    else for (const b of backups) out(describe(b));
    return 0;
  }
  if (command === 'restore') return restore(libraryPath, open, args[0], out);
  if (command === 'rebuild-index') return rebuildIndexIfDamaged(libraryPath, out);
  const library = open();
  switch (command) {
    case 'backup': {
      const made = await createBackup(library, 'manual', { force: true });
      out(`Backed up to ${path.join(backupsDir(library.path), made!.name)}`);
      return 0;
    }
    case 'export-library': {
      if (!args[0]) throw usage('export-library needs a folder');
      const { json, briefs } = await writeLibraryExport(library, path.resolve(args[0]));
      out(`Wrote ${json} and ${briefs.length} briefs as .docx in ${path.dirname(json)}${path.sep}briefs`);
      return 0;
    }
    case 'import-library': {
      if (!args[0]) throw usage('import-library needs the folder of an export');
      const data = importLibraryExport(library, path.resolve(args[0]));
      out(`Imported ${data.articles.length} articles, ${data.cards.length} cards, ${data.briefs.length} briefs.`);
      return 0;
    }
  }
}

const counts = (b: BackupInfo) => `${b.articles} articles, ${b.cards} cards, ${b.briefs} briefs`;

async function restore(libraryPath: string, open: () => Library, wanted: string | undefined, out: (line: string) => void): Promise<number> {
  // A path from tab completion names the same backup as its file name.
  const name = wanted !== undefined ? path.basename(wanted) : backupFiles(libraryPath)[0]?.name;
  if (name === undefined) throw new Error(`there are no backups of ${libraryPath} to restore.`);
  const overDamaged = (): number => {
    const { restored, damagedCopy } = restoreDamagedLibrary(libraryPath, name);
    out(`Restored ${restored.name} (${counts(restored)}).`);
    out(`The damaged library is kept as ${damagedCopy}.`);
    return 0;
  };
  let library: Library;
  try {
    library = open();
  } catch (err) {
    // Whatever state the file is in (damaged, zeroed, not a database any more), a restore puts
    // the backup in its place and keeps the file aside; only a read-only one cannot be replaced.
    if (err instanceof LibraryError && err.code === 'read-only') throw err;
    return overDamaged();
  }
  let result: Awaited<ReturnType<typeof restoreBackup>>;
  try {
    result = await restoreBackup(library, name);
  } catch (err) {
    // It opened, but its safety copy failed the check: damaged where opening does not look.
    if (!(err instanceof DamagedLibraryError)) throw err;
    library.close();
    return overDamaged();
  }
  const { restored, safetyCopy } = result;
  out(`Restored ${restored.name} (${counts(restored)}).`);
  out(`The library as it was is kept as ${safetyCopy.name}: cardfile restore ${safetyCopy.name} undoes this.`);
  return 0;
}

/** The whole file checked (it may be damaged where opening does not look); an index-only damage rebuilt. */
async function rebuildIndexIfDamaged(libraryPath: string, out: (line: string) => void): Promise<number> {
  if (!fs.existsSync(libraryPath)) throw new Error(`there is no library at ${libraryPath}.`);
  const damage = await checkFile(libraryPath);
  if (!damage) {
    out(`${libraryPath} is sound: there is nothing to rebuild.`);
    return 0;
  }
  if (!damage.indexOnly) throw new Error(`${libraryPath} is damaged (${damage.problem}), and not in the search index alone: restore a backup (cardfile restore).`);
  const { cards, damagedCopy } = await rebuildDamagedIndex(libraryPath);
  out(`Rebuilt the search index from ${cards} cards. The damaged library is kept as ${damagedCopy}.`);
  return 0;
}
