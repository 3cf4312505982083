// Counts that matter in a round: how much of a card is read (underlined), how much is spoken
// (highlighted), and how long the spoken part takes at the debater's speed.
import type { Node as PMNode } from 'prosemirror-model';

/** A debater's reading speed until settings say otherwise (here, not in settings.ts: that module loads zod, which the CLI's start-up must not). */
export const DEFAULT_WPM = 250;

export interface WordCounts {
  words: number;
  /** Words with any underlined or emphasised letter (emphasis is underlined in Verbatim). */
  underlined: number;
  /** Words with any highlighted letter: what is read aloud. */
  highlighted: number;
}

const READ = new Set(['underline', 'emphasis']);

// Nodes never change, so a paragraph is counted once: a key typed in a card recounts only the
// paragraph it lands in (the outline counts the highlighted words of each card edited).
const counted = new WeakMap<PMNode, WordCounts>();

function paragraphCounts(paragraph: PMNode): WordCounts {
  const known = counted.get(paragraph);
  if (known) return known;
  const counts: WordCounts = { words: 0, underlined: 0, highlighted: 0 };
  let inWord = false;
  let read = false;
  let spoken = false;
  const endWord = () => {
    if (inWord) {
      counts.words++;
      if (read) counts.underlined++;
      if (spoken) counts.highlighted++;
    }
    inWord = read = spoken = false;
  };
  paragraph.forEach((inline) => {
    const isRead = inline.marks.some((m) => READ.has(m.type.name));
    const isSpoken = inline.marks.some((m) => m.type.name === 'highlight');
    for (const ch of inline.text ?? '') {
      if (/\s/.test(ch)) {
        endWord();
        continue;
      }
      inWord = true;
      read ||= isRead;
      spoken ||= isSpoken;
    }
  });
  endWord();
  counted.set(paragraph, counts);
  return counts;
}

/** Word counts of a card body (or any node holding paragraphs); a word partly marked counts once. */
export function wordCounts(node: PMNode): WordCounts {
  const counts: WordCounts = { words: 0, underlined: 0, highlighted: 0 };
  node.descendants((child) => {
    if (child.type.name !== 'paragraph') return true;
    const own = paragraphCounts(child);
    counts.words += own.words;
    counts.underlined += own.underlined;
    counts.highlighted += own.highlighted;
    return false;
  });
  return counts;
}

/** Seconds to read `words` aloud at `wpm` words per minute, rounded to the second. */
export function readingSeconds(words: number, wpm: number = DEFAULT_WPM): number {
  return Math.round((words / Math.max(1, wpm)) * 60);
}

/** "0:42", "12:05": a reading time as a debater's timer shows it. */
export function formatDuration(seconds: number): string {
  const s = Math.max(0, Math.round(seconds));
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
}
