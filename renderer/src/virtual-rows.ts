import { useCallback, useEffect, useLayoutEffect, useRef, useState, type RefObject } from 'react';

export interface VirtualRows<E extends HTMLElement> {
  /** The scrolling element. */
  ref: RefObject<E | null>;
  onScroll: () => void;
  /** Rows [start, end) are drawn; the others are space above and below. */
  start: number;
  end: number;
  padTop: number;
  padBottom: number;
}

/**
 * A long list drawn a window at a time: only the rows in view (and a few around them) are in
 * the page, so a 10,000-row list scrolls as smoothly as a short one. Rows have one fixed height.
 * `onNearEnd` is called when the rows drawn come near the last one: a paged list fetches more.
 */
export function useVirtualRows<E extends HTMLElement>(count: number, rowHeight: number, onNearEnd?: () => void, overscan = 8): VirtualRows<E> {
  const ref = useRef<E | null>(null);
  const [range, setRange] = useState({ start: 0, end: Math.min(count, 50) });
  const update = useCallback(() => {
    const el = ref.current;
    if (!el) return;
    const start = Math.max(0, Math.floor(el.scrollTop / rowHeight) - overscan);
    const end = Math.min(count, Math.ceil((el.scrollTop + el.clientHeight) / rowHeight) + overscan);
    setRange((r) => (r.start === start && r.end === end ? r : { start, end }));
  }, [count, rowHeight, overscan]);
  useLayoutEffect(update, [update]);
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const observer = new ResizeObserver(update);
    observer.observe(el);
    return () => observer.disconnect();
  }, [update]);
  const start = Math.min(range.start, count);
  const end = Math.min(Math.max(range.end, start), count);
  useEffect(() => { if (onNearEnd && count > 0 && end >= count - 20) onNearEnd(); }, [end, count, onNearEnd]);
  return { ref, onScroll: update, start, end, padTop: start * rowHeight, padBottom: (count - end) * rowHeight };
}
