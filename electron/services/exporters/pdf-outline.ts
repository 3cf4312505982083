// The PDF's bookmarks (its outline: pockets, hats, blocks and tags, as Word's navigation pane
// shows them), written by us instead of by Chromium. Chromium builds an outline only from a
// tagged PDF, and tagging a 300-card brief costs two seconds and triples the file. Untagged,
// Chromium still writes a named destination (/Dests) for every heading the contents page links
// to, so the outline is an incremental update appended to the printed file: a new catalog that
// points at new outline items, each going to a heading's destination by name. The printed bytes
// stay as they are, byte for byte, ahead of the update.
import type { ContentsEntry } from '../../../shared/brief-html.js';

/** The update could not be written: the file is not a classic-xref PDF as Chromium prints it. */
export class PdfOutlineError extends Error {}

const LEVELS: Record<ContentsEntry['level'], number> = { pocket: 0, hat: 1, block: 2, tag: 3 };

interface Item {
  entry: ContentsEntry;
  children: Item[];
}

/**
 * The PDF with `entries` as its outline, each item going to the destination named by its id.
 * Entries whose destination the PDF does not hold are left out (their children move up). A PDF
 * that already has an outline, or has no destinations, is returned as it is.
 */
export function withOutline(pdf: Uint8Array, entries: readonly ContentsEntry[]): Uint8Array {
  // latin1 maps each byte to one char and back, so offsets in the text are offsets in the file.
  const text = Buffer.from(pdf.buffer, pdf.byteOffset, pdf.byteLength).toString('latin1');
  const tail = readTail(text);
  const catalog = readObject(text, tail.xref, tail.root);
  if (/\/Outlines\b/.test(catalog)) return pdf;
  const destsRef = /\/Dests\s+(\d+)\s+(\d+)\s+R/.exec(catalog);
  if (!destsRef) return pdf;
  const names = new Set([...readObject(text, tail.xref, { num: Number(destsRef[1]), gen: Number(destsRef[2]) }).matchAll(/\/([^\s/[\]<>()]+)\s*\[/g)].map((m) => m[1]!));
  const roots = nest(entries.filter((e) => names.has(e.id)));
  if (roots.length === 0) return pdf;

  // Object numbers: the outline dictionary, then each item in document order.
  const outlinesNum = tail.size;
  const numbers = new Map<Item, number>();
  const walk = (items: Item[]): void => items.forEach((item) => (numbers.set(item, tail.size + 1 + numbers.size), walk(item.children)));
  walk(roots);

  const objects: [number, number, string][] = [];
  // The reader opens with its bookmarks pane shown, as a debater keeps Word's navigation pane open.
  const pageMode = /\/PageMode\b/.test(catalog) ? '' : '\n/PageMode /UseOutlines';
  objects.push([tail.root.num, tail.root.gen, `${catalog.slice(0, catalog.lastIndexOf('>>'))}\n/Outlines ${outlinesNum} 0 R${pageMode}>>`]);
  objects.push([outlinesNum, 0, `<</Type /Outlines\n/First ${numbers.get(roots[0]!)} 0 R\n/Last ${numbers.get(roots.at(-1)!)} 0 R\n/Count ${visibleCount(roots)}>>`]);
  const writeItems = (items: Item[], parent: number): void => {
    items.forEach((item, i) => {
      const fields = [`/Title ${pdfTextString(item.entry.title)}`, `/Parent ${parent} 0 R`, `/Dest /${item.entry.id}`];
      if (i > 0) fields.push(`/Prev ${numbers.get(items[i - 1]!)} 0 R`);
      if (i < items.length - 1) fields.push(`/Next ${numbers.get(items[i + 1]!)} 0 R`);
      if (item.children.length > 0) {
        fields.push(`/First ${numbers.get(item.children[0]!)} 0 R`, `/Last ${numbers.get(item.children.at(-1)!)} 0 R`, `/Count ${opens(item) ? visibleCount(item.children) : -item.children.length}`);
      }
      objects.push([numbers.get(item)!, 0, `<<${fields.join('\n')}>>`]);
      writeItems(item.children, numbers.get(item)!);
    });
  };
  writeItems(roots, outlinesNum);

  let update = text.endsWith('\n') ? '' : '\n';
  const offsets = new Map<number, number>();
  for (const [num, gen, body] of objects) {
    offsets.set(num, pdf.byteLength + update.length);
    update += `${num} ${gen} obj\n${body}\nendobj\n`;
  }
  const xrefAt = pdf.byteLength + update.length;
  const entry = (num: number, gen: number): string => `${String(offsets.get(num)).padStart(10, '0')} ${String(gen).padStart(5, '0')} n \n`;
  const newSize = tail.size + 1 + numbers.size;
  update += `xref\n${tail.root.num} 1\n${entry(tail.root.num, tail.root.gen)}${outlinesNum} ${newSize - outlinesNum}\n`;
  for (let num = outlinesNum; num < newSize; num++) update += entry(num, 0);
  update += `trailer\n<</Size ${newSize}\n/Root ${tail.root.num} ${tail.root.gen} R${tail.rest}\n/Prev ${tail.xref}>>\nstartxref\n${xrefAt}\n%%EOF\n`;

  const out = new Uint8Array(pdf.byteLength + update.length);
  out.set(pdf);
  out.set(Buffer.from(update, 'latin1'), pdf.byteLength);
  return out;
}

/** Entries as a tree: each hangs under the nearest entry before it at a higher level. */
function nest(entries: readonly ContentsEntry[]): Item[] {
  const roots: Item[] = [];
  const open: Item[] = [];
  for (const entry of entries) {
    const item: Item = { entry, children: [] };
    while (open.length > 0 && LEVELS[open.at(-1)!.entry.level] >= LEVELS[entry.level]) open.pop();
    (open.at(-1)?.children ?? roots).push(item);
    open.push(item);
  }
  return roots;
}

/** Blocks start closed (a block's tags are its answers: a long list), everything above open. */
const opens = (item: Item): boolean => item.children.some((c) => c.entry.level !== 'tag');

/** Items a reader shows at first: these, and the children of the open ones. */
function visibleCount(items: readonly Item[]): number {
  return items.reduce((n, item) => n + 1 + (opens(item) ? visibleCount(item.children) : 0), 0);
}

/** Longest bookmark title kept, in UTF-16 units: a whole tag pasted as a heading stays readable in the pane. */
const TITLE_UNITS = 500;

/** A PDF text string in UTF-16BE with its byte-order mark, as hex: any title, no escaping rules. */
function pdfTextString(title: string): string {
  // Cut before a pair whose second half would be lost: half an emoji is not a character.
  const end = /[\ud800-\udbff]/.test(title.charAt(TITLE_UNITS - 1)) ? TITLE_UNITS - 1 : TITLE_UNITS;
  const bytes = Buffer.from(`\ufeff${title.slice(0, end)}`, 'utf16le').swap16();
  return `<${bytes.toString('hex').toUpperCase()}>`;
}

interface Ref {
  num: number;
  gen: number;
}

/** The last xref section's offset and its trailer: size, catalog, and the keys to carry over (/Info, /ID). */
function readTail(text: string): { xref: number; size: number; root: Ref; rest: string } {
  const startxref = /startxref\s+(\d+)\s+%%EOF\s*$/.exec(text.slice(-1024));
  if (!startxref) throw new PdfOutlineError('The PDF has no startxref at its end.');
  const xref = Number(startxref[1]);
  const trailer = trailerOf(text, xref);
  const size = /\/Size\s+(\d+)/.exec(trailer);
  const root = /\/Root\s+(\d+)\s+(\d+)\s+R/.exec(trailer);
  if (!size || !root) throw new PdfOutlineError('The PDF trailer names no /Size or /Root.');
  const info = /\/Info\s+\d+\s+\d+\s+R/.exec(trailer);
  const id = /\/ID\s*\[[^\]]*\]/.exec(trailer);
  return { xref, size: Number(size[1]), root: { num: Number(root[1]), gen: Number(root[2]) }, rest: [info, id].map((m) => (m ? `\n${m[0]}` : '')).join('') };
}

