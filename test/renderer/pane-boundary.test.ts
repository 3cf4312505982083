// @vitest-environment jsdom
// A brief whose editor cannot be built, or an edit a plugin throws on, must never blank the app:
// the pane says what failed and offers a way back; the rest of the page stays as it was.
import { EditorState, Plugin } from 'prosemirror-state';
import { EditorView } from 'prosemirror-view';
import { act, createElement, useEffect, useRef } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { applyOrReport } from '../../renderer/src/briefs/apply-or-report.js';
import { PaneBoundary } from '../../renderer/src/PaneBoundary.js';
import { card, stateOf } from '../shared/brief-builders.js';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

/** A plugin that throws as the editor is built, as blockTotals did on a brief with blank lines. */
const failingAtInit = (message: string) => new Plugin({ state: { init: () => { throw new TypeError(message); }, apply: (_tr, v: unknown) => v } });
/** A plugin that throws on every edit of the document. */
const failingOnEdit = new Plugin({ state: { init: () => 0, apply: (tr, v: number) => { if (tr.docChanged) throw new Error('the outline went wrong'); return v; } } });

let broken = true;

/** An editor built in an effect, as BriefEditor builds one. */
function Editor() {
  const mount = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const doc = stateOf(card('Sanctions bite')).doc;
    const view = new EditorView(mount.current!, { state: EditorState.create({ doc, plugins: broken ? [failingAtInit("Cannot read properties of undefined (reading 'level')")] : [] }) });
    return () => view.destroy();
  }, []);
  return createElement('div', { className: 'brief-editor', ref: mount });
}

let root: Root | null = null;
afterEach(() => {
  act(() => root?.unmount());
  root = null;
  document.body.innerHTML = '';
});

function renderApp(onBack: () => void): HTMLElement {
  const container = document.createElement('div');
  document.body.append(container);
  root = createRoot(container, { onCaughtError: () => undefined });
  act(() => root!.render(createElement('div', null,
    createElement('header', null, 'Top bar'),
    createElement(PaneBoundary, { what: 'This brief', back: { label: 'Close it', run: onBack }, children: createElement(Editor) }),
  )));
  return container;
}

describe('a pane whose brief cannot be shown', () => {
  it('says what failed in its place, keeps the rest of the page, and tries again', () => {
    broken = true;
    const onBack = vi.fn();
    const page = renderApp(onBack);
    expect(page.querySelector('header')?.textContent).toBe('Top bar');
    expect(page.querySelector('[role="alert"]')?.textContent).toContain("This brief could not be shown: Cannot read properties of undefined (reading 'level')");
    expect(page.querySelector('.brief-editor')).toBeNull();

    broken = false;
    const retry = [...page.querySelectorAll('button')].find((b) => b.textContent === 'Try again')!;
    act(() => retry.click());
    expect(page.querySelector('[role="alert"]')).toBeNull();
    expect(page.querySelector('.brief-editor .ProseMirror')?.textContent).toBe('Sanctions bite');
  });

  it('offers a way back', () => {
    broken = true;
    const onBack = vi.fn();
    const page = renderApp(onBack);
    const back = [...page.querySelectorAll('button')].find((b) => b.textContent === 'Close it')!;
    act(() => back.click());
    expect(onBack).toHaveBeenCalledOnce();
  });
});

describe('an edit a plugin throws on', () => {
  it('is reported and leaves the brief as it was', () => {
    const state = EditorState.create({ doc: stateOf(card('Sanctions bite')).doc, plugins: [failingOnEdit] });
    const view = new EditorView(document.body.appendChild(document.createElement('div')), { state });
    const reports: string[] = [];
    expect(applyOrReport(view, view.state.tr.insertText('x', 2), (m) => reports.push(m))).toBeNull();
    expect(reports).toEqual(['the outline went wrong']);
    expect(view.state).toBe(state);
    // A transaction that changes no document goes through.
    expect(applyOrReport(view, view.state.tr.setMeta('x', 1), (m) => reports.push(m))).toBe(view.state);
    expect(reports).toHaveLength(1);
    view.destroy();
  });
});
