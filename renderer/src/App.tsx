import { useCallback, useEffect, useLayoutEffect, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import { BriefsView, type BriefRequest } from './BriefsView';
import { CutterView } from './CutterView';
import { LibraryView } from './LibraryView';
import { PaneBoundary } from './PaneBoundary';
import { SearchView } from './SearchView';

export type Area = 'library' | 'cutter' | 'briefs' | 'search';
const AREAS: { id: Area; label: string; key: string }[] = [
  { id: 'library', label: 'Library', key: '1' },
  { id: 'cutter', label: 'Cutter', key: '2' },
  { id: 'briefs', label: 'Briefs', key: '3' },
  { id: 'search', label: 'Search', key: '4' },
];

// The areas a debater works in stay open, hidden, once visited: coming back finds the open
// brief, card, scroll and cursor as they were left, as Word keeps its windows. Library and
// Search open afresh each time, so their lists are never stale.
const KEPT: ReadonlySet<Area> = new Set(['cutter', 'briefs']);

const OPEN_ARTICLE = 'cardfile.cutter.article';
const STATUS_MS = 8000;

export interface Status {
  kind: 'info' | 'error';
  text: string;
  /** Something the debater can do about it ("Refresh 3 cards"); such a notice stays until used or dismissed. */
  action?: { label: string; run: () => void };
}

export function App() {
  const [area, setArea] = useState<Area>('library');
  // The Cutter's article survives a reload: debaters come back to what they were cutting.
  const [articleId, setArticleId] = useState<number | undefined>(() => Number(localStorage.getItem(OPEN_ARTICLE)) || undefined);
  useEffect(() => {
    if (articleId === undefined) localStorage.removeItem(OPEN_ARTICLE);
    else localStorage.setItem(OPEN_ARTICLE, String(articleId));
  }, [articleId]);
  const [status, setStatus] = useState<Status>();
  // Information fades after a while; an error stays until dismissed.
  useEffect(() => {
    if (status?.kind !== 'info' || status.action) return;
    const timer = setTimeout(() => setStatus((s) => (s === status ? undefined : s)), STATUS_MS);
    return () => clearTimeout(timer);
  }, [status]);
  const tabRefs = useRef<Record<Area, HTMLButtonElement | null>>({ library: null, cutter: null, briefs: null, search: null });

  // Where each area was left: its scroll and the element that had the keys.
  const left = useRef(new Map<Area, { scroll: number; focus: Element | null }>());
  const areaRef = useRef(area);
  areaRef.current = area;
  const [visited, setVisited] = useState<ReadonlySet<Area>>(() => new Set([area]));
  const show = useCallback((next: Area) => {
    const current = areaRef.current;
    if (current === next) return;
    left.current.set(current, { scroll: window.scrollY, focus: document.activeElement });
    setVisited((v) => (v.has(next) ? v : new Set([...v, next])));
    setArea(next);
  }, []);
  // Alt+1..4 hand the keys back to where they were in the area (a kept area's editor, at its cursor).
  const refocus = useRef(false);
  useLayoutEffect(() => {
    const back = left.current.get(area);
    const restoreFocus = refocus.current;
    refocus.current = false;
    if (!KEPT.has(area) || !back) return;
    window.scrollTo(0, back.scroll);
    const panel = document.getElementById(`area-${area}`);
    if (restoreFocus && back.focus instanceof HTMLElement && panel?.contains(back.focus)) back.focus.focus({ preventScroll: true });
  }, [area]);

  const go = useCallback((next: Area) => {
    show(next);
    tabRefs.current[next]?.focus();
  }, [show]);

  // Ctrl+K (Cmd+K) opens search from anywhere, with the cursor in the search box. The global
  // keys are layout effects so they work from the first frame that shows the tabs.
  const [searchRequest, setSearchRequest] = useState(0);
  useLayoutEffect(() => {
    const onKey = (e: globalThis.KeyboardEvent) => {
      if ((e.ctrlKey || e.metaKey) && !e.altKey && e.key.toLowerCase() === 'k') {
        e.preventDefault();
        show('search');
        setSearchRequest((n) => n + 1);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [show]);

  // Alt+1..4 switch areas from anywhere (Ctrl+digits belong to the browser's tabs).
  useLayoutEffect(() => {
    const onKey = (e: globalThis.KeyboardEvent) => {
      if (!e.altKey || e.ctrlKey || e.metaKey) return;
      const target = AREAS.find((a) => a.key === e.key);
      if (target) {
        e.preventDefault();
        refocus.current = true;
        go(target.id);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [go]);

  const onTabKey = (e: KeyboardEvent<HTMLElement>) => {
    const index = AREAS.findIndex((a) => a.id === area);
    const step = e.key === 'ArrowRight' ? 1 : e.key === 'ArrowLeft' ? -1 : 0;
    if (step !== 0) {
      e.preventDefault();
      go(AREAS[(index + step + AREAS.length) % AREAS.length]!.id);
    }
  };

  const [cardRequest, setCardRequest] = useState<{ id: number }>();
  const [briefRequest, setBriefRequest] = useState<BriefRequest>();
  const openBrief = useCallback((briefId: number, index: number) => {
    setBriefRequest({ briefId, index });
    show('briefs');
  }, [show]);
  const openCard = useCallback((id: number) => {
    setCardRequest({ id });
    show('cutter');
  }, [show]);

  const openArticle = useCallback((id: number) => {
    setArticleId(id);
    show('cutter');
  }, [show]);

  const view = (id: Area): ReactNode => {
    const shown = area === id;
    if (id === 'library') return <LibraryView onOpenArticle={openArticle} onOpenCard={openCard} onStatus={setStatus} />;
    if (id === 'cutter') return <CutterView shown={shown} articleId={articleId} cardRequest={cardRequest} onPickArticle={() => go('library')} />;
    if (id === 'briefs') return <BriefsView shown={shown} request={briefRequest} onStatus={setStatus} />;
    return <SearchView focusRequest={searchRequest} onStatus={setStatus} onOpenBrief={openBrief} />;
  };

  return (
    <div className="app">
      <header className="topbar">
        <span className="brand">Cardfile</span>
        <nav role="tablist" aria-label="Areas" onKeyDown={onTabKey}>
          {AREAS.map((a) => (
            <button
              key={a.id}
              role="tab"
              id={`tab-${a.id}`}
              aria-selected={area === a.id}
              aria-controls={`area-${a.id}`}
              tabIndex={area === a.id ? 0 : -1}
              title={`${a.label} (Alt+${a.key})`}
              ref={(el) => { tabRefs.current[a.id] = el; }}
              onClick={() => show(a.id)}
            >
              {a.label}
            </button>
          ))}
        </nav>
        {status && (
          <output className={`status ${status.kind}`} role={status.kind === 'error' ? 'alert' : 'status'} title={status.text}>
            <span className="status-text">{status.text}</span>
            {status.action && <button className="link action" onClick={() => { setStatus(undefined); status.action!.run(); }}>{status.action.label}</button>}
            <button className="link" aria-label="Dismiss" onClick={() => setStatus(undefined)}>×</button>
          </output>
        )}
      </header>
      <main>
        {AREAS.filter((a) => a.id === area || (KEPT.has(a.id) && visited.has(a.id))).map((a) => (
          <div key={a.id} id={`area-${a.id}`} role="tabpanel" aria-labelledby={`tab-${a.id}`} hidden={a.id !== area}>
            <PaneBoundary what={`The ${a.label} area`}>{view(a.id)}</PaneBoundary>
          </div>
        ))}
      </main>
    </div>
  );
}
