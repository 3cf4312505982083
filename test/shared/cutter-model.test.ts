import { describe, expect, it } from 'vitest';
import { cardFromPassage } from '../../shared/card-from-article.js';
import { buildCite } from '../../shared/cite-builder.js';
import { cardEditorDoc, cardFieldsFromDoc, labelOfTag, tagWithLabel } from '../../shared/card-doc.js';
import { displayKey, keyConflicts, keyOfEvent, normalizeKey, resolveKeys } from '../../shared/keymap.js';
import type { Article } from '../../shared/model.js';
import { paragraphSpans, passageParagraphs } from '../../shared/passage.js';
import { plainText } from '../../shared/schema.js';
import { DEFAULT_SETTINGS, readSettings } from '../../shared/settings.js';
import { splitParagraphs } from '../../shared/text.js';
import { formatDuration, readingSeconds, wordCounts } from '../../shared/word-counts.js';
import { CORPUS, corpusText } from '../helpers/corpus.js';
import { cardDoc } from './card-notation.js';

describe('word counts', () => {
  const rows = [
    { body: ['Russia mediates in Syria'], words: 4, underlined: 0, highlighted: 0 },
    { body: ['<u>Russia mediates</u> in <h>Syria</h>'], words: 4, underlined: 2, highlighted: 1 },
    { body: ['<u>Rus</u>sia <e>mediates</e> in Syria'], words: 4, underlined: 2, highlighted: 0 },
    { body: ['<h>one</h>', '<u><h>two three</h></u> four'], words: 4, underlined: 2, highlighted: 3 },
    { body: ['<h>half</h>way <h> </h>gap'], words: 2, underlined: 0, highlighted: 1 },
    { body: [''], words: 0, underlined: 0, highlighted: 0 },
  ];
  it.each(rows)('$body', ({ body, ...expected }) => {
    const card = cardDoc({ tag: 'Tag words are not counted', body }).doc;
    expect(wordCounts(card.firstChild!.lastChild!)).toEqual(expected);
  });

  it('reading time at the debater\'s speed', () => {
    expect(readingSeconds(250, 250)).toBe(60);
    expect(readingSeconds(100)).toBe(24);
    expect(readingSeconds(35, 350)).toBe(6);
    expect(formatDuration(24)).toBe('0:24');
    expect(formatDuration(605)).toBe('10:05');
  });
});

describe('passages of corpus articles', () => {
  it.each(Object.keys(CORPUS) as (keyof typeof CORPUS)[])('%s: spans are the paragraphs splitParagraphs finds', (name) => {
    const text = corpusText(name);
    const spans = paragraphSpans(text).map((s) => text.slice(s.start, s.end).replace(/\s+/g, ' '));
    expect(spans).toEqual(splitParagraphs(text).map((p) => p.replace(/\s+/g, ' ')));
  });

  it('a passage across two paragraphs keeps them apart, verbatim', () => {
    const text = corpusText('article001');
    const from = text.indexOf('On Thursday, September 22');
    const to = text.indexOf('At the weekend three') + 'At the weekend three'.length;
    expect(passageParagraphs(text, { start: from, end: to })).toEqual([
      text.slice(from, text.indexOf('\n', from)),
      'At the weekend three',
    ]);
  });
});

const ARTICLE: Article = {
  id: 3, title: 'Battle for Aleppo', authors: [{ name: 'Alexey Ivanov Jr.', quals: 'Analyst' }], publication: 'Kommersant',
  publishedDate: '2016-09-27', url: 'https://example.org/a', accessedDate: '2026-11-23', sourceKind: 'paste',
  text: 'First paragraph here.\n\nSecond one.', createdAt: '', updatedAt: '',
};

describe('a card cut from an article', () => {
  it('holds the passage verbatim with the cite built from the article', () => {
    const card = cardFromPassage(ARTICLE, { start: 6, end: 33 });
    expect(plainText(card.body)).toBe('paragraph here.\n\nSecond one');
    expect(card.shortCite).toBe('Ivanov 16');
    expect(card.fullCite).toBe(buildCite(ARTICLE).fullCite);
    expect(card.fullCite).toContain('Kommersant');
    expect(card).toMatchObject({ articleId: 3, passage: { start: 6, end: 33 }, tag: '', label: null });
  });

  it('follows the debater\'s cite template', () => {
    expect(cardFromPassage(ARTICLE, { start: 0, end: 5 }, '**%last% %y%** %publication%').fullCite).toBe('Kommersant');
  });
});

