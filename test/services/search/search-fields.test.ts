// The index's author and year fields, made from cites as debaters write them. A card's cite facts
// may have been parsed already, in a parts thread (card-content.ts): the fields must be exactly
// those that parsing the full cite on the writer's thread gives.
import { describe, expect, it } from 'vitest';
import { citeFactsOf, searchFields, type CardForIndex } from '../../../electron/services/search/search-fields.js';

const cardOf = (shortCite: string, fullCite: string): CardForIndex => ({ tag: 'Tag', label: null, shortCite, fullCite, bodyText: 'Body', headings: '' });

// short cite, full cite, article (authors, date) or null, author field, year field
const cases: [string, string, { authors: string[]; publishedDate: string } | null, string, string][] = [
  ['Choi 21', 'Joseph Choi, 9-2, 21, The Hill, Kremlin: US military assistance could ’cause unpredictable actions’ by Ukraine', null, 'Choi\nJoseph Choi', '2021'],
  ['TASS 21', 'TASS, September 15, 2021', null, 'TASS', '2021'],
  ['Press TV 21', 'Press TV, September 15, 2021, Russia: US seeking ‘de facto partition’ of Syria through occupation', null, 'Press TV', '2021'],
  ['Boersma & Jain 3/28', 'Boersma and Jain, no date', { authors: ['Maria Boersma'], publishedDate: '2019-03-28' }, 'Boersma & Jain\nMaria Boersma', '2019'],
  ['Choi ’21', 'Joseph Choi, The Hill', null, 'Choi\nJoseph Choi', '2021'],
  ['Walt 9-21', 'Stephen Walt, Foreign Policy', null, 'Walt\nStephen Walt', ''],
  ['Ace', '', null, 'Ace', ''],
  ['', '', { authors: [], publishedDate: '' }, '', ''],
];

describe('search fields', () => {
  it.each(cases)('%s / %s', (shortCite, fullCite, article, author, year) => {
    const parsedHere = searchFields(cardOf(shortCite, fullCite), article);
    expect({ author: parsedHere.author, year: parsedHere.year }).toEqual({ author, year });
    expect(searchFields({ ...cardOf(shortCite, fullCite), citeFacts: citeFactsOf(fullCite) }, article)).toEqual(parsedHere);
  });
});
