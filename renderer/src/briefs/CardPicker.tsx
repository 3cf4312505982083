import { useState } from 'react';
import type { Card } from '../../../shared/model';
import { api } from '../api';
import { useApiData } from '../use-api-data';

interface Props {
  onAdd: (cards: Card[]) => void;
  onClose: () => void;
}

/** Cards from the library, filtered as you type, added to the block at the cursor. */
export function CardPicker({ onAdd, onClose }: Props) {
  const cards = useApiData(() => api.listCards({}), []);
  const [filter, setFilter] = useState('');
  const [picked, setPicked] = useState<ReadonlySet<number>>(new Set());
  const words = filter.toLowerCase().split(/\s+/).filter(Boolean);
  const shown = (cards.data ?? []).filter((c) => {
    const hay = `${c.label ?? ''} ${c.tag} ${c.shortCite} ${c.fullCite}`.toLowerCase();
    return words.every((w) => hay.includes(w));
  });
  const toggle = (id: number) => {
    const next = new Set(picked);
    if (!next.delete(id)) next.add(id);
    setPicked(next);
  };
  const add = () => {
    // In the order the list shows them, which is the order the debater sees.
    onAdd((cards.data ?? []).filter((c) => picked.has(c.id)));
    setPicked(new Set());
  };
  return (
    <section className="card-picker" role="dialog" aria-label="Add cards from the library">
      <header>
        <input
          autoFocus
          placeholder="Filter by tag, label or cite"
          aria-label="Filter cards"
          value={filter}
          onChange={(e) => setFilter(e.target.value)}
          onKeyDown={(e) => { if (e.key === 'Escape') onClose(); }}
        />
        <button onClick={add} disabled={picked.size === 0}>Add {picked.size || ''} to brief</button>
        <button onClick={onClose}>Close</button>
      </header>
      {cards.error && <p role="alert" className="error">{cards.error}</p>}
      {cards.data?.length === 0 && <p className="empty">No cards in the library yet: cut some in the Cutter.</p>}
      <ul className="list" aria-label="Library cards">
        {shown.map((c) => (
          <li key={c.id}>
            <label className="row pick">
              <input type="checkbox" checked={picked.has(c.id)} onChange={() => toggle(c.id)} />
              <span className="title">{c.label && <span className="label">{c.label}</span>}{c.tag || 'Untagged card'}</span>
              <span className="meta">{c.shortCite}</span>
            </label>
          </li>
        ))}
      </ul>
    </section>
  );
}
