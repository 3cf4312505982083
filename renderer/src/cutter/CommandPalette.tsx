import { useEffect, useRef, useState } from 'react';
import { COMMANDS, displayKey, type CommandId } from '../../../shared/keymap';
import { IS_MAC } from './platform';

interface Props {
  keys: Record<CommandId, readonly string[]>;
  enabled: (id: CommandId) => boolean;
  onRun: (id: CommandId) => void;
  onClose: () => void;
}

/** Ctrl+Shift+P: every command with its key, filtered as you type. */
export function CommandPalette({ keys, enabled, onRun, onClose }: Props) {
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(0);
  const input = useRef<HTMLInputElement>(null);
  useEffect(() => input.current?.focus(), []);
  const q = query.trim().toLowerCase();
  const shown = COMMANDS.filter((c) => !q || `${c.title} ${c.hint}`.toLowerCase().includes(q));
  const pick = (id: CommandId | undefined) => {
    if (!id || !enabled(id)) return;
    onClose();
    onRun(id);
  };
  return (
    <div className="overlay" onMouseDown={onClose}>
      <div className="palette" role="dialog" aria-label="Command palette" onMouseDown={(e) => e.stopPropagation()}>
        <input
          ref={input}
          value={query}
          placeholder="Type a command"
          aria-label="Command"
          onChange={(e) => { setQuery(e.target.value); setActive(0); }}
          onKeyDown={(e) => {
            if (e.key === 'Escape') onClose();
            else if (e.key === 'ArrowDown') { e.preventDefault(); setActive((a) => Math.min(a + 1, shown.length - 1)); }
            else if (e.key === 'ArrowUp') { e.preventDefault(); setActive((a) => Math.max(a - 1, 0)); }
            else if (e.key === 'Enter') { e.preventDefault(); pick(shown[active]?.id); }
          }}
        />
        <ul role="listbox" aria-label="Commands">
          {shown.map((c, i) => (
            <li key={c.id} role="option" aria-selected={i === active} aria-disabled={!enabled(c.id)} onClick={() => pick(c.id)} onMouseEnter={() => setActive(i)}>
              <span className="title">{c.title}</span>
              <span className="hint">{c.hint}</span>
              <span className="keys">{keys[c.id].map((k) => <kbd key={k}>{displayKey(k, IS_MAC)}</kbd>)}</span>
            </li>
          ))}
        </ul>
      </div>
    </div>
  );
}
