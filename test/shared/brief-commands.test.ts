import type { Command } from 'prosemirror-state';
import { describe, expect, it } from 'vitest';
import {
  hiddenRanges, insertCards, moveUnit, newAnalyticAfter, receiveUnits, setCite, setHeading, setTag, unitAtCursor,
} from '../../shared/brief-commands.js';
import type { DocJSON } from '../../shared/model.js';
import { nodeFromJSON } from '../../shared/schema.js';
import { blank, block, card, doc, hat, hl, MARKER, pocket, run, stateOf } from './brief-builders.js';

interface Row {
  name: string;
  command: Command;
  before: DocJSON[];
  /** null: the command does not apply and changes nothing. */
  after: DocJSON[] | null;
}

const evidence = (tag: string) => card(tag, 'Ace 21 full cite', [['The passage ', hl('read aloud'), ' here.']]);

const rows: Row[] = [
  // F4 / F5 / F6
  { name: 'F6 turns an analytic typed as a title into a block', command: setHeading('block'),
    before: [card('Answers to: Russia won’t cooperate|')], after: doc(block('Answers to: Russia won’t cooperate|')) },
  { name: 'F4 turns a block into a pocket, cursor kept', command: setHeading('pocket'),
    before: [block('Ru|ssia')], after: doc(pocket('Ru|ssia')) },
  { name: 'F5 turns a pocket into a hat', command: setHeading('hat'), before: [pocket('Aff|')], after: doc(hat('Aff|')) },
  { name: 'F6 on a block already is no change', command: setHeading('block'), before: [block('A|T: x')], after: null },
  { name: 'F6 refuses the tag of a card with evidence', command: setHeading('block'), before: [evidence('Tag|')], after: null },
  { name: 'F6 refuses a body paragraph', command: setHeading('block'), before: [card('Tag', 'Cite', [['bo|dy']])], after: null },
  { name: 'F6 starts an empty brief with a block', command: setHeading('block'), before: [], after: doc(block('|')) },
  // F7
  { name: 'F7 turns a block into an analytic', command: setTag, before: [block('We| win')], after: doc(card('We| win')) },
  { name: 'F7 in a body goes to the end of the tag', command: setTag,
    before: [card('Tag', 'Cite', [['bo|dy']])], after: doc(card('Tag|', 'Cite', [['body']])) },
  { name: 'F7 in a tag does nothing', command: setTag, before: [card('T|ag')], after: null },
  { name: 'F7 starts an empty brief with an analytic', command: setTag, before: [], after: doc(card('|')) },
  // F8
  { name: 'F8 in an analytic adds an empty cite', command: setCite, before: [card('Ta|g')], after: doc(card('Tag', '|')) },
  { name: 'F8 goes to the existing cite', command: setCite, before: [card('Ta|g', 'Cite')], after: doc(card('Tag', 'Cite|')) },
  { name: 'F8 keeps the body when adding a cite', command: setCite,
    before: [card('Ta|g', undefined, [['body']])], after: doc(card('Tag', '|', [['body']])) },
  { name: 'F8 on a heading does nothing', command: setCite, before: [block('B|')], after: null },
  // Enter
  { name: 'Enter at the end of a block adds an analytic under it', command: newAnalyticAfter,
    before: [block('AT: x|'), card('One')], after: doc(block('AT: x'), card('|'), card('One')) },
  { name: 'Enter at the end of a tag adds an analytic after the card', command: newAnalyticAfter,
    before: [card('One|', 'Cite', [['body']])], after: doc(card('One', 'Cite', [['body']]), card('|')) },
  { name: 'Enter inside a heading is left to splitting', command: newAnalyticAfter, before: [block('A|T')], after: null },
  // Ctrl+Alt+Up / Down
  { name: 'a card moves up past its sibling', command: moveUnit('up'),
    before: [block('B'), card('One'), card('Tw|o')], after: doc(block('B'), card('Tw|o'), card('One')) },
  { name: 'a card moves down past its sibling', command: moveUnit('down'),
    before: [block('B'), card('O|ne'), card('Two')], after: doc(block('B'), card('Two'), card('O|ne')) },
  { name: 'the first card of a block moves up into the previous block', command: moveUnit('up'),
    before: [block('B1'), card('One'), block('B2'), card('Tw|o')], after: doc(block('B1'), card('One'), card('Tw|o'), block('B2')) },
  { name: 'the last card of a block moves down into the next block, first', command: moveUnit('down'),
    before: [block('B1'), card('On|e'), block('B2'), card('Two')], after: doc(block('B1'), block('B2'), card('On|e'), card('Two')) },
  { name: 'a block moves up with its cards', command: moveUnit('up'),
    before: [block('B1'), card('One'), block('B|2'), card('Two'), card('Three')],
    after: doc(block('B|2'), card('Two'), card('Three'), block('B1'), card('One')) },
  { name: 'a block moves down with its cards past the next block and its cards', command: moveUnit('down'),
    before: [block('B|1'), card('One'), block('B2'), card('Two'), hat('H')],
    after: doc(block('B2'), card('Two'), block('B|1'), card('One'), hat('H')) },
  { name: 'a pocket carries its hats, blocks and cards', command: moveUnit('down'),
    before: [pocket('P|1'), hat('H1'), block('B1'), card('One'), pocket('P2'), block('B2')],
    after: doc(pocket('P2'), block('B2'), pocket('P|1'), hat('H1'), block('B1'), card('One')) },
  { name: 'a block moving down past a hat does not adopt the hat’s own cards', command: moveUnit('down'),
    before: [hat('H1'), block('B|1'), card('One'), hat('H2'), card('Loose'), block('B2')],
    after: doc(hat('H1'), hat('H2'), card('Loose'), block('B|1'), card('One'), block('B2')) },
  { name: 'the first node does not move up', command: moveUnit('up'), before: [block('B|'), card('One')], after: null },
  { name: 'the last unit does not move down', command: moveUnit('down'), before: [block('B1'), block('B|2'), card('One')], after: null },
  { name: 'a cursor in the body moves the whole card', command: moveUnit('up'),
    before: [card('One'), card('Two', 'Cite', [['bo|dy']])], after: doc(card('Two', 'Cite', [['bo|dy']]), card('One')) },
  // Imported files have blank lines between cards: a card moves past a card, not a blank line,
  // and takes the blank lines after it along.
  { name: 'a card moves up past its sibling with the blank line after it', command: moveUnit('up'),
    before: [block('B'), blank, card('One'), blank, card('Tw|o'), blank, blank],
    after: doc(block('B'), blank, card('Tw|o'), blank, blank, card('One'), blank) },
  { name: 'a card moves down past its sibling and the blank lines after both', command: moveUnit('down'),
    before: [block('B'), card('O|ne'), blank, card('Two'), blank, blank, card('Three')],
    after: doc(block('B'), card('Two'), blank, blank, card('O|ne'), blank, card('Three')) },
  { name: 'the last card of a block moves down past the next block’s blank line', command: moveUnit('down'),
    before: [block('B1'), card('On|e'), blank, block('B2'), blank, card('Two')],
    after: doc(block('B1'), block('B2'), blank, card('On|e'), blank, card('Two')) },
  // Cards from the library
  { name: 'cards go after the card at the cursor', command: insertCards([nodeFromJSON(evidence('New'))]),
    before: [block('B'), card('On|e'), card('Two')], after: doc(block('B'), card('One'), card('|New', 'Ace 21 full cite', [['The passage ', hl('read aloud'), ' here.']]), card('Two')) },
  { name: 'cards go to the end of the block at the cursor', command: insertCards([nodeFromJSON(card('X')), nodeFromJSON(card('Y'))]),
    before: [block('B|1'), card('One'), block('B2')], after: doc(block('B1'), card('One'), card('|X'), card('Y'), block('B2')) },
  { name: 'cards go to the end of a block with blank lines and analytics', command: insertCards([nodeFromJSON(card('X'))]),
    before: [block('B|1'), blank, card('One'), blank, { type: 'analytic', content: [{ type: 'text', text: 'Mine' }] }, blank, block('B2')],
    after: doc(block('B1'), blank, card('One'), blank, { type: 'analytic', content: [{ type: 'text', text: 'Mine' }] }, blank, card('|X'), block('B2')) },
  { name: 'cards go into an empty brief', command: insertCards([nodeFromJSON(card('X'))]), before: [], after: doc(card('|X')) },
  { name: 'only cards can be inserted', command: insertCards([nodeFromJSON(block('X'))]), before: [card('|')], after: null },
];

