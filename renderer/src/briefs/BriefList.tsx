import { useState } from 'react';
import type { BriefSummary as Brief } from '../../../shared/model';

interface Props {
  briefs: Brief[];
  openId: number | undefined;
  speechId: number | undefined;
  onOpen: (id: number) => void;
  onCreate: (kind: Brief['kind']) => void;
  onRename: (brief: Brief, title: string) => void;
  onDelete: (brief: Brief) => void;
  onMakeCurrentSpeech: (id: number) => void;
  onImport: (file: File) => void;
}

/** Briefs and speech docs: open, create, rename, delete (after a confirm), pick the current speech doc. */
export function BriefList({ briefs, openId, speechId, onOpen, onCreate, onRename, onDelete, onMakeCurrentSpeech, onImport }: Props) {
  const [renaming, setRenaming] = useState<number>();
  const [confirming, setConfirming] = useState<number>();
  const section = (kind: Brief['kind'], heading: string) => {
    const items = briefs.filter((b) => b.kind === kind);
    return (
      <>
        <h3>{heading}</h3>
        {items.length === 0 && <p className="empty">{kind === 'speech' ? 'No speech doc yet: sending a card makes one.' : 'No briefs yet.'}</p>}
        <ul className="list" aria-label={heading}>
          {items.map((b) => (
            <li key={b.id} className={`brief-item${b.id === openId ? ' open' : ''}`}>
              {renaming === b.id ? (
                <input
                  autoFocus
                  aria-label="New title"
                  defaultValue={b.title}
                  onKeyDown={(e) => {
                    if (e.key === 'Enter' && e.currentTarget.value.trim()) { onRename(b, e.currentTarget.value.trim()); setRenaming(undefined); }
                    if (e.key === 'Escape') setRenaming(undefined);
                  }}
                  onBlur={() => setRenaming(undefined)}
                />
              ) : (
                <button className="row" aria-current={b.id === openId} onClick={() => onOpen(b.id)} onDoubleClick={() => setRenaming(b.id)}>
                  <span className="title">{b.title}</span>
                  <span className="meta">
                    {kind === 'speech' ? `${b.cards} card${b.cards === 1 ? '' : 's'}${b.id === speechId ? ' · current speech doc' : ''}` : 'brief'}
                  </span>
                </button>
              )}
              {confirming === b.id ? (
                <span className="confirm" role="group" aria-label={`Delete ${b.title}?`}>
                  Delete “{b.title}”?
                  <button className="danger" onClick={() => { onDelete(b); setConfirming(undefined); }}>Delete</button>
                  <button onClick={() => setConfirming(undefined)}>Keep</button>
                </span>
              ) : (
                <span className="item-actions">
                  {kind === 'speech' && b.id !== speechId && <button onClick={() => onMakeCurrentSpeech(b.id)} title="Send cards here">Make current</button>}
                  <button onClick={() => setRenaming(b.id)} aria-label={`Rename ${b.title}`}>Rename</button>
                  <button onClick={() => setConfirming(b.id)} aria-label={`Delete ${b.title}`}>Delete</button>
                </span>
              )}
            </li>
          ))}
        </ul>
      </>
    );
  };
  return (
    <aside className="panel brief-list" aria-label="Briefs and speech docs">
      <div className="actions">
        <button onClick={() => onCreate('brief')}>New brief</button>
        <button onClick={() => onCreate('speech')}>New speech doc</button>
        <label className="button">
          Import…
          <input
            type="file"
            accept=".docx,.txt,application/vnd.openxmlformats-officedocument.wordprocessingml.document,text/plain"
            aria-label="Import a brief (.docx)"
            className="visually-hidden"
            onChange={(e) => {
              for (const file of Array.from(e.currentTarget.files ?? [])) onImport(file);
              e.currentTarget.value = '';
            }}
          />
        </label>
      </div>
      {section('brief', 'Briefs')}
      {section('speech', 'Speech docs')}
    </aside>
  );
}
