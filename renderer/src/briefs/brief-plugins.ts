// The brief editor's plugins: Verbatim's outline keys, invisibility mode and per-block totals.
import { baseKeymap, chainCommands } from 'prosemirror-commands';
import { history } from 'prosemirror-history';
import { keymap } from 'prosemirror-keymap';
import type { Node as PMNode } from 'prosemirror-model';
import { Plugin, PluginKey, type Command, type EditorState, type Transaction } from 'prosemirror-state';
import { Decoration, DecorationSet } from 'prosemirror-view';
import { hiddenRanges, moveUnit, newAnalyticAfter, setHeading } from '../../../shared/brief-commands';
import { editorBindings, editorCommands, fixedKey, resolveKeys } from '../../../shared/keymap';
import { blockTitle, changedRange, entriesByIndex, indexAt, positionOf, type OutlineEntry } from '../../../shared/outline';
import { entryAt, outlineOf } from '../../../shared/outline-plugin';
import type { Settings } from '../../../shared/settings';
import { formatDuration } from '../../../shared/word-counts';
import { splitCite } from '../../../shared/card-doc';
import { citeWarning } from '../../../shared/cite-check';
import { IS_MAC } from '../cutter/platform';

export interface BriefKey {
  key: string;
  label: string;
  command: Command;
}

// The outline keys of a brief; the card keys (F7 to F12, F3, undo) come from shared/keymap.ts,
// as in the Cutter. Keys and the toolbar read these tables, so a button names its key.
export const BRIEF_KEYS: BriefKey[] = [
  { key: fixedKey('Pocket'), label: 'Pocket', command: setHeading('pocket') },
  { key: fixedKey('Hat'), label: 'Hat', command: setHeading('hat') },
  { key: fixedKey('Block'), label: 'Block', command: setHeading('block') },
  { key: fixedKey('Move up'), label: 'Move up', command: moveUnit('up') },
  { key: fixedKey('Move down'), label: 'Move down', command: moveUnit('down') },
];

export const SEND_KEY = fixedKey('Send to the speech doc');

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

export const invisibilityKey = new PluginKey<Invisibility>('invisibility');

interface Invisibility {
  on: boolean;
  /** What is hidden while on (empty while off), mapped through each edit. */
  hidden: DecorationSet;
}

export function setInvisible(tr: Transaction, on: boolean): Transaction {
  return tr.setMeta(invisibilityKey, on);
}

export function isInvisible(state: EditorState): boolean {
  return invisibilityKey.getState(state)?.on === true;
}

function gap(): HTMLElement {
  const span = document.createElement('span');
  span.className = 'gap';
  span.textContent = ' ';
  return span;
}

function hiddenDecorations(node: PMNode, contentStart: number): Decoration[] {
  return hiddenRanges(node, contentStart).flatMap((r) => {
    if (r.paragraph) return [Decoration.node(r.from, r.to, { class: 'unread' })];
    const run = Decoration.inline(r.from, r.to, { class: 'unread' });
    // Hidden words between read ones leave a space, so "admitted … deliberately" never runs together.
    return r.spaced ? [run, Decoration.widget(r.from, gap, { side: -1, key: 'gap' })] : [run];
  });
}

/** The decorations of `set` lying within [from, to] (find also returns those only touching it). */
function within(set: DecorationSet, from: number, to: number): Decoration[] {
  return set.find(from, to).filter((d) => d.from >= from && d.to <= to);
}

/** Decorations of the top-level nodes [from, to) of doc, replacing what `set` had there. */
export function redecorate(set: DecorationSet, doc: PMNode, from: number, to: number, decorate: (node: PMNode, pos: number) => Decoration[]): DecorationSet {
  const start = positionOf(doc, from);
  let pos = start;
  const added: Decoration[] = [];
  for (let i = from; i < to; i++) {
    added.push(...decorate(doc.child(i), pos));
    pos += doc.child(i).nodeSize;
  }
  return set.remove(within(set, start, pos)).add(doc, added);
}

/**
 * Invisibility mode: what is not read aloud is hidden by decorations; the doc is untouched.
 * They are computed for the whole doc when the mode is turned on, then only for the top-level
 * nodes each edit replaces.
 */
