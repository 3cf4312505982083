// Verbatim briefs from Word: the .docx debaters trade, read into the one brief document model.
import path from 'node:path';
import type { DocJSON } from '../../../shared/model.js';
import type { DocxLook } from '../../../shared/schema.js';
import { ImportError } from './import-error.js';
import { BriefOutline } from './verbatim/brief-outline.js';
import { openDocxPackage, type DocxPackage } from './verbatim/docx-package.js';
import { attr, childrenOf, parseXmlPart, tagOf } from './verbatim/ooxml.js';
import { streamParagraphs, type PageSetup } from './verbatim/word-document.js';
import { StyleSheet } from './verbatim/word-styles.js';
import { utf8 } from './verbatim/xml-scanner.js';

const OFFICE_DOCUMENT = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument';
const DEFAULT_DOCUMENT_PART = 'word/document.xml';

/** A .docx opened once: its main document part (as DocxPackage.readBytes gives it) and its styles. */
export interface WordDocument {
  pkg: DocxPackage;
  documentXml: string;
  documentPart: string;
  styles: StyleSheet;
  stylesXml: string | null;
}

/** What a brief's reader is told while a big file is read. */
export interface BriefReading {
  /** How many tags have been read so far. */
  onCardsRead?: (cards: number) => void;
  /** Each card as soon as it is whole, while the rest of the file is still read (its node is the one the doc will hold). */
  onCard?: (card: DocJSON) => void;
}

/**
 * True when the bytes are a .docx with a Verbatim outline: some paragraph style resolves to a tag.
 * Cheap (no paragraph walk), so an import can ask before parsing; never throws.
 */
export function looksLikeVerbatimBrief(bytes: Uint8Array): boolean {
  try {
    return isVerbatimBrief(openWordDocument(bytes, 'the file'));
  } catch {
    return false;
  }
}

export function isVerbatimBrief({ documentXml, styles }: WordDocument): boolean {
  // A brief's first tag comes early: stop there rather than list every paragraph's style.
  const seen = new Set<string>();
  for (const [, id] of documentXml.matchAll(/<w:pStyle w:val="([^"]*)"/g)) {
    if (seen.has(id!)) continue;
    seen.add(id!);
    if (styles.paragraphRole(utf8(id!), undefined) === 'tag') return true;
  }
  return /<w:outlineLvl w:val="3"\/>/.test(documentXml);
}

/**
 * A Verbatim .docx as a brief, with the file's look (page, font, styles) in the doc's docx attrs;
 * throws one ImportError naming the source for anything unreadable.
 */
export function parseVerbatimDocx(bytes: Uint8Array, source: string, reading: BriefReading = {}): { title: string; doc: DocJSON } {
  return briefFromWord(openWordDocument(bytes, source), source, reading);
}

export function briefFromWord({ documentXml, documentPart, styles, stylesXml }: WordDocument, source: string, { onCardsRead, onCard }: BriefReading = {}): { title: string; doc: DocJSON } {
  const outline = new BriefOutline(onCard);
  const body = streamParagraphs(documentXml, styles, source, documentPart, { onTag: onCardsRead, onParagraph: (p) => outline.add(p) });
  if (!body) throw new ImportError(source, `its ${documentPart} has no document body.`);
  const content = outline.finish();
  if (!content.some((n) => n.type !== 'blank')) throw new ImportError(source, 'there is no text in it.');
  const look: DocxLook = { page: pageOf(body.page), font: styles.defaultFont, sizePt: styles.resolveRun(undefined, undefined, {}).sizeHalfPts / 2, stylesXml };
  const doc: DocJSON = { type: 'doc', attrs: { docx: look }, content };
  return { title: titleFor(source, doc), doc };
}

// US Letter and A4 both occur; a file that states no page gets Word's default (Letter) on export.
function pageOf(setup: PageSetup | null): DocxLook['page'] {
  const width = setup?.['w:pgSz.w:w'];
  const height = setup?.['w:pgSz.w:h'];
  if (!setup || !width || !height) return null;
  const margin = (side: string, fallback: number): number => setup[`w:pgMar.w:${side}`] ?? fallback;
  return {
    width, height,
    top: margin('top', 1440), right: margin('right', 1440), bottom: margin('bottom', 1440), left: margin('left', 1440),
    header: margin('header', 720), footer: margin('footer', 720),
  };
}

export function openWordDocument(bytes: Uint8Array, source: string): WordDocument {
  const pkg = openDocxPackage(bytes, source);
  const documentPart = mainDocumentPart(pkg, source);
  const documentXml = pkg.readBytes(documentPart);
  if (documentXml === null) throw new ImportError(source, `it has no ${documentPart}; it is not a Word document.`);
  const stylesPart = path.posix.join(path.posix.dirname(documentPart), 'styles.xml');
  const stylesXml = pkg.readText(stylesPart);
  return { pkg, documentXml, documentPart, stylesXml, styles: new StyleSheet(stylesXml === null ? null : parseXmlPart(stylesXml, stylesPart, source)) };
}

function mainDocumentPart(pkg: DocxPackage, source: string): string {
  const rels = pkg.readText('_rels/.rels');
  if (rels === null) return DEFAULT_DOCUMENT_PART;
  const root = parseXmlPart(rels, '_rels/.rels', source).find((n) => tagOf(n) === 'Relationships');
  const main = root && childrenOf(root).find((r) => attr(r, 'Type') === OFFICE_DOCUMENT);
  const target = main && attr(main, 'Target');
  return target ? path.posix.normalize(target.replace(/^\//, '')) : DEFAULT_DOCUMENT_PART;
}

// The file name is the brief's name to a debater ("AT - Russia Cooperation.docx").
function titleFor(source: string, doc: DocJSON): string {
  const base = path.basename(source).replace(/\.docx$/i, '').trim();
  if (base) return base;
  const heading = (doc.content ?? []).find((n) => n.type === 'pocket' || n.type === 'hat' || n.type === 'block');
  return heading?.content?.[0]?.text ?? 'Imported brief';
}
