// Every command a debater can run, with its keys, as data: the key bindings, the toolbar, the
// command palette and the settings screen all read this one table. Keys are written the way
// prosemirror-keymap writes them ("F9", "Alt-F3", "Mod-Shift-p"; Mod is Cmd on a Mac, Ctrl
// elsewhere) and are rebindable: settings.keys overrides a command's defaults.
import { chainCommands } from 'prosemirror-commands';
import { redo, undo } from 'prosemirror-history';
import type { Command } from 'prosemirror-state';
import { setCite, setTag } from './brief-commands.js';
import { boldCite, clearFormatting, condense, emphasis, highlight, markCard, shrink, underline } from './commands.js';
import type { Settings } from './settings.js';

export interface CommandInfo {
  id: string;
  title: string;
  /** What the palette shows under the title. */
  hint: string;
  keys: readonly string[];
  /** editor: a ProseMirror command on the card or brief; app: an action of the screen. */
  scope: 'editor' | 'app';
}

export const COMMANDS = [
  { id: 'tag', title: 'Tag', hint: 'Go to the tag (a heading becomes a card)', keys: ['F7'], scope: 'editor' },
  { id: 'cite', title: 'Cite', hint: 'Bold the selected short cite, or go to the cite', keys: ['F8'], scope: 'editor' },
  { id: 'underline', title: 'Underline', hint: 'What is read', keys: ['F9'], scope: 'editor' },
  { id: 'emphasis', title: 'Emphasis', hint: 'Key words: bold, underlined, larger', keys: ['F10'], scope: 'editor' },
  { id: 'highlight', title: 'Highlight', hint: 'What is spoken, in your colour', keys: ['F11'], scope: 'editor' },
  { id: 'clearFormatting', title: 'Clear formatting', hint: 'Back to plain text', keys: ['F12'], scope: 'editor' },
  { id: 'condense', title: 'Condense', hint: "Join the card's paragraphs into one", keys: ['F3'], scope: 'editor' },
  { id: 'shrink', title: 'Shrink', hint: 'Unmarked text 8, 7, 6, 5, 4 pt, then normal', keys: ['Alt-F3', 'Ctrl-8'], scope: 'editor' },
  { id: 'markCard', title: 'Mark card', hint: 'Where you stopped reading: a marker at the cursor, in the doc and its exports', keys: ['Ctrl-Alt-m'], scope: 'editor' },
  { id: 'undo', title: 'Undo', hint: 'Undo the last change', keys: ['Mod-z'], scope: 'editor' },
  { id: 'redo', title: 'Redo', hint: 'Redo what was undone', keys: ['Mod-y', 'Mod-Shift-z'], scope: 'editor' },
  { id: 'cutPassage', title: 'Cut card', hint: 'The selected passage becomes a new card', keys: ['Alt-c'], scope: 'app' },
  { id: 'pasteAsCard', title: 'Paste as card', hint: 'Clipboard text as a new card', keys: ['F2'], scope: 'app' },
  { id: 'editText', title: 'Edit text', hint: "Unlock the card body's words (the card is marked edited)", keys: [], scope: 'app' },
  { id: 'showSource', title: 'Show source', hint: 'Open the article at the passage', keys: [], scope: 'app' },
  { id: 'refreshCite', title: 'Refresh cite from article', hint: "The card's cite made again from its article's details", keys: [], scope: 'app' },
  { id: 'palette', title: 'Command palette', hint: 'Every command with its key', keys: ['Mod-Shift-p'], scope: 'app' },
  { id: 'settings', title: 'Settings', hint: 'Highlight colour, speed, keys', keys: [], scope: 'app' },
] as const satisfies readonly CommandInfo[];

export type CommandId = (typeof COMMANDS)[number]['id'];

export interface FixedKey {
  key: string;
  title: string;
  /** Where the key works. */
  where: 'Briefs' | 'Search' | 'Everywhere';
}

// Keys that are not rebindable: Verbatim's outline keys in a brief, the search keys, the areas.
// The brief editor binds the first ones from this table; Settings and the README list them all.
export const FIXED_KEYS = [
  { key: 'F4', title: 'Pocket', where: 'Briefs' },
  { key: 'F5', title: 'Hat', where: 'Briefs' },
  { key: 'F6', title: 'Block', where: 'Briefs' },
  { key: 'Ctrl-Alt-ArrowUp', title: 'Move up', where: 'Briefs' },
  { key: 'Ctrl-Alt-ArrowDown', title: 'Move down', where: 'Briefs' },
  { key: '`', title: 'Send to the speech doc', where: 'Briefs' },
  { key: 'Alt-b', title: 'Put the card in a brief, under the chosen heading (the cursor\'s by default)', where: 'Search' },
  { key: 'Alt-s', title: 'Send the card to the speech doc', where: 'Search' },
  { key: 'Mod-k', title: 'Search', where: 'Everywhere' },
  { key: 'Alt-1', title: 'Library (Alt+2 Cutter, Alt+3 Briefs, Alt+4 Search)', where: 'Everywhere' },
] as const satisfies readonly FixedKey[];

/** The fixed key with this title (the brief editor binds its keys from the table). */
export function fixedKey(title: (typeof FIXED_KEYS)[number]['title']): string {
  return FIXED_KEYS.find((k) => k.title === title)!.key;
}
export type EditorCommandId = Extract<(typeof COMMANDS)[number], { scope: 'editor' }>['id'];

