// The brief editor's plugins: Verbatim's outline keys, invisibility mode and per-block totals.
import { baseKeymap, chainCommands } from 'prosemirror-commands';
import { history } from 'prosemirror-history';
import { keymap } from 'prosemirror-keymap';
import { Plugin, PluginKey, type Command, type EditorState, type Transaction } from 'prosemirror-state';
import { Decoration, DecorationSet } from 'prosemirror-view';
import { hiddenRanges, moveUnit, newAnalyticAfter, setHeading } from '../../../shared/brief-commands';
import { editorBindings, editorCommands, resolveKeys } from '../../../shared/keymap';
import { blockTitle, outline } from '../../../shared/outline';
import type { Settings } from '../../../shared/settings';
import { formatDuration } from '../../../shared/word-counts';
import { IS_MAC } from '../cutter/platform';

export interface BriefKey {
  key: string;
  label: string;
  command: Command;
}

// The outline keys of a brief; the card keys (F7 to F12, F3, undo) come from shared/keymap.ts,
// as in the Cutter. Keys and the toolbar read these tables, so a button names its key.
export const BRIEF_KEYS: BriefKey[] = [
  { key: 'F4', label: 'Pocket', command: setHeading('pocket') },
  { key: 'F5', label: 'Hat', command: setHeading('hat') },
  { key: 'F6', label: 'Block', command: setHeading('block') },
  { key: 'Ctrl-Alt-ArrowUp', label: 'Move up', command: moveUnit('up') },
  { key: 'Ctrl-Alt-ArrowDown', label: 'Move down', command: moveUnit('down') },
];

// Function keys do browser things (F5 reloads, F6 focuses the address bar) when a command
// does not apply; the editor keeps them either way.
const keep = (command: Command): Command => (state, dispatch, view) => {
  command(state, dispatch, view);
  return true;
};

/** Every key of the brief editor: the outline keys, the card keys with the debater's settings, and `extra`. */
export function briefKeymap(settings: Settings, extra: Record<string, Command>): Plugin {
  const keys: Record<string, Command> = { ...editorBindings(resolveKeys(settings.keys), editorCommands(settings), IS_MAC), ...extra };
  for (const { key, command } of BRIEF_KEYS) keys[key] = command;
  for (const key of Object.keys(keys)) if (/^F\d+$/.test(key)) keys[key] = keep(keys[key]!);
  return keymap(keys);
}

export function basePlugins(): Plugin[] {
  return [history(), keymap({ ...baseKeymap, Enter: chainCommands(newAnalyticAfter, baseKeymap.Enter!) })];
}

export const invisibilityKey = new PluginKey<boolean>('invisibility');

export function setInvisible(tr: Transaction, on: boolean): Transaction {
  return tr.setMeta(invisibilityKey, on);
}

/** Invisibility mode: what is not read aloud is hidden by decorations; the doc is untouched. */
export function invisibility(): Plugin<boolean> {
  return new Plugin<boolean>({
    key: invisibilityKey,
    state: {
      init: () => false,
      apply: (tr, on) => (tr.getMeta(invisibilityKey) as boolean | undefined) ?? on,
    },
    props: {
      decorations(state: EditorState) {
        if (!invisibilityKey.getState(state)) return null;
        return DecorationSet.create(state.doc, hiddenRanges(state.doc).map((r) =>
          r.paragraph ? Decoration.node(r.from, r.to, { class: 'unread' }) : Decoration.inline(r.from, r.to, { class: 'unread' })));
      },
      attributes: (state): Record<string, string> => (invisibilityKey.getState(state) ? { class: 'invisibility' } : {}),
    },
  });
}

export function totalsText(cards: number, words: number, seconds: number): string {
  return `${cards} card${cards === 1 ? '' : 's'} · ${words} highlighted word${words === 1 ? '' : 's'} · ${formatDuration(seconds)}`;
}

/** Each block heading shows its totals beside it, and "Answers to" titles are marked as such. */
export function blockTotals(wpm: () => number): Plugin {
  return new Plugin({
    props: {
      decorations(state: EditorState) {
        const decorations = outline(state.doc, wpm())
          .filter((e) => e.level === 'block')
          .map((e) => Decoration.node(e.pos, e.pos + state.doc.child(e.index).nodeSize, {
            'data-totals': totalsText(e.totals.cards, e.totals.highlightedWords, e.totals.seconds),
            class: blockTitle(e.title).answers ? 'answers' : '',
          }));
        return DecorationSet.create(state.doc, decorations);
      },
    },
  });
}
