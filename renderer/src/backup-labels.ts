// How a backup is described, in the Backups panel and on the recovery screen alike.
import type { BackupInfo } from '../../shared/model';

export const BACKUP_REASONS: Record<BackupInfo['reason'], string> = {
  open: 'when opened', hourly: 'hourly', manual: 'by hand', 'before-restore': 'before a restore',
};

export const backupTime = (b: BackupInfo): string => new Date(b.createdAt).toLocaleString();

/** What it holds, or why it cannot be restored. */
export const backupContents = (b: BackupInfo): string => b.problem ?? `${b.articles} articles · ${b.cards} cards · ${b.briefs} briefs`;
