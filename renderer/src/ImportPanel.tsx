import { useRef, useState, type DragEvent } from 'react';
import { importSummary, type ImportOutcome } from '../../shared/import-outcome';
import { api } from './api';

interface Props {
  /** Called after each import that changed the library. */
  onImported: () => void;
}

type Job = { key: number; source: string; state: 'waiting' | 'importing' | 'cancelled' } | { key: number; source: string; state: 'done'; outcome: ImportOutcome };
type Task = { source: string; run: () => Promise<ImportOutcome> };

const IMPORTABLE = /\.(txt|text|md|markdown|html?|xhtml|pdf|docx)$/i;

async function base64Of(file: File): Promise<string> {
  const url = await new Promise<string>((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result));
    reader.onerror = () => reject(reader.error ?? new Error('unreadable'));
    reader.readAsDataURL(file);
  });
  return url.slice(url.indexOf(',') + 1);
}

function fileTask(file: File, name = file.name): Task {
  return { source: name, run: async () => api.importData({ name, dataBase64: await base64Of(file) }) };
}

// A dropped folder arrives as a directory entry: its importable files, subfolders included.
async function filesOfEntry(entry: FileSystemEntry): Promise<Task[]> {
  if (entry.isFile) {
    if (!IMPORTABLE.test(entry.name)) return [];
    const file = await new Promise<File>((resolve, reject) => (entry as FileSystemFileEntry).file(resolve, reject));
    return [fileTask(file, entry.fullPath.replace(/^\//, ''))];
  }
  const reader = (entry as FileSystemDirectoryEntry).createReader();
  const children: FileSystemEntry[] = [];
  for (;;) {
    const batch = await new Promise<FileSystemEntry[]>((resolve, reject) => reader.readEntries(resolve, reject));
    if (batch.length === 0) break;
    children.push(...batch);
  }
  children.sort((a, b) => a.name.localeCompare(b.name));
  return (await Promise.all(children.map(filesOfEntry))).flat();
}

/** Drop files or folders, pick files, or give web addresses: each imported in turn, with progress. */
export function ImportPanel({ onImported }: Props) {
  const [jobs, setJobs] = useState<Job[]>([]);
  const [urls, setUrls] = useState('');
  const [over, setOver] = useState(false);
  const running = useRef(false);
  const cancelled = useRef(false);
  const nextKey = useRef(1);
  const picker = useRef<HTMLInputElement>(null);

  const update = (key: number, job: Partial<Job> & Pick<Job, 'state'>) => setJobs((all) => all.map((j) => (j.key === key ? ({ ...j, ...job } as Job) : j)));

  // One file at a time: each is its own transaction, and Cancel stops before the next one.
  const run = async (tasks: Task[]) => {
    if (tasks.length === 0 || running.current) return;
    running.current = true;
    cancelled.current = false;
    const queued = tasks.map((t) => ({ ...t, key: nextKey.current++ }));
    setJobs(queued.map(({ key, source }) => ({ key, source, state: 'waiting' })));
    for (const task of queued) {
      if (cancelled.current) {
        update(task.key, { state: 'cancelled' });
        continue;
      }
      update(task.key, { state: 'importing' });
      let outcome: ImportOutcome;
      try {
        outcome = await task.run();
      } catch (err) {
        outcome = { source: task.source, status: 'failed', failure: 'refused', error: err instanceof Error ? err.message : String(err) };
      }
      update(task.key, { state: 'done', outcome });
      if (outcome.status === 'imported') onImported();
    }
    running.current = false;
  };

  const onDrop = async (e: DragEvent) => {
    e.preventDefault();
    setOver(false);
    const entries = [...e.dataTransfer.items].map((item) => item.webkitGetAsEntry?.()).filter((x): x is FileSystemEntry => !!x);
    const tasks = entries.length > 0 ? (await Promise.all(entries.map(filesOfEntry))).flat() : [...e.dataTransfer.files].map((f) => fileTask(f));
    void run(tasks);
  };

  const importUrls = () => {
    const list = urls.split(/\s+/).map((u) => u.trim()).filter(Boolean);
    setUrls('');
    void run(list.map((url) => ({ source: url, run: () => api.importUrl({ url }) })));
  };
  // A local or private address is fetched only once the user says they trust it.
  const importLocal = (url: string) => void run([{ source: url, run: () => api.importUrl({ url, allowLocal: true }) }]);

  const outcomes = jobs.flatMap((j) => (j.state === 'done' ? [j.outcome] : []));
  const busy = jobs.some((j) => j.state === 'waiting' || j.state === 'importing');
  const notStarted = jobs.filter((j) => j.state === 'cancelled').length;

  return (
    <section className="panel import" aria-labelledby="import-heading">
      <h2 id="import-heading">Import</h2>
      <div
        className={`dropzone${over ? ' over' : ''}`}
        onDragOver={(e) => { e.preventDefault(); setOver(true); }}
        onDragLeave={() => setOver(false)}
        onDrop={(e) => void onDrop(e)}
        aria-label="Drop files or folders to import"
      >
        Drop articles here (.txt, .md, .html, .pdf, .docx, or a folder), or{' '}
        <button type="button" className="link" onClick={() => picker.current?.click()}>choose files</button>
        <input
          ref={picker}
          type="file"
          multiple
          hidden
          aria-label="Files to import"
          accept=".txt,.text,.md,.markdown,.html,.htm,.xhtml,.pdf,.docx"
          onChange={(e) => { void run([...(e.target.files ?? [])].map((f) => fileTask(f))); e.target.value = ''; }}
        />
      </div>
      <label>
        Web addresses <span className="hint">(one per line)</span>
        <textarea rows={2} value={urls} name="urls" placeholder="https://…" onChange={(e) => setUrls(e.target.value)} />
      </label>
      <button type="button" disabled={!urls.trim() || busy} onClick={importUrls}>Import from the web</button>

      {jobs.length > 0 && (
        <div className="import-progress">
          <ul className="list" aria-label="Import progress">
            {jobs.map((j) => (
              <li key={j.key} className={`row job ${j.state === 'done' ? j.outcome.status : j.state}`}>
                <span className="title">{j.source}</span>
                <span className="meta">
                  {j.state === 'waiting' && 'waiting'}
                  {j.state === 'importing' && 'importing…'}
                  {j.state === 'cancelled' && 'not imported (cancelled)'}
                  {j.state === 'done' && j.outcome.status === 'imported' && `imported as ${j.outcome.kind} “${j.outcome.title}”`}
                  {j.state === 'done' && j.outcome.status === 'duplicate' && `already in the library as “${j.outcome.title}”`}
                  {j.state === 'done' && j.outcome.status === 'failed' && <span className="error">{j.outcome.error}</span>}
                  {j.state === 'done' && j.outcome.status === 'failed' && j.outcome.failure === 'local-address' && (
                    <button type="button" disabled={busy} onClick={() => importLocal(j.source)}>I trust this address: import it</button>
                  )}
                </span>
              </li>
            ))}
          </ul>
          {busy ? (
            <button type="button" onClick={() => { cancelled.current = true; }}>Cancel</button>
          ) : (
            <p aria-live="polite" className="summary">{importSummary(outcomes)}{notStarted > 0 ? `, ${notStarted} cancelled` : ''}</p>
          )}
        </div>
      )}
    </section>
  );
}
