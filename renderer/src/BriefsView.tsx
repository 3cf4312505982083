import { useCallback, useEffect, useRef, useState, type CSSProperties, type KeyboardEvent, type PointerEvent, type ReactNode } from 'react';
import type { Node as PMNode } from 'prosemirror-model';
import { Transform } from 'prosemirror-transform';
import type { Brief, BriefSummary, DocJSON } from '../../shared/model';
import { nodeFromJSON } from '../../shared/schema';
import { DEFAULT_SETTINGS } from '../../shared/settings';
import { api } from './api';
import type { Status } from './App';
import { BriefEditor, type BriefDocPatch, type BriefEditorHandle } from './briefs/BriefEditor';
import { insertKept, keptCards, topLevelEdit, type KeptCard } from '../../shared/brief-edit';
import { BriefList } from './briefs/BriefList';
import { useAutosaver } from './use-autosaver';
import './briefs/briefs.css';
import { useApiData } from './use-api-data';
import { PaneBoundary } from './PaneBoundary';
import { PaneToggle, usePane, useWidth } from './panes';
import { briefMin, fitPanes, outlineWidth, speechMin, type Pane, type Panes } from './briefs/desk-fit';

const UNTITLED = 'Untitled brief';

/** The text of a doc's first pocket, hat or block: the name a new brief takes. */
function firstHeading(doc: PMNode): string | null {
  for (let i = 0; i < doc.childCount; i++) {
    const node = doc.child(i);
    if (node.type.name !== 'card' && node.textContent.trim()) return node.textContent.trim();
  }
  return null;
}

/** The uids of a doc's cards: what an editor knew of its brief. */
function cardUids(doc: PMNode): string[] {
  const uids: string[] = [];
  doc.forEach((node) => { if (typeof node.attrs.cardId === 'string') uids.push(node.attrs.cardId); });
  return uids;
}

/** A place to open: a brief at one of its top-level nodes (a quick-find hit). */
export interface BriefRequest {
  briefId: number;
  index: number;
}

