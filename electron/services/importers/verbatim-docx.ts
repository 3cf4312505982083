// Verbatim briefs from Word: the .docx debaters trade, read into the one brief document model.
import path from 'node:path';
import type { DocJSON } from '../../../shared/model.js';
import { ImportError } from './import-error.js';
import { briefFromParagraphs } from './verbatim/brief-from-paragraphs.js';
import { openDocxPackage, type DocxPackage } from './verbatim/docx-package.js';
import { attr, childrenOf, parseXmlPart, tagOf } from './verbatim/ooxml.js';
import { readParagraphs, type WordParagraph } from './verbatim/word-document.js';
import { StyleSheet } from './verbatim/word-styles.js';

const OFFICE_DOCUMENT = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument';
const DEFAULT_DOCUMENT_PART = 'word/document.xml';

/** True when the bytes are a readable .docx with a Verbatim outline (at least one tag). Never throws. */
export function looksLikeVerbatimBrief(bytes: Uint8Array): boolean {
  try {
    return readWordParagraphs(bytes, 'the file').some((p) => p.role === 'tag');
  } catch {
    return false;
  }
}

/** A Verbatim .docx as a brief; throws one ImportError naming the source for anything unreadable. */
export function parseVerbatimDocx(bytes: Uint8Array, source: string): { title: string; doc: DocJSON } {
  const paragraphs = readWordParagraphs(bytes, source);
  const doc = briefFromParagraphs(paragraphs);
  if ((doc.content ?? []).length === 0) throw new ImportError(source, 'there is no text in it.');
  return { title: titleFor(source, doc), doc };
}

function readWordParagraphs(bytes: Uint8Array, source: string): WordParagraph[] {
  const pkg = openDocxPackage(bytes, source);
  const documentPart = mainDocumentPart(pkg, source);
  const documentXml = pkg.readText(documentPart);
  if (documentXml === null) throw new ImportError(source, `it has no ${documentPart}; it is not a Word document.`);
  const stylesPart = path.posix.join(path.posix.dirname(documentPart), 'styles.xml');
  const stylesXml = pkg.readText(stylesPart);
  const styles = new StyleSheet(stylesXml === null ? null : parseXmlPart(stylesXml, stylesPart, source));
  const paragraphs = readParagraphs(documentXml, styles, source, documentPart);
  if (!paragraphs) throw new ImportError(source, `its ${documentPart} has no document body.`);
  return paragraphs;
}

// The package's relationships name the main part; nearly always word/document.xml.
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
