import { tagWithLabel } from '../../../shared/card-doc';
import type { ApiInput } from '../../../shared/api';
import type { Card } from '../../../shared/model';
import type { ArticleSummary } from '../../../shared/summaries';
import { CiteWarning } from '../CiteWarning';
import { useVirtualRows } from '../virtual-rows';

interface Props {
  /** The cards the filters let through, as far as they are loaded. */
  cards: readonly Card[];
  /** More cards pass the filters than are loaded; onNearEnd fetches them. */
  more: boolean;
  onNearEnd: () => void;
  /** Why the cards could not be read, if they could not. */
  error: string | undefined;
  filters: CardFilters;
  onFilters: (filters: CardFilters) => void;
  labels: readonly string[];
  articles: readonly ArticleSummary[];
  currentId: number | undefined;
  onOpen: (card: Card) => void;
  onDuplicate: (card: Card) => void;
  onDelete: (card: Card) => void;
}

export interface CardFilters {
  label: string;
  author: string;
  articleId: string;
  from: string;
  to: string;
}

export const NO_FILTERS: CardFilters = { label: '', author: '', articleId: '', from: '', to: '' };
const NO_LABEL = '\u0000none';

/** The filters as the store applies them (listCards), so every page is filtered, not only the loaded ones. */
export function cardQuery(f: CardFilters): ApiInput<'listCards'> {
  return {
    ...(f.label ? { label: f.label === NO_LABEL ? null : f.label } : {}),
    ...(f.author.trim() ? { author: f.author.trim() } : {}),
    ...(f.articleId ? { articleId: Number(f.articleId) } : {}),
    ...(f.from ? { from: f.from } : {}),
    ...(f.to ? { to: f.to } : {}),
  };
}

/** Height of a card row in px (cutter.css .card-row): the list draws only the rows in view. */
const CARD_ROW = 64;

/** The debater's cards, filtered by label, author, article and date cut. */
export function CardLibrary({ cards, more, onNearEnd, error, filters: f, onFilters, labels, articles, currentId, onOpen, onDuplicate, onDelete }: Props) {
  const rows = useVirtualRows<HTMLDivElement>(cards.length, CARD_ROW, onNearEnd);
  const filtered = Object.values(f).some(Boolean);
  const set = (patch: Partial<CardFilters>) => onFilters({ ...f, ...patch });
  return (
    <section className="panel card-library" aria-labelledby="card-library-heading">
      <h2 id="card-library-heading">Cards <span className="count">{cards.length}{more ? '+' : ''}{filtered && ' shown'}</span></h2>
      <div className="filters">
        <select aria-label="Filter by label" value={f.label} onChange={(e) => set({ label: e.target.value })}>
          <option value="">Any label</option>
          <option value={NO_LABEL}>No label</option>
          {labels.map((l) => <option key={l} value={l}>{l}</option>)}
        </select>
        <input aria-label="Filter by author" placeholder="Author" value={f.author} onChange={(e) => set({ author: e.target.value })} />
        <select aria-label="Filter by article" value={f.articleId} onChange={(e) => set({ articleId: e.target.value })}>
          <option value="">Any article</option>
          {articles.map((a) => <option key={a.id} value={a.id}>{a.title.slice(0, 60)}</option>)}
        </select>
        <label className="date">Cut from <input type="date" value={f.from} onChange={(e) => set({ from: e.target.value })} /></label>
        <label className="date">to <input type="date" value={f.to} onChange={(e) => set({ to: e.target.value })} /></label>
        {filtered && <button className="link" onClick={() => onFilters(NO_FILTERS)}>Clear filters</button>}
      </div>
      {error && <p role="alert" className="error">{error}</p>}
      {cards.length === 0 && !filtered && <p className="empty">No cards yet: select a passage in the article and press Cut card.</p>}
      <div className="scroll" ref={rows.ref} onScroll={rows.onScroll}>
        <ul className="list" aria-label="Card list" style={{ paddingTop: rows.padTop, paddingBottom: rows.padBottom }}>
          {cards.slice(rows.start, rows.end).map((c) => (
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
      </div>
    </section>
  );
}
