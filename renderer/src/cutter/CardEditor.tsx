import { baseKeymap, splitBlock } from 'prosemirror-commands';
import { history } from 'prosemirror-history';
import { keymap } from 'prosemirror-keymap';
import type { Node as PMNode } from 'prosemirror-model';
import { EditorState, Selection, TextSelection, type Command, type Plugin } from 'prosemirror-state';
import { EditorView } from 'prosemirror-view';
import { useEffect, useImperativeHandle, useMemo, useRef, useState, type Ref } from 'react';
import { cardEditorDoc, cardFieldsFromDoc, labelOfTag, tagWithLabel } from '../../../shared/card-doc';
import { COMMANDS, displayKey, editorBindings, editorCommands, resolveKeys, type EditorCommandId } from '../../../shared/keymap';
import type { Card, CardFields } from '../../../shared/model';
import type { Settings } from '../../../shared/settings';
import { KNOWN_LABELS } from '../../../shared/tag-label';
import { isUnlocked, lockText, textGuard, unlockText, wordsOf } from '../../../shared/text-guard';
import { formatDuration, readingSeconds, wordCounts } from '../../../shared/word-counts';
import { IS_MAC } from './platform';
import { CiteWarning } from '../CiteWarning';
import { OverflowToolbar, type Tool } from '../OverflowToolbar';

export const LOCKED_HINT = 'Words are locked — Edit text to change them (only markup changes here).';

export type CardPatch = Partial<Pick<CardFields, 'tag' | 'label' | 'shortCite' | 'fullCite' | 'body' | 'textEdited'>>;

export interface CardEditorHandle {
  run(id: EditorCommandId): boolean;
  can(id: EditorCommandId): boolean;
  focusTag(): void;
  /** "Edit text" / "Lock text": toggles whether the body's words may change. */
  toggleTextLock(): void;
}

interface Props {
  card: Card;
  settings: Settings;
  customLabels: readonly string[];
  onChange: (patch: CardPatch) => void;
  onShowSource?: () => void;
  ref?: Ref<CardEditorHandle>;
}

const CUSTOM = '\u0000custom';

const TOOLBAR: EditorCommandId[] = ['underline', 'emphasis', 'highlight', 'clearFormatting', 'condense', 'shrink', 'tag', 'cite', 'undo', 'redo'];

function bodyOf(doc: PMNode): PMNode {
  return doc.firstChild!.lastChild!;
}

