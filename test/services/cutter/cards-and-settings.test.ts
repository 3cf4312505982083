import { describe, expect, it } from 'vitest';
import { createHandlers } from '../../../electron/services/api-handlers.js';
import { dispatch } from '../../../electron/services/dispatch.js';
import { Library } from '../../../electron/services/library/library.js';
import type { ApiResponse } from '../../../shared/api.js';
import { cardFromPassage } from '../../../shared/card-from-article.js';
import type { Card } from '../../../shared/model.js';
import { corpusText } from '../../helpers/corpus.js';
import { tempLibraryPath } from '../../helpers/temp-dir.js';

function value<T>(response: ApiResponse<unknown>): T {
  if (!response.ok) throw new Error(response.error);
  return response.value as T;
}

describe('cards cut in the Cutter, through the Api on a real library', () => {
  it('a patch changes only its fields; textEdited and the passage survive reopening', async () => {
    const path = tempLibraryPath();
    let library = Library.open(path);
    let handlers = createHandlers(library);
    const article = library.articles.insert({
      title: 'Battle for Aleppo', authors: [], publication: 'Kommersant', publishedDate: '2016-09-27', url: '',
      accessedDate: '2026-11-23', sourceKind: 'paste', text: corpusText('article001'),
    });
    const created = value<Card>(await dispatch(handlers, 'createCard', cardFromPassage(article, { start: 100, end: 180 })));
    expect(created.textEdited).toBe(false);
    await dispatch(handlers, 'updateCard', { id: created.id, patch: { tag: 'Non-unique: the truce broke', label: 'Non-unique' } });
    await dispatch(handlers, 'updateCard', { id: created.id, patch: { textEdited: true } });
    library.close();

    library = Library.open(path);
    handlers = createHandlers(library);
    const card = value<Card>(await dispatch(handlers, 'getCard', { id: created.id }));
    expect(card).toMatchObject({
      tag: 'Non-unique: the truce broke', label: 'Non-unique', shortCite: 'Kommersant 16', textEdited: true,
      articleId: article.id, passage: { start: 100, end: 180 }, body: created.body,
    });
    library.close();
  });

  it('settings persist and bad values are refused with the field named', async () => {
    const path = tempLibraryPath();
    let library = Library.open(path);
    let handlers = createHandlers(library);
    expect(value(await dispatch(handlers, 'getSettings', {}))).toEqual({ highlightColour: 'cyan', wpm: 250, keys: {} });
    await dispatch(handlers, 'setSettings', { highlightColour: 'yellow', keys: { underline: ['Alt-u'] } });
    await dispatch(handlers, 'setSettings', { wpm: 320 });
    const bad = await dispatch(handlers, 'setSettings', { wpm: 2 });
    expect(bad.ok).toBe(false);
    expect(!bad.ok && bad.error).toMatch(/setSettings at wpm/);
    library.close();

    library = Library.open(path);
    handlers = createHandlers(library);
    expect(value(await dispatch(handlers, 'getSettings', {}))).toEqual({ highlightColour: 'yellow', wpm: 320, keys: { underline: ['Alt-u'] } });
    library.close();
  });
});
