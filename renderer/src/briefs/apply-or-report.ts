import type { EditorState, Transaction } from 'prosemirror-state';
import type { EditorView } from 'prosemirror-view';

/**
 * Applies a transaction to the view, or reports why it could not. A plugin that throws on an edit
 * leaves the brief as it was before the edit, and the debater is told, instead of an exception
 * escaping ProseMirror's key or input handler with nothing said and the edit silently lost.
 */
export function applyOrReport(view: EditorView, tr: Transaction, report: (message: string) => void): EditorState | null {
  let next: EditorState;
  try {
    next = view.state.apply(tr);
    view.updateState(next);
  } catch (err) {
    report(err instanceof Error ? err.message : String(err));
    return null;
  }
  return next;
}
