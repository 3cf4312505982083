import { useState } from 'react';
import { api } from './api';
import type { Status } from './App';

// The project's own sample: four real articles to cut from and one real block of cards (the
// corpus the tests use), bundled into the app as text.
const SAMPLE = import.meta.glob<string>('../../test/fixtures/corpus/*.txt', { query: '?raw', import: 'default', eager: true });

const base64 = (text: string): string => {
  const bytes = new TextEncoder().encode(text);
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
};

/** "Try with sample evidence": a newcomer sees real articles and a real brief in one click. */
export function SampleEvidence({ onImported, onStatus }: { onImported: () => void; onStatus: (s: Status) => void }) {
  const [busy, setBusy] = useState(false);
  const load = async () => {
    setBusy(true);
    try {
      const outcomes = [];
      for (const [file, text] of Object.entries(SAMPLE).sort(([a], [b]) => a.localeCompare(b))) {
        outcomes.push(await api.importData({ name: file.split('/').pop()!, dataBase64: base64(text) }));
      }
      onImported();
      const articles = outcomes.filter((o) => o.status !== 'failed' && o.kind === 'article').length;
      const briefs = outcomes.filter((o) => o.status !== 'failed' && o.kind === 'brief').length;
      onStatus({ kind: 'info', text: `Sample evidence: ${articles} articles in the Library, ${briefs} brief in Briefs` });
    } catch (err) {
      onStatus({ kind: 'error', text: err instanceof Error ? err.message : String(err) });
    } finally {
      setBusy(false);
    }
  };
  return (
    <button type="button" onClick={() => void load()} disabled={busy}>
      {busy ? 'Importing the sample…' : 'Try with sample evidence'}
    </button>
  );
}
