import { useCallback, useState } from 'react';

// Below this width the side panes start folded, so the editor gets the room first.
const WIDE = 1280;

/** Whether a side pane is open, remembered per pane across reloads; narrow windows start it folded. */
export function usePane(name: string): [boolean, () => void] {
  const key = `cardfile.pane.${name}`;
  const [open, setOpen] = useState(() => {
    const saved = localStorage.getItem(key);
    return saved === null ? window.innerWidth >= WIDE : saved === 'open';
  });
  const toggle = useCallback(() => setOpen((was) => {
    localStorage.setItem(key, was ? 'folded' : 'open');
    return !was;
  }), [key]);
  return [open, toggle];
}

/** The button that folds a pane to a slim strip and opens it again. */
export function PaneToggle({ label, open, onToggle }: { label: string; open: boolean; onToggle: () => void }) {
  return (
    <button className="pane-toggle" aria-expanded={open} aria-label={open ? `Hide ${label}` : `Show ${label}`} title={open ? `Hide ${label}` : `Show ${label}`} onClick={onToggle}>
      {open ? '«' : '»'}{!open && <span className="pane-name">{label}</span>}
    </button>
  );
}
