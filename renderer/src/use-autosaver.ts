import { useEffect, useMemo, useRef, useState } from 'react';
import { Autosaver, type SaveState } from '../../shared/autosaver';

/**
 * An Autosaver for the life of a view: edits written within a second, failures shown and
 * retried, and whatever is left written at once when the page is hidden or the view closes.
 */
export function useAutosaver<P extends object>(save: (id: number, patch: P) => Promise<unknown>): { saver: Autosaver<P>; state: SaveState } {
  const [state, setState] = useState<SaveState>({ kind: 'saved' });
  // Each edit reports "saving" again. Not even asking React then spares a render per keystroke:
  // any React commit while the brief has focus walks the text before the cursor (ReactDOM's
  // selection bookkeeping), tens of milliseconds in a 1,000-card brief.
  const shown = useRef<SaveState['kind']>('saved');
  const onState = (next: SaveState) => {
    if (next.kind === shown.current && next.kind !== 'failed') return;
    shown.current = next.kind;
    setState(next);
  };
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const saver = useMemo(() => new Autosaver<P>({ save, onState }), []);
  useEffect(() => {
    const flush = () => { void saver.flush(); };
    const onHidden = () => { if (document.visibilityState === 'hidden') flush(); };
    const onBeforeUnload = (e: BeforeUnloadEvent) => {
      if (!saver.hasUnsaved) return;
      flush();
      e.preventDefault();
    };
    window.addEventListener('pagehide', flush);
    document.addEventListener('visibilitychange', onHidden);
    window.addEventListener('beforeunload', onBeforeUnload);
    return () => {
      window.removeEventListener('pagehide', flush);
      document.removeEventListener('visibilitychange', onHidden);
      window.removeEventListener('beforeunload', onBeforeUnload);
      flush();
    };
  }, [saver]);
  return { saver, state };
}
