import { describe, expect, it } from 'vitest';
import { authorYearOpening, looksLikeCite, parseCite, type ParsedCite } from '../../shared/cite-parser.js';
import { corpusText } from '../helpers/corpus.js';

const none: ParsedCite = { author: '', quals: '', date: '', isoDate: '', year: '', title: '', publication: '', url: '', shortCite: '' };

// Every cite line of corpus/003, as written, with the fields it states.
const corpusRows: [string, Partial<ParsedCite>][] = [
  [
    'Thai News Service, September 7, 2021',
    { publication: 'Thai News Service', date: 'September 7, 2021', isoDate: '2021-09-07', year: '21', shortCite: 'Thai News Service 21' },
  ],
  [
    'Mehmet Ace, 9 -16 September 2021, Is Putin prepping the ground for another attack on Idlib after Assad’s visit?,',
    {
      author: 'Mehmet Ace',
      date: '9 -16 September 2021',
      isoDate: '2021-09-16',
      year: '21',
      title: 'Is Putin prepping the ground for another attack on Idlib after Assad’s visit?',
      shortCite: 'Ace 21',
    },
  ],
  [
    'Press TV, September 15, 2021, Russia: US seeking ‘de facto partition’ of Syria through occupation',
    {
      publication: 'Press TV',
      date: 'September 15, 2021',
      isoDate: '2021-09-15',
      year: '21',
      title: 'Russia: US seeking ‘de facto partition’ of Syria through occupation',
      shortCite: 'Press TV 21',
    },
  ],
  ['Telegraph Media, 9-15, 21,', { publication: 'Telegraph Media', date: '9-15-21', isoDate: '2021-09-15', year: '21', shortCite: 'Telegraph Media 21' }],
  ['TASS, September 15, 2021', { publication: 'TASS', date: 'September 15, 2021', isoDate: '2021-09-15', year: '21', shortCite: 'TASS 21' }],
  [
    'Thai News Service, 9-16, 21, United States/Syria/Russia: Presence of US Troops in Eastern Syria Is ‘De Facto Partition’',
    {
      publication: 'Thai News Service',
      date: '9-16-21',
      isoDate: '2021-09-16',
      year: '21',
      title: 'United States/Syria/Russia: Presence of US Troops in Eastern Syria Is ‘De Facto Partition’',
      shortCite: 'Thai News Service 21',
    },
  ],
  [
    'Igor Istomin |Associate Professor at the Department of Applied International Political Analysis, 9-1, , With Russian-American entente moving forward, is there a place in Europe?',
    {
      author: 'Igor Istomin',
      quals: 'Associate Professor at the Department of Applied International Political Analysis',
      date: '9-1',
      title: 'With Russian-American entente moving forward, is there a place in Europe?',
      shortCite: 'Istomin',
    },
  ],
  [
    'Joseph Choi, 9-2, 21, The Hill, Kremlin: US military assistance could ’cause unpredictable actions’ by Ukraine,',
    {
      author: 'Joseph Choi',
      date: '9-2-21',
      isoDate: '2021-09-02',
      year: '21',
      publication: 'The Hill',
      title: 'Kremlin: US military assistance could ’cause unpredictable actions’ by Ukraine',
      shortCite: 'Choi 21',
    },
  ],
];

// Other shapes debaters write, beyond the corpus.
const otherRows: [string, Partial<ParsedCite>][] = [
  [
    'Ace 21 (Mehmet Ace, columnist, 9-16-2021, Daily Sabah, https://www.dailysabah.com/opinion/x, accessed 9-20-21)',
    { author: 'Mehmet Ace', quals: 'columnist', date: '9-16-2021', isoDate: '2021-09-16', year: '21', publication: 'Daily Sabah', url: 'https://www.dailysabah.com/opinion/x', shortCite: 'Ace 21' },
  ],
  ['Dr. Jane van der Berg and Sam Lee, 2019-03-04, Foreign Affairs, The Long Peace', { author: 'Dr. Jane van der Berg and Sam Lee', date: '2019-03-04', isoDate: '2019-03-04', year: '19', publication: 'Foreign Affairs', title: 'The Long Peace', shortCite: 'Berg 19' }],
  // No date in the brackets: the short cite's two digits are the year the line states.
  ['Ace 21 (John Ace, professor of political science at Georgetown University)', { author: 'John Ace', year: '21', title: 'professor of political science at Georgetown University', shortCite: 'Ace 21' }],
  ['Reuters, March 2020, "Oil falls"', { publication: 'Reuters', date: 'March 2020', isoDate: '2020-03', year: '20', title: 'Oil falls', shortCite: 'Reuters 20' }],
];

describe('parseCite', () => {
  it.each([...corpusRows, ...otherRows])('%s', (line, expected) => {
    expect(parseCite(line)).toEqual({ ...none, ...expected });
  });

  it('the table holds every cite line of corpus/003', () => {
    const citeLines = corpusText('block').split('\n').filter((l) => looksLikeCite(l));
    expect(citeLines.map((l) => l.trim()).sort()).toEqual(corpusRows.map(([l]) => l).sort());
  });

  it('a short cite before a bracketed cite with no date reads as a cite', () => {
    expect(looksLikeCite('Ace 21 (John Ace, professor of political science at Georgetown University)')).toBe(true);
  });

  it('tags and body text are not cites', () => {
    for (const l of ['Russian mediation in Syria fails', 'Non-unique: Russian aggression in Syria now', 'Highlight: The United States still keeps on table the option']) {
      expect(looksLikeCite(l)).toBe(false);
    }
  });
});

// Cite lines of real cards written with no bold at all: the author-and-year opening still marks them as cites.
const OPENINGS: [string, string | null][] = [
  ['Henry A. Giroux 14, Professor at McMaster University, "The Violence of Organized Forgetting"', 'Giroux 14'],
  ['Johanna Matanich 96, staff writer, Harvard Law Review', 'Matanich 96'],
  ['Dr. Aziz Rana 12 [Professor of Law, Cornell]', 'Rana 12'],
  ['Biswas 19, Professor of Politics', 'Biswas 19'],
  ["Mearsheimer '14 (John, Professor at Chicago)", 'Mearsheimer 14'],
  ['Boersma & Jain 2021, Brookings', 'Jain 2021'],
  ['In 2014, the alliance was in danger of collapse.', null],
  ['Since 1991 NATO has expanded eastward.', null],
  ['The alliance is not in danger and no one thinks it is.', null],
  ['---no one thinks the alliance is in danger', null],
];

describe('authorYearOpening', () => {
  it.each(OPENINGS)('%s', (line, expected) => {
    expect(authorYearOpening(line)).toBe(expected);
  });
});