export function invisibility(): Plugin<Invisibility> {
  return new Plugin<Invisibility>({
    key: invisibilityKey,
    state: {
      init: () => ({ on: false, hidden: DecorationSet.empty }),
      apply(tr, value, oldState, newState) {
        const asked = tr.getMeta(invisibilityKey) as boolean | undefined;
        if (asked === false) return { on: false, hidden: DecorationSet.empty };
        if (asked === true && !value.on) {
          return { on: true, hidden: redecorate(DecorationSet.empty, newState.doc, 0, newState.doc.childCount, (node, pos) => hiddenDecorations(node, pos + 1)) };
        }
        const range = value.on && tr.docChanged ? changedRange(oldState.doc, newState.doc) : null;
        if (!range) return value;
        const mapped = value.hidden.map(tr.mapping, tr.doc);
        return { on: true, hidden: redecorate(mapped, tr.doc, range.from, range.newEnd, (node, pos) => hiddenDecorations(node, pos + 1)) };
      },
    },
    props: {
      decorations: (state) => invisibilityKey.getState(state)?.hidden ?? null,
      attributes: (state): Record<string, string> => (isInvisible(state) ? { class: 'invisibility' } : {}),
    },
  });
}

export function totalsText(cards: number, words: number, seconds: number): string {
  return `${cards} card${cards === 1 ? '' : 's'} · ${words} highlighted word${words === 1 ? '' : 's'} · ${formatDuration(seconds)}`;
}

const blockTotalsKey = new PluginKey<DecorationSet>('blockTotals');

function blockDecoration(entry: OutlineEntry, pos: number, node: PMNode): Decoration {
  return Decoration.node(pos, pos + node.nodeSize, {
    'data-totals': totalsText(entry.totals.cards, entry.totals.highlightedWords, entry.totals.seconds),
    class: blockTitle(entry.title).answers ? 'answers' : '',
  });
}

/**
 * The node indexes whose outline entry is not the same object in `now` as in `then`, each with
 * its entry now (undefined where it has none). Both lists are in index order, so one pass over
 * each finds them without building a by-index array of every entry on every key: those arrays
 * were most of what a keystroke allocated in a 1,000-card brief, and so of its garbage collections.
 */
export function differingEntries(now: readonly OutlineEntry[], then: readonly OutlineEntry[]): Map<number, OutlineEntry | undefined> {
  const differing = new Map<number, OutlineEntry | undefined>();
  let j = 0;
  let k = 0;
  while (j < now.length || k < then.length) {
    const a = now[j];
    const b = then[k];
    if (a && b && a.index === b.index) {
      if (a !== b) differing.set(a.index, a);
      j++;
      k++;
    } else if (a && (!b || a.index < b.index)) {
      differing.set(a.index, a);
      j++;
    } else {
      differing.set(b!.index, undefined);
      k++;
    }
  }
  return differing;
}

/**
 * Each block heading shows its totals beside it, and "Answers to" titles are marked as such.
 * Read from the outline plugin's state (which must come first): a block is redecorated only
 * when its outline entry changed.
 */
export function blockTotals(): Plugin<DecorationSet> {
  const all = (doc: PMNode, entries: readonly OutlineEntry[]) => {
    const decorations: Decoration[] = [];
    const at = entriesByIndex(entries);
    doc.forEach((node, pos, i) => { if (at[i]?.level === 'block') decorations.push(blockDecoration(at[i]!, pos, node)); });
    return DecorationSet.create(doc, decorations);
  };
  return new Plugin<DecorationSet>({
    key: blockTotalsKey,
    state: {
      init: (_config, state) => all(state.doc, outlineOf(state)),
      apply(tr, set, oldState, newState) {
        const before = outlineOf(oldState);
        const entries = outlineOf(newState);
        if (entries === before && !tr.docChanged) return set;
        let next = tr.docChanged ? set.map(tr.mapping, tr.doc) : set;
        // Nodes the edit replaced lost their decorations in the mapping; entries that changed
        // (a retitled block, new totals) need new ones. Every other block keeps its own.
        const range = tr.docChanged ? changedRange(oldState.doc, newState.doc) : null;
        const changed: Decoration[] = [];
        const stale: Decoration[] = [];
        const differing = differingEntries(entries, before);
        tr.doc.forEach((node, pos, i) => {
          const replaced = range !== null && i >= range.from && i < range.newEnd;
          if (!replaced && !differing.has(i)) return;
          stale.push(...within(next, pos, pos + node.nodeSize));
          const entry = differing.has(i) ? differing.get(i) : entries[entryAt(entries, i)];
          if (entry?.level === 'block') changed.push(blockDecoration(entry, pos, node));
        });
        if (stale.length > 0) next = next.remove(stale);
        return changed.length > 0 ? next.add(tr.doc, changed) : next;
      },
    },
    props: { decorations: (state) => blockTotalsKey.getState(state) ?? null },
  });
}

