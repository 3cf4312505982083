import { useCallback, useEffect, useState } from 'react';

/** Loads data from the Api and reloads on demand; errors become a message, never a blank screen. */
export function useApiData<T>(load: () => Promise<T>, deps: readonly unknown[]): { data: T | undefined; error: string | undefined; reload: () => void } {
  const [data, setData] = useState<T>();
  const [error, setError] = useState<string>();
  const [generation, setGeneration] = useState(0);
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const stableLoad = useCallback(load, deps);
  useEffect(() => {
    let live = true;
    stableLoad().then(
      (value) => { if (live) { setData(value); setError(undefined); } },
      (err: unknown) => { if (live) setError(err instanceof Error ? err.message : String(err)); },
    );
    return () => { live = false; };
  }, [stableLoad, generation]);
  return { data, error, reload: useCallback(() => setGeneration((g) => g + 1), []) };
}
