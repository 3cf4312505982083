import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { importInto } from '../../../electron/services/importers/import-into-library.js';
import { articleFromText } from '../../../electron/services/importers/text-importer.js';
import { Library } from '../../../electron/services/library/library.js';
import { CORPUS, corpusPath, corpusText } from '../../helpers/corpus.js';
import { tempDir, tempLibraryPath } from '../../helpers/temp-dir.js';

// Runs of spaces and no-break spaces are normalised on import; the words are not touched.
const normalise = (l: string) => l.replace(/[\s\u00a0]+/g, ' ').trim();
const lines = (name: keyof typeof CORPUS) => corpusText(name).split('\n').map(normalise).filter(Boolean);
const fileLine = (name: keyof typeof CORPUS, n: number) => normalise(corpusText(name).split('\n')[n - 1]!);

// One row per corpus article: its title and the paragraphs that must come through untouched.
const rows: [keyof typeof CORPUS, string, string[]][] = [
  ['ceasefire', 'No Ceasefire in Syria Any More', lines('ceasefire').slice(1)],
  ['article001', 'Battle for Aleppo: as the deterioration in Syria will change relations between the US and Russia', lines('article001').slice(1)],
  // Lines 6, 10, 12 … 26 of the file: the article without the Sputnik page furniture.
  ['aleppo', "Aleppo Violence Shows Russia, US at a 'Deadlock' Over Syria", [6, 10, 12, 14, 18, 20, 22, 24, 26].map((n) => fileLine('aleppo', n))],
  ['article004', 'Putin Shuts the Door on US “Last Try” for Cooperation in Syria', lines('article004').slice(1, -1)],
];

describe('corpus articles import with their title and paragraphs intact', () => {
  it.each(rows)('%s', async (name, title, paragraphs) => {
    const library = Library.open(tempLibraryPath());
    const outcome = await importInto(library, { file: corpusPath(name) });
    expect(outcome).toMatchObject({ status: 'imported', kind: 'article', title });
    const article = library.articles.get(outcome.status === 'imported' ? outcome.id : 0);
    expect(article.text.split('\n\n')).toEqual(paragraphs);
    expect(article).toMatchObject({ sourceKind: 'text', authors: [], publishedDate: '', url: '' });
    library.close();
  });

  it('drops every piece of Sputnik furniture from the pasted 002', () => {
    const article = articleFromText(corpusText('aleppo'), { source: 'paste' });
    for (const junk of ['Subscribe', 'Newsfeed', 'To participate in the discussion', 'log in or register', '© Sputnik', '- Sputnik International', 'Заголовок', 'What to Expect After', 'Game Changer:', 'loader', 'Chats']) {
      expect(article.text).not.toContain(junk);
    }
  });

  it('reports the same text imported twice as a duplicate and stores it once', async () => {
    const library = Library.open(tempLibraryPath());
    const first = await importInto(library, { file: corpusPath('ceasefire') });
    const again = await importInto(library, { text: corpusText('ceasefire') });
    expect(again).toMatchObject({ status: 'duplicate', kind: 'article', id: first.status === 'imported' ? first.id : -1 });
    expect(library.info().articles).toBe(1);
    library.close();
  });
});

describe('a block of cards saved as text', () => {
  it('imports corpus/003 as a brief', async () => {
    const library = Library.open(tempLibraryPath());
    const outcome = await importInto(library, { file: corpusPath('block') });
    expect(outcome).toMatchObject({ status: 'imported', kind: 'brief' });
    expect(library.info()).toMatchObject({ articles: 0, briefs: 1 });
    library.close();
  });
});

describe('metadata from the first lines of pasted text', () => {
  it.each([
    ['a cite line', 'Joseph Choi, 9-2, 21, The Hill, Kremlin: US military assistance could cause unpredictable actions\n', { authors: [{ name: 'Joseph Choi', quals: '' }], publication: 'The Hill', publishedDate: '2021-09-02' }],
    ['a byline and a URL', 'By Mehmet Ace, columnist\nhttps://www.dailysabah.com/opinion/columns/x\n', { authors: [{ name: 'Mehmet Ace', quals: 'columnist' }], url: 'https://www.dailysabah.com/opinion/columns/x' }],
    ['an outlet cite', 'TASS, September 15, 2021\n', { authors: [], publication: 'TASS', publishedDate: '2021-09-15' }],
  ])('%s', (_name, header, expected) => {
    const body = 'The United States still keeps on table the option of de-facto dividing Syria, Russia is opposing such plans.';
    const article = articleFromText(`Russia opposes US efforts to divide Syria\n${header}${body}`, { source: 'paste' });
    expect(article).toMatchObject({ title: 'Russia opposes US efforts to divide Syria', text: body, ...expected });
  });
});

