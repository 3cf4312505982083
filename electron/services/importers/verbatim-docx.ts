// Verbatim briefs from Word: the .docx debaters trade, read into the one brief document model.
import path from 'node:path';
import type { DocJSON } from '../../../shared/model.js';
import { ImportError } from './import-error.js';
import { briefFromParagraphs } from './verbatim/brief-from-paragraphs.js';
import { openDocxPackage, type DocxPackage } from './verbatim/docx-package.js';
import { attr, childrenOf, parseXmlPart, tagOf } from './verbatim/ooxml.js';
import { readParagraphs } from './verbatim/word-document.js';
import { StyleSheet } from './verbatim/word-styles.js';

const OFFICE_DOCUMENT = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument';
const DEFAULT_DOCUMENT_PART = 'word/document.xml';

/**
 * True when the bytes are a .docx with a Verbatim outline: some paragraph style resolves to a tag.
 * Cheap (no paragraph walk), so an import can ask before parsing; never throws.
 */
export function looksLikeVerbatimBrief(bytes: Uint8Array): boolean {
  try {
    const { documentXml, styles } = openWordDocument(bytes, 'the file');
    const styleIds = new Set(Array.from(documentXml.matchAll(/<w:pStyle w:val="([^"]*)"/g), (m) => m[1]!));
    return [...styleIds].some((id) => styles.paragraphRole(id, undefined) === 'tag') || /<w:outlineLvl w:val="3"\/>/.test(documentXml);
  } catch {
    return false;
  }
}

/** A Verbatim .docx as a brief; throws one ImportError naming the source for anything unreadable. */
export function parseVerbatimDocx(bytes: Uint8Array, source: string): { title: string; doc: DocJSON } {
  const { documentXml, documentPart, styles } = openWordDocument(bytes, source);
  const paragraphs = readParagraphs(documentXml, styles, source, documentPart);
  if (!paragraphs) throw new ImportError(source, `its ${documentPart} has no document body.`);
  const doc = briefFromParagraphs(paragraphs);
  if ((doc.content ?? []).length === 0) throw new ImportError(source, 'there is no text in it.');
  return { title: titleFor(source, doc), doc };
}

function openWordDocument(bytes: Uint8Array, source: string): { documentXml: string; documentPart: string; styles: StyleSheet } {
  const pkg = openDocxPackage(bytes, source);
  const documentPart = mainDocumentPart(pkg, source);
  const documentXml = pkg.readText(documentPart);
  if (documentXml === null) throw new ImportError(source, `it has no ${documentPart}; it is not a Word document.`);
  const stylesPart = path.posix.join(path.posix.dirname(documentPart), 'styles.xml');
  const stylesXml = pkg.readText(stylesPart);
  return { documentXml, documentPart, styles: new StyleSheet(stylesXml === null ? null : parseXmlPart(stylesXml, stylesPart, source)) };
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
  const heading = (doc.content ?? []).find((n) => n.type !== 'card');
  return heading?.content?.[0]?.text ?? 'Imported brief';
}