describe('brief commands', () => {
  it.each(rows)('$name', ({ command, before, after }) => {
    expect(run(command, stateOf(...before))).toEqual(after);
  });
});

describe('the unit at the cursor (what send to speech copies)', () => {
  it.each([
    { name: 'a card alone', before: [block('B'), card('On|e'), card('Two')], sent: ['One'] },
    { name: 'a block with its cards', before: [block('B|'), card('One'), card('Two'), block('C'), card('Three')], sent: ['B', 'One', 'Two'] },
    { name: 'a hat with its blocks', before: [hat('H|'), block('B'), card('One'), hat('H2')], sent: ['H', 'B', 'One'] },
    { name: 'a card with the blank line after it', before: [block('B'), card('On|e'), blank, card('Two')], sent: ['One', ''] },
    { name: 'nothing from an empty brief', before: [], sent: [] },
  ])('$name', ({ before, sent }) => {
    expect(unitAtCursor(stateOf(...before)).map((n) => (n.type.name === 'card' ? n.firstChild!.textContent : n.textContent))).toEqual(sent);
  });
});

describe('invisibility mode hides what is not read aloud', () => {
  it('keeps headings, tags, cites and highlighted runs; hides the rest of each body', () => {
    const state = stateOf(block('AT: x'), card('Tag', 'Ace 21', [['Unread ', hl('spoken'), 'ly', hl('words'), ' unread tail'], ['Paragraph with nothing highlighted']]));
    const doc = state.doc;
    const hidden = hiddenRanges(doc).map((r) => ({ text: doc.textBetween(r.from, r.to), paragraph: r.paragraph, spaced: r.spaced }));
    expect(hidden).toEqual([
      { text: 'Unread ', paragraph: false, spaced: true },
      // Hiding part of a word joins nothing that was apart; hiding " unread tail" keeps a space.
      { text: 'ly', paragraph: false, spaced: false },
      { text: ' unread tail', paragraph: false, spaced: true },
      { text: 'Paragraph with nothing highlighted', paragraph: true, spaced: false },
    ]);
  });

  it('keeps the Mark card marker in sight, even among unread words', () => {
    const doc = stateOf(card('Tag', 'Ace 21', [['Unread ', hl('spoken'), ' more unread ', MARKER, ' tail'], ['Nothing highlighted but the ', MARKER]])).doc;
    const hidden = hiddenRanges(doc).map((r) => doc.textBetween(r.from, r.to));
    expect(hidden).toEqual(['Unread ', ' more unread ', ' tail', 'Nothing highlighted but the ']);
  });

  it('gives the same ranges for one top-level node as for the whole doc', () => {
    const doc = stateOf(block('AT: x'), card('Tag', 'Ace 21', [['Unread ', hl('spoken words'), ' tail']])).doc;
    const cardPos = doc.child(0).nodeSize;
    expect(hiddenRanges(doc.child(1), cardPos + 1)).toEqual(hiddenRanges(doc));
  });

  it('hides nothing in a brief of headings and analytics', () => {
    expect(hiddenRanges(stateOf(pocket('P'), block('B'), card('Analytic')).doc)).toEqual([]);
  });
});