// The corpus block's lines, to paste a card's cite and what follows it as an article.
const blockLines = corpusText('block').split('\n').map((l) => l.trim()).filter(Boolean);
const fromCite = (opening: string, count: number) => {
  const at = blockLines.findIndex((l) => l.startsWith(opening));
  return blockLines.slice(at, at + count).join('\n');
};
const bodyAfter = (opening: string, skip: number) => blockLines[blockLines.findIndex((l) => l.startsWith(opening)) + skip]!;

describe('a paste that opens with its cite line', () => {
  const alliance = 'The alliance has weathered worse than this, and the officials who run it know that.';
  it.each([
    ['a person, a date, an outlet and a title', fromCite('Joseph Choi,', 2), bodyAfter('Joseph Choi,', 1),
      { title: 'Kremlin: US military assistance could ’cause unpredictable actions’ by Ukraine', authors: [{ name: 'Joseph Choi', quals: '' }], publication: 'The Hill', publishedDate: '2021-09-02' }],
    ['an outlet and a date, the title on the line under it', fromCite('Thai News Service, September 7', 3), bodyAfter('Thai News Service, September 7', 2),
      { title: 'Syria/Russia: Syria Resumes Pounding Militants’ Positions in Dara’a After Russia-Mediated Deal Fails', authors: [], publication: 'Thai News Service', publishedDate: '2021-09-07' }],
    ['an outlet, a date and a title', fromCite('Press TV,', 2), bodyAfter('Press TV,', 1),
      { title: 'Russia: US seeking ‘de facto partition’ of Syria through occupation', authors: [], publication: 'Press TV', publishedDate: '2021-09-15' }],
    ['a person, a written-out date and a question for a title', fromCite('Mehmet Ace,', 2), bodyAfter('Mehmet Ace,', 1),
      { title: 'Is Putin prepping the ground for another attack on Idlib after Assad’s visit?', authors: [{ name: 'Mehmet Ace', quals: '' }], publishedDate: '2021-09-16' }],
    ['a short cite before the full cite in brackets, the title under it', `Ace 21 (John Ace, professor of political science at Georgetown University)\nWhy the alliance holds\n${alliance}`, alliance,
      { title: 'Why the alliance holds', authors: [{ name: 'John Ace', quals: '' }], publishedDate: '' }],
    ['a short cite with a dated full cite in brackets', `Ace 21 (Mehmet Ace, columnist, 9-16-2021, Daily Sabah, https://www.dailysabah.com/opinion/x)\n${alliance}`, alliance,
      { title: 'Ace 21 (Mehmet Ace, columnist, 9-16-2021, Daily Sabah, https://www.dailysabah.com/opinion/x)', authors: [{ name: 'Mehmet Ace', quals: 'columnist' }], publication: 'Daily Sabah', publishedDate: '2021-09-16', url: 'https://www.dailysabah.com/opinion/x' }],
    // A real title stays the title, and a cite line under it is still read.
    ['a real title with a comma', `${lines('aleppo')[0]}\nTASS, September 15, 2021\n${alliance}`, alliance,
      { title: "Aleppo Violence Shows Russia, US at a 'Deadlock' Over Syria", authors: [], publication: 'TASS', publishedDate: '2021-09-15' }],
    ['a real title', corpusText('ceasefire'), lines('ceasefire').slice(1).join('\n\n'), { title: 'No Ceasefire in Syria Any More', authors: [], publishedDate: '' }],
  ])('%s', (_name, pasted, text, expected) => {
    const article = articleFromText(pasted, { source: 'paste' });
    expect(article).toMatchObject({ ...expected, text });
  });
});

describe('text encodings', () => {
  const sentence = 'Ryabkov’s remarks — “a de facto partition” — came one day after the Kremlin meeting.';
  it.each([
    ['UTF-8', Buffer.from(`Title line\n${sentence}`, 'utf8'), sentence],
    ['UTF-16 LE with BOM', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(`Title line\n${sentence}`, 'utf16le')]), sentence],
    ['Latin-1 / Windows-1252', Buffer.from('Title line\nCafé société in Zürich: déjà vu for the négociateurs.', 'latin1'), 'Café société in Zürich: déjà vu for the négociateurs.'],
  ])('%s imports correctly', async (_name, bytes, body) => {
    const file = path.join(tempDir(), 'article.txt');
    fs.writeFileSync(file, bytes);
    const library = Library.open(tempLibraryPath());
    const outcome = await importInto(library, { file });
    expect(outcome).toMatchObject({ status: 'imported', title: 'Title line' });
    expect(library.articles.list()[0]!.text).toBe(body);
    library.close();
  });
});
