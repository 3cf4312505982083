import { api } from './api';
import type { Status } from './App';
import { useApiData } from './use-api-data';

export function BriefsView({ onStatus }: { onStatus: (s: Status) => void }) {
  const briefs = useApiData(() => api.listBriefs({}), []);
  const create = async (kind: 'brief' | 'speech') => {
    try {
      const brief = await api.createBrief({ title: kind === 'speech' ? 'Speech doc' : 'Untitled brief', kind });
      briefs.reload();
      onStatus({ kind: 'info', text: `Created “${brief.title}”` });
    } catch (err) {
      onStatus({ kind: 'error', text: err instanceof Error ? err.message : String(err) });
    }
  };
  return (
    <section className="panel" aria-labelledby="briefs-heading">
      <h2 id="briefs-heading">Briefs</h2>
      <div className="actions">
        <button onClick={() => void create('brief')}>New brief</button>
        <button onClick={() => void create('speech')}>New speech doc</button>
      </div>
      {briefs.error && <p role="alert" className="error">{briefs.error}</p>}
      {briefs.data?.length === 0 && <p className="empty">No briefs yet.</p>}
      <ul className="list" aria-label="Briefs">
        {briefs.data?.map((b) => (
          <li key={b.id} className="row">
            <span className="title">{b.title}</span>
            <span className="meta">{b.kind === 'speech' ? 'speech doc' : 'brief'} · {b.doc.content?.length ?? 0} items</span>
          </li>
        ))}
      </ul>
    </section>
  );
}
