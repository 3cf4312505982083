import { splitParagraphs } from '../../shared/text';
import { api } from './api';
import { useApiData } from './use-api-data';

interface Props {
  articleId: number | undefined;
  onPickArticle: () => void;
}

/** The article as a readable document, its citation details on top. */
export function CutterView({ articleId, onPickArticle }: Props) {
  const article = useApiData(() => (articleId === undefined ? Promise.resolve(undefined) : api.getArticle({ id: articleId })), [articleId]);
  if (articleId === undefined) {
    return (
      <div className="panel empty-state">
        <p>Pick an article to cut from.</p>
        <button onClick={onPickArticle}>Open the Library (Alt+1)</button>
      </div>
    );
  }
  if (article.error) return <p role="alert" className="error panel">{article.error}</p>;
  const a = article.data;
  if (!a) return <p className="panel">Loading…</p>;
  const field = (label: string, value: string) => (
    <div>
      <dt>{label}</dt>
      <dd className={value ? '' : 'missing'}>{value || 'missing'}</dd>
    </div>
  );
  return (
    <article className="panel reader">
      <h2>{a.title}</h2>
      <dl className="article-meta">
        {field('Authors', a.authors.map((x) => (x.quals ? `${x.name}, ${x.quals}` : x.name)).join('; '))}
        {field('Publication', a.publication)}
        {field('Published', a.publishedDate)}
        {field('URL', a.url)}
        {field('Accessed', a.accessedDate)}
      </dl>
      <div className="article-text">
        {splitParagraphs(a.text).map((p, i) => <p key={i}>{p}</p>)}
      </div>
    </article>
  );
}