describe('the card editor document', () => {
  const card = { id: 9, tag: 'Non-unique: talks fail', shortCite: 'Ace 21', fullCite: 'Bob Ace, 2021', body: cardDoc({ body: ['<u>one</u> two'] }).doc.firstChild!.lastChild!.toJSON() };

  it('round-trips a card', () => {
    const doc = cardEditorDoc(card);
    expect(doc.firstChild!.attrs.cardId).toBe(9);
    expect(cardFieldsFromDoc(doc, null)).toEqual({ tag: card.tag, label: 'Non-unique', shortCite: 'Ace 21', fullCite: 'Bob Ace, 2021', body: card.body });
  });

  it('reads a cite with no bold as all full cite', () => {
    expect(cardFieldsFromDoc(cardEditorDoc({ ...card, shortCite: '' }), null).fullCite).toBe('Bob Ace, 2021');
    expect(cardFieldsFromDoc(cardDoc({ tag: 'T', cite: ' <b>Ace</b><b> 21</b>, Bob', body: ['x'] }).doc, null)).toMatchObject({ shortCite: 'Ace 21', fullCite: ', Bob' });
  });

  it.each([
    { tag: 'Non-unique: talks fail', picked: null, label: 'Non-unique' },
    { tag: 'Non-unique – talks fail', picked: null, label: 'Non-unique' },
    { tag: 'Link turn: talks fail', picked: 'Impact', label: 'Link turn' },
    { tag: 'Solvency: talks fail', picked: 'Solvency', label: 'Solvency' },
    { tag: 'Talks fail', picked: 'Solvency', label: null },
    { tag: 'Talks fail', picked: null, label: null },
  ])('label of "$tag" (picked $picked) is $label', ({ tag, picked, label }) => {
    expect(labelOfTag(tag, picked)).toBe(label);
  });

  it.each([
    { tag: 'talks fail', current: null, label: 'Impact', out: 'Impact: talks fail' },
    { tag: 'Non-unique – talks fail', current: 'Non-unique', label: 'Link', out: 'Link: talks fail' },
    { tag: 'Solvency: talks fail', current: 'Solvency', label: null, out: 'talks fail' },
    { tag: 'Solvency: talks fail', current: null, label: 'Turn', out: 'Turn: Solvency: talks fail' },
  ])('picking $label on "$tag"', ({ tag, current, label, out }) => {
    expect(tagWithLabel(tag, current, label)).toBe(out);
  });
});

describe('keys', () => {
  it.each([
    ['Mod-Shift-p', false, 'Ctrl-Shift-p'],
    ['Shift-Mod-P', true, 'Meta-Shift-p'],
    ['alt+f3', false, 'Alt-F3'],
    ['Ctrl-8', false, 'Ctrl-8'],
    ['Hyper-x', false, null],
  ] as const)('%s (mac %s) is %s', (spec, mac, out) => {
    expect(normalizeKey(spec, mac)).toBe(out);
  });

  it('a key press names the same key as its binding', () => {
    const press = { altKey: false, ctrlKey: true, metaKey: false, shiftKey: true };
    expect(keyOfEvent({ ...press, key: 'P', code: 'KeyP' })).toBe(normalizeKey('Mod-Shift-p', false));
    expect(keyOfEvent({ key: 'ç', code: 'KeyC', altKey: true, ctrlKey: false, metaKey: false, shiftKey: false })).toBe('Alt-c');
    expect(keyOfEvent({ key: 'F3', code: 'F3', altKey: true, ctrlKey: false, metaKey: false, shiftKey: false })).toBe('Alt-F3');
    expect(displayKey('Mod-Shift-p', false)).toBe('Ctrl+Shift+P');
  });

  it('overrides replace defaults, and clashes are found', () => {
    const keys = resolveKeys({ underline: ['Alt-u'], highlight: ['F9'] });
    expect(keys.underline).toEqual(['Alt-u']);
    expect(keys.emphasis).toEqual(['F10']);
    expect(keyConflicts(keys, false).size).toBe(0);
    expect([...keyConflicts(resolveKeys({ highlight: ['F10'] }), false)]).toEqual([['F10', ['emphasis', 'highlight']]]);
  });
});

describe('settings', () => {
  it('fills defaults and ignores stored values that are no longer valid', () => {
    expect(readSettings(() => undefined)).toEqual(DEFAULT_SETTINGS);
    const stored: Record<string, unknown> = { highlightColour: 'yellow', wpm: 5, keys: { underline: ['Alt-u'] } };
    expect(readSettings((name) => stored[name])).toEqual({ highlightColour: 'yellow', wpm: 250, keys: { underline: ['Alt-u'] } });
  });
});
