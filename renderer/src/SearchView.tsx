import { useState } from 'react';
import { api } from './api';
import { useApiData } from './use-api-data';

/** Finds articles and cards by the words of their titles, tags and cites. */
export function SearchView({ onOpenArticle }: { onOpenArticle: (id: number) => void }) {
  const [query, setQuery] = useState('');
  const articles = useApiData(() => api.listArticles({}), []);
  const cards = useApiData(() => api.listCards({}), []);
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  const matches = (text: string) => words.length > 0 && words.every((w) => text.toLowerCase().includes(w));
  const foundArticles = (articles.data ?? []).filter((a) => matches(`${a.title} ${a.publication} ${a.authors.map((x) => x.name).join(' ')}`));
  const foundCards = (cards.data ?? []).filter((c) => matches(`${c.tag} ${c.label ?? ''} ${c.shortCite} ${c.fullCite}`));
  return (
    <section className="panel" aria-labelledby="search-heading">
      <h2 id="search-heading">Search</h2>
      <input type="search" autoFocus aria-label="Search the library" placeholder="Words from a tag, cite or title" value={query} onChange={(e) => setQuery(e.target.value)} />
      {(articles.error ?? cards.error) && <p role="alert" className="error">{articles.error ?? cards.error}</p>}
      <ul className="list" aria-label="Results">
        {foundCards.map((c) => (
          <li key={`c${c.id}`} className="row">
            <span className="title">{c.tag}</span>
            <span className="meta">card · {c.shortCite}</span>
          </li>
        ))}
        {foundArticles.map((a) => (
          <li key={`a${a.id}`}>
            <button className="row" onClick={() => onOpenArticle(a.id)}>
              <span className="title">{a.title}</span>
              <span className="meta">article</span>
            </button>
          </li>
        ))}
      </ul>
      {words.length > 0 && foundCards.length + foundArticles.length === 0 && <p className="empty">Nothing matches “{query}”.</p>}
    </section>
  );
}
