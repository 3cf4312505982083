import { Node as PMNode } from 'prosemirror-model';
import { EditorState, Selection, TextSelection, type Command } from 'prosemirror-state';
import { EditorView } from 'prosemirror-view';
import { useCallback, useEffect, useImperativeHandle, useMemo, useRef, useState, type Ref, type RefObject } from 'react';
import { insertCards, receiveUnits, unitAtCursor } from '../../../shared/brief-commands';
import { insertKept, type KeptCard } from '../../../shared/brief-edit';
import { clipboardContent } from '../../../shared/clipboard';
import { COMMANDS, displayKey, editorCommands, resolveKeys } from '../../../shared/keymap';
import type { ExportVariant } from '../../../shared/export-variants';
import type { Brief, Card, DocJSON } from '../../../shared/model';
import { cardIds, copiesOf } from '../../../shared/card-ids';
import { changedRange, dropTarget, indexAt, moveRange, positionOf, unitRange, type OutlineEntry } from '../../../shared/outline';
import { outlineKey, outlineOf, outlinePlugin, setOutlineWpm } from '../../../shared/outline-plugin';
import { nodeFromJSON, schema } from '../../../shared/schema';
import type { Settings } from '../../../shared/settings';
import { textGuard } from '../../../shared/text-guard';
import type { Autosaver, SaveState } from '../../../shared/autosaver';
import { api } from '../api';
import type { Status } from '../App';
import { useApiData } from '../use-api-data';
import { IS_MAC } from '../cutter/platform';
import { applyOrReport } from './apply-or-report';
import { BRIEF_KEYS, SEND_KEY, basePlugins, blockTotals, citeWarnings, briefKeymap, invisibility, isInvisible, laidOutNearCursor, setInvisible } from './brief-plugins';
import { CardPicker } from './CardPicker';
import { cursorIn, rememberCursor } from './last-cursor';
import { NavigationPane } from './NavigationPane';
import { PaneToggle } from '../panes';
import { OverflowToolbar, type Tool } from '../OverflowToolbar';

interface Props {
  briefId: number;
  /** The speech doc cards are sent to; undefined until there is one (the Api then makes one). */
  speechId: number | undefined;
  settings: Settings;
  saver: Autosaver<BriefDocPatch>;
  saveState: SaveState;
  onStatus: (status: Status) => void;
  /** A speech doc changed (or was created) by a send through the Api (no speech pane open). */
  onSent: (speech: Brief) => void;
  /** Top-level node to go to (a quick-find hit), a new object each time it is asked: the cursor goes there. */
  at?: { index: number } | undefined;
  /** Whether the Briefs area is on screen (it stays open, hidden, while another is). */
  shown: boolean;
  /** Whether the outline is beside the editor (BriefsView decides what fits). */
  outlineOpen: boolean;
  onToggleOutline: () => void;
  /** The speech doc open beside this brief: sends go to its cursor. */
  speechPane?: RefObject<BriefEditorHandle | null>;
  ref?: Ref<BriefEditorHandle>;
}

export interface BriefEditorHandle {
  /** Takes a send at the cursor, as one undo step here; returns this doc's title. */
  receive(nodes: readonly PMNode[]): string;
}

/** The document as the store last saved it, and that save's revision (the brief's updatedAt). */
export interface SavedDoc {
  doc: PMNode;
  revision: string;
}

/**
 * An edited brief waiting to be saved: serialised only when the autosaver writes it, and then
 * only the nodes that differ from `saved`, which the saver moves on after each save.
 */
export interface BriefDocPatch {
  doc: PMNode;
  saved: { current: SavedDoc };
  /** A save merged cards added elsewhere into the brief: the editor takes them in. */
  onMerged: (kept: readonly KeptCard[]) => void;
}

/** What the toolbar and outline show of the editor: React redraws only when this changes. */
interface Snapshot {
  entries: readonly OutlineEntry[];
  /** Index of the top-level node holding the cursor. */
  current: number;
  invisible: boolean;
  empty: boolean;
  /** Whether each toolbar command applies, in toolbar order. */
  enabled: readonly boolean[];
}

