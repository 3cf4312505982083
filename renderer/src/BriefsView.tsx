import { useCallback, useState } from 'react';
import type { Brief, DocJSON } from '../../shared/model';
import { DEFAULT_SETTINGS } from '../../shared/settings';
import { api } from './api';
import type { Status } from './App';
import { BriefEditor, type BriefDocPatch } from './briefs/BriefEditor';
import { BriefList } from './briefs/BriefList';
import { useAutosaver } from './use-autosaver';
import './briefs/briefs.css';
import { useApiData } from './use-api-data';
import { PaneToggle, usePane } from './panes';

/** Briefs and speech docs: the list on the left, the open one in the editor with its outline. */
export function BriefsView({ onStatus }: { onStatus: (s: Status) => void }) {
  const briefs = useApiData(() => api.listBriefs({}), []);
  const settings = useApiData(() => api.getSettings({}), []);
  // One saver for every brief opened here: switching briefs never drops an unsaved edit.
  // The doc is serialised here, when the saver writes it, never on each keystroke.
  const autosave = useAutosaver((id, patch: BriefDocPatch) => api.updateBrief({ id, patch: { doc: patch.doc.toJSON() as DocJSON } }));
  const [openId, setOpenId] = useState<number>();
  const [chosenSpeech, setChosenSpeech] = useState<number>();
  const list = briefs.data ?? [];
  const [listOpen, toggleList] = usePane('briefs');
  const speeches = list.filter((b) => b.kind === 'speech');
  // The debater's pick, else the speech doc touched last (the Api's "current" one).
  const speechId = speeches.find((b) => b.id === chosenSpeech)?.id ?? speeches[0]?.id;

  const fail = useCallback((err: unknown) => onStatus({ kind: 'error', text: err instanceof Error ? err.message : String(err) }), [onStatus]);
  const create = async (kind: Brief['kind']) => {
    try {
      const brief = await api.createBrief({ title: kind === 'speech' ? 'Speech doc' : 'Untitled brief', kind });
      briefs.reload();
      setOpenId(brief.id);
      if (kind === 'speech') setChosenSpeech(brief.id);
      onStatus({ kind: 'info', text: `Created “${brief.title}”` });
    } catch (err) {
      fail(err);
    }
  };
  const rename = async (brief: Brief, title: string) => {
    try {
      await api.updateBrief({ id: brief.id, patch: { title } });
      briefs.reload();
    } catch (err) {
      fail(err);
    }
  };
  const remove = async (brief: Brief) => {
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
    <div className={`briefs${listOpen ? '' : ' list-folded'}`}>
      <div className="side">
      <PaneToggle label="briefs" open={listOpen} onToggle={toggleList} />
      {listOpen && <BriefList
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
        <BriefEditor key={openId} briefId={openId} speechId={speechId} settings={settings.data ?? DEFAULT_SETTINGS} saver={autosave.saver} saveState={autosave.state} onStatus={onStatus} onSent={onSent} />
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
