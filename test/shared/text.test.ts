import { describe, expect, it } from 'vitest';
import { guessTitle, isoDate, splitParagraphs } from '../../shared/text.js';
import { corpusText } from '../helpers/corpus.js';

describe('splitParagraphs', () => {
  it.each([
    ['one line per paragraph, as pasted from a page', 'First.\nSecond.\n\nThird.', ['First.', 'Second.', 'Third.']],
    ['Windows line ends and non-breaking spaces', 'A\u00a0b\r\nC  d\r\n', ['A b', 'C d']],
    ['blank-only text', ' \n\n\t\n', []],
  ])('%s', (_name, input, expected) => {
    expect(splitParagraphs(input)).toEqual(expected);
  });

  it('joins hard-wrapped lines of a plain file back into paragraphs', () => {
    const wrapped = [
      'The Syrian military renewed its attacks against the last militant',
      'enclave in the Southwestern city of Dara’a following the collapse',
      'of a Russian-mediated deal to restore government rule in the area.',
      '',
      'The negotiations started late on Tuesday to prevent bloody urban',
      'warfare, a day after the two sides exchanged machine gunfire.',
    ].join('\n');
    expect(splitParagraphs(wrapped)).toEqual([
      'The Syrian military renewed its attacks against the last militant enclave in the Southwestern city of Dara’a following the collapse of a Russian-mediated deal to restore government rule in the area.',
      'The negotiations started late on Tuesday to prevent bloody urban warfare, a day after the two sides exchanged machine gunfire.',
    ]);
  });

  it('keeps every paragraph of a corpus article', () => {
    const paragraphs = splitParagraphs(corpusText('article001'));
    expect(paragraphs[0]).toBe('Battle for Aleppo: as the deterioration in Syria will change relations between the US and Russia');
    expect(paragraphs.length).toBe(corpusText('article001').split(/\n+/).filter((l) => l.trim()).length);
  });
});

describe('guessTitle', () => {
  it.each([
    ['No Ceasefire in Syria Any More\n\nThe diplomatic efforts...', 'No Ceasefire in Syria Any More'],
    ['', 'Untitled article'],
    [`${'word '.repeat(60)}end`, `${'word '.repeat(23)}word…`],
  ])('%j', (input, expected) => {
    expect(guessTitle(input)).toBe(expected);
  });
});

describe('isoDate', () => {
  it('gives yyyy-mm-dd', () => {
    expect(isoDate(new Date('2021-09-15T22:00:00Z'))).toBe('2021-09-15');
  });
});