function snapshotOf(state: EditorState, commands: readonly Command[]): Snapshot {
  return {
    entries: outlineOf(state),
    current: indexAt(state.doc, state.selection.from),
    invisible: isInvisible(state),
    empty: state.doc.childCount === 0,
    enabled: commands.map((command) => command(state)),
  };
}

const sameSnapshot = (a: Snapshot | undefined, b: Snapshot): boolean =>
  a !== undefined && a.entries === b.entries && a.current === b.current && a.invisible === b.invisible && a.empty === b.empty
  && a.enabled.every((on, i) => on === b.enabled[i]);

/**
 * A typed character goes straight into the document instead of through Chromium's editing
 * command, whose cost grows with the whole editable (about 20 ms a key in a 1,000-card brief,
 * against well under one for the transaction). Composition (IME, dead keys), autocorrect and
 * paste send no keypress and keep the native path.
 */
function typeInEditor(view: EditorView, event: KeyboardEvent): boolean {
  if (event.ctrlKey || event.metaKey || event.isComposing || event.charCode < 32 || view.composing) return false;
  const { from, to } = view.state.selection;
  const text = String.fromCharCode(event.charCode);
  if (view.someProp('handleTextInput', (f) => f(view, from, to, text, () => view.state.tr.insertText(text, from, to)))) return true;
  view.dispatch(view.state.tr.insertText(text, from, to).scrollIntoView());
  return true;
}

/**
 * ReactDOM, before every commit anywhere in the app, reads the offsets of the selection in the
 * focused element when that element is `contentEditable === 'true'`, walking every DOM node
 * before the cursor: about 200 ms in the middle of a 1,000-card brief, on the first key after
 * each pause (the save state turns to "Saving…") and at each outline update. It uses them only
 * to restore a selection a commit lost; ProseMirror keeps and restores its own. So React is
 * told the editor is none of its business; the attribute, which the browser edits by, stays.
 */
function hideFromReactSelection(dom: HTMLElement): void {
  Object.defineProperty(dom, 'contentEditable', { get: () => 'inherit', configurable: true });
}

/** Loads a brief and opens it in the editor. */
export function BriefEditor(props: Props) {
  const brief = useApiData(() => api.getBrief({ id: props.briefId }), [props.briefId]);
  const [at, setAt] = useState(props.at);
  useEffect(() => setAt(props.at), [props.at]);
  // Saved elsewhere while the area was hidden (Search's Alt+B and Alt+S write through the Api):
  // opened again from the library, at the node the cursor was in.
  const { reload } = brief;
  const onStale = useCallback(() => {
    setAt({ index: cursorIn(props.briefId) ?? 0 });
    reload();
  }, [props.briefId, reload]);
  if (brief.error) return <p role="alert" className="error panel">{brief.error}</p>;
  if (!brief.data) return <p className="panel">Loading…</p>;
  return <Editor key={`${brief.data.id}:${brief.data.updatedAt}`} brief={brief.data} {...props} at={at} onStale={onStale} />;
}

function saveLabel(s: SaveState): string {
  return s.kind === 'saved' ? 'Saved' : s.kind === 'saving' ? 'Saving…' : `Save failed: retrying in ${Math.round(s.retryInMs / 1000)} s`;
}

function describeSent(nodes: readonly PMNode[]): string {
  const cards = nodes.filter((n) => n.type.name === 'card').length;
  const head = nodes[0]!;
  if (head.type.name === 'card') return `the card “${head.firstChild!.textContent || 'untagged'}”`;
  return `“${head.textContent}” (${cards} card${cards === 1 ? '' : 's'})`;
}

const CARD_COMMANDS = COMMANDS.filter((c) => c.scope === 'editor');

