// The CLI's backup, restore and library export commands (see cli.ts for the rest).
import path from 'node:path';
import type { BackupInfo } from '../shared/model.js';
import { backupFiles, backupsDir } from './services/backup/backup-files.js';
import { importLibraryExport, writeLibraryExport } from './services/backup/library-export.js';
import { restoreBackup } from './services/backup/restore-backup.js';
import { createBackup, listBackups } from './services/backup/rolling-backups.js';
import type { Library } from './services/library/library.js';

export const BACKUP_USAGE = `  backups [--json]                      list the library's backups, newest first
  backup                                back the library up now
  restore [BACKUP]                      restore a backup (default: the newest); the library
                                        as it was is backed up first
  export-library FOLDER                 write everything to FOLDER/library.json, and
                                        each brief as a Verbatim .docx in FOLDER/briefs
  import-library FOLDER                 import such an export into a new, empty library`;

export const BACKUP_COMMANDS = ['backups', 'backup', 'restore', 'export-library', 'import-library'] as const;
export type BackupCommand = (typeof BACKUP_COMMANDS)[number];

export function isBackupCommand(word: string | undefined): word is BackupCommand {
  return (BACKUP_COMMANDS as readonly (string | undefined)[]).includes(word);
}

const describe = (b: BackupInfo) =>
  `${b.name}\t${b.reason}\t${b.problem ?? `${b.articles} articles, ${b.cards} cards, ${b.briefs} briefs`}`;

/** Runs one of BACKUP_COMMANDS; a thrown Error is reported by the caller, `usage` for a missing argument. */
export async function runBackupCommand(
  library: Library, command: BackupCommand, args: string[], json: boolean,
  out: (line: string) => void, usage: (problem: string) => Error,
): Promise<number> {
  switch (command) {
    case 'backups': {
      const backups = listBackups(library.path);
      if (json) out(JSON.stringify(backups, null, 2));
      else if (backups.length === 0) out(`No backups yet in ${backupsDir(library.path)}.`);
      else for (const b of backups) out(describe(b));
      return 0;
    }
    case 'backup': {
      const made = await createBackup(library, 'manual', { force: true });
      out(`Backed up to ${path.join(backupsDir(library.path), made!.name)}`);
      return 0;
    }
    case 'restore': {
      // A path from tab completion names the same backup as its file name.
      const name = args[0] !== undefined ? path.basename(args[0]) : backupFiles(library.path)[0]?.name;
      if (name === undefined) throw new Error(`there are no backups of ${library.path} to restore.`);
      const { restored, safetyCopy } = await restoreBackup(library, name);
      out(`Restored ${restored.name} (${restored.articles} articles, ${restored.cards} cards, ${restored.briefs} briefs).`);
      out(`The library as it was is kept as ${safetyCopy.name}: cardfile restore ${safetyCopy.name} undoes this.`);
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
