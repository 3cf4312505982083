import { describe, expect, it } from 'vitest';
import { buildCite, DEFAULT_CITE_TEMPLATE, type CiteSource } from '../../shared/cite-builder.js';
import { refreshedCite, staleCites } from '../../shared/cite-refresh.js';

const bare: CiteSource = { title: 'Battle for Aleppo', authors: [], publication: '', publishedDate: '', url: '', accessedDate: '' };
const filled: CiteSource = { ...bare, authors: [{ name: 'Anna Petrova', quals: 'correspondent' }], publication: 'Kommersant', publishedDate: '2016-09-27' };
const cutEarly = { ...buildCite(bare, DEFAULT_CITE_TEMPLATE) };

describe('refreshing cites from the article', () => {
  it('gives a card cut before the details were filled the cite they make now', () => {
    expect(cutEarly.shortCite).toBe('');
    expect(refreshedCite(cutEarly, filled, DEFAULT_CITE_TEMPLATE)).toEqual({ shortCite: 'Petrova 16', fullCite: buildCite(filled).fullCite });
  });

  it('leaves a card whose cite is already right', () => {
    expect(refreshedCite(buildCite(filled), filled, DEFAULT_CITE_TEMPLATE)).toBeNull();
  });

  it('finds the stale cards of one article only', () => {
    const cards = [
      { id: 1, articleId: 7, ...cutEarly },
      { id: 2, articleId: 7, ...buildCite(filled) },
      { id: 3, articleId: 8, ...cutEarly },
      { id: 4, articleId: null, ...cutEarly },
    ];
    expect(staleCites(cards, 7, filled, DEFAULT_CITE_TEMPLATE).map((s) => s.card.id)).toEqual([1]);
  });
});
