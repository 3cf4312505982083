import { useEffect, useRef, useState, type DragEvent } from 'react';
import { importSummary, type ImportOutcome } from '../../shared/import-outcome';
import { progressLine, type JobStatus } from '../../shared/jobs';
import { api } from './api';

interface Props {
  /** Called when an import brought something new into the library. */
  onImported: () => void;
}

interface Picked {
  file: File;
  /** Its path within a dropped or chosen folder, else its name. */
  name: string;
}

const IMPORTABLE = /\.(txt|text|md|markdown|html?|xhtml|pdf|docx)$/i;
/** A batch sent in one call: well under the server's 64 MB body once in base64. */
const BATCH_BYTES = 16 * 1024 * 1024;
const BATCH_FILES = 50;
const POLL_MS = 300;
/** Outcomes shown besides the failures, which are all shown: the latest ones. */
const RECENT = 20;

async function base64Of(file: File): Promise<string> {
  const url = await new Promise<string>((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result));
    reader.onerror = () => reject(reader.error ?? new Error('unreadable'));
    reader.readAsDataURL(file);
  });
  return url.slice(url.indexOf(',') + 1);
}

function batches(files: Picked[]): Picked[][] {
  const out: Picked[][] = [];
  let batch: Picked[] = [];
  let bytes = 0;
  for (const picked of files) {
    if (batch.length > 0 && (batch.length >= BATCH_FILES || bytes + picked.file.size > BATCH_BYTES)) {
      out.push(batch);
      batch = [];
      bytes = 0;
    }
    batch.push(picked);
    bytes += picked.file.size;
  }
  if (batch.length > 0) out.push(batch);
  return out;
}

const encode = (batch: Picked[]) => Promise.all(batch.map(async ({ file, name }) => ({ name, dataBase64: await base64Of(file) })));

