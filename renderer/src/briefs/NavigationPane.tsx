import { memo, useMemo, useState, type DragEvent, type ReactNode } from 'react';
import { blockTitle, type OutlineEntry } from '../../../shared/outline';
import { formatDuration } from '../../../shared/word-counts';
import { useVirtualRows } from '../virtual-rows';

/** Height of one outline row in px (briefs.css draws rows this high), for drawing only the rows in view. */
const ROW_HEIGHT = 26;

interface Props {
  entries: readonly OutlineEntry[];
  /** Index of the top-level node holding the cursor. */
  current: number;
  onJump: (entry: OutlineEntry) => void;
  /** Drop the unit at top-level index `dragged` onto the entry at top-level index `onto` (END: the end). */
  onDrop: (dragged: number, onto: number) => void;
}

const DRAG_TYPE = 'application/x-cardfile-outline';
// Past every top-level node: entries.length is not the doc's end, since blank lines have no entry.
const END = Number.MAX_SAFE_INTEGER;

/** The outline: jump to a heading or card, collapse headings, drag blocks and cards to reorder. */
export function NavigationPane({ entries, current, onJump, onDrop }: Props) {
  const [collapsed, setCollapsed] = useState<ReadonlySet<number>>(new Set());
  const [over, setOver] = useState<number | null>(null);
  const toggle = (index: number) => setCollapsed((prev) => {
    const next = new Set(prev);
    if (!next.delete(index)) next.add(index);
    return next;
  });
  const shown = useMemo(() => {
    if (collapsed.size === 0) return entries;
    const out: OutlineEntry[] = [];
    let skipTo = -1;
    for (const e of entries) {
      if (e.index < skipTo) continue;
      out.push(e);
      if (collapsed.has(e.index)) skipTo = e.end;
    }
    return out;
  }, [entries, collapsed]);
  const rows = useVirtualRows<HTMLElement>(shown.length, ROW_HEIGHT);
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

  const drawn: ReactNode[] = [];
  for (let i = rows.start; i < rows.end; i++) {
    const e = shown[i]!;
    drawn.push(
      <OutlineRow
        key={e.index}
        entry={e}
        current={e.index === current}
        dropping={over === e.index}
        collapsed={collapsed.has(e.index)}
        onToggle={toggle}
        onJump={onJump}
        dropProps={dropProps}
      />,
    );
  }
  return (
    <nav className="outline" aria-label="Outline" ref={rows.ref} onScroll={rows.onScroll}>
      {entries.length === 0 && <p className="empty">Empty brief. F6 starts a block, F7 a tag.</p>}
      <ul style={{ paddingTop: rows.padTop, paddingBottom: rows.padBottom }}>
        {drawn}
        <li className={`end${over === END ? ' drop' : ''}`} {...dropProps(END)} aria-hidden="true" />
      </ul>
    </nav>
  );
}

interface RowProps {
  entry: OutlineEntry;
  current: boolean;
  dropping: boolean;
  collapsed: boolean;
  onToggle: (index: number) => void;
  onJump: (entry: OutlineEntry) => void;
  dropProps: (onto: number) => object;
}

// A row redraws only when its own entry (kept as the same object while unchanged) or flags change.
const OutlineRow = memo(function OutlineRow({ entry: e, current, dropping, collapsed, onToggle, onJump, dropProps }: RowProps) {
  const title = e.level === 'block' ? blockTitle(e.title) : { answers: false, claim: e.title };
  const owns = e.end > e.index + 1;
  return (
    <li
      className={`level-${e.level}${current ? ' current' : ''}${dropping ? ' drop' : ''}`}
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
          aria-label={collapsed ? `Expand ${e.title}` : `Collapse ${e.title}`}
          aria-expanded={!collapsed}
          disabled={!owns}
          onClick={() => onToggle(e.index)}
        >
          {collapsed ? '▸' : '▾'}
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
}, (a, b) => a.entry === b.entry && a.current === b.current && a.dropping === b.dropping && a.collapsed === b.collapsed);
