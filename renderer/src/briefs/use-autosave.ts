import { useCallback, useEffect, useRef, useState } from 'react';

export type SaveState = 'saved' | 'saving' | 'failed';

// The first unsaved change is written this soon, however long the typing goes on.
const SAVE_DELAY_MS = 300;
const RETRY_MS = 2000;

/**
 * Saves the latest value within a second of its first unsaved change; a failed write is shown
 * and retried until it lands, never dropped. Pending changes are flushed on unmount.
 */
export function useAutosave<T>(save: (value: T) => Promise<unknown>): { state: SaveState; error: string | undefined; change: (value: T) => void } {
  const [state, setState] = useState<SaveState>('saved');
  const [error, setError] = useState<string>();
  const pending = useRef<{ value: T } | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const writing = useRef(false);
  // After unmount the last write is tried once: nobody is left to see a retry (a deleted brief).
  const disposed = useRef(false);
  const saveRef = useRef(save);
  saveRef.current = save;

  const flush = useCallback(async (): Promise<void> => {
    timer.current = null;
    if (writing.current || !pending.current) return;
    const { value } = pending.current;
    pending.current = null;
    writing.current = true;
    try {
      await saveRef.current(value);
      writing.current = false;
      if (pending.current) void flush();
      else {
        setState('saved');
        setError(undefined);
      }
    } catch (err) {
      writing.current = false;
      if (disposed.current) return;
      pending.current ??= { value };
      setState('failed');
      setError(err instanceof Error ? err.message : String(err));
      timer.current = setTimeout(() => void flush(), RETRY_MS);
    }
  }, []);

  const change = useCallback((value: T) => {
    pending.current = { value };
    setState((s) => (s === 'failed' ? s : 'saving'));
    timer.current ??= setTimeout(() => void flush(), SAVE_DELAY_MS);
  }, [flush]);

  useEffect(() => {
    disposed.current = false;
    const warn = (e: BeforeUnloadEvent) => {
      if (pending.current || writing.current) e.preventDefault();
    };
    window.addEventListener('beforeunload', warn);
    return () => {
      window.removeEventListener('beforeunload', warn);
      if (timer.current) clearTimeout(timer.current);
      disposed.current = true;
      void flush();
    };
  }, [flush]);

  return { state, error, change };
}
