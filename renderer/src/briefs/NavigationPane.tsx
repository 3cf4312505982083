import { useState, type DragEvent } from 'react';
import { blockTitle, type OutlineEntry } from '../../../shared/outline';
import { formatDuration } from '../../../shared/word-counts';

interface Props {
  entries: OutlineEntry[];
  /** Index of the top-level node holding the cursor. */
  current: number;
  onJump: (entry: OutlineEntry) => void;
  /** Drop the unit at index `dragged` onto the entry at `onto` (entries.length: the end). */
  onDrop: (dragged: number, onto: number) => void;
}

const DRAG_TYPE = 'application/x-cardfile-outline';

/** The outline: jump to a heading or card, collapse headings, drag blocks and cards to reorder. */
export function NavigationPane({ entries, current, onJump, onDrop }: Props) {
  const [collapsed, setCollapsed] = useState<ReadonlySet<number>>(new Set());
  const [over, setOver] = useState<number | null>(null);
  const toggle = (index: number) => {
    const next = new Set(collapsed);
    if (!next.delete(index)) next.add(index);
    setCollapsed(next);
  };
  const hidden = new Set<number>();
  for (const e of entries) {
    if (collapsed.has(e.index)) for (let i = e.index + 1; i < e.end; i++) hidden.add(i);
  }
  const dropProps = (onto: number) => ({
    onDragOver: (e: DragEvent) => {
      if (!e.dataTransfer.types.includes(DRAG_TYPE)) return;
      e.preventDefault();
      setOver(onto);
    },
    onDragLeave: () => setOver((o) => (o === onto ? null : o)),
    onDrop: (e: DragEvent) => {
      e.preventDefault();
      setOver(null);
      const dragged = Number(e.dataTransfer.getData(DRAG_TYPE));
      if (Number.isInteger(dragged)) onDrop(dragged, onto);
    },
  });

  return (
    <nav className="outline" aria-label="Outline">
      {entries.length === 0 && <p className="empty">Empty brief. F6 starts a block, F7 a tag.</p>}
      <ul>
        {entries.filter((e) => !hidden.has(e.index)).map((e) => {
          const title = e.level === 'block' ? blockTitle(e.title) : { answers: false, claim: e.title };
          const owns = e.end > e.index + 1;
          return (
            <li
              key={e.index}
              className={`level-${e.level}${e.index === current ? ' current' : ''}${over === e.index ? ' drop' : ''}`}
              draggable
              onDragStart={(d) => {
                d.dataTransfer.setData(DRAG_TYPE, String(e.index));
                d.dataTransfer.effectAllowed = 'move';
              }}
              {...dropProps(e.index)}
            >
              {e.level !== 'card' && (
                <button
                  className="twisty"
                  aria-label={collapsed.has(e.index) ? `Expand ${e.title}` : `Collapse ${e.title}`}
                  aria-expanded={!collapsed.has(e.index)}
                  disabled={!owns}
                  onClick={() => toggle(e.index)}
                >
                  {collapsed.has(e.index) ? '▸' : '▾'}
                </button>
              )}
              <button className="entry" onClick={() => onJump(e)} title={e.title}>
                {title.answers && <span className="at">AT</span>}
                {e.level === 'card' && e.analytic && <span className="analytic">A</span>}
                <span className="text">{title.claim || (e.level === 'card' ? 'Untagged card' : 'Untitled')}</span>
              </button>
              {e.level === 'block' && (
                <span className="totals" title={`${e.totals.highlightedWords} highlighted words, read in ${formatDuration(e.totals.seconds)}`}>
                  {e.totals.cards} · {formatDuration(e.totals.seconds)}
                </span>
              )}
            </li>
          );
        })}
        <li className={`end${over === entries.length ? ' drop' : ''}`} {...dropProps(entries.length)} aria-hidden="true" />
      </ul>
    </nav>
  );
}
