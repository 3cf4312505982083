import { describe, expect, it } from 'vitest';
import { apiClient, ApiError, parseApiCall } from '../../shared/api.js';
import { createHandlers } from '../../electron/services/api-handlers.js';
import { dispatch } from '../../electron/services/dispatch.js';
import { Library } from '../../electron/services/library/library.js';
import { corpusText } from '../helpers/corpus.js';
import { tempLibraryPath } from '../helpers/temp-dir.js';

function openApi() {
  const library = Library.open(tempLibraryPath());
  const handlers = createHandlers(library);
  const api = apiClient((method, input) => dispatch(handlers, method, input));
  return { library, handlers, api };
}

describe('the Api contract', () => {
  it.each([
    ['getArticle', { id: 'one' }, /getArticle at id/],
    ['getArticle', {}, /getArticle at id/],
    ['getCard', { id: -3 }, /getCard at id/],
    ['listArticles', { extra: true }, /listArticles/],
    ['createCard', { tag: 42 }, /createCard at tag/],
    ['updateBrief', { id: 1, patch: { kind: 'novel' } }, /updateBrief at patch.kind/],
    ['importText', { text: 'x'.repeat(20_000_001) }, /importText at text/],
  ] as const)('%s rejects %j with a message naming the field', (method, input, message) => {
    const result = parseApiCall(method, input);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.error).toMatch(message);
  });

  it('fills defaults the caller may leave out', () => {
    const result = parseApiCall('createBrief', {});
    expect(result).toEqual({ ok: true, value: { title: 'Untitled brief', kind: 'brief', doc: { type: 'doc', content: [] } } });
  });
});

describe('dispatch, the one entry of both transports', () => {
  it('runs a valid call on the services', async () => {
    const { api, library } = openApi();
    const article = await api.importText({ text: corpusText('article004') });
    expect(article.title).toBe('Putin Shuts the Door on US “Last Try” for Cooperation in Syria');
    expect(article.text.startsWith('Secretary of State John Kerry')).toBe(true);
    // Lists send summaries: everything but the text, and how long it is.
    const { text, ...summary } = article;
    expect(await api.listArticles({})).toEqual([{ ...summary, chars: text.length }]);
    expect(await api.libraryInfo({})).toMatchObject({ articles: 1 });
    library.close();
  });

  it('answers unknown methods, bad arguments and service failures as error values', async () => {
    const { handlers, library } = openApi();
    expect(await dispatch(handlers, 'dropAllTables', {})).toEqual({ ok: false, error: 'Unknown Api method: dropAllTables' });
    expect(await dispatch(handlers, 'getArticle', { id: 99 })).toEqual({ ok: false, error: 'No article with id 99 in this library.' });
    expect(await dispatch(handlers, 'importText', { text: '  \n ' })).toEqual({ ok: false, error: 'Could not import the pasted text: there is no text in it.' });
    expect(library.info()).toMatchObject({ articles: 0, cards: 0, briefs: 0 });
    library.close();
  });

  it('throws ApiError in the client so the UI can show the message', async () => {
    const { api, library } = openApi();
    await expect(api.getBrief({ id: 5 })).rejects.toThrow(ApiError);
    await expect(api.getBrief({ id: 5 })).rejects.toThrow('No brief with id 5 in this library.');
    library.close();
  });

  it('sends cards to the speech doc, creating it the first time', async () => {
    const { api, library } = openApi();
    const card = await api.createCard({ tag: 'Russian mediation in Syria fails', shortCite: 'Thai News Service 21' });
    const first = await api.sendToSpeech({ cardIds: [card.id] });
    const second = await api.sendToSpeech({ cardIds: [card.id] });
    expect(first.kind).toBe('speech');
    expect(second.id).toBe(first.id);
    // Each send is a new card of the speech doc, copied from the cut card.
    const sent = second.doc.content ?? [];
    expect(sent.map((n) => [n.type, n.attrs?.['copiedFrom']])).toEqual([['card', card.uid], ['card', card.uid]]);
    expect(new Set(sent.map((n) => n.attrs?.['cardId'])).size).toBe(2);
    expect(sent.map((n) => n.attrs?.['cardId'])).not.toContain(card.uid);
    library.close();
  });
});
