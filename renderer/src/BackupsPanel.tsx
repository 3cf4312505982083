import { useState } from 'react';
import type { BackupInfo } from '../../shared/model';
import { api } from './api';
import type { Status } from './App';
import { useApiData } from './use-api-data';

interface Props {
  onStatus: (status: Status) => void;
  /** Called after a restore replaced the library, so the views around re-read it. */
  onRestored: () => void;
}

const REASONS: Record<BackupInfo['reason'], string> = {
  open: 'when opened', hourly: 'hourly', manual: 'by hand', 'before-restore': 'before a restore',
};

const message = (err: unknown) => (err instanceof Error ? err.message : String(err));

/** The library's rolling backups: back up now, or put one back (after a confirming second click). */
export function BackupsPanel({ onStatus, onRestored }: Props) {
  const backups = useApiData(() => api.listBackups({}), []);
  const [busy, setBusy] = useState(false);
  const [confirming, setConfirming] = useState<string>();

  const run = async (work: () => Promise<string>) => {
    setBusy(true);
    try {
      onStatus({ kind: 'info', text: await work() });
    } catch (err) {
      onStatus({ kind: 'error', text: message(err) });
    } finally {
      setBusy(false);
      setConfirming(undefined);
      backups.reload();
    }
  };
  const backUp = () => run(async () => `Backed up: ${(await api.backupNow({})).name}`);
  const restore = (name: string) => run(async () => {
    const { restored } = await api.restoreBackup({ name });
    onRestored();
    return `Restored the backup of ${new Date(restored.createdAt).toLocaleString()}. The library as it was is kept as a backup too.`;
  });

  return (
    <section className="panel backups" aria-labelledby="backups-heading">
      <h2 id="backups-heading">Backups {backups.data && <span className="count">{backups.data.length}</span>}</h2>
      <p className="hint">Taken when the library opens and every hour, whenever it holds something new since the last one; the last ten are kept beside the library.</p>
      <button onClick={() => void backUp()} disabled={busy}>{busy ? 'Working…' : 'Back up now'}</button>
      {backups.error && <p role="alert" className="error">{backups.error}</p>}
      {backups.data?.length === 0 && <p className="empty">No backups yet: an empty library has nothing to keep. The first is taken once it holds your work (or now, with Back up now).</p>}
      <ul className="list" aria-label="Backups">
        {backups.data?.map((b) => (
          <li key={b.name} className="row">
            <span className="title">{new Date(b.createdAt).toLocaleString()} <span className="meta">{REASONS[b.reason]}</span></span>
            <span className="meta">{b.problem ?? `${b.articles} articles · ${b.cards} cards · ${b.briefs} briefs`}</span>
            {!b.problem && (confirming === b.name ? (
              <span role="group" aria-label="Confirm restore">
                Replace the library with this backup?{' '}
                <button onClick={() => void restore(b.name)} disabled={busy}>Restore</button>{' '}
                <button onClick={() => setConfirming(undefined)} disabled={busy}>Cancel</button>
              </span>
            ) : (
              <button onClick={() => setConfirming(b.name)} disabled={busy} aria-label={`Restore the backup of ${new Date(b.createdAt).toLocaleString()}`}>Restore…</button>
            ))}
          </li>
        ))}
      </ul>
    </section>
  );
}
