import { useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import type { BriefOutline, Card } from '../../shared/model';
import type { QuickFindHit } from '../../shared/quick-find';
import type { SearchHit, SearchResult, SnippetPart } from '../../shared/search';
import { api } from './api';
import { CiteWarning } from './CiteWarning';
import { HitPlaces } from './HitPlaces';
import { cursorIn } from './briefs/last-cursor';
import { outline } from '../../shared/outline';
import { nodeFromJSON } from '../../shared/schema';
import type { Status } from './App';
import { quickFind } from './quick-find';

interface Props {
  /** Changes each time Ctrl+K asks for the search box. */
  focusRequest: number;
  onStatus: (s: Status) => void;
  onOpenBrief: (briefId: number, index: number) => void;
}

// Matched words come as data and are rendered as text in <mark>: nothing is parsed as HTML.
function Snippet({ parts }: { parts: SnippetPart[] }) {
  return <span className="snippet">{parts.map((p, i) => (p.marked ? <mark key={i}>{p.text}</mark> : <span key={i}>{p.text}</span>))}</span>;
}

/** The pause in typing after which a search that found nothing asks for a correction. */
const SUGGEST_AFTER_MS = 300;

const paragraphs = (card: Card) => (card.body.content ?? []).map((p) => (p.content ?? []).map((t) => t.text ?? '').join(''));

/** Library search as you type (FTS5 in the services) and quick find in the open briefs (here, quick-find.ts). */
export function SearchView({ focusRequest, onStatus, onOpenBrief }: Props) {
  const [query, setQuery] = useState('');
  const [result, setResult] = useState<SearchResult>();
  const [error, setError] = useState<string>();
  const [selected, setSelected] = useState(0);
  const [opened, setOpened] = useState<Card>();
  const [targetBrief, setTargetBrief] = useState<number>();
  const [suggestion, setSuggestion] = useState<string | null>(null);
  const input = useRef<HTMLInputElement>(null);
  const preview = useRef<HTMLElement>(null);
  // The briefs as quick find last read them; brought up to date (only what changed) as Search opens.
  const [briefs, setBriefs] = useState(() => quickFind.briefs());
  const [briefsError, setBriefsError] = useState<string>();
  useEffect(() => {
    let live = true;
    quickFind.sync().then(
      () => { if (live) { setBriefs(quickFind.briefs()); setBriefsError(undefined); } },
      (err: unknown) => { if (live) setBriefsError(err instanceof Error ? err.message : String(err)); },
    );
    return () => { live = false; };
  }, []);

  useEffect(() => input.current?.focus(), [focusRequest]);
  // The opened card is read beside the results (or under them in a narrow window): bring it into view.
  useEffect(() => preview.current?.scrollIntoView({ block: 'nearest' }), [opened]);

  // Every keystroke searches; an answer to an older query than the last one typed is dropped.
  const latest = useRef(0);
  useEffect(() => {
    const asked = ++latest.current;
    if (!query.trim()) {
      setResult(undefined);
      return;
    }
    api.search({ query, limit: 50 }).then(
      (r) => { if (asked === latest.current) { setResult(r); setError(undefined); setSelected(0); } },
      (err: unknown) => { if (asked === latest.current) setError(err instanceof Error ? err.message : String(err)); },
    );
  }, [query]);

  // A search that finds nothing asks the index for the words it holds nearest to the typed ones,
  // once typing pauses: a word being typed finds nothing at most of its keystrokes.
  useEffect(() => {
    setSuggestion(null);
    if (!result || result.hits.length > 0 || !query.trim()) return;
    let live = true;
    const timer = setTimeout(() => api.suggest({ query }).then((r) => { if (live) setSuggestion(r.suggestion); }, () => undefined), SUGGEST_AFTER_MS);
    return () => { live = false; clearTimeout(timer); };
  }, [result, query]);

  const briefList = useMemo(() => briefs.filter((b) => b.kind === 'brief'), [briefs]);
  const target = targetBrief ?? briefList[0]?.id;
  // Where in the target brief: one of its headings (the card goes after what it owns), or the end.
  const places = useMemo(() => {
    const doc = briefList.find((b) => b.id === target)?.doc;
    return doc ? outline(nodeFromJSON(doc)).filter((e) => e.level !== 'card') : [];
  }, [briefList, target]);
  const [chosenPlace, setChosenPlace] = useState<number | 'end'>();
  useEffect(() => setChosenPlace(undefined), [target]);
  const cursorAt = target === undefined ? undefined : cursorIn(target);
  // By default the heading the brief's cursor was under, the block first (as Verbatim's cursor would be).
  const defaultPlace = cursorAt === undefined ? undefined : [...places].reverse().find((e) => e.index <= cursorAt && e.end > cursorAt)?.index;
  const place = chosenPlace ?? defaultPlace ?? 'end';
  const placeEntry = places.find((e) => e.index === place);
  // `briefs` changes whenever the index does.
  const quickHits = useMemo(() => quickFind.index.find(query, 8), [briefs, query]);

  const hits = result?.hits ?? [];
  // One row per piece of evidence: a quick-find hit on a card the library hits already list
  // (same brief, same tag) would be the same card twice.
  const listed = new Set(hits.flatMap((hit) => hit.places.map((p) => `${p.briefId}\u0000${hit.tag}`)));
  const rows: ({ kind: 'card'; hit: SearchHit } | { kind: 'place'; hit: QuickFindHit })[] = [
    // Library hits first: sending a card reloads the briefs, and the rows under the cursor must not shift.
    ...hits.map((hit) => ({ kind: 'card' as const, hit })),
    ...quickHits.filter((hit) => hit.kind !== 'card' || !listed.has(`${hit.briefId}\u0000${hit.text}`)).map((hit) => ({ kind: 'place' as const, hit })),
  ];
  const current = rows[Math.min(selected, rows.length - 1)];

  const act = async (what: () => Promise<string>) => {
    try {
      onStatus({ kind: 'info', text: await what() });
    } catch (err) {
      onStatus({ kind: 'error', text: err instanceof Error ? err.message : String(err) });
    }
  };
  const open = () => {
    if (current?.kind === 'place') onOpenBrief(current.hit.briefId, current.hit.index);
    else if (current) void act(async () => {
      setOpened(await api.getCard({ id: current.hit.cardId }));
      return `Opened “${current.hit.tag}”`;
    });
  };
  const putBrief = (brief: BriefOutline) => {
    quickFind.put(brief);
    setBriefs(quickFind.briefs());
  };
  const insertIntoBrief = (hit: SearchHit) => act(async () => {
    if (target === undefined) throw new Error('Create a brief first: there is no brief to insert the card into.');
    const brief = await api.appendCardsToBrief({ briefId: target, cardIds: [hit.cardId], ...(placeEntry ? { position: placeEntry.end } : {}) });
    putBrief(brief);
    return `Inserted “${hit.tag}” into “${brief.title}”${placeEntry ? ` under “${placeEntry.title}”` : ' at the end'}`;
  });
  const sendToSpeech = (hit: SearchHit) => act(async () => {
    const speech = await api.sendToSpeech({ cardIds: [hit.cardId] });
    putBrief(speech);
    return `Sent “${hit.tag}” to “${speech.title}”`;
  });

  const onKey = (e: KeyboardEvent<HTMLElement>) => {
    const step = e.key === 'ArrowDown' ? 1 : e.key === 'ArrowUp' ? -1 : 0;
    if (step !== 0 && rows.length > 0) {
      e.preventDefault();
      setSelected((s) => (Math.min(s, rows.length - 1) + step + rows.length) % rows.length);
    } else if (e.key === 'Enter' && !(e.target instanceof HTMLButtonElement)) {
      e.preventDefault();
      open();
    } else if (e.altKey && current?.kind === 'card' && (e.key === 'b' || e.key === 'B')) {
      e.preventDefault();
      void insertIntoBrief(current.hit);
    } else if (e.altKey && current?.kind === 'card' && (e.key === 's' || e.key === 'S')) {
      e.preventDefault();
      void sendToSpeech(current.hit);
    }
  };

  return (
    <section className="panel search" aria-labelledby="search-heading" onKeyDown={onKey}>
      <h2 id="search-heading">Search</h2>
      <input
        ref={input}
        type="search"
        aria-label="Search the library"
        aria-controls="search-results"
        aria-activedescendant={current ? `search-row-${rows.indexOf(current)}` : undefined}
        placeholder='Words, "phrases", partit*, -word, OR, author: label: year: tag: cite:'
        value={query}
        onChange={(e) => setQuery(e.target.value)}
      />
      <p className="meta">
        ↑↓ choose · Enter open · Alt+B insert into{' '}
        <select aria-label="Brief to insert into" value={target ?? ''} onChange={(e) => setTargetBrief(Number(e.target.value))}>
          {briefList.map((b) => <option key={b.id} value={b.id}>{b.title}</option>)}
        </select>{' '}
        under{' '}
        <select aria-label="Where in the brief" value={String(place)} onChange={(e) => setChosenPlace(e.target.value === 'end' ? 'end' : Number(e.target.value))}>
          {places.map((e) => <option key={e.index} value={e.index}>{'\u00a0'.repeat(e.level === 'pocket' ? 0 : e.level === 'hat' ? 2 : 4)}{e.title || 'Untitled'}{e.index === defaultPlace ? ' (cursor)' : ''}</option>)}
          <option value="end">the end of the brief</option>
        </select>{' '}
        · Alt+S send to speech
        {result && ` · ${hits.length}${result.more ? '+' : ''} cards in ${result.tookMs.toFixed(1)} ms`}
        {result?.readAs === 'plain-words' && ' (searched as plain words)'}
        {result?.indexing && ` · bringing the search index up to date (${result.indexing.done.toLocaleString()} of ${result.indexing.total.toLocaleString()} cards): some cards may be missing`}
      </p>
      {(error ?? briefsError) && <p role="alert" className="error">{error ?? briefsError}</p>}
      <div className={`search-body${opened ? ' with-card' : ''}`}>
      <ul id="search-results" className="list" role="listbox" aria-label="Results">
        {rows.map((row, i) => (
          <li
            key={row.kind === 'card' ? `c${row.hit.cardId}` : `p${row.hit.briefId}:${row.hit.index}`}
            id={`search-row-${i}`}
            role="option"
            aria-selected={row === current}
            className={`row${row === current ? ' selected' : ''}`}
            style={row === current ? { outline: '2px solid Highlight', outlineOffset: '-2px' } : undefined}
            onMouseDown={(e) => { e.preventDefault(); setSelected(i); }}
            onDoubleClick={open}
          >
            {row.kind === 'card' ? (
              <>
                <span className="title">{row.hit.tag}</span>
                <span className="meta">{row.hit.shortCite || 'no cite'}{row.hit.label ? ` · ${row.hit.label}` : ''}</span>
                <CiteWarning shortCite={row.hit.shortCite} fullCite={row.hit.fullCite} />
                <Snippet parts={row.hit.snippet} />
                <HitPlaces hit={row.hit} />
              </>
            ) : (
              <>
                <span className="title">{row.hit.text}</span>
                <span className="meta">{row.hit.kind} in {row.hit.briefTitle}{row.hit.cite ? ` · ${row.hit.cite.slice(0, 80)}` : ''}</span>
              </>
            )}
          </li>
        ))}
      </ul>
      {opened && (
        <article ref={preview} className="card-preview" aria-label="Card">
          <h3>{opened.tag}</h3>
          <p className="cite"><strong>{opened.shortCite}</strong> {opened.fullCite}</p>
          {paragraphs(opened).map((p, i) => <p key={i}>{p}</p>)}
        </article>
      )}
      </div>
      {suggestion && (
        <p className="suggestion">
          Did you mean <button className="link" onClick={() => { setQuery(suggestion); input.current?.focus(); }}>{suggestion}</button>?
        </p>
      )}
      {query.trim() && result && rows.length === 0 && <p className="empty">Nothing matches “{query}”.</p>}
    </section>
  );
}
