import type { ApiHandlers } from '../../shared/api.js';
import { articleFromText } from './importers/text-importer.js';
import type { Library } from './library/library.js';

/** Binds every Api method to the services over one open library. */
export function createHandlers(library: Library): ApiHandlers {
  return {
    libraryInfo: () => library.info(),
    listArticles: () => library.articles.list(),
    getArticle: ({ id }) => library.articles.get(id),
    createArticle: (fields) => library.articles.insert(fields),
    updateArticle: ({ id, patch }) => library.articles.update(id, patch),
    deleteArticle: ({ id }) => library.articles.delete(id),
    importText: ({ text, title }) => library.articles.insert(articleFromText(text, { title, source: 'the pasted text' })),
    listCards: ({ articleId }) =>
      articleId === undefined ? library.cards.list() : library.cards.list('WHERE article_id = @articleId', { articleId }),
    getCard: ({ id }) => library.cards.get(id),
    createCard: (fields) => library.cards.insert(fields),
    updateCard: ({ id, patch }) => library.cards.update(id, patch),
    deleteCard: ({ id }) => library.cards.delete(id),
    listBriefs: () => library.briefs.list(),
    getBrief: ({ id }) => library.briefs.get(id),
    createBrief: (fields) => library.briefs.insert(fields),
    updateBrief: ({ id, patch }) => library.briefs.update(id, patch),
    deleteBrief: ({ id }) => library.briefs.delete(id),
  };
}