/** Briefs and speech docs: the list on the left, the open one in the editor with its outline. */
export function BriefsView({ shown, request, onStatus }: { shown: boolean; request?: BriefRequest | undefined; onStatus: (s: Status) => void }) {
  const briefs = useApiData(() => api.listBriefs({}), []);
  const settings = useApiData(() => api.getSettings({}), []);
  // One saver for every brief opened here: switching briefs never drops an unsaved edit.
  const listRef = useRef<readonly BriefSummary[]>([]);
  // The doc is serialised here, when the saver writes it, never on each keystroke: only the
  // nodes changed since the last save, or the whole doc when the brief was saved elsewhere since.
  // A brief still called "Untitled brief" takes the name of its first heading, until renamed.
  const autosave = useAutosaver(async (id, patch: BriefDocPatch) => {
    const before = listRef.current.find((b) => b.id === id);
    const named = before?.title === UNTITLED ? firstHeading(patch.doc) : null;
    const title = named ? { title: named } : {};
    const base = patch.saved.current;
    const edit = topLevelEdit(base.doc, patch.doc);
    if (!edit && !named) return;
    let saved: BriefSummary | Brief | null = null;
    if (edit) {
      const nodes = edit.nodes.map((n) => n.toJSON() as DocJSON);
      const result = await api.editBrief({ id, revision: base.revision, from: edit.from, to: edit.to, nodes, ...title });
      if (result.applied) saved = result.brief;
    }
    let kept: KeptCard[] = [];
    if (!saved) {
      // Saved elsewhere since: the whole doc, merged with cards added there, never deleting them.
      const merged = await api.mergeBrief({ id, doc: patch.doc.toJSON() as DocJSON, known: cardUids(base.doc), ...title });
      saved = merged.brief;
      if (merged.kept.length > 0) kept = keptCards(nodeFromJSON(merged.brief.doc), new Set(merged.kept));
    }
    patch.saved.current = { doc: kept.length > 0 ? insertKept(new Transform(patch.doc), kept).doc : patch.doc, revision: saved.updatedAt };
    if (kept.length > 0) patch.onMerged(kept);
    // The list shows speech docs' card counts and titles: keep it true.
    if (named || saved.kind === 'speech') briefs.reload();
  });
  // The area stays open while hidden: leaving it writes what is waiting, coming back reads the
  // list again (Search may have sent cards to a speech doc meanwhile).
  const wasShown = useRef(shown);
  useEffect(() => {
    if (!shown) void autosave.saver.flush();
    else if (!wasShown.current) briefs.reload();
    wasShown.current = shown;
  }, [shown, autosave.saver, briefs.reload]);
  const [openId, setOpenId] = useState<number | undefined>(request?.briefId);
  useEffect(() => { if (request) setOpenId(request.briefId); }, [request]);
  const [chosenSpeech, setChosenSpeech] = useState<number>();
  const list = briefs.data ?? [];
  listRef.current = list;
  const speechPane = useRef<BriefEditorHandle | null>(null);
  const speeches = list.filter((b) => b.kind === 'speech');
  // The debater's pick, else the speech doc touched last (the Api's "current" one).
  const speechId = speeches.find((b) => b.id === chosenSpeech)?.id ?? speeches[0]?.id;
  const openKind = list.find((b) => b.id === openId)?.kind;
  const canShowSpeech = speechId !== undefined && openKind === 'brief';

  // The panes the debater left open, less those that do not fit beside a readable brief.
  const [listOpen, , setListOpen] = usePane('briefs');
  const [speechOpen, , setSpeechOpen] = usePane('speech');
  const [briefOutline, , setBriefOutline] = usePane('outline-brief');
  const [speechOutline, , setSpeechOutline] = usePane('outline-speech');
  const setters: Record<Pane, (open: boolean) => void> = {
    list: setListOpen, speech: setSpeechOpen, speechOutline: setSpeechOutline, outline: openKind === 'speech' ? setSpeechOutline : setBriefOutline,
  };
  const wanted: Panes = { list: listOpen, outline: openKind === 'speech' ? speechOutline : briefOutline, speech: canShowSpeech && speechOpen, speechOutline };
  const root = useRef<HTMLDivElement>(null);
  const width = useWidth(root, window.innerWidth);
  // A pane the debater opens by hand is the last to fold again.
  const [keep, setKeep] = useState<Pane>();
  const panes = openId === undefined ? wanted : fitPanes(width, wanted, keep);
  const outline = outlineWidth(width);
  const toggle = (pane: Pane) => () => {
    setters[pane](!panes[pane]);
    if (!panes[pane]) setKeep(pane);
  };

  const fail = useCallback((err: unknown) => onStatus({ kind: 'error', text: err instanceof Error ? err.message : String(err) }), [onStatus]);
  const create = async (kind: Brief['kind']) => {
    try {
      const brief = await api.createBrief({ title: kind === 'speech' ? 'Speech doc' : UNTITLED, kind });
      briefs.reload();
      setOpenId(brief.id);
      if (kind === 'speech') setChosenSpeech(brief.id);
      onStatus({ kind: 'info', text: `Created “${brief.title}”` });
    } catch (err) {
      fail(err);
    }
  };
  const rename = async (brief: BriefSummary, title: string) => {
    try {
      await api.updateBrief({ id: brief.id, patch: { title } });
      briefs.reload();
    } catch (err) {
      fail(err);
    }
  };
  const remove = async (brief: BriefSummary) => {
    // Its unsaved edits go with it: a save after the delete could only fail, again and again.
    if (brief.id === openId) setOpenId(undefined);
    autosave.saver.discard(brief.id);
    try {
      await api.deleteBrief({ id: brief.id });
      briefs.reload();
      onStatus({ kind: 'info', text: `Deleted “${brief.title}”` });
    } catch (err) {
      fail(err);
    }
  };
  const importFile = async (file: File) => {
    try {
      const outcome = await api.importData({ name: file.name, dataBase64: await base64Of(file) });
      if (outcome.status === 'failed') return onStatus({ kind: 'error', text: outcome.error });
      briefs.reload();
      if (outcome.kind === 'brief') setOpenId(outcome.id);
      const where = outcome.kind === 'brief' ? 'brief' : 'article (in the Library): not a Verbatim brief';
      onStatus({ kind: 'info', text: `${outcome.status === 'duplicate' ? 'Already imported' : 'Imported'} “${outcome.title}” as ${where}` });
    } catch (err) {
      fail(err);
    }
  };
  const onSent = useCallback((speech: Brief) => {
    setChosenSpeech(speech.id);
    briefs.reload();
  }, [briefs.reload]);

  return (
    <div className={`briefs${panes.list ? '' : ' list-folded'}`} ref={root} style={{ '--outline-width': `${outline}px` } as CSSProperties}>
      <div className="side">
      <PaneToggle label="briefs" open={panes.list} onToggle={toggle('list')} />
      {panes.list && <BriefList
        briefs={list}
        openId={openId}
        speechId={speechId}
        onOpen={setOpenId}
        onCreate={(kind) => void create(kind)}
        onRename={(b, title) => void rename(b, title)}
        onDelete={(b) => void remove(b)}
        onMakeCurrentSpeech={setChosenSpeech}
        onImport={(file) => void importFile(file)}
      />}
      </div>
      {briefs.error && <p role="alert" className="error">{briefs.error}</p>}
      {openId === undefined || (!settings.data && !settings.error) ? (
        <div className="panel empty-state">
          <p>Open a brief, or start a new one. F4 pocket, F5 hat, F6 block, F7 tag, F8 cite; ` sends to the speech doc.</p>
        </div>
      ) : (
        <Desk
          speech={panes.speech ? speechId : undefined}
          brief={<PaneBoundary key={openId} what="This brief" back={{ label: 'Close it', run: () => setOpenId(undefined) }}><BriefEditor briefId={openId} shown={shown} at={request?.briefId === openId ? request : undefined} speechId={speechId} settings={settings.data ?? DEFAULT_SETTINGS} saver={autosave.saver} saveState={autosave.state} onStatus={onStatus} onSent={onSent} speechPane={speechPane} outlineOpen={panes.outline} onToggleOutline={toggle('outline')} /></PaneBoundary>}
          speechEditor={(id) => <PaneBoundary key={id} what="This speech doc"><BriefEditor ref={speechPane} briefId={id} shown={shown} speechId={id} settings={settings.data ?? DEFAULT_SETTINGS} saver={autosave.saver} saveState={autosave.state} onStatus={onStatus} onSent={onSent} outlineOpen={panes.speechOutline} onToggleOutline={toggle('speechOutline')} /></PaneBoundary>}
          speechOpen={panes.speech}
          canShowSpeech={canShowSpeech}
          onToggleSpeech={toggle('speech')}
          minWidths={[briefMin(panes, outline), speechMin(panes, outline)]}
        />
      )}
    </div>
  );
}

/** A file's bytes as base64 (the Api's transport for files), read without blocking the page. */
function base64Of(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result).replace(/^data:[^,]*,/, ''));
    reader.onerror = () => reject(new Error(`${file.name} could not be read: ${reader.error?.message ?? 'unknown error'}`));
    reader.readAsDataURL(file);
  });
}

interface DeskProps {
  /** The speech doc shown beside the brief, if any. */
  speech: number | undefined;
  brief: ReactNode;
  speechEditor: (id: number) => ReactNode;
  speechOpen: boolean;
  canShowSpeech: boolean;
  onToggleSpeech: () => void;
  /** The least widths of the brief's side and the speech doc's (desk-fit.ts). */
  minWidths: readonly [number, number];
}

// The brief's share of the width: dragged (or moved with the arrow keys) on the divider.
const MIN_SHARE = 0.25;
const MAX_SHARE = 0.75;

/** The brief and, beside it, the speech doc that sends go to: resizable, the speech side foldable. */
function Desk({ speech, brief, speechEditor, speechOpen, canShowSpeech, onToggleSpeech, minWidths }: DeskProps) {
  const [share, setShare] = useState(0.5);
  const desk = useRef<HTMLDivElement>(null);
  const clamp = (x: number) => Math.min(MAX_SHARE, Math.max(MIN_SHARE, x));
  const drag = (e: PointerEvent<HTMLDivElement>) => {
    if (e.buttons !== 1 || !desk.current) return;
    const box = desk.current.getBoundingClientRect();
    setShare(clamp((e.clientX - box.left) / box.width));
  };
  const key = (e: KeyboardEvent<HTMLDivElement>) => {
    const step = e.key === 'ArrowLeft' ? -0.05 : e.key === 'ArrowRight' ? 0.05 : 0;
    if (step === 0) return;
    e.preventDefault();
    setShare((s) => clamp(s + step));
  };
  // Flex factors of 100 rather than 1: when one side is held at its least width, the other takes
  // all that is left (a remaining factor under 1 would leave space unused).
  return (
    <div className="desk" ref={desk} style={speech !== undefined ? { gridTemplateColumns: `minmax(${minWidths[0]}px, ${share * 100}fr) 8px minmax(${minWidths[1]}px, ${(1 - share) * 100}fr)` } : undefined}>
      <div className="desk-pane">
        {canShowSpeech && !speechOpen && <button className="desk-toggle" onClick={onToggleSpeech} aria-expanded={false}>Show speech doc »</button>}
        {brief}
      </div>
      {speech !== undefined && (
        <>
          <div
            className="splitter"
            role="separator"
            aria-orientation="vertical"
            aria-label="Resize brief and speech doc"
            aria-valuenow={Math.round(share * 100)}
            aria-valuemin={MIN_SHARE * 100}
            aria-valuemax={MAX_SHARE * 100}
            tabIndex={0}
            onPointerDown={(e) => e.currentTarget.setPointerCapture(e.pointerId)}
            onPointerMove={drag}
            onKeyDown={key}
          />
          <div className="desk-pane speech-pane" aria-label="Speech doc">
            <button className="desk-toggle" onClick={onToggleSpeech} aria-expanded={true} aria-label="Hide speech doc">Hide speech doc «</button>
            {speechEditor(speech)}
          </div>
        </>
      )}
    </div>
  );
}
