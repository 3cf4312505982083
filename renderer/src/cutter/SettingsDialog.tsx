import { useState } from 'react';
import { COMMANDS, FIXED_KEYS, displayKey, keyConflicts, normalizeKey, resolveKeys } from '../../../shared/keymap';
import { HIGHLIGHT_COLOURS, type HighlightColour } from '../../../shared/schema';
import type { Settings, SettingsPatch } from '../../../shared/settings';
import { IS_MAC } from './platform';

interface Props {
  settings: Settings;
  onSave: (patch: SettingsPatch) => Promise<void>;
  onClose: () => void;
}

const split = (text: string) => text.split(',').map((k) => k.trim()).filter(Boolean);

/** Highlight colour, speaking speed and keys (Mac users cannot always use F-keys). */
export function SettingsDialog({ settings, onSave, onClose }: Props) {
  const [colour, setColour] = useState<HighlightColour>(settings.highlightColour);
  const [wpm, setWpm] = useState(String(settings.wpm));
  const defaults = resolveKeys({});
  const current = resolveKeys(settings.keys);
  // One notation everywhere: keys are shown and typed as "Ctrl+Shift+P" (Ctrl-Shift-p works too).
  const [keyText, setKeyText] = useState<Record<string, string>>(() => Object.fromEntries(COMMANDS.map((c) => [c.id, current[c.id].map((k) => displayKey(k, IS_MAC)).join(', ')])));
  const [error, setError] = useState<string>();

  const overrides: Record<string, string[]> = {};
  const invalid: string[] = [];
  for (const c of COMMANDS) {
    const typed = split(keyText[c.id] ?? '');
    invalid.push(...typed.filter((k) => normalizeKey(k, IS_MAC) === null));
    const keys = typed.map((k) => normalizeKey(k, IS_MAC) ?? k);
    if (keys.join(',') !== defaults[c.id].map((k) => normalizeKey(k, IS_MAC)).join(',')) overrides[c.id] = keys;
  }
  const resolved = resolveKeys(overrides);
  const clashes = [...keyConflicts(resolved, IS_MAC)];
  const wpmNumber = Number(wpm);
  const wpmOk = Number.isInteger(wpmNumber) && wpmNumber >= 50 && wpmNumber <= 1000;

  const save = async () => {
    try {
      await onSave({ highlightColour: colour, wpm: wpmNumber, keys: overrides });
      onClose();
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
    }
  };

  return (
    <div className="overlay" onMouseDown={onClose}>
      <div className="settings panel" role="dialog" aria-label="Settings" onMouseDown={(e) => e.stopPropagation()} onKeyDown={(e) => { if (e.key === 'Escape') onClose(); }}>
        <h2>Settings</h2>
        <label>
          Highlight colour{' '}
          <select value={colour} onChange={(e) => setColour(e.target.value as HighlightColour)} aria-label="Highlight colour">
            {HIGHLIGHT_COLOURS.map((c) => <option key={c} value={c}>{c}</option>)}
          </select>
          <mark data-colour={colour} className="swatch">sample</mark>
        </label>
        <label>
          Speaking speed (words per minute){' '}
          <input type="number" min={50} max={1000} value={wpm} onChange={(e) => setWpm(e.target.value)} aria-invalid={!wpmOk} style={{ width: '6rem' }} />
        </label>
        <h3>Keys</h3>
        <p className="hint">Comma-separated, e.g. <code>F9, Alt+U</code>.</p>
        <table className="keys-table">
          <tbody>
            {COMMANDS.map((c) => (
              <tr key={c.id}>
                <th scope="row">{c.title}</th>
                <td>
                  <input aria-label={`Keys for ${c.title}`} value={keyText[c.id] ?? ''} onChange={(e) => setKeyText({ ...keyText, [c.id]: e.target.value })} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        <h3>Fixed keys</h3>
        <table className="keys-table" aria-label="Fixed keys">
          <tbody>
            {FIXED_KEYS.map((k) => (
              <tr key={k.key}>
                <th scope="row">{k.title}</th>
                <td><kbd>{displayKey(k.key, IS_MAC)}</kbd></td>
                <td className="hint">{k.where}</td>
              </tr>
            ))}
          </tbody>
        </table>
        {invalid.length > 0 && <p className="error">Not a key: {invalid.join(', ')}</p>}
        {clashes.map(([key, ids]) => <p key={key} className="error">{displayKey(key, IS_MAC)} is bound to {ids.join(' and ')}</p>)}
        {error && <p role="alert" className="error">{error}</p>}
        <div className="actions">
          <button onClick={() => void save()} disabled={!wpmOk || invalid.length > 0 || clashes.length > 0}>Save</button>
          <button onClick={onClose}>Cancel</button>
        </div>
      </div>
    </div>
  );
}