/** Each command's keys: the defaults, with the debater's overrides applied. */
export function resolveKeys(overrides: Settings['keys']): Record<CommandId, readonly string[]> {
  const out = {} as Record<CommandId, readonly string[]>;
  for (const c of COMMANDS) out[c.id] = overrides[c.id] ?? c.keys;
  return out;
}

/** The ProseMirror command behind each editor key, with the debater's highlight colour. */
export function editorCommands(settings: Pick<Settings, 'highlightColour'>): Record<EditorCommandId, Command> {
  return {
    tag: setTag,
    cite: chainCommands(boldCite, setCite),
    underline,
    emphasis,
    highlight: highlight(settings.highlightColour),
    clearFormatting,
    condense,
    shrink,
    markCard,
    undo,
    redo,
  };
}

const MODIFIER_ORDER = ['Alt', 'Ctrl', 'Meta', 'Shift'] as const;
const DISPLAY_ORDER = ['Ctrl', 'Meta', 'Alt', 'Shift'];

/**
 * One spelling per key, so a binding and a key press compare as strings: modifiers in a fixed
 * order, Mod resolved for the platform, letters lower case. Null when the spec is not a key.
 */
export function normalizeKey(spec: string, mac: boolean): string | null {
  const parts = spec.trim().split(/[-+](?!$)/);
  let key = parts.pop() ?? '';
  const mods = new Set<string>();
  for (const raw of parts) {
    const m = raw.toLowerCase();
    if (m === 'mod') mods.add(mac ? 'Meta' : 'Ctrl');
    else if (m === 'alt' || m === 'a' || m === 'option') mods.add('Alt');
    else if (m === 'ctrl' || m === 'control' || m === 'c') mods.add('Ctrl');
    else if (m === 'meta' || m === 'cmd' || m === 'm') mods.add('Meta');
    else if (m === 'shift' || m === 's') mods.add('Shift');
    else return null;
  }
  if (key === '' ) return null;
  if (key === ' ' || key.toLowerCase() === 'space') key = 'Space';
  else if (key.length === 1) key = key.toLowerCase();
  else if (/^f\d{1,2}$/i.test(key)) key = key.toUpperCase();
  else key = key[0]!.toUpperCase() + key.slice(1);
  return [...MODIFIER_ORDER.filter((m) => mods.has(m)), key].join('-');
}

export interface KeyPress {
  key: string;
  code?: string;
  altKey: boolean;
  ctrlKey: boolean;
  metaKey: boolean;
  shiftKey: boolean;
}

/** The normalized name of a key press (see normalizeKey). */
export function keyOfEvent(e: KeyPress): string {
  let key = e.key;
  // Alt+C types "ç" on a Mac: the physical key is what the binding means.
  const physical = /^Key([A-Z])$|^Digit(\d)$/.exec(e.code ?? '');
  if (physical && (e.altKey || e.ctrlKey || e.metaKey)) key = (physical[1] ?? physical[2]!).toLowerCase();
  if (key === ' ') key = 'Space';
  const mods = MODIFIER_ORDER.filter((m) => (m === 'Alt' ? e.altKey : m === 'Ctrl' ? e.ctrlKey : m === 'Meta' ? e.metaKey : e.shiftKey));
  return [...mods, key.length === 1 ? key.toLowerCase() : key].join('-');
}

/** "Ctrl+Shift+P": a key as the palette and the settings screen show it. */
export function displayKey(spec: string, mac: boolean): string {
  const normal = normalizeKey(spec, mac);
  if (!normal) return spec;
  // Shown as Word writes keys: Ctrl, Alt, Shift first, and arrows by their direction.
  const parts = normal.split('-');
  const key = parts.pop()!;
  const mods = [...parts].sort((a, b) => DISPLAY_ORDER.indexOf(a) - DISPLAY_ORDER.indexOf(b));
  const name = key.length === 1 ? key.toUpperCase() : key.replace(/^Arrow/, '');
  return [...mods.map((m) => (m === 'Meta' && mac ? 'Cmd' : m)), name].join('+');
}

/** Keys bound to more than one command, with the commands that share each. */
export function keyConflicts(keys: Record<CommandId, readonly string[]>, mac: boolean): Map<string, CommandId[]> {
  const owners = new Map<string, CommandId[]>();
  for (const c of COMMANDS) {
    for (const spec of keys[c.id]) {
      const k = normalizeKey(spec, mac);
      if (k) owners.set(k, [...(owners.get(k) ?? []), c.id]);
    }
  }
  return new Map([...owners].filter(([, ids]) => ids.length > 1));
}

/** A prosemirror-keymap bindings object for the editor commands, under their resolved keys. */
export function editorBindings(keys: Record<CommandId, readonly string[]>, commands: Record<EditorCommandId, Command>, mac: boolean): Record<string, Command> {
  const bindings: Record<string, Command> = {};
  for (const c of COMMANDS) {
    if (c.scope !== 'editor') continue;
    for (const spec of keys[c.id]) {
      const k = normalizeKey(spec, mac);
      if (k && !bindings[k]) bindings[k] = commands[c.id as EditorCommandId];
    }
  }
  return bindings;
}
