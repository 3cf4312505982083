import { history } from 'prosemirror-history';
import type { Command, EditorState } from 'prosemirror-state';
import { describe, expect, it } from 'vitest';
import { nextShrink } from '../../shared/commands.js';
import { editorBindings, editorCommands, normalizeKey, resolveKeys } from '../../shared/keymap.js';
import { canonical, notate, stateOf, type CardSpec } from './card-notation.js';

const commands = editorCommands({ highlightColour: 'cyan' });
const bindings = editorBindings(resolveKeys({}), commands, false);

function run(command: Command, state: EditorState): { applied: boolean; state: EditorState } {
  let next = state;
  const applied = command(state, (tr) => { next = state.apply(tr); });
  return { applied, state: next };
}

const CITE = '<b>Ace 21</b> Bob Ace, Professor, 2021';
const S = 'Russia mediates in Syria';

interface Row {
  key: string;
  what: string;
  before: CardSpec;
  /** The document after the key; null when the key does not apply there. */
  after: CardSpec | null;
}

// One row per key: the document before, the key, the document after.
const ROWS: Row[] = [
  { key: 'F9', what: 'underlines the selection', before: { tag: 'T', body: ['Russia [mediates] in Syria'] }, after: { tag: 'T', body: ['Russia <u>mediates</u> in Syria'] } },
  { key: 'F9', what: 'underlines the word at the cursor', before: { tag: 'T', body: ['Russia medi|ates in Syria'] }, after: { tag: 'T', body: ['Russia <u>mediates</u> in Syria'] } },
  { key: 'F9', what: 'removes underline when all of it is underlined', before: { tag: 'T', body: ['Russia <u>[mediates]</u> in Syria'] }, after: { tag: 'T', body: [S] } },
  { key: 'F9', what: 'adds to a partly underlined selection', before: { tag: 'T', body: ['[Russia <u>mediates</u>] in Syria'] }, after: { tag: 'T', body: ['<u>Russia mediates</u> in Syria'] } },
  { key: 'F9', what: 'underlines across paragraphs', before: { tag: 'T', body: ['one [two', 'three] four'] }, after: { tag: 'T', body: ['one <u>two</u>', '<u>three</u> four'] } },
  { key: 'F9', what: 'does nothing in the tag', before: { tag: 'Ta[g]', body: [S] }, after: null },
  { key: 'F9', what: 'does nothing on a space', before: { tag: 'T', body: ['Russia | mediates'] }, after: null },
  { key: 'F10', what: 'emphasises the selection', before: { tag: 'T', body: ['Russia [mediates] in Syria'] }, after: { tag: 'T', body: ['Russia <e>mediates</e> in Syria'] } },
  { key: 'F10', what: 'keeps underline under emphasis', before: { tag: 'T', body: ['<u>Russia [mediates]</u> in Syria'] }, after: { tag: 'T', body: ['<u>Russia </u><u><e>mediates</e></u> in Syria'] } },
  { key: 'F11', what: 'highlights in the default colour', before: { tag: 'T', body: ['[Russia] mediates in Syria'] }, after: { tag: 'T', body: ['<h>Russia</h> mediates in Syria'] } },
  { key: 'F11', what: 'recolours a highlight of another colour', before: { tag: 'T', body: ['<h:yellow>[Russia]</h> mediates in Syria'] }, after: { tag: 'T', body: ['<h>Russia</h> mediates in Syria'] } },
  { key: 'F11', what: 'removes its own highlight', before: { tag: 'T', body: ['<h>[Russia]</h> mediates in Syria'] }, after: { tag: 'T', body: [S] } },
  { key: 'F12', what: 'clears every mark in the selection', before: { tag: 'T', body: ['<u><h>[Russia</h></u> <e>mediates]</e> in Syria'] }, after: { tag: 'T', body: [S] } },
  { key: 'F12', what: 'clears the word at the cursor only', before: { tag: 'T', body: ['<u>Rus|sia mediates</u> in Syria'] }, after: { tag: 'T', body: ['Russia<u> mediates</u> in Syria'] } },
  { key: 'F12', what: 'does nothing on plain text', before: { tag: 'T', body: ['[Russia] mediates'] }, after: null },
  { key: 'F3', what: 'joins the paragraphs into one, marks kept', before: { tag: 'T', body: ['<u>one</u> tw|o', 'three <h>four</h>'] }, after: { tag: 'T', body: ['<u>one</u> two three <h>four</h>'] } },
  { key: 'F3', what: 'keeps a highlight running across the join', before: { tag: 'T', body: ['one <h>two</h>', '<h>three</h>', '|four'] }, after: { tag: 'T', body: ['one <h>two three</h> four'] } },
  { key: 'F3', what: 'works from the tag of the card', before: { tag: 'T|', body: ['one', 'two'] }, after: { tag: 'T', body: ['one two'] } },
  { key: 'F3', what: 'does nothing to a one-paragraph body', before: { tag: 'T', body: ['one |two'] }, after: null },
  { key: 'Alt-F3', what: 'shrinks unmarked runs to 8 pt, read text kept', before: { tag: 'T', body: ['one |<u>two</u> <e>three</e> four'] }, after: { tag: 'T', body: ['<s:8>one </s:8><u>two</u><s:8> </s:8><e>three</e><s:8> four</s:8>'] } },
  { key: 'Ctrl-8', what: 'shrinks 8 pt to 7 pt', before: { tag: 'T', body: ['<s:8>one |two</s:8>'] }, after: { tag: 'T', body: ['<s:7>one two</s:7>'] } },
  { key: 'Alt-F3', what: 'evens mixed sizes out from the first unmarked run', before: { tag: 'T', body: ['<s:8>one </s:8><u>|two</u><s:6> three</s:6>', '<s:11>Subheading</s:11>'] }, after: { tag: 'T', body: ['<s:7>one </s:7><u>two</u><s:7> three</s:7>', '<s:7>Subheading</s:7>'] } },
  { key: 'Alt-F3', what: 'goes from 4 pt back to normal, never below 4', before: { tag: 'T', body: ['<s:4>one |two</s:4>'] }, after: { tag: 'T', body: ['one two'] } },
  { key: 'F3', what: 'condenses runs of different sizes, each keeping its size', before: { tag: 'T', body: ['<s:8>one</s:8>', '<s:6>tw|o</s:6>'] }, after: { tag: 'T', body: ['<s:8>one</s:8> <s:6>two</s:6>'] } },
  { key: 'F8', what: 'bolds the selected short cite', before: { tag: 'T', cite: '[Ace 21] Bob Ace', body: [S] }, after: { tag: 'T', cite: '<b>Ace 21</b> Bob Ace', body: [S] } },
  { key: 'F8', what: 'unbolds a bold selection in the cite', before: { tag: 'T', cite: '<b>[Ace 21]</b> Bob Ace', body: [S] }, after: { tag: 'T', cite: 'Ace 21 Bob Ace', body: [S] } },
  { key: 'F8', what: 'adds an empty cite to a card without one', before: { tag: 'T|', body: [S] }, after: { tag: 'T', cite: '', body: [S] } },
  { key: 'F7', what: 'moves to the tag without changing the document', before: { tag: 'T', cite: CITE, body: ['Rus|sia'] }, after: { tag: 'T', cite: CITE, body: ['Russia'] } },
  { key: 'F7', what: 'does nothing in the tag', before: { tag: 'T|', body: ['Russia'] }, after: null },
  { key: 'Ctrl-Alt-m', what: 'marks where the speaker stopped', before: { tag: 'T', body: ['Russia |mediates', 'in Syria'] }, after: { tag: 'T', body: ['Russia ^mediates', 'in Syria'] } },
  { key: 'Ctrl-Alt-m', what: 'moves the card\'s marker (one per card)', before: { tag: 'T', body: ['^Russia mediates', 'in Sy|ria'] }, after: { tag: 'T', body: ['Russia mediates', 'in Sy^ria'] } },
  { key: 'Ctrl-Alt-m', what: 'takes the marker away beside it', before: { tag: 'T', body: ['Russia ^|mediates'] }, after: { tag: 'T', body: [S.slice(0, 15)] } },
  { key: 'Ctrl-Alt-m', what: 'marks at the start of a selection, keeping its words', before: { tag: 'T', body: ['Russia [mediates] in Syria'] }, after: { tag: 'T', body: ['Russia ^mediates in Syria'] } },
  { key: 'Ctrl-Alt-m', what: 'does nothing in the tag', before: { tag: 'T|', body: [S] }, after: null },
  { key: 'Ctrl-Alt-m', what: 'does nothing in the cite', before: { tag: 'T', cite: 'Ace| 21', body: [S] }, after: null },
  { key: 'F3', what: 'keeps the marker where it was', before: { tag: 'T', body: ['one ^two', 'thr|ee'] }, after: { tag: 'T', body: ['one ^two three'] } },
];