// A dropped folder arrives as a directory entry: its importable files, subfolders included.
async function filesOfEntry(entry: FileSystemEntry): Promise<Picked[]> {
  if (entry.isFile) {
    if (!IMPORTABLE.test(entry.name)) return [];
    const file = await new Promise<File>((resolve, reject) => (entry as FileSystemFileEntry).file(resolve, reject));
    return [{ file, name: entry.fullPath.replace(/^\//, '') }];
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

const pickedOf = (list: FileList | null): Picked[] =>
  [...(list ?? [])].map((file) => ({ file, name: file.webkitRelativePath || file.name })).filter((p) => IMPORTABLE.test(p.name)).sort((a, b) => a.name.localeCompare(b.name));

function OutcomeRow({ outcome, onTrust }: { outcome: ImportOutcome; onTrust?: (url: string) => void }) {
  return (
    <li className={`row job ${outcome.status}`}>
      <span className="title">{outcome.source}</span>
      <span className="meta">
        {outcome.status === 'imported' && `imported as ${outcome.kind} “${outcome.title}”${outcome.cards ? ` (${outcome.cards} cards)` : ''}`}
        {outcome.status === 'duplicate' && `already in the library as “${outcome.title}”`}
        {outcome.status === 'failed' && <span className="error">{outcome.error}</span>}
        {outcome.status === 'failed' && outcome.failure === 'local-address' && onTrust && (
          <button type="button" onClick={() => onTrust(outcome.source)}>I trust this address: import it</button>
        )}
      </span>
    </li>
  );
}

/**
 * Drop files or folders, choose them, or give web addresses: one import job in the worker, with
 * files and cards counted, time left, Cancel, and every file's outcome. Dropping the same folder
 * again after a crash resumes it: the files already in are skipped by their content.
 */
export function ImportPanel({ onImported }: Props) {
  const [job, setJob] = useState<JobStatus | null>(null);
  const [outcomes, setOutcomes] = useState<ImportOutcome[]>([]);
  const [problem, setProblem] = useState<string | null>(null);
  const [urls, setUrls] = useState('');
  const [over, setOver] = useState(false);
  const picker = useRef<HTMLInputElement>(null);
  const folderPicker = useRef<HTMLInputElement>(null);
  const live = useRef(true);
  useEffect(() => () => { live.current = false; }, []);
  const busy = job?.state === 'running';

  // Polls the job until it ends, fetching only the outcomes not yet seen.
  const follow = async (id: string) => {
    let seen = 0;
    for (;;) {
      const status = await api.jobStatus({ id, outcomesFrom: seen });
      if (!live.current) return;
      seen += status.outcomes.length;
      setJob(status);
      if (status.outcomes.length > 0) setOutcomes((all) => [...all, ...status.outcomes]);
      if (status.outcomes.some((o) => o.status === 'imported')) onImported();
      if (status.state !== 'running') return;
      await new Promise((resolve) => setTimeout(resolve, POLL_MS));
    }
  };

  const start = async (begin: () => Promise<JobStatus>, send: (id: string) => Promise<void> = async () => {}) => {
    if (busy) return;
    setOutcomes([]);
    setProblem(null);
    try {
      const started = await begin();
      setJob(started);
      await Promise.all([follow(started.id), send(started.id)]);
    } catch (err) {
      if (live.current) setProblem(err instanceof Error ? err.message : String(err));
    }
  };

  // The first batch starts the job; the rest follow as the worker takes them, so a folder of
  // thousands of files never sits in memory at once.
  const importFiles = (files: Picked[]) => {
    if (files.length === 0) return;
    const [first = [], ...rest] = batches(files);
    void start(
      async () => api.startImport({ files: await encode(first), more: rest.length > 0, expectedFiles: files.length }),
      async (id) => {
        for (const [i, batch] of rest.entries()) {
          const status = await api.addImportFiles({ id, files: await encode(batch), more: i < rest.length - 1 });
          if (status.state !== 'running') return;
        }
      },
    );
  };

  const onDrop = async (e: DragEvent) => {
    e.preventDefault();
    setOver(false);
    const entries = [...e.dataTransfer.items].map((item) => item.webkitGetAsEntry?.()).filter((x): x is FileSystemEntry => !!x);
    importFiles(entries.length > 0 ? (await Promise.all(entries.map(filesOfEntry))).flat() : pickedOf(e.dataTransfer.files));
  };

  const importUrls = () => {
    const list = urls.split(/\s+/).map((u) => u.trim()).filter(Boolean);
    setUrls('');
    if (list.length > 0) void start(() => api.startImport({ urls: list }));
  };

  // A local or private address is fetched only once the user says they trust it.
  const importLocal = (url: string) => void start(() => api.startImport({ urls: [url], allowLocal: true }));

  const failures = outcomes.filter((o) => o.status === 'failed');
  const recent = outcomes.filter((o) => o.status !== 'failed').slice(-RECENT);
  const notStarted = job && job.state === 'cancelled' ? job.progress.filesTotal - job.progress.filesDone : 0;

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
        Drop articles and briefs here (.txt, .md, .html, .pdf, .docx, or a whole folder), or{' '}
        <button type="button" className="link" onClick={() => picker.current?.click()}>choose files</button>
        {' or '}
        <button type="button" className="link" onClick={() => folderPicker.current?.click()}>a folder</button>
        <input
          ref={picker}
          type="file"
          multiple
          hidden
          aria-label="Files to import"
          accept=".txt,.text,.md,.markdown,.html,.htm,.xhtml,.pdf,.docx"
          onChange={(e) => { importFiles(pickedOf(e.target.files)); e.target.value = ''; }}
        />
        <input
          ref={folderPicker}
          type="file"
          hidden
          aria-label="Folder to import"
          {...{ webkitdirectory: '' }}
          onChange={(e) => { importFiles(pickedOf(e.target.files)); e.target.value = ''; }}
        />
      </div>
      <label>
        Web addresses <span className="hint">(one per line)</span>
        <textarea rows={2} value={urls} name="urls" placeholder="https://…" onChange={(e) => setUrls(e.target.value)} />
      </label>
      <button type="button" disabled={!urls.trim() || busy} onClick={importUrls}>Import from the web</button>
      {problem && <p role="alert" className="error">{problem}</p>}

      {job && (
        <div className="import-progress">
          <p aria-live="polite" className="summary" aria-label="Import status">
            {busy
              ? `Importing: ${progressLine(job)}`
              : `${importSummary(outcomes)}, ${job.progress.cardsDone.toLocaleString('en-US')} cards${notStarted > 0 ? `, ${notStarted} not started (cancelled)` : ''}${job.error ? ` — ${job.error}` : ''}`}
          </p>
          {busy && <progress max={Math.max(1, job.progress.filesTotal)} value={job.progress.filesDone} aria-label="Files imported" />}
          {busy && <button type="button" onClick={() => void api.cancelJob({ id: job.id })}>Cancel</button>}
          {failures.length > 0 && (
            <ul className="list" aria-label="Files that failed">
              {failures.map((o, i) => <OutcomeRow key={i} outcome={o} onTrust={busy ? undefined : importLocal} />)}
            </ul>
          )}
          <ul className="list" aria-label="Import progress">
            {recent.map((o, i) => <OutcomeRow key={i} outcome={o} />)}
          </ul>
        </div>
      )}
    </section>
  );
}
