import { useState } from 'react';
import type { Card } from '../../../shared/model';
import { api } from '../api';
import { usePages } from '../use-pages';
import { useVirtualRows } from '../virtual-rows';

interface Props {
  onAdd: (cards: Card[]) => void;
  onClose: () => void;
}

/** Cards fetched per call, and the height of a row in px (briefs.css .card-picker .pick). */
const CARD_PAGE = 200;
const ROW = 34;

/** Cards from the library, filtered as you type (by the store, over every cut card), added to the block at the cursor. */
export function CardPicker({ onAdd, onClose }: Props) {
  const [filter, setFilter] = useState('');
  const words = filter.toLowerCase().split(/\s+/).filter(Boolean);
  const cards = usePages((page) => api.listCards({ words, ...page }), [words.join(' ')], CARD_PAGE);
  const rows = useVirtualRows<HTMLDivElement>(cards.items.length, ROW, cards.loadMore);
  // Picked cards stay picked while the filter changes and they leave the list.
  const [picked, setPicked] = useState<ReadonlyMap<number, Card>>(new Map());
  const toggle = (card: Card) => {
    const next = new Map(picked);
    if (!next.delete(card.id)) next.set(card.id, card);
    setPicked(next);
  };
  const add = () => {
    // In the order the list shows them (newest first), which is the order the debater sees.
    onAdd([...picked.values()].sort((a, b) => b.updatedAt.localeCompare(a.updatedAt) || b.id - a.id));
    setPicked(new Map());
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
      {cards.loaded && cards.items.length === 0 && !filter.trim() && <p className="empty">No cards in the library yet: cut some in the Cutter.</p>}
      <div className="scroll" ref={rows.ref} onScroll={rows.onScroll}>
        <ul className="list" aria-label="Library cards" style={{ paddingTop: rows.padTop, paddingBottom: rows.padBottom }}>
          {cards.items.slice(rows.start, rows.end).map((c) => (
            <li key={c.id}>
              <label className="row pick">
                <input type="checkbox" checked={picked.has(c.id)} onChange={() => toggle(c)} />
                <span className="title">{c.label && <span className="label">{c.label}</span>}{c.tag || 'Untagged card'}</span>
                <span className="meta">{c.shortCite}</span>
              </label>
            </li>
          ))}
        </ul>
      </div>
    </section>
  );
}
