import { useState } from 'react';
import { api } from './api';
import type { Status } from './App';
import { BackupList } from './BackupList';
import { useApiData } from './use-api-data';

interface Props {
  onStatus: (status: Status) => void;
  /** Called after a restore replaced the library, so the views around re-read it. */
  onRestored: () => void;
}

const message = (err: unknown) => (err instanceof Error ? err.message : String(err));

/** The library's rolling backups: back up now, or put one back (after a confirming second click). */
export function BackupsPanel({ onStatus, onRestored }: Props) {
  const backups = useApiData(() => api.listBackups({}), []);
  const [busy, setBusy] = useState(false);

  const run = async (work: () => Promise<string>) => {
    setBusy(true);
    try {
      onStatus({ kind: 'info', text: await work() });
    } catch (err) {
      onStatus({ kind: 'error', text: message(err) });
    } finally {
      setBusy(false);
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
      <BackupList backups={backups.data} busy={busy} question="Replace the library with this backup?" onRestore={restore} />
    </section>
  );
}
