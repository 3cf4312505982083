import { EditorState, Plugin, PluginKey, TextSelection } from 'prosemirror-state';
import { Decoration, DecorationSet, EditorView } from 'prosemirror-view';
import { useEffect, useImperativeHandle, useRef, type Ref } from 'react';
import { articleDoc, passageBetween, positionOfOffset, readOnly } from '../../../shared/article-doc';
import type { Article, Passage } from '../../../shared/model';

export interface ArticleReaderHandle {
  /** The passage selected in the article (by keys or mouse), or null when none is. */
  selectedPassage(): Passage | null;
  /** Drops the selection after a cut, keeping the caret where it ended. */
  collapse(): void;
}

interface Props {
  article: Article;
  /** The passage to show and scroll to ("show source"). */
  source: Passage | null;
  /** Put the caret in the article when it opens (it was picked to cut from). */
  autoFocus?: boolean;
  ref?: Ref<ArticleReaderHandle>;
}

const sourceKey = new PluginKey<DecorationSet>('source');

// The "show source" passage, marked by a decoration (the article itself never changes).
function sourcePlugin(): Plugin<DecorationSet> {
  return new Plugin<DecorationSet>({
    key: sourceKey,
    state: {
      init: () => DecorationSet.empty,
      apply: (tr, set) => (tr.getMeta(sourceKey) as DecorationSet | undefined) ?? set,
    },
    props: { decorations: (state) => sourceKey.getState(state) },
  });
}

/**
 * What the reader sees selected: the page's selection when it lies in the article. The editor
 * learns of a selection made by keys a moment later (Chromium reports it after the key), and a
 * cut key pressed in that moment must still cut what is shown.
 */
function shownSelection(v: EditorView): { from: number; to: number } {
  const sel = v.hasFocus() ? document.getSelection() : null;
  if (sel?.anchorNode && sel.focusNode && v.dom.contains(sel.anchorNode) && v.dom.contains(sel.focusNode)) {
    try {
      const anchor = v.posAtDOM(sel.anchorNode, sel.anchorOffset);
      const head = v.posAtDOM(sel.focusNode, sel.focusOffset);
      return { from: Math.min(anchor, head), to: Math.max(anchor, head) };
    } catch {
      // A position ProseMirror cannot map (inside a decoration): its own selection stands.
    }
  }
  return v.state.selection;
}

/**
 * The article as a read-only editor: a caret and Word's keyboard selection (Shift+arrows,
 * Ctrl+Shift+arrows for words, Ctrl+Shift+Down for paragraphs, Shift+Home/End), so a card is
 * cut with Alt+C from the keyboard alone.
 */
export function ArticleReader({ article, source, autoFocus = false, ref }: Props) {
  const mount = useRef<HTMLDivElement>(null);
  const view = useRef<EditorView | null>(null);

  useEffect(() => {
    const v = new EditorView(mount.current!, {
      state: EditorState.create({ doc: articleDoc(article.text), plugins: [readOnly(), sourcePlugin()] }),
      attributes: { class: 'article-doc', 'aria-label': `Article text: ${article.title}`, 'aria-readonly': 'true', spellcheck: 'false', role: 'textbox', 'aria-multiline': 'true' },
      // The words are the source's: no typing, pasting, dropping or cutting, while copy still works.
      handleTextInput: () => true,
      handlePaste: () => true,
      handleDrop: () => true,
      handleDOMEvents: {
        beforeinput: (_v, event) => {
          event.preventDefault();
          return true;
        },
        cut: (_v, event) => {
          event.preventDefault();
          return true;
        },
      },
    });
    view.current = v;
    if (autoFocus) v.focus();
    return () => {
      v.destroy();
      view.current = null;
    };
    // autoFocus counts only when the article opens.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [article.id, article.text, article.title]);

  useEffect(() => {
    const v = view.current;
    if (!v) return;
    const doc = v.state.doc;
    const set = source
      ? DecorationSet.create(doc, [Decoration.inline(positionOfOffset(doc, source.start), positionOfOffset(doc, source.end), { class: 'source-passage' })])
      : DecorationSet.empty;
    v.dispatch(v.state.tr.setMeta(sourceKey, set));
    if (source) {
      const at = v.domAtPos(positionOfOffset(doc, source.start));
      const el = at.node instanceof Element ? at.node : at.node.parentElement;
      el?.scrollIntoView({ block: 'center' });
    }
  }, [source, article.id]);

  useImperativeHandle(ref, () => ({
    selectedPassage: () => {
      const v = view.current;
      if (!v) return null;
      const { from, to } = shownSelection(v);
      return passageBetween(v.state.doc, from, to, article.text);
    },
    collapse: () => {
      const v = view.current;
      if (v) v.dispatch(v.state.tr.setSelection(TextSelection.create(v.state.doc, v.state.selection.to)));
    },
  }), [article.text]);

  return <div className="article-text" ref={mount} data-article-id={article.id} />;
}
