import { Transform } from 'prosemirror-transform';
import { describe, expect, it } from 'vitest';
import { blockTitle, dropTarget, moveRange, outline, positionOf, unitRange } from '../../shared/outline.js';
import { block, card, doc, hat, hl, pocket, stateOf } from './brief-builders.js';

const brief = stateOf(
  pocket('Russia'),
  hat('Aff answers'),
  block('Answers to: Russia won’t cooperate'),
  card('Non-unique: talks already failed', 'Ace 21', [['Not read ', hl('one two three'), ' no'], [hl('four'), ' five ', hl('six')]]),
  card('Analytic: they concede it'),
  block('AT: sanctions'),
  card('Sanctions bite', 'TASS 21', [[hl('seven eight')]]),
).doc;

describe('outline', () => {
  it('lists every heading and card with what it owns and its totals', () => {
    expect(outline(brief, 120).map(({ level, title, index, end, analytic, totals }) => ({ level, title, index, end, analytic, totals }))).toEqual([
      { level: 'pocket', title: 'Russia', index: 0, end: 7, analytic: false, totals: { cards: 3, highlightedWords: 7, seconds: 4 } },
      { level: 'hat', title: 'Aff answers', index: 1, end: 7, analytic: false, totals: { cards: 3, highlightedWords: 7, seconds: 4 } },
      { level: 'block', title: 'Answers to: Russia won’t cooperate', index: 2, end: 5, analytic: false, totals: { cards: 2, highlightedWords: 5, seconds: 3 } },
      { level: 'card', title: 'Non-unique: talks already failed', index: 3, end: 4, analytic: false, totals: { cards: 1, highlightedWords: 5, seconds: 3 } },
      { level: 'card', title: 'Analytic: they concede it', index: 4, end: 5, analytic: true, totals: { cards: 1, highlightedWords: 0, seconds: 0 } },
      { level: 'block', title: 'AT: sanctions', index: 5, end: 7, analytic: false, totals: { cards: 1, highlightedWords: 2, seconds: 1 } },
      { level: 'card', title: 'Sanctions bite', index: 6, end: 7, analytic: false, totals: { cards: 1, highlightedWords: 2, seconds: 1 } },
    ]);
  });

  it('finds each entry\'s node at positionOf its index', () => {
    for (const entry of outline(brief)) expect(brief.nodeAt(positionOf(brief, entry.index))).toBe(brief.child(entry.index));
  });
});

describe('block titles', () => {
  it.each([
    { title: 'Answers to: Russia Won’t Cooperate on Syria', answers: true, claim: 'Russia Won’t Cooperate on Syria' },
    { title: 'AT: Sanctions', answers: true, claim: 'Sanctions' },
    { title: 'A2: Sanctions', answers: true, claim: 'Sanctions' },
    { title: 'A2 – Sanctions', answers: true, claim: 'Sanctions' },
    { title: 'Russia Advantage', answers: false, claim: 'Russia Advantage' },
    { title: 'Non-unique: talks', answers: false, claim: 'Non-unique: talks' },
  ])('$title', ({ title, answers, claim }) => {
    expect(blockTitle(title)).toEqual({ answers, claim });
  });
});

describe('drag and drop in the navigation pane', () => {
  const nodes = [block('B1'), card('One'), card('Two'), block('B2'), card('Three')];
  const start = stateOf(...nodes).doc;

  it.each([
    { name: 'a card dropped on a card goes before it', dragged: 2, onto: 1, after: [block('B1'), card('Two'), card('One'), block('B2'), card('Three')] },
    { name: 'a card dropped on a block goes first in that block', dragged: 1, onto: 3, after: [block('B1'), card('Two'), block('B2'), card('One'), card('Three')] },
    { name: 'a block dropped on a block goes before it with its cards', dragged: 3, onto: 0, after: [block('B2'), card('Three'), block('B1'), card('One'), card('Two')] },
    { name: 'a block dropped at the end goes last', dragged: 0, onto: 5, after: [block('B2'), card('Three'), block('B1'), card('One'), card('Two')] },
  ])('$name', ({ dragged, onto, after }) => {
    const before = dropTarget(start, dragged, onto);
    expect(before).not.toBeNull();
    const tr = new Transform(start);
    const { end } = unitRange(start, dragged);
    expect(moveRange(tr, dragged, end, before!)).toBe(true);
    expect(tr.doc.content.toJSON()).toEqual(doc(...after));
  });

  it.each([
    { name: 'onto itself', dragged: 1, onto: 1 },
    { name: 'a block onto its own card', dragged: 0, onto: 2 },
    { name: 'the last unit onto the end', dragged: 3, onto: 5 },
    { name: 'a card onto the next card', dragged: 1, onto: 2 },
  ])('no move: $name', ({ dragged, onto }) => {
    expect(dropTarget(start, dragged, onto)).toBeNull();
  });
});
