import { useState, type FormEvent } from 'react';
import { api } from './api';
import { ArticleDetailsPanel } from './ArticleDetailsPanel';
import { BackupsPanel } from './BackupsPanel';
import { ImportPanel } from './ImportPanel';
import { SampleEvidence } from './SampleEvidence';
import type { Status } from './App';
import { useApiData } from './use-api-data';
import { usePages } from './use-pages';
import { useVirtualRows } from './virtual-rows';
import { tagWithLabel } from '../../shared/card-doc';
import { CiteWarning } from './CiteWarning';
import type { Card } from '../../shared/model';

interface Props {
  onOpenArticle: (id: number) => void;
  onOpenCard: (id: number) => void;
  onStatus: (status: Status) => void;
}

export function LibraryView({ onOpenArticle, onOpenCard, onStatus }: Props) {
  const articles = useApiData(() => api.listArticles({}), []);
  // Every cut card, a page at a time as the list is scrolled near its end.
  const cards = usePages((page) => api.listCards(page), [], CARD_PAGE);
  const [title, setTitle] = useState('');
  const [text, setText] = useState('');
  const [saving, setSaving] = useState(false);

  const addArticle = async (e?: FormEvent) => {
    e?.preventDefault();
    if (!text.trim() || saving) return;
    setSaving(true);
    try {
      const article = await api.importText({ text, title: title.trim() || undefined });
      setText('');
      setTitle('');
      articles.reload();
      onStatus({ kind: 'info', text: `Saved article “${article.title}”` });
    } catch (err) {
      onStatus({ kind: 'error', text: err instanceof Error ? err.message : String(err) });
    } finally {
      setSaving(false);
    }
  };

  return (
    <div className="library">
      <section className="panel paste" aria-labelledby="paste-heading">
        <h2 id="paste-heading">Paste an article</h2>
        <form onSubmit={addArticle}>
          <label>
            Title <span className="hint">(optional: the first line is used)</span>
            <input value={title} onChange={(e) => setTitle(e.target.value)} name="title" />
          </label>
          <label>
            Text
            <textarea
              value={text}
              name="text"
              rows={10}
              placeholder="Paste the article here"
              onChange={(e) => setText(e.target.value)}
              onKeyDown={(e) => { if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) void addArticle(); }}
            />
          </label>
          <button type="submit" disabled={!text.trim() || saving} title="Add article (Ctrl+Enter)">
            {saving ? 'Saving…' : 'Add article'}
          </button>
        </form>
      </section>

      <section className="panel" aria-labelledby="articles-heading">
        <h2 id="articles-heading">Articles {articles.data && <span className="count">{articles.data.length}</span>}</h2>
        {articles.error && <p role="alert" className="error">{articles.error}</p>}
        {articles.data?.length === 0 && (
          <p className="empty">
            No articles yet. Paste one to start cutting, or{' '}
            <SampleEvidence onImported={() => { articles.reload(); cards.reload(); }} onStatus={onStatus} />
          </p>
        )}
        <ul className="list" aria-label="Articles">
          {articles.data?.map((a) => (
            <li key={a.id}>
              <button className="row" onClick={() => onOpenArticle(a.id)}>
                <span className="title">{a.title}</span>
                <span className="meta">
                  {[a.authors.map((x) => x.name).join(', '), a.publication, a.publishedDate].filter(Boolean).join(' · ') || 'no citation details yet'}
                </span>
              </button>
            </li>
          ))}
        </ul>
      </section>

      <section className="panel" aria-labelledby="cards-heading">
        <h2 id="cards-heading">Cards {cards.loaded && <span className="count">{cards.items.length}{cards.more ? '+' : ''}</span>}</h2>
        {cards.error && <p role="alert" className="error">{cards.error}</p>}
        {cards.loaded && cards.items.length === 0 && <p className="empty">No cards yet. Open an article in the Cutter to cut one.</p>}
        <CardRows cards={cards.items} onOpen={onOpenCard} onNearEnd={cards.loadMore} />
      </section>
      <ImportPanel onImported={() => articles.reload()} />
      {articles.data && articles.data.length > 0 && <ArticleDetailsPanel articles={articles.data} onSaved={() => articles.reload()} onStatus={onStatus} />}
      <BackupsPanel onStatus={onStatus} onRestored={() => { articles.reload(); cards.reload(); }} />
    </div>
  );
}

/** Cards fetched per call: the list grows a page at a time as it is scrolled. */
const CARD_PAGE = 500;

/** Height of a card row in px (styles.css .card-list-row): the list draws only the rows in view. */
const CARD_ROW = 56;

/** The library's cards, drawn a screenful at a time; a card opens in the Cutter. */
function CardRows({ cards, onOpen, onNearEnd }: { cards: readonly Card[]; onOpen: (id: number) => void; onNearEnd: () => void }) {
  const rows = useVirtualRows<HTMLDivElement>(cards.length, CARD_ROW, onNearEnd);
  return (
    <div className="scroll" ref={rows.ref} onScroll={rows.onScroll}>
      <ul className="list" aria-label="Cards" style={{ paddingTop: rows.padTop, paddingBottom: rows.padBottom }}>
        {cards.slice(rows.start, rows.end).map((c) => (
          <li key={c.id} className="card-list-row">
            <button className="row" onClick={() => onOpen(c.id)} title="Open in the Cutter">
              <span className="title">{c.label && <span className="label">{c.label}</span>}{tagWithLabel(c.tag, c.label, null) || 'Untagged card'}</span>
              <span className="meta">{c.shortCite} <CiteWarning shortCite={c.shortCite} fullCite={c.fullCite} /></span>
            </button>
          </li>
        ))}
      </ul>
    </div>
  );
}
