// Paragraphs rebuilt from a PDF's positioned text. A PDF has no paragraphs, only runs of glyphs
// at coordinates; lines are runs sharing a baseline, and a paragraph ends where the spacing
// opens up, the next line is indented, the font changes size, or a line stops short after a
// sentence. Words hyphenated across a line end are joined; page numbers and running heads go.

export interface TextRun {
  str: string;
  x: number;
  /** Baseline, in PDF units (grows upwards). */
  y: number;
  width: number;
  /** Font size. */
  height: number;
}

export interface Line {
  text: string;
  x: number;
  y: number;
  right: number;
  height: number;
}

/** Runs of one page grouped into lines, top to bottom as the content stream gives them. */
export function linesOf(runs: readonly TextRun[]): Line[] {
  const lines: Line[] = [];
  for (const run of runs) {
    if (run.str === '' && run.width === 0) continue;
    const last = lines[lines.length - 1];
    const sameLine = last !== undefined && Math.abs(last.y - run.y) <= Math.max(last.height, run.height, 1) * 0.5 && run.x >= last.right - 1;
    if (sameLine) {
      const gap = run.x - last.right;
      const space = gap > Math.max(run.height, 1) * 0.15 && !/\s$/.test(last.text) && !/^\s/.test(run.str) ? ' ' : '';
      last.text += space + run.str;
      last.right = Math.max(last.right, run.x + run.width);
      last.height = Math.max(last.height, run.height);
    } else if (run.str.trim() !== '') {
      lines.push({ text: run.str, x: run.x, y: run.y, right: run.x + run.width, height: run.height });
    }
  }
  return lines
    .map((l) => ({ ...l, text: l.text.replace(/\s+/g, ' ').trim() }))
    .filter((l) => l.text !== '');
}

const PAGE_NUMBER = /^(page\s*)?[-–]?\s*\d{1,4}\s*[-–]?(\s*(of|\/)\s*\d{1,4})?$/i;
const ENDS_SENTENCE = /[.!?:;"”’)\]]$/;

/** Article paragraphs from the lines of every page, running heads and page numbers dropped. */
export function paragraphsFromPages(pages: readonly Line[][]): string[] {
  const running = runningLines(pages);
  const paragraphs: string[] = [];
  let continuing = false;
  for (const page of pages) {
    const atEdge = (i: number) => i < 2 || i >= page.length - 2;
    const lines = page.filter((l, i) => !PAGE_NUMBER.test(l.text) && !(atEdge(i) && running.has(l.text)));
    const pageParas = paragraphsOfPage(lines);
    if (pageParas.length === 0) continue;
    // A paragraph cut by the page break: the last one did not end a sentence and this one does not start a new one.
    if (continuing && !/^\p{Lu}/u.test(pageParas[0]!)) {
      paragraphs[paragraphs.length - 1] = joinLines(paragraphs[paragraphs.length - 1]!, pageParas.shift()!);
    }
    paragraphs.push(...pageParas);
    continuing = paragraphs.length > 0 && !ENDS_SENTENCE.test(paragraphs[paragraphs.length - 1]!);
  }
  return paragraphs;
}

function paragraphsOfPage(lines: readonly Line[]): string[] {
  if (lines.length === 0) return [];
  const gaps = lines.slice(1).map((l, i) => lines[i]!.y - l.y).filter((g) => g > 0);
  const spacing = median(gaps) ?? lines[0]!.height * 1.2;
  const left = mode(lines.map((l) => Math.round(l.x)));
  const right = lines.reduce((most, l) => Math.max(most, l.right), -Infinity);
  const paragraphs: string[] = [];
  let current = lines[0]!.text;
  for (let i = 1; i < lines.length; i++) {
    const prev = lines[i - 1]!;
    const line = lines[i]!;
    const gap = prev.y - line.y;
    const em = Math.max(line.height, 1);
    const breaks =
      gap <= 0 || // a new column or a jump back up the page
      gap > spacing * 1.4 ||
      Math.abs(line.height - prev.height) > Math.max(line.height, prev.height) * 0.15 ||
      line.x - left > em * 0.8 || // first-line indent
      (prev.right < right - em * 4 && ENDS_SENTENCE.test(prev.text)); // the last line of a paragraph stops short
    if (breaks) {
      paragraphs.push(current);
      current = line.text;
    } else {
      current = joinLines(current, line.text);
    }
  }
  paragraphs.push(current);
  return paragraphs;
}

/**
 * Two lines of one paragraph. A word hyphenated at the line end ("recon-" "struction") is
 * joined without its hyphen; a compound broken at its own hyphen ("Deir ez-" "Zor") keeps it.
 */
export function joinLines(a: string, b: string): string {
  if (/\p{L}-$/u.test(a) && /^\p{Ll}/u.test(b)) return a.slice(0, -1) + b;
  if (/\p{L}-$/u.test(a) && /^\p{Lu}/u.test(b)) return a + b;
  return `${a} ${b}`;
}

// Lines repeated at the top or bottom of most pages: running heads and footers.
function runningLines(pages: readonly Line[][]): Set<string> {
  if (pages.length < 3) return new Set();
  const counts = new Map<string, number>();
  for (const page of pages) {
    const edges = new Set([page[0]?.text, page[1]?.text, page[page.length - 1]?.text, page[page.length - 2]?.text]);
    for (const t of edges) if (t) counts.set(t, (counts.get(t) ?? 0) + 1);
  }
  return new Set([...counts].filter(([, n]) => n >= Math.max(3, pages.length / 2)).map(([t]) => t));
}

function median(values: number[]): number | undefined {
  if (values.length === 0) return undefined;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

function mode(values: number[]): number {
  const counts = new Map<number, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1] || a[0] - b[0])[0]![0];
}
