// Hand-built Word files, written the way files in the wild are: styles with misleading names,
// formatting by style chain or direct, runs split anywhere.
import { strToU8, zipSync, type Zippable } from 'fflate';

const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';
const esc = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

export const run = (text: string, rPr = ''): string => `<w:r>${rPr ? `<w:rPr>${rPr}</w:rPr>` : ''}<w:t xml:space="preserve">${esc(text)}</w:t></w:r>`;
export const para = (style: string | null, ...runs: string[]): string => `<w:p>${style ? `<w:pPr><w:pStyle w:val="${style}"/></w:pPr>` : ''}${runs.join('')}</w:p>`;
export const documentXml = (...paragraphs: string[]): string => documentWithSection('<w:sectPr/>', ...paragraphs);
/** A document whose last section is `sectPr` (page size and margins). */
export const documentWithSection = (sectPr: string, ...paragraphs: string[]): string =>
  `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document ${W}><w:body>${paragraphs.join('')}${sectPr}</w:body></w:document>`;
export const stylesXml = (...styles: string[]): string => stylesWithDefaults('<w:sz w:val="22"/>', ...styles);
/** Styles whose document defaults (font, size) are the run properties `defaultRPr`. */
export const stylesWithDefaults = (defaultRPr: string, ...styles: string[]): string =>
  `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:styles ${W}><w:docDefaults><w:rPrDefault><w:rPr>${defaultRPr}</w:rPr></w:rPrDefault></w:docDefaults>${styles.join('')}</w:styles>`;

export function style(type: 'paragraph' | 'character', id: string, name: string, inner = ''): string {
  return `<w:style w:type="${type}" w:styleId="${id}"><w:name w:val="${name}"/>${inner}</w:style>`;
}

const CONTENT_TYPES = `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>`;
const RELS = `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>`;

/** A .docx package; parts given as null are left out. */
export function docxFile(parts: { document: string | null; styles?: string | null; extra?: Record<string, string> }): Uint8Array {
  const files: Zippable = { '[Content_Types].xml': strToU8(CONTENT_TYPES), '_rels/.rels': strToU8(RELS) };
  if (parts.document !== null) files['word/document.xml'] = strToU8(parts.document);
  if (parts.styles) files['word/styles.xml'] = strToU8(parts.styles);
  for (const [name, text] of Object.entries(parts.extra ?? {})) files[name] = strToU8(text);
  return zipSync(files);
}