describe('F8 in a card with an undertag', () => {
  it('goes to the cite after the undertag', async () => {
    const { EditorState, TextSelection } = await import('prosemirror-state');
    const json: DocJSON = { type: 'doc', content: [{ type: 'card', content: [
      { type: 'tag', content: [{ type: 'text', text: 'Tag' }] },
      { type: 'undertag', content: [{ type: 'text', text: '---framing' }] },
      { type: 'cite', content: [{ type: 'text', text: 'Ace 21' }] },
    ] }] };
    const docNode = nodeFromJSON(json);
    let state = EditorState.create({ doc: docNode, selection: TextSelection.create(docNode, 3) });
    expect(setCite(state, (tr) => (state = state.apply(tr)))).toBe(true);
    expect(state.doc.eq(docNode)).toBe(true);
    expect(state.selection.$from.parent.type.name).toBe('cite');
    expect(state.selection.$from.parentOffset).toBe(6);
  });
});

describe('a send arriving in the speech doc', () => {
  const sent = stateOf(block('AT: sanctions'), card('Sent one', 'Cite', [['words']]), card('Sent two')).doc;
  const nodes = [sent.child(0), sent.child(1), sent.child(2)];

  it.each([
    { name: 'goes after the card at the cursor', before: [card('Fir|st'), card('Second')], tags: ['First', 'AT: sanctions', 'Sent one', 'Sent two', 'Second'] },
    { name: 'goes after everything the heading at the cursor owns', before: [block('B|lock'), card('Owned'), block('Next')], tags: ['Block', 'Owned', 'AT: sanctions', 'Sent one', 'Sent two', 'Next'] },
    { name: 'replaces the blank tag of an empty speech doc', before: [card('|')], tags: ['AT: sanctions', 'Sent one', 'Sent two'] },
  ])('$name', ({ before, tags }) => {
    const state = stateOf(...before);
    let next = state;
    expect(receiveUnits(nodes)(state, (tr) => { next = state.apply(tr); })).toBe(true);
    const got: string[] = [];
    next.doc.forEach((n) => got.push(n.type.name === 'card' ? n.firstChild!.textContent : n.textContent));
    expect(got).toEqual(tags);
  });
});
