import { useEffect, useState } from 'react';
import type { LibraryStatus } from '../../shared/api';
import { api } from './api';
import { App } from './App';
import { RecoveryScreen } from './RecoveryScreen';

/**
 * Where the app starts: the library's status decides between the app, the app under a
 * read-only banner, and the recovery screen for a library that could not be opened.
 */
export function LibraryGate() {
  const [status, setStatus] = useState<LibraryStatus>();
  const [problem, setProblem] = useState<string>();
  const [recovered, setRecovered] = useState<string>();

  useEffect(() => {
    const failed = (err: unknown) => setProblem(err instanceof Error ? err.message : String(err));
    api.libraryStatus({}).then((first) => {
      setStatus(first);
      // The check of the whole file runs after the app is up; damage it finds brings the recovery screen.
      if (first.mode !== 'damaged') {
        api.libraryStatus({ checked: true }).then((checked) => { if (checked.mode === 'damaged') setStatus(checked); }, failed);
      }
    }, failed);
  }, []);

  if (problem) return <p role="alert" className="error gate-problem">{problem}</p>;
  if (!status) return null;
  if (status.mode === 'damaged') {
    return <RecoveryScreen status={status} onRecovered={(message) => { setRecovered(message); setStatus({ mode: 'writable', path: status.path, notice: null }); }} />;
  }
  return (
    <>
      {status.mode === 'read-only' && <p role="note" aria-label="Read-only library" className="banner">{status.notice}</p>}
      {recovered && <p role="note" aria-label="Library restored" className="banner ok">{recovered}</p>}
      <App />
    </>
  );
}