describe('markup keys on a card', () => {
  it.each(ROWS)('$key $what', ({ key, before, after }) => {
    const command = bindings[normalizeKey(key, false)!];
    expect(command, `no command bound to ${key}`).toBeDefined();
    const state = stateOf(before);
    const { applied, state: next } = run(command!, state);
    if (after === null) {
      expect(applied).toBe(false);
      expect(command!(state)).toBe(false);
      expect(notate(next.doc)).toEqual(notate(state.doc));
    } else {
      expect(applied).toBe(true);
      expect(command!(state)).toBe(true);
      expect(notate(next.doc)).toEqual(canonical(after));
    }
  });
});

describe('keys that move the cursor', () => {
  it('F7 puts the cursor at the end of the tag, F8 at the end of the cite', () => {
    const state = stateOf({ tag: 'Tag', cite: CITE, body: ['Rus|sia'] });
    const tag = run(bindings['F7']!, state).state;
    expect(tag.selection.$from.parent.type.name).toBe('tag');
    expect(tag.selection.$from.parentOffset).toBe(3);
    const cite = run(bindings['F8']!, tag).state;
    expect(cite.selection.$from.parent.type.name).toBe('cite');
  });
});

describe('F11 in the colour from settings', () => {
  it('highlights yellow when the debater chose yellow', () => {
    const yellow = editorCommands({ highlightColour: 'yellow' }).highlight;
    const { state } = run(yellow, stateOf({ tag: 'T', body: ['[Russia] mediates'] }));
    expect(notate(state.doc).body).toEqual(['<h:yellow>Russia</h> mediates']);
  });
});

describe('shrink cycle', () => {
  it('steps 8, 7, 6, 5, 4, then back to normal', () => {
    const seen: (number | null)[] = [];
    let pt: number | null = null;
    for (let i = 0; i < 6; i++) seen.push((pt = nextShrink(pt)));
    expect(seen).toEqual([8, 7, 6, 5, 4, null]);
  });
});

describe('undo and redo', () => {
  it('Mod-z undoes the underline, Mod-y redoes it', () => {
    let state = stateOf({ tag: 'T', body: ['[Russia] mediates'] }, [history()]);
    state = run(bindings['F9']!, state).state;
    expect(notate(state.doc).body).toEqual(['<u>Russia</u> mediates']);
    state = run(bindings['Ctrl-z']!, state).state;
    expect(notate(state.doc).body).toEqual(['Russia mediates']);
    state = run(bindings['Ctrl-y']!, state).state;
    expect(notate(state.doc).body).toEqual(['<u>Russia</u> mediates']);
  });
});
