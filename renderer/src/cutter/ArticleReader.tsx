import { useEffect, useMemo, useRef } from 'react';
import type { Article, Passage } from '../../../shared/model';
import { paragraphSpans, trimPassage } from '../../../shared/passage';

interface Props {
  article: Article;
  /** The passage to show and scroll to ("show source"). */
  source: Passage | null;
}

// Each run of text is a span holding the exact slice of article.text it starts at, so a DOM
// selection maps back to offsets in the text.
function pieces(start: number, end: number, source: Passage | null): { start: number; end: number; inSource: boolean }[] {
  if (!source || source.end <= start || source.start >= end) return [{ start, end, inSource: false }];
  const cuts = [start, Math.max(start, source.start), Math.min(end, source.end), end];
  return [
    { start: cuts[0]!, end: cuts[1]!, inSource: false },
    { start: cuts[1]!, end: cuts[2]!, inSource: true },
    { start: cuts[2]!, end: cuts[3]!, inSource: false },
  ].filter((p) => p.end > p.start);
}

export function ArticleReader({ article, source }: Props) {
  const spans = useMemo(() => paragraphSpans(article.text), [article.text]);
  const root = useRef<HTMLDivElement>(null);
  useEffect(() => {
    root.current?.querySelector('.source-passage')?.scrollIntoView({ block: 'center' });
  }, [source, article.id]);
  return (
    <div className="article-text" ref={root} data-article-id={article.id}>
      {spans.map((s) => (
        <p key={s.start}>
          {pieces(s.start, s.end, source).map((p) => (
            <span key={p.start} data-start={p.start} className={p.inSource ? 'source-passage' : undefined}>
              {article.text.slice(p.start, p.end)}
            </span>
          ))}
        </p>
      ))}
    </div>
  );
}

function offsetOf(node: Node, offset: number): number | null {
  if (node.nodeType === Node.TEXT_NODE) {
    const holder = node.parentElement?.closest<HTMLElement>('[data-start]');
    return holder ? Number(holder.dataset.start) + offset : null;
  }
  const el = node as Element;
  const after = el.childNodes[offset];
  if (after) {
    const first = after instanceof Element ? (after.matches('[data-start]') ? after : after.querySelector<HTMLElement>('[data-start]')) : null;
    if (first instanceof HTMLElement) return Number(first.dataset.start);
  }
  const spansIn = el.querySelectorAll<HTMLElement>('[data-start]');
  const last = spansIn[spansIn.length - 1];
  return last ? Number(last.dataset.start) + (last.textContent ?? '').length : null;
}

/** The passage selected in the reader (across paragraphs too), or null when none is. */
export function selectedPassage(reader: HTMLElement | null, text: string): Passage | null {
  const selection = window.getSelection();
  if (!reader || !selection || selection.rangeCount === 0 || selection.isCollapsed) return null;
  const range = selection.getRangeAt(0);
  if (!reader.contains(range.startContainer) || !reader.contains(range.endContainer)) return null;
  const start = offsetOf(range.startContainer, range.startOffset);
  const end = offsetOf(range.endContainer, range.endOffset);
  if (start === null || end === null) return null;
  return trimPassage(text, { start: Math.min(start, end), end: Math.max(start, end) });
}