function Editor({ brief, speechId, settings, saver, saveState, onStatus, onSent, speechPane, at, shown, outlineOpen, onToggleOutline, onStale, ref }: Props & { brief: Brief; onStale: () => void }) {
  const wpm = settings.wpm;
  const mount = useRef<HTMLDivElement>(null);
  const viewRef = useRef<EditorView | null>(null);
  const savedRef = useRef<{ current: SavedDoc }>(null);
  const [snapshot, setSnapshot] = useState<Snapshot>();
  const [picking, setPicking] = useState(false);
  const isSpeech = brief.kind === 'speech';
  const cardCommands = useMemo(() => editorCommands(settings), [settings]);
  const cardKeys = useMemo(() => resolveKeys(settings.keys), [settings.keys]);
  const toolbarCommands = useMemo(() => [...BRIEF_KEYS.map((k) => k.command), ...CARD_COMMANDS.map((c) => cardCommands[c.id])], [cardCommands]);
  const toolbarRef = useRef(toolbarCommands);
  toolbarRef.current = toolbarCommands;

  const sendToSpeech = useCallback(async (nodes: PMNode[]) => {
    if (nodes.length === 0 || isSpeech) return;
    const pane = speechPane?.current;
    if (pane) {
      onStatus({ kind: 'info', text: `Sent ${describeSent(nodes)} to “${pane.receive(nodes)}”` });
      return;
    }
    try {
      // Sent cards are new cards in the speech doc, each copied from its original here.
      const speech = await api.sendNodesToSpeech({ nodes: copiesOf(nodes).map((n) => n.toJSON() as DocJSON), speechId });
      onSent(speech);
      onStatus({ kind: 'info', text: `Sent ${describeSent(nodes)} to “${speech.title}”` });
    } catch (err) {
      onStatus({ kind: 'error', text: err instanceof Error ? err.message : String(err) });
    }
  }, [isSpeech, speechId, onSent, onStatus, speechPane]);

  useImperativeHandle(ref, () => ({
    receive: (nodes) => {
      const view = viewRef.current;
      if (view) receiveUnits(copiesOf(nodes))(view.state, view.dispatch);
      return brief.title;
    },
  }), [brief.title]);
  const copy = async (nodes: PMNode[]) => {
    if (nodes.length === 0) return;
    const { html, text } = clipboardContent(nodes.map((n) => n.toJSON() as DocJSON));
    try {
      await navigator.clipboard.write([new ClipboardItem({
        'text/html': new Blob([html], { type: 'text/html' }),
        'text/plain': new Blob([text], { type: 'text/plain' }),
      })]);
      onStatus({ kind: 'info', text: `Copied ${describeSent(nodes)}: paste into Word or Google Docs` });
    } catch (err) {
      onStatus({ kind: 'error', text: `Could not copy: ${err instanceof Error ? err.message : String(err)}` });
    }
  };

  const [variant, setVariant] = useState<ExportVariant | ''>('');
  // Verbatim prints each pocket on its own page when asked; the brief runs on by default.
  const [pocketPages, setPocketPages] = useState(false);
  // Tags read a PDF to a screen reader; they double the print time, so they are asked for.
  const [taggedPdf, setTaggedPdf] = useState(false);
  const exportAs = async (format: 'docx' | 'pdf' | 'html') => {
    try {
      // The file holds every edit: what is still waiting to be saved is written first.
      await saver.flush();
      onStatus({ kind: 'info', text: `Exporting “${brief.title}” as .${format}…` });
      const file = await api.exportBrief({ id: brief.id, format, ...(variant ? { variant } : {}), ...(pocketPages && format !== 'docx' ? { pocketPageBreaks: true } : {}), ...(taggedPdf && format === 'pdf' ? { tagged: true } : {}) });
      onStatus({ kind: 'info', text: `Exported ${file.name}` });
      download(file.name, file.dataBase64);
    } catch (err) {
      onStatus({ kind: 'error', text: err instanceof Error ? err.message : String(err) });
    }
  };

  const sendRef = useRef(sendToSpeech);
  sendRef.current = sendToSpeech;

  useEffect(() => {
    let doc: PMNode;
    try {
      doc = nodeFromJSON(brief.doc);
    } catch (err) {
      onStatus({ kind: 'error', text: `“${brief.title}” cannot be opened: ${(err as Error).message}` });
      return;
    }
    const saved = { current: { doc, revision: brief.updatedAt } };
    // An empty brief has nowhere for the cursor: offer one empty tag (saved only once typed in).
    if (doc.childCount === 0) doc = schema.nodes.doc!.create(null, schema.nodes.card!.create(null, schema.nodes.tag!.create()));
    const send: Command = (s) => {
      void sendRef.current(unitAtCursor(s));
      return true;
    };
    const onMerged = (kept: readonly KeptCard[]) => {
      const cards = kept.length === 1 ? '1 card added there was' : `${kept.length} cards added there were`;
      onStatus({ kind: 'info', text: `“${brief.title}” was saved elsewhere too: ${cards} kept and merged in.` });
      // Not an undo step: undoing must not take another window's cards away.
      if (!view.isDestroyed) view.dispatch(insertKept(view.state.tr, kept).setMeta('addToHistory', false));
    };
    const editorState = EditorState.create({
      doc,
      plugins: [
        // Card bodies are the source's words here as in the Cutter: markup only, never rewording.
        textGuard({ onBlocked: () => onStatus({ kind: 'info', text: 'Words are locked — the card’s words are the source’s: only markup changes in a brief.' }) }),
        briefKeymap(settings, { [SEND_KEY]: send }),
        ...basePlugins(),
        cardIds(),
        outlinePlugin(wpm),
        invisibility(),
        blockTotals(),
        citeWarnings(),
        laidOutNearCursor(),
      ],
    });
    // React, on every commit while a contenteditable has focus, measures the selection by walking
    // the text before the cursor: in a long brief that is most of a keystroke's cost. So the
    // outline and toolbar catch up when typing pauses, never per key.
    let timer: ReturnType<typeof setTimeout> | undefined;
    const publish = (next: EditorState) => {
      const snap = snapshotOf(next, toolbarRef.current);
      setSnapshot((prev) => (sameSnapshot(prev, snap) ? prev : snap));
    };
    const publishSoon = () => {
      clearTimeout(timer);
      timer = setTimeout(() => publish(view.state), PUBLISH_PAUSE_MS);
    };
    const view = new EditorView(mount.current!, {
      state: editorState,
      dispatchTransaction(tr) {
        const next = applyOrReport(view, tr, (message) => onStatus({ kind: 'error', text: `That edit could not be made in “${brief.title}”: ${message}. The brief is as it was before it.` }));
        if (!next) return;
        // At once, not with the outline: Alt+B from Search a moment later files the card here.
        if (tr.selectionSet || tr.docChanged) rememberCursor(brief.id, indexAt(next.doc, next.selection.from));
        // Typing inside one heading or card waits for a pause; a change of structure (a card
        // added, moved or removed) shows at once, so the outline never offers a stale place.
        const range = tr.docChanged ? changedRange(tr.before, next.doc) : null;
        if (range && (range.oldEnd - range.from !== 1 || range.newEnd - range.from !== 1)) {
          clearTimeout(timer);
          publish(next);
        } else publishSoon();
        // The doc itself is queued: it is turned into JSON only when the autosaver writes it.
        if (next.doc !== tr.before) saver.queue(brief.id, { doc: next.doc, saved, onMerged });
      },
      handleKeyPress: typeInEditor,
      attributes: { 'aria-label': `Brief: ${brief.title}`, role: 'textbox', 'aria-multiline': 'true', spellcheck: 'true' },
    });
    hideFromReactSelection(view.dom);
    viewRef.current = view;
    savedRef.current = saved;
    rememberCursor(brief.id, indexAt(view.state.doc, view.state.selection.from));
    publish(view.state);
    view.focus();
    return () => {
      clearTimeout(timer);
      view.destroy();
      viewRef.current = null;
    };
    // The editor is built once per brief; later brief prop changes come from our own saves.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [brief.id]);

  useEffect(() => {
    const view = viewRef.current;
    if (!view || at === undefined || at.index >= view.state.doc.childCount) return;
    const pos = positionOf(view.state.doc, at.index);
    view.dispatch(view.state.tr.setSelection(Selection.near(view.state.doc.resolve(pos + 1))));
    requestAnimationFrame(() => (view.nodeDOM(pos) as HTMLElement | null)?.scrollIntoView({ block: 'start' }));
    view.focus();
  }, [at]);

  // Back on screen: was the brief saved elsewhere meanwhile? Not while edits here wait to be written.
  const wasShown = useRef(shown);
  useEffect(() => {
    const back = shown && !wasShown.current;
    wasShown.current = shown;
    const view = viewRef.current;
    if (!back || !view) return;
    // Given the keys back (Alt+3), the editor puts the browser's selection where its cursor is.
    if (view.dom === document.activeElement) view.focus();
    const doc = view.state.doc;
    let live = true;
    void saver.flush().then(() => api.getBrief({ id: brief.id })).then((latest) => {
      if (live && viewRef.current?.state.doc === doc && latest.updatedAt !== savedRef.current?.current.revision) onStale();
    }, () => undefined);
    return () => { live = false; };
  }, [shown, saver, brief.id, onStale]);

  useEffect(() => {
    const view = viewRef.current;
    if (view && outlineKey.getState(view.state)?.wpm !== wpm) view.dispatch(setOutlineWpm(view.state.tr, wpm));
  }, [wpm]);

  const run = (command: Command) => {
    const view = viewRef.current;
    if (!view) return;
    command(view.state, view.dispatch, view);
    view.focus();
  };
  const atCursor = (): PMNode[] => (viewRef.current ? unitAtCursor(viewRef.current.state) : []);

  const jump = (entry: OutlineEntry) => {
    const view = viewRef.current;
    if (!view) return;
    // A card's text starts inside its tag; a heading's or analytic's inside the node itself.
    const pos = positionOf(view.state.doc, entry.index);
    const inside = pos + (view.state.doc.nodeAt(pos)?.type.name === 'card' ? 2 : 1);
    view.dispatch(view.state.tr.setSelection(TextSelection.create(view.state.doc, inside)));
    (view.nodeDOM(pos) as HTMLElement | null)?.scrollIntoView({ block: 'start' });
    view.focus();
  };

  const drop = (dragged: number, onto: number) => {
    const view = viewRef.current;
    if (!view) return;
    const doc = view.state.doc;
    const before = dropTarget(doc, dragged, onto);
    if (before === null) return;
    const tr = view.state.tr;
    if (moveRange(tr, dragged, unitRange(doc, dragged).end, before)) view.dispatch(tr.scrollIntoView());
  };

  const addCards = async (cards: Card[]) => {
    setPicking(false);
    if (cards.length === 0) return;
    try {
      // The cards' nodes as stored, so the copies keep every mark and undertag.
      const copies = await api.copyCards({ cardIds: cards.map((c) => c.id) });
      run(insertCards(copies.map(nodeFromJSON)));
    } catch (err) {
      onStatus({ kind: 'error', text: err instanceof Error ? err.message : String(err) });
    }
  };

  const enabled = (i: number) => snapshot?.enabled[i] === true;
  const empty = !snapshot || snapshot.empty;
  const invisible = snapshot?.invisible === true;
  return (
    <div className={`brief-workspace${outlineOpen ? '' : ' outline-folded'}`}>
      <div className="side">
        <PaneToggle label="outline" open={outlineOpen} onToggle={onToggleOutline} />
        {outlineOpen && <NavigationPane entries={snapshot?.entries ?? NO_ENTRIES} current={snapshot?.current ?? -1} onJump={jump} onDrop={drop} />}
      </div>
      <section className="brief-main" aria-label={`Editing ${brief.title}`}>
        <OverflowToolbar
          label="Brief tools"
          tools={[
            ...BRIEF_KEYS.map(({ key, label, command }, i): Tool => ({
              id: key, label, kbd: /^F\d+$/.test(key) ? key : undefined, title: `${label} (${displayKey(key, IS_MAC)})`,
              disabled: !enabled(i), keepFocus: true, run: () => run(command),
            })),
            ...CARD_COMMANDS.map(({ id, title, hint }, i): Tool => ({
              id, label: title, kbd: /^F\d+$/.test(cardKeys[id][0] ?? '') ? cardKeys[id][0] : undefined,
              title: `${hint}${cardKeys[id][0] ? ` (${displayKey(cardKeys[id][0], IS_MAC)})` : ''}`,
              disabled: !enabled(BRIEF_KEYS.length + i), keepFocus: true, run: () => run(cardCommands[id]),
            })),
            { id: 'sep-send', separator: true },
            {
              id: 'send', label: 'Send to speech', kbd: SEND_KEY, keepFocus: true, disabled: isSpeech || empty,
              title: isSpeech ? 'This is a speech doc' : 'Send the card or block at the cursor to the speech doc (`)',
              run: () => void sendToSpeech(atCursor()),
            },
            { id: 'copy', label: 'Copy', title: 'Copy the card or block at the cursor as rich text', disabled: empty, keepFocus: true, run: () => void copy(atCursor()) },
            { id: 'add', label: 'Add cards', title: 'Add cut cards to the brief at the cursor', run: () => setPicking(true) },
            {
              id: 'invisibility', label: 'Invisibility', title: 'Show only headings, tags, cites and highlighted text', pressed: invisible, keepFocus: true,
              run: () => { const view = viewRef.current; if (view) view.dispatch(setInvisible(view.state.tr, !invisible)); },
            },
            { id: 'sep-export', separator: true },
            {
              id: 'variant',
              control: (
                <select aria-label="What to export" value={variant} onChange={(e) => setVariant(e.target.value as ExportVariant | '')}>
                  <option value="">Brief</option>
                  <option value="reading">Reading copy</option>
                  <option value="citeRequest">Cite request</option>
                </select>
              ),
            },
            {
              id: 'pocket-pages', label: 'Pocket pages', title: 'PDF and HTML: start each pocket on a new page', pressed: pocketPages, keepFocus: true,
              run: () => setPocketPages(!pocketPages),
            },
            {
              id: 'tagged-pdf', label: 'Tagged PDF', title: 'PDF: tag it for screen readers (slower to print, larger file)', pressed: taggedPdf, keepFocus: true,
              run: () => setTaggedPdf(!taggedPdf),
            },
            ...(['docx', 'pdf', 'html'] as const).map((format): Tool => ({
              id: format, label: `.${format}`, run: () => void exportAs(format),
              title: `Download the ${variant === 'reading' ? 'reading copy' : variant === 'citeRequest' ? 'cite request' : 'brief'} as .${format}`,
            })),
          ]}
          end={<span className={`save-state ${saveState.kind}`} title={saveState.kind === 'failed' ? saveState.error : undefined} aria-live="polite">{saveLabel(saveState)}</span>}
        />
        {picking && <CardPicker onAdd={(cards) => void addCards(cards)} onClose={() => setPicking(false)} />}
        <div className="brief-editor" ref={mount} />
      </section>
    </div>
  );
}

const NO_ENTRIES: readonly OutlineEntry[] = [];
/**
 * Pause in typing after which the outline and toolbar show the editor's state: longer than the
 * gap between a slow typist's keys, so no key pays for a React commit.
 */
const PUBLISH_PAUSE_MS = 600;

/** Hands a file from the Api to the browser's download (Electron saves it the same way). */
function download(name: string, dataBase64: string): void {
  const bytes = Uint8Array.from(atob(dataBase64), (c) => c.charCodeAt(0));
  const url = URL.createObjectURL(new Blob([bytes]));
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
