import { useMemo, useState } from 'react';
import { tagWithLabel } from '../../../shared/card-doc';
import type { Card } from '../../../shared/model';
import type { ArticleSummary } from '../../../shared/summaries';
import { CiteWarning } from '../CiteWarning';

interface Props {
  cards: readonly Card[];
  articles: readonly ArticleSummary[];
  currentId: number | undefined;
  onOpen: (card: Card) => void;
  onDuplicate: (card: Card) => void;
  onDelete: (card: Card) => void;
}

interface Filters {
  label: string;
  author: string;
  articleId: string;
  from: string;
  to: string;
}

const NONE: Filters = { label: '', author: '', articleId: '', from: '', to: '' };

/** The debater's cards, filtered by label, author, article and date cut. */
export function CardLibrary({ cards, articles, currentId, onOpen, onDuplicate, onDelete }: Props) {
  const [f, setF] = useState<Filters>(NONE);
  const byId = useMemo(() => new Map(articles.map((a) => [a.id, a])), [articles]);
  const labels = useMemo(() => [...new Set(cards.map((c) => c.label).filter((l): l is string => !!l))].sort(), [cards]);
  const author = f.author.trim().toLowerCase();
  const shown = cards.filter((c) => {
    if (f.label && (f.label === '\u0000none' ? c.label !== null : c.label !== f.label)) return false;
    if (f.articleId && String(c.articleId) !== f.articleId) return false;
    const day = c.createdAt.slice(0, 10);
    if (f.from && day < f.from) return false;
    if (f.to && day > f.to) return false;
    if (author) {
      const names = (c.articleId !== null ? byId.get(c.articleId)?.authors ?? [] : []).map((a) => a.name).join(' ');
      if (!`${c.shortCite} ${c.fullCite} ${names}`.toLowerCase().includes(author)) return false;
    }
    return true;
  });
  const set = (patch: Partial<Filters>) => setF({ ...f, ...patch });
  return (
    <section className="panel card-library" aria-labelledby="card-library-heading">
      <h2 id="card-library-heading">Cards <span className="count">{shown.length}{shown.length !== cards.length && ` of ${cards.length}`}</span></h2>
      <div className="filters">
        <select aria-label="Filter by label" value={f.label} onChange={(e) => set({ label: e.target.value })}>
          <option value="">Any label</option>
          <option value={'\u0000none'}>No label</option>
          {labels.map((l) => <option key={l} value={l}>{l}</option>)}
        </select>
        <input aria-label="Filter by author" placeholder="Author" value={f.author} onChange={(e) => set({ author: e.target.value })} />
        <select aria-label="Filter by article" value={f.articleId} onChange={(e) => set({ articleId: e.target.value })}>
          <option value="">Any article</option>
          {articles.map((a) => <option key={a.id} value={a.id}>{a.title.slice(0, 60)}</option>)}
        </select>
        <label className="date">Cut from <input type="date" value={f.from} onChange={(e) => set({ from: e.target.value })} /></label>
        <label className="date">to <input type="date" value={f.to} onChange={(e) => set({ to: e.target.value })} /></label>
        {f !== NONE && <button className="link" onClick={() => setF(NONE)}>Clear filters</button>}
      </div>
      {cards.length === 0 && <p className="empty">No cards yet: select a passage in the article and press Cut card.</p>}
      <ul className="list" aria-label="Card list">
        {shown.map((c) => (
          <li key={c.id} className={`card-row${c.id === currentId ? ' current' : ''}`} data-card-id={c.id}>
            <button className="row" onClick={() => onOpen(c)} aria-current={c.id === currentId}>
              <span className="title">{c.label && <span className="label">{c.label}</span>}{tagWithLabel(c.tag, c.label, null) || 'Untagged card'}</span>
              <span className="meta">{[c.shortCite, c.createdAt.slice(0, 10), c.textEdited ? 'text edited' : ''].filter(Boolean).join(' · ')}</span>
              <CiteWarning shortCite={c.shortCite} fullCite={c.fullCite} />
            </button>
            <span className="row-actions">
              <button className="link" onClick={() => onDuplicate(c)} aria-label={`Duplicate ${c.tag || 'card'}`}>Duplicate</button>
              <button className="link" onClick={() => onDelete(c)} aria-label={`Delete ${c.tag || 'card'}`}>Delete</button>
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}