function trailerOf(text: string, xref: number): string {
  if (text.slice(xref, xref + 4) !== 'xref') throw new PdfOutlineError('The PDF keeps its cross-references in a stream, which this outline writer does not update.');
  const trailerAt = text.indexOf('trailer', xref);
  if (trailerAt < 0) throw new PdfOutlineError('The PDF has no trailer.');
  return dictionaryAt(text, text.indexOf('<<', trailerAt));
}

/** The dictionary of object `ref`, found through the cross-reference sections, newest first. */
function readObject(text: string, xref: number, ref: Ref): string {
  const at = objectOffset(text, xref, ref);
  const header = new RegExp(`^${ref.num}\\s+${ref.gen}\\s+obj\\s*`).exec(text.slice(at, at + 64));
  if (!header) throw new PdfOutlineError(`The PDF's cross-reference for object ${ref.num} does not point at it.`);
  return dictionaryAt(text, at + header[0].length);
}

function objectOffset(text: string, xref: number, ref: Ref, seen = new Set<number>()): number {
  if (seen.has(xref)) throw new PdfOutlineError("The PDF's cross-reference sections loop.");
  seen.add(xref);
  const trailerAt = text.indexOf('trailer', xref);
  const tokens = text.slice(xref + 4, trailerAt < 0 ? undefined : trailerAt).trim().split(/\s+/);
  for (let i = 0; i + 1 < tokens.length; ) {
    const first = Number(tokens[i]);
    const count = Number(tokens[i + 1]);
    if (!Number.isInteger(first) || !Number.isInteger(count) || count < 0) throw new PdfOutlineError('The PDF has a damaged cross-reference section.');
    if (ref.num >= first && ref.num < first + count) {
      const entry = i + 2 + 3 * (ref.num - first);
      if (tokens[entry + 2] !== 'n' || Number(tokens[entry + 1]) !== ref.gen) throw new PdfOutlineError(`The PDF does not hold object ${ref.num} ${ref.gen}.`);
      return Number(tokens[entry]);
    }
    i += 2 + 3 * count;
  }
  const prev = /\/Prev\s+(\d+)/.exec(trailerOf(text, xref));
  if (!prev) throw new PdfOutlineError(`The PDF does not hold object ${ref.num} ${ref.gen}.`);
  return objectOffset(text, Number(prev[1]), ref, seen);
}

/** The dictionary starting at `start`, nested dictionaries and strings skipped whole. */
function dictionaryAt(text: string, start: number): string {
  if (start < 0 || !text.startsWith('<<', start)) throw new PdfOutlineError('A PDF dictionary was expected and not found.');
  let depth = 0;
  for (let i = start; i < text.length; i++) {
    const c = text[i];
    if (c === '(') {
      // A literal string: balanced parentheses, backslash escapes.
      let nesting = 0;
      for (; i < text.length; i++) {
        if (text[i] === '\\') i++;
        else if (text[i] === '(') nesting++;
        else if (text[i] === ')' && --nesting === 0) break;
      }
    } else if (c === '<' && text[i + 1] === '<') {
      depth++;
      i++;
    } else if (c === '>' && text[i + 1] === '>') {
      depth--;
      i++;
      if (depth === 0) return text.slice(start, i + 1);
    } else if (c === '<') {
      i = text.indexOf('>', i);
      if (i < 0) break;
    }
  }
  throw new PdfOutlineError('A PDF dictionary does not end.');
}
