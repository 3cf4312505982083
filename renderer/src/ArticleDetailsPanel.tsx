import { useEffect, useState, type FormEvent } from 'react';
import { buildCite, DEFAULT_CITE_TEMPLATE } from '../../shared/cite-builder';
import type { Author } from '../../shared/model';
import type { ArticleSummary } from '../../shared/summaries';
import { api } from './api';
import { staleCites } from '../../shared/cite-refresh';
import type { Status } from './App';

interface Props {
  articles: ArticleSummary[];
  onSaved: () => void;
  onStatus: (status: Status) => void;
}

type Draft = Pick<ArticleSummary, 'title' | 'authors' | 'publication' | 'publishedDate' | 'url' | 'accessedDate'>;

const draftOf = (a: ArticleSummary): Draft => ({
  title: a.title, authors: a.authors.length > 0 ? a.authors : [], publication: a.publication,
  publishedDate: a.publishedDate, url: a.url, accessedDate: a.accessedDate,
});

const FIELDS: { key: 'title' | 'publication' | 'publishedDate' | 'url' | 'accessedDate'; label: string; hint?: string }[] = [
  { key: 'title', label: 'Title' },
  { key: 'publication', label: 'Publication' },
  { key: 'publishedDate', label: 'Published', hint: 'yyyy-mm-dd, yyyy-mm or yyyy' },
  { key: 'url', label: 'URL' },
  { key: 'accessedDate', label: 'Accessed', hint: 'yyyy-mm-dd' },
];

/** Every citation field of one article, editable; a field the source did not give shows as missing. */
export function ArticleDetailsPanel({ articles, onSaved, onStatus }: Props) {
  const [id, setId] = useState<number>();
  const [draft, setDraft] = useState<Draft>();
  const [template, setTemplate] = useState(DEFAULT_CITE_TEMPLATE);
  const [saving, setSaving] = useState(false);
  const article = articles.find((a) => a.id === id) ?? articles[0];

  useEffect(() => {
    api.getCiteTemplate({}).then((t) => setTemplate(t.template), () => {});
  }, []);
  useEffect(() => {
    setDraft(article ? draftOf(article) : undefined);
  }, [article]);

  if (!article || !draft) return null;
  const set = (patch: Partial<Draft>) => setDraft({ ...draft, ...patch });
  const setAuthor = (i: number, patch: Partial<Author>) => set({ authors: draft.authors.map((a, j) => (j === i ? { ...a, ...patch } : a)) });
  const cite = buildCite(draft, template);

  const save = async (e: FormEvent) => {
    e.preventDefault();
    setSaving(true);
    try {
      const authors = draft.authors.map((a) => ({ name: a.name.trim(), quals: a.quals.trim() })).filter((a) => a.name);
      const saved = await api.updateArticle({ id: article.id, patch: { ...draft, authors } });
      const { template: used } = await api.setCiteTemplate({ template });
      onSaved();
      // Cards cut before these details were right keep their old cite until asked: offer it.
      const stale = staleCites(await api.listCards({ articleId: article.id }), article.id, saved, used);
      const refresh = async () => {
        try {
          for (const { card, patch } of stale) await api.updateCard({ id: card.id, patch });
          onStatus({ kind: 'info', text: `Refreshed the cites of ${stale.length} card${stale.length === 1 ? '' : 's'} from “${saved.title}”` });
        } catch (err) {
          onStatus({ kind: 'error', text: err instanceof Error ? err.message : String(err) });
        }
      };
      onStatus(stale.length === 0
        ? { kind: 'info', text: `Saved the details of “${draft.title}”` }
        : { kind: 'info', text: `Saved the details of “${draft.title}”. ${stale.length} card${stale.length === 1 ? ' cut from it has' : 's cut from it have'} an older cite.`, action: { label: `Refresh ${stale.length === 1 ? 'its cite' : `all ${stale.length}`}`, run: () => void refresh() } });
    } catch (err) {
      onStatus({ kind: 'error', text: err instanceof Error ? err.message : String(err) });
    } finally {
      setSaving(false);
    }
  };

  return (
    <section className="panel details" aria-labelledby="details-heading">
      <h2 id="details-heading">Article details</h2>
      <label>
        Article
        <select value={article.id} onChange={(e) => setId(Number(e.target.value))} aria-label="Article to edit">
          {articles.map((a) => <option key={a.id} value={a.id}>{a.title}</option>)}
        </select>
      </label>
      <form onSubmit={(e) => void save(e)} aria-label="Citation details">
        {FIELDS.map((f) => (
          <label key={f.key}>
            {f.label} {!draft[f.key] && <span className="missing">missing</span>}
            <input value={draft[f.key]} name={f.key} placeholder={f.hint ?? 'missing'} onChange={(e) => set({ [f.key]: e.target.value })} />
          </label>
        ))}
        <fieldset>
          <legend>Authors {draft.authors.length === 0 && <span className="missing">missing</span>}</legend>
          {draft.authors.map((a, i) => (
            <div key={i} className="author">
              <input aria-label={`Author ${i + 1} name`} value={a.name} placeholder="Name" onChange={(e) => setAuthor(i, { name: e.target.value })} />
              <input aria-label={`Author ${i + 1} qualifications`} value={a.quals} placeholder="Qualifications (missing)" onChange={(e) => setAuthor(i, { quals: e.target.value })} />
              <button type="button" className="link" aria-label={`Remove author ${i + 1}`} onClick={() => set({ authors: draft.authors.filter((_, j) => j !== i) })}>×</button>
            </div>
          ))}
          <button type="button" onClick={() => set({ authors: [...draft.authors, { name: '', quals: '' }] })}>Add author</button>
        </fieldset>
        <label>
          Cite template <span className="hint">(%author% %last% %y% %quals% %date% %title% %publication% %url% %accessed%, **bold**)</span>
          <input value={template} name="citeTemplate" onChange={(e) => setTemplate(e.target.value)} />
        </label>
        <p className="cite-preview" aria-label="Cite preview">
          {cite.runs.map((r, i) => (r.bold ? <strong key={i}>{r.text}</strong> : <span key={i}>{r.text}</span>))}
        </p>
        <button type="submit" disabled={saving}>{saving ? 'Saving…' : 'Save details'}</button>
      </form>
    </section>
  );
}
