import { useState } from 'react';
import type { BackupInfo } from '../../shared/model';
import { backupContents, BACKUP_REASONS, backupTime } from './backup-labels';

interface Props {
  backups: BackupInfo[] | undefined;
  busy: boolean;
  /** Asked beside the confirming Restore button. */
  question: string;
  /** Settles when the restore has succeeded or failed (the caller reports which). */
  onRestore: (name: string) => Promise<void>;
}

/** Backups with their time and contents; a restore takes a second, confirming click. */
export function BackupList({ backups, busy, question, onRestore }: Props) {
  const [confirming, setConfirming] = useState<string>();
  const restore = async (name: string) => {
    await onRestore(name);
    setConfirming(undefined);
  };
  return (
    <ul className="list" aria-label="Backups">
      {backups?.map((b) => (
        <li key={b.name} className="row">
          <span className="title">{backupTime(b)} <span className="meta">{BACKUP_REASONS[b.reason]}</span></span>
          <span className="meta">{backupContents(b)}</span>
          {!b.problem && (confirming === b.name ? (
            <span role="group" aria-label="Confirm restore">
              {question}{' '}
              <button onClick={() => void restore(b.name)} disabled={busy}>{busy ? 'Restoring…' : 'Restore'}</button>{' '}
              <button onClick={() => setConfirming(undefined)} disabled={busy}>Cancel</button>
            </span>
          ) : (
            <button onClick={() => setConfirming(b.name)} disabled={busy} aria-label={`Restore the backup of ${backupTime(b)}`}>Restore…</button>
          ))}
        </li>
      ))}
    </ul>
  );
}
