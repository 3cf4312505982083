import { useCallback, useEffect, useLayoutEffect, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';

/** One thing on a toolbar: a button (its key named beside its label) or a control of its own. */
export type Tool =
  | {
    id: string;
    label: string;
    /** The key shown beside the label (function keys, the backtick). */
    kbd?: string | undefined;
    title?: string | undefined;
    disabled?: boolean | undefined;
    pressed?: boolean | undefined;
    /** Clicking keeps the editor's focus and selection (the tool acts on them). */
    keepFocus?: boolean | undefined;
    run: () => void;
  }
  | { id: string; separator: true }
  | { id: string; control: ReactNode };

interface Props {
  label: string;
  tools: readonly Tool[];
  /** Always shown at the end of the row (the save state). */
  end?: ReactNode;
}

const keepFocus = (e: { preventDefault(): void }) => e.preventDefault();

function ToolButton({ tool, inMenu }: { tool: Extract<Tool, { run: () => void }>; inMenu: boolean }) {
  return (
    <button
      role={inMenu ? 'menuitem' : undefined}
      title={tool.title}
      disabled={tool.disabled}
      aria-pressed={tool.pressed}
      onMouseDown={tool.keepFocus ? keepFocus : undefined}
      onClick={tool.run}
    >
      {tool.label}{tool.kbd && <kbd>{tool.kbd}</kbd>}
    </button>
  );
}

function drawn(tool: Tool, inMenu: boolean): ReactNode {
  if ('run' in tool) return <ToolButton tool={tool} inMenu={inMenu} />;
  if ('separator' in tool) return inMenu ? null : <span className="sep" />;
  return tool.control;
}

/**
 * A toolbar that is always one row: the tools that do not fit the width move, in order, into a
 * "More" menu at its end (arrow keys walk it, Escape closes it), each still naming its key.
 * Every tool stays in the row, invisible past the edge, so its width is known without a second
 * drawing; the row is measured again whenever it is drawn or resized.
 */
export function OverflowToolbar({ label, tools, end }: Props) {
  const row = useRef<HTMLDivElement>(null);
  const menu = useRef<HTMLDivElement>(null);
  const more = useRef<HTMLButtonElement>(null);
  const [fits, setFits] = useState(tools.length);
  const [open, setOpen] = useState(false);

  const measure = useCallback(() => {
    const el = row.current;
    if (!el || el.clientWidth === 0) return;
    const width = el.clientWidth;
    const slots = [...el.children] as HTMLElement[];
    let n = 0;
    while (n < slots.length && slots[n]!.offsetLeft + slots[n]!.offsetWidth <= width + 0.5) n++;
    // A separator never ends the row.
    while (n > 0 && slots[n - 1]!.dataset.separator !== undefined) n--;
    setFits(n);
  }, []);
  // After each drawing (a tool's label may have changed its width) and on each resize.
  useLayoutEffect(measure);
  useEffect(() => {
    const observer = new ResizeObserver(measure);
    if (row.current) observer.observe(row.current);
    return () => observer.disconnect();
  }, [measure]);

  const hidden = tools.slice(fits).filter((t) => !('separator' in t));
  useEffect(() => {
    if (!open) return;
    (menu.current?.querySelector('button:not(:disabled), select') as HTMLElement | null)?.focus();
    const away = (e: MouseEvent) => {
      if (!menu.current?.contains(e.target as Node) && !more.current?.contains(e.target as Node)) setOpen(false);
    };
    document.addEventListener('mousedown', away);
    return () => document.removeEventListener('mousedown', away);
  }, [open]);
  useEffect(() => { if (hidden.length === 0) setOpen(false); }, [hidden.length]);

  const onMenuKey = (e: KeyboardEvent<HTMLDivElement>) => {
    const items = [...(menu.current?.querySelectorAll<HTMLElement>('button:not(:disabled), select') ?? [])];
    const at = items.indexOf(document.activeElement as HTMLElement);
    const step = e.key === 'ArrowDown' ? 1 : e.key === 'ArrowUp' ? -1 : 0;
    if (step !== 0 && items.length > 0 && !(document.activeElement instanceof HTMLSelectElement)) {
      e.preventDefault();
      items[(at + step + items.length) % items.length]!.focus();
    } else if (e.key === 'Escape') {
      e.preventDefault();
      setOpen(false);
      more.current?.focus();
    }
  };

  return (
    <div className="toolbar one-row" role="toolbar" aria-label={label}>
      <div className="toolbar-row" ref={row}>
        {tools.map((tool, i) => (
          <span
            key={tool.id}
            className="tool-slot"
            data-separator={'separator' in tool ? '' : undefined}
            style={i >= fits ? { visibility: 'hidden' } : undefined}
            inert={i >= fits}
          >
            {drawn(tool, false)}
          </span>
        ))}
      </div>
      {hidden.length > 0 && (
        <span className="toolbar-more">
          <button
            ref={more}
            aria-haspopup="menu"
            aria-expanded={open}
            title={`More tools: ${hidden.length}`}
            onMouseDown={keepFocus}
            onClick={() => setOpen((o) => !o)}
            onKeyDown={(e) => { if (e.key === 'ArrowDown') { e.preventDefault(); setOpen(true); } }}
          >
            More ▾
          </button>
          {open && (
            <div
              className="toolbar-menu"
              role="menu"
              aria-label={`More ${label.toLowerCase()}`}
              ref={menu}
              onKeyDown={onMenuKey}
              onBlur={(e) => { if (!e.currentTarget.contains(e.relatedTarget as Node | null) && e.relatedTarget !== more.current) setOpen(false); }}
              onClick={(e) => { if ((e.target as HTMLElement).closest('button')) setOpen(false); }}
            >
              {hidden.map((tool) => <div key={tool.id} className="menu-slot">{drawn(tool, true)}</div>)}
            </div>
          )}
        </span>
      )}
      {end}
    </div>
  );
}