/** One card: tag (one line, its label recognised), cite and body, marked up with Verbatim's keys. */
export function CardEditor({ card, settings, customLabels, onChange, onShowSource, ref }: Props) {
  const mount = useRef<HTMLDivElement>(null);
  const view = useRef<EditorView | null>(null);
  const [state, setState] = useState<EditorState>();
  const [picked, setPicked] = useState<string | null>(card.label);
  const [edited, setEdited] = useState(card.textEdited);
  const [blocked, setBlocked] = useState(false);
  // "Custom…" asks for the label in place (Electron has no window.prompt).
  const [naming, setNaming] = useState(false);
  const latest = useRef({ onChange, picked });
  latest.current = { onChange, picked };

  const commands = useMemo(() => editorCommands(settings), [settings]);
  const keys = useMemo(() => resolveKeys(settings.keys), [settings.keys]);

  const plugins = useMemo((): Plugin[] => {
    const enter: Command = (s, dispatch) => {
      const { $from } = s.selection;
      if ($from.parent.type.name === 'tag' || $from.parent.type.name === 'cite') {
        const next = Selection.findFrom(s.doc.resolve($from.after()), 1, true);
        if (next) dispatch?.(s.tr.setSelection(next).scrollIntoView());
        return true;
      }
      // A locked body keeps its paragraphs as the source has them.
      return isUnlocked(s, card.id) ? splitBlock(s, dispatch) : true;
    };
    return [
      textGuard({ onBlocked: () => setBlocked(true) }),
      history(),
      keymap(editorBindings(keys, commands, IS_MAC)),
      keymap({ Enter: enter }),
      keymap(baseKeymap),
    ];
  }, [keys, commands, card.id]);

  // One view per card; a new card (or new keys) gets a fresh state.
  useEffect(() => {
    if (!mount.current) return;
    const initial = EditorState.create({ doc: cardEditorDoc(card), plugins });
    const v = new EditorView(mount.current, {
      state: initial,
      attributes: { class: 'card-doc', 'aria-label': 'Card: tag, cite and body', spellcheck: 'false' },
      handlePaste(editorView, event) {
        // The tag and cite are one line: pasted line breaks become spaces.
        const { $from } = editorView.state.selection;
        if ($from.parent.type.name !== 'tag' && $from.parent.type.name !== 'cite') return false;
        const text = event.clipboardData?.getData('text/plain') ?? '';
        editorView.dispatch(editorView.state.tr.insertText(text.replace(/\s+/g, ' ')));
        return true;
      },
      dispatchTransaction(tr) {
        const before = v.state;
        const next = before.apply(tr);
        v.updateState(next);
        setState(next);
        // A transaction the text guard refused leaves the doc as it was: the hint stays, nothing is saved.
        if (next.doc === before.doc) return;
        setBlocked(false);
        const fields = cardFieldsFromDoc(next.doc, latest.current.picked);
        const patch: CardPatch = { ...fields };
        if (wordsOf(bodyOf(before.doc)) !== wordsOf(bodyOf(next.doc))) {
          patch.textEdited = true;
          setEdited(true);
        }
        latest.current.onChange(patch);
      },
    });
    view.current = v;
    setState(initial);
    return () => {
      v.destroy();
      view.current = null;
    };
    // The card's content is read once per card id: later renders carry our own edits back.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [card.id]);

  useEffect(() => {
    const v = view.current;
    if (v) v.updateState(v.state.reconfigure({ plugins }));
  }, [plugins]);

  const run = (id: EditorCommandId): boolean => {
    const v = view.current;
    if (!v) return false;
    const done = commands[id](v.state, v.dispatch, v);
    v.focus();
    return done;
  };

  const focusTag = () => {
    const v = view.current;
    if (!v) return;
    const tag = v.state.doc.firstChild!.firstChild!;
    v.dispatch(v.state.tr.setSelection(TextSelection.create(v.state.doc, 2 + tag.content.size)));
    v.focus();
  };

  const toggleTextLock = () => {
    const v = view.current;
    if (!v) return;
    (isUnlocked(v.state, card.id) ? lockText(card.id) : unlockText(card.id))(v.state, v.dispatch);
    v.focus();
  };

  useImperativeHandle(ref, () => ({
    run,
    can: (id) => (view.current ? commands[id](view.current.state) : false),
    focusTag,
    toggleTextLock,
  }));

  const tag = state ? state.doc.firstChild!.firstChild!.textContent : card.tag;
  const label = labelOfTag(tag, picked);
  const pickLabel = (next: string) => {
    const v = view.current;
    if (!v) return;
    if (next === CUSTOM) {
      setNaming(true);
      return;
    }
    applyLabel(next || null);
  };
  const applyLabel = (chosen: string | null) => {
    const v = view.current;
    if (!v) return;
    setPicked(chosen);
    latest.current.picked = chosen;
    const tagNode = v.state.doc.firstChild!.firstChild!;
    const text = tagWithLabel(tag, label, chosen);
    v.dispatch(v.state.tr.insertText(text, 2, 2 + tagNode.content.size));
  };

  const counts = state ? wordCounts(bodyOf(state.doc)) : undefined;
  const fields = state ? cardFieldsFromDoc(state.doc, picked) : undefined;
  const unlocked = state ? isUnlocked(state, card.id) : false;
  const labels = [...KNOWN_LABELS, ...customLabels.filter((l) => !(KNOWN_LABELS as readonly string[]).includes(l))];
  if (label && !labels.includes(label)) labels.push(label);

  return (
    <section className="card-editor" aria-label="Card editor" data-card-id={card.id}>
      <div className="card-editor-bar">
        <label className="label-picker">
          Label{' '}
          <select value={label ?? ''} onChange={(e) => pickLabel(e.target.value)} aria-label="Argument label">
            <option value="">(none)</option>
            {labels.map((l) => <option key={l} value={l}>{l}</option>)}
            <option value={CUSTOM}>Custom…</option>
          </select>
        </label>
        {naming && (
          <form
            className="custom-label"
            onSubmit={(e) => {
              e.preventDefault();
              const name = String(new FormData(e.currentTarget).get('label') ?? '').trim();
              setNaming(false);
              if (name) applyLabel(name);
            }}
          >
            <input name="label" aria-label="Custom label" placeholder="Custom label, Enter to use" autoFocus onKeyDown={(e) => { if (e.key === 'Escape') setNaming(false); }} />
            <button type="submit">Use</button>
            <button type="button" onClick={() => setNaming(false)}>Cancel</button>
          </form>
        )}
        {edited && <span className="badge edited" title="The body's words differ from the source">Text edited</span>}
        {fields && <CiteWarning shortCite={fields.shortCite} fullCite={fields.fullCite} />}
        <span className="spacer" />
        <button onClick={toggleTextLock} aria-pressed={unlocked} title="Allow changing the body's words (the card is marked edited)">
          {unlocked ? 'Lock text' : 'Edit text'}
        </button>
        {onShowSource && <button onClick={onShowSource}>Show source</button>}
      </div>
      <OverflowToolbar
        label="Markup"
        tools={TOOLBAR.map((id): Tool => {
          const info = COMMANDS.find((c) => c.id === id)!;
          const key = keys[id][0];
          return {
            id, label: info.title, kbd: key && displayKey(key, IS_MAC), keepFocus: true, run: () => run(id),
            disabled: !state || !commands[id](state),
            title: `${info.title}${key ? ` (${displayKey(key, IS_MAC)})` : ''}: ${info.hint}`,
          };
        })}
      />
      <div ref={mount} className={`card-mount${unlocked ? ' unlocked' : ''}`} />
      {blocked && !unlocked && (
        <p className="hint" role="status">{LOCKED_HINT}</p>
      )}
      {counts && (
        <p className="counts" aria-label="Word counts">
          <span data-count="underlined">{counts.underlined} underlined</span>
          <span data-count="highlighted">{counts.highlighted} highlighted</span>
          <span data-count="time">{formatDuration(readingSeconds(counts.highlighted, settings.wpm))} at {settings.wpm} wpm</span>
          <span className="muted">{counts.words} words</span>
        </p>
      )}
    </section>
  );
}
