import { useState } from 'react';
import type { LibraryStatus } from '../../shared/api';
import { api } from './api';
import { backupTime } from './backup-labels';
import { BackupList } from './BackupList';
import { useApiData } from './use-api-data';

interface Props {
  status: LibraryStatus;
  /** Called once a backup is in place and the library is open again. */
  onRecovered: (message: string) => void;
}

/**
 * Shown instead of the app when the library cannot be read: what went wrong, the backups with
 * their time and contents, and restoring one (after a confirming second click), or, when only
 * the search index is damaged, rebuilding it. The damaged file is kept beside the library,
 * never deleted.
 */
export function RecoveryScreen({ status, onRecovered }: Props) {
  const backups = useApiData(() => api.listBackups({}), []);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();

  const restore = async (name: string) => {
    setBusy(true);
    setError(undefined);
    try {
      const { restored, damagedCopy } = await api.recoverLibrary({ name });
      onRecovered(`Restored the backup of ${backupTime(restored)}. The damaged library is kept as ${damagedCopy}.`);
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
      setBusy(false);
    }
  };

  // Only the index is damaged: it is rebuilt from the cards, which are sound, and no backup is needed.
  const rebuild = async () => {
    setBusy(true);
    setError(undefined);
    try {
      const { cards, damagedCopy } = await api.rebuildSearchIndex({});
      onRecovered(`Rebuilt the search index from your ${cards.toLocaleString('en-US')} cards. The damaged library is kept as ${damagedCopy}.`);
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
      setBusy(false);
    }
  };

  return (
    <main className="recovery">
      <section className="panel" aria-labelledby="recovery-heading">
        <h1 id="recovery-heading">{status.indexOnly ? 'Your library’s search index is damaged' : 'Your library needs to be restored'}</h1>
        <p role="alert" className="error">{status.notice}</p>
        {status.indexOnly && (
          <p>
            Your cards, briefs and articles are sound: the index is rebuilt from them, with nothing lost and no backup needed.{' '}
            <button onClick={() => void rebuild()} disabled={busy}>{busy ? 'Rebuilding…' : 'Rebuild the search index'}</button>
          </p>
        )}
        {!(status.indexOnly && backups.data?.length === 0) && (
          <p>
            {status.indexOnly ? 'Or choose' : 'Choose'} a backup to put in its place. The damaged file is not deleted: it is kept beside the library,
            so nothing in it is lost for good.
          </p>
        )}
        {error && <p role="alert" className="error">{error}</p>}
        {backups.error && <p role="alert" className="error">{backups.error}</p>}
        {backups.data?.length === 0 && !status.indexOnly && (
          <p className="empty">There are no backups of {status.path}. Move the damaged file away and Cardfile starts with a new, empty library.</p>
        )}
        <BackupList backups={backups.data} busy={busy} question="Put this backup in place of the damaged library?" onRestore={restore} />
      </section>
    </main>
  );
}
