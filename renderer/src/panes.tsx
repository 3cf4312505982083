import { useCallback, useLayoutEffect, useState, type RefObject } from 'react';

// Below this width the side panes start folded, so the editor gets the room first.
const WIDE = 1280;

/**
 * Whether the debater wants a side pane open, remembered per pane across reloads; narrow windows
 * start it folded. Returns the choice, a toggle, and a setter.
 */
export function usePane(name: string): [boolean, () => void, (open: boolean) => void] {
  const key = `cardfile.pane.${name}`;
  const [open, setOpen] = useState(() => {
    const saved = localStorage.getItem(key);
    return saved === null ? window.innerWidth >= WIDE : saved === 'open';
  });
  const set = useCallback((next: boolean) => {
    localStorage.setItem(key, next ? 'open' : 'folded');
    setOpen(next);
  }, [key]);
  const toggle = useCallback(() => setOpen((was) => {
    localStorage.setItem(key, was ? 'folded' : 'open');
    return !was;
  }), [key]);
  return [open, toggle, set];
}

/** The width of an element, followed as it resizes; a hidden element (0 wide) keeps its last width. */
export function useWidth(ref: RefObject<HTMLElement | null>, initial: number): number {
  const [width, setWidth] = useState(initial);
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    const measure = () => { if (el.clientWidth > 0) setWidth(el.clientWidth); };
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(el);
    return () => observer.disconnect();
  }, [ref]);
  return width;
}

/** The button that folds a pane to a slim strip and opens it again. */
export function PaneToggle({ label, open, onToggle }: { label: string; open: boolean; onToggle: () => void }) {
  return (
    <button className="pane-toggle" aria-expanded={open} aria-label={open ? `Hide ${label}` : `Show ${label}`} title={open ? `Hide ${label}` : `Show ${label}`} onClick={onToggle}>
      {open ? '«' : '»'}{!open && <span className="pane-name">{label}</span>}
    </button>
  );
}