// By cite node: a key typed in a card's tag or body leaves its cite node as it was, and parsing
// the cite again on every key is most of this plugin's time.
const warnings = new WeakMap<PMNode, string | null>();

/** The cite warning of a card node (its bold run is the short cite), or null: headings and analytics have none. */
function cardCiteWarning(node: PMNode): string | null {
  if (node.type.name !== 'card' || node.childCount < 2 || node.child(1).type.name !== 'cite') return null;
  const cite = node.child(1);
  if (!warnings.has(cite)) {
    const { shortCite, fullCite } = splitCite(cite);
    warnings.set(cite, citeWarning(shortCite, fullCite));
  }
  return warnings.get(cite) ?? null;
}

const citeWarningsKey = new PluginKey<DecorationSet>('citeWarnings');

function citeDecorations(node: PMNode, pos: number): Decoration[] {
  const warning = cardCiteWarning(node);
  if (!warning) return [];
  const cite = pos + 1 + node.child(0).nodeSize;
  return [Decoration.node(cite, cite + node.child(1).nodeSize, { class: 'cite-gaps', 'data-cite-warning': warning })];
}

/** Cards whose cite lacks an author, date or source say so; redecorated only where an edit lands. */
export function citeWarnings(): Plugin<DecorationSet> {
  return new Plugin<DecorationSet>({
    key: citeWarningsKey,
    state: {
      init: (_config, state) => redecorate(DecorationSet.empty, state.doc, 0, state.doc.childCount, citeDecorations),
      apply(tr, set, oldState, newState) {
        const range = tr.docChanged ? changedRange(oldState.doc, newState.doc) : null;
        if (!range) return set;
        return redecorate(set.map(tr.mapping, tr.doc), tr.doc, range.from, range.newEnd, citeDecorations);
      },
    },
    props: { decorations: (state) => citeWarningsKey.getState(state) ?? null },
  });
}

const nearCursorKey = new PluginKey<NearCursor>('nearCursor');

interface NearCursor {
  /** Top-level indexes [first, end), from the cursor's, that are laid out whatever their distance from the viewport. */
  first: number;
  end: number;
  set: DecorationSet;
}

// Cards keep `content-visibility: auto` (keystrokes stay cheap in long briefs), but Chromium gives
// a card its placeholder height for the first frame it is on screen and its real height a frame
// later. From the cursor down that was a visible jump just after a brief opened, under the mouse
// of whoever clicked at once; so the cards there are laid out for real from the first frame. Only
// about a screen of text: every laid-out card costs each keystroke (twice the work per key, in the
// bench, with forty 900-word cards laid out).
const NEAR_TEXT = 4000;
const NEAR_MAX = 40;

function nearCursor(doc: PMNode, at: number): NearCursor {
  const first = Math.max(0, at);
  let end = first;
  for (let text = 0; end < doc.childCount && end - first < NEAR_MAX && text < NEAR_TEXT; end++) text += doc.child(end).content.size;
  const near = (node: PMNode, pos: number) => (node.type.name === 'card' ? [Decoration.node(pos, pos + node.nodeSize, { class: 'near-cursor' })] : []);
  return { first, end, set: redecorate(DecorationSet.empty, doc, first, end, near) };
}

/** Marks about a screen of cards from the cursor down `near-cursor`, so briefs.css lays them out from the first frame. */
export function laidOutNearCursor(): Plugin<NearCursor> {
  return new Plugin<NearCursor>({
    key: nearCursorKey,
    state: {
      init: (_, state) => nearCursor(state.doc, indexAt(state.doc, state.selection.from)),
      apply(tr, value, oldState, newState) {
        if (!tr.docChanged && !tr.selectionSet) return value;
        const at = indexAt(newState.doc, newState.selection.from);
        const sameShape = oldState.doc.childCount === newState.doc.childCount;
        // Moving within the cards laid out already redraws no decoration.
        if (sameShape && at >= value.first && at < value.end) {
          return tr.docChanged ? { ...value, set: value.set.map(tr.mapping, tr.doc) } : value;
        }
        return nearCursor(newState.doc, at);
      },
    },
    props: { decorations: (state) => nearCursorKey.getState(state)?.set ?? null },
  });
}
