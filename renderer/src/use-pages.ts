import { useCallback, useEffect, useRef, useState } from 'react';

export interface Pages<T> {
  items: readonly T[];
  /** The first page has arrived. */
  loaded: boolean;
  /** The store may hold more than is loaded. */
  more: boolean;
  error: string | undefined;
  /** Fetches the next page (once at a time); the list's near-end calls it as it is scrolled. */
  loadMore: () => void;
  /** Starts again from the first page. */
  reload: () => void;
  /** Changes the loaded items in place, for a change the screen made itself (a new card, an edit). */
  patch: (change: (items: readonly T[]) => readonly T[]) => void;
}

const message = (err: unknown) => (err instanceof Error ? err.message : String(err));

/**
 * A list of every item in the store, fetched a page at a time (`load` with an offset and a limit),
 * the first page again whenever `deps` change (a new filter). An answer for older `deps` is dropped.
 */
export function usePages<T extends { id: number }>(
  load: (page: { offset: number; limit: number }) => Promise<T[]>,
  deps: readonly unknown[],
  pageSize: number,
): Pages<T> {
  const [state, setState] = useState<{ items: readonly T[]; loaded: boolean; more: boolean }>({ items: [], loaded: false, more: false });
  const [error, setError] = useState<string>();
  const [generation, setGeneration] = useState(0);
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const stableLoad = useCallback(load, deps);
  // Which first page the loaded items belong to: a later page of an older one is dropped.
  const epoch = useRef(0);
  const fetching = useRef(false);
  useEffect(() => {
    const mine = ++epoch.current;
    fetching.current = false;
    stableLoad({ offset: 0, limit: pageSize }).then(
      (page) => { if (epoch.current === mine) { setState({ items: page, loaded: true, more: page.length === pageSize }); setError(undefined); } },
      (err: unknown) => { if (epoch.current === mine) setError(message(err)); },
    );
  }, [stableLoad, generation, pageSize]);
  const loadMore = useCallback(() => {
    if (!state.loaded || !state.more || fetching.current) return;
    const mine = epoch.current;
    fetching.current = true;
    stableLoad({ offset: state.items.length, limit: pageSize }).then(
      (page) => {
        if (epoch.current !== mine) return;
        fetching.current = false;
        // An item edited since moved up in the store's order: the page may hold one already loaded.
        setState((s) => {
          const have = new Set(s.items.map((i) => i.id));
          return { ...s, items: [...s.items, ...page.filter((i) => !have.has(i.id))], more: page.length === pageSize };
        });
      },
      (err: unknown) => { if (epoch.current === mine) { fetching.current = false; setError(message(err)); } },
    );
  }, [stableLoad, state, pageSize]);
  const patch = useCallback((change: (items: readonly T[]) => readonly T[]) => setState((s) => ({ ...s, items: change(s.items) })), []);
  const reload = useCallback(() => setGeneration((g) => g + 1), []);
  return { ...state, error, loadMore, reload, patch };
}
