// A brief as a Verbatim .docx, written as WordprocessingML directly: headings and tags in
// Verbatim's heading styles, analytics as analytics, the short cite in the cite style, underline
// and emphasis as Verbatim's character styles, highlight as Word highlight (or the shading it came
// as), every run at its own size, blank paragraphs where they were. A brief imported from Word
// keeps that file's page size, margins, default font and style definitions.
import { strToU8, zipSync } from 'fflate';
import type { Node as PMNode, Mark } from 'prosemirror-model';
import type { DocJSON } from '../../../shared/model.js';
import { isShading, wordHighlight } from '../../../shared/highlight-colours.js';
import { docxLookOf, MARKER_COLOUR, MARKER_TEXT, nodeFromJSON, schema, type DocxLook } from '../../../shared/schema.js';
import { parseXmlPart } from '../importers/verbatim/ooxml.js';
import { StyleSheet } from '../importers/verbatim/word-styles.js';
import { exportStyles, type StyleIds } from './verbatim-styles.js';

export interface ExportableBrief {
  title: string;
  doc: DocJSON;
}

const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
// Verbatim's page for a brief made here: US Letter, one-inch margins.
const DEFAULT_PAGE: NonNullable<DocxLook['page']> = { width: 12240, height: 15840, top: 1440, right: 1440, bottom: 1440, left: 1440, header: 720, footer: 720 };

type RunContext = 'heading' | 'cite' | 'text';

export async function briefToDocx(brief: ExportableBrief): Promise<Uint8Array> {
  const doc = nodeFromJSON(brief.doc);
  const look = docxLookOf(brief.doc);
  const { xml: stylesXml, ids } = exportStyles(look?.stylesXml ?? null);
  const writer = new ParagraphWriter(new StyleSheet(parseXmlPart(stylesXml, 'word/styles.xml', brief.title)), ids);
  const body: string[] = [];
  doc.forEach((node) => {
    switch (node.type.name) {
      case 'card':
        node.forEach((part) => {
          if (part.type.name === 'tag') {
            // An untagged card has no tag line: an empty Heading 4 is a blank entry in Word's navigation pane.
            if (part.content.size > 0) body.push(writer.paragraph(ids.tag, part, 'heading'));
          } else if (part.type.name === 'cite') body.push(writer.paragraph(null, part, 'cite'));
          else if (part.type.name === 'undertag') body.push(writer.paragraph(null, part, 'text'));
          else part.forEach((paragraph) => body.push(writer.paragraph(null, paragraph, 'text')));
        });
        break;
      case 'analytic':
        body.push(writer.paragraph(node.attrs.heading ? ids.tag : ids.analytic, node, 'heading'));
        break;
      case 'blank':
        body.push('<w:p/>');
        break;
      default:
        body.push(writer.paragraph(ids[node.type.name as 'pocket' | 'hat' | 'block'], node, 'heading'));
    }
  });
  const page = look?.page ?? DEFAULT_PAGE;
  const sectPr =
    `<w:sectPr><w:pgSz w:w="${page.width}" w:h="${page.height}"${page.width > page.height ? ' w:orient="landscape"' : ''}/>` +
    `<w:pgMar w:top="${page.top}" w:right="${page.right}" w:bottom="${page.bottom}" w:left="${page.left}" w:header="${page.header}" w:footer="${page.footer}" w:gutter="0"/></w:sectPr>`;
  const documentXml = `${XML_DECLARATION}<w:document xmlns:w="${W}"><w:body>${body.join('')}${sectPr}</w:body></w:document>`;
  return zipSync(
    {
      '[Content_Types].xml': strToU8(CONTENT_TYPES),
      '_rels/.rels': strToU8(RELS),
      'docProps/core.xml': strToU8(coreXml(brief.title)),
      'word/_rels/document.xml.rels': strToU8(DOCUMENT_RELS),
      'word/document.xml': strToU8(documentXml),
      'word/styles.xml': strToU8(stylesXml),
    },
    { level: 6 },
  );
}

class ParagraphWriter {
  private readonly boldCache = new Map<string, boolean>();

  constructor(
    private readonly styles: StyleSheet,
    private readonly ids: StyleIds,
  ) {}

  paragraph(styleId: string | null, block: PMNode, context: RunContext): string {
    const pPr = styleId ? `<w:pPr><w:pStyle w:val="${styleId}"/></w:pPr>` : '';
    let runs = '';
    block.forEach((inline) => (runs += inline.type === schema.nodes.marker ? MARKER_RUN : this.run(styleId, inline.text ?? '', inline.marks, context)));
    return `<w:p>${pPr}${runs}</w:p>`;
  }

  private run(paragraphStyle: string | null, text: string, marks: readonly Mark[], context: RunContext): string {
    let charStyle: string | undefined;
    let bold = false;
    let underline = false;
    let highlight = '';
    let sizePt: number | null = null;
    for (const mark of marks) {
      switch (mark.type.name) {
        case 'strong':
          if (context === 'cite') charStyle = this.ids.cite;
          else bold = true;
          break;
        case 'underline':
          if (context === 'text') charStyle ??= this.ids.underline;
          else underline = true;
          break;
        case 'emphasis':
          charStyle = this.ids.emphasis;
          break;
        case 'highlight': {
          const colour = String(mark.attrs.colour);
          highlight = isShading(colour)
            ? `<w:shd w:val="clear" w:color="auto" w:fill="${colour.slice(1).toUpperCase()}"/>`
            : `<w:highlight w:val="${wordHighlight(colour)}"/>`;
          break;
        }
        case 'size':
          sizePt = Number(mark.attrs.pt);
          break;
      }
    }
    // Read (underlined) text stays unbold whatever the underline style of the source file says.
    const unbold = charStyle === this.ids.underline && !bold && this.bold(paragraphStyle, charStyle) && !this.bold(paragraphStyle, undefined);
    const halfPts = sizePt === null ? null : Math.round(sizePt * 2);
    const rPr =
      (charStyle ? `<w:rStyle w:val="${charStyle}"/>` : '') +
      (bold ? '<w:b/>' : unbold ? '<w:b w:val="0"/>' : '') +
      (halfPts !== null ? `<w:sz w:val="${halfPts}"/><w:szCs w:val="${halfPts}"/>` : '') +
      (highlight.startsWith('<w:highlight') ? highlight : '') +
      (underline ? '<w:u w:val="single"/>' : '') +
      (highlight.startsWith('<w:shd') ? highlight : '');
    return `<w:r>${rPr ? `<w:rPr>${rPr}</w:rPr>` : ''}<w:t xml:space="preserve">${escapeXml(text)}</w:t></w:r>`;
  }

  private bold(paragraphStyle: string | null, charStyle: string | undefined): boolean {
    const key = `${paragraphStyle ?? ''}\u0000${charStyle ?? ''}`;
    let found = this.boldCache.get(key);
    if (found === undefined) {
      found = this.styles.resolveRun(paragraphStyle ?? undefined, charStyle, {}).bold;
      this.boldCache.set(key, found);
    }
    return found;
  }
}

// A marker is unhighlighted text, as Word's Mark Card macro leaves it, in bold red to be seen.
const MARKER_RUN = `<w:r><w:rPr><w:b/><w:color w:val="${MARKER_COLOUR}"/></w:rPr><w:t xml:space="preserve">${escapeXml(MARKER_TEXT)}</w:t></w:r>`;

// Characters XML 1.0 cannot hold at all are dropped; markup characters are escaped.
function escapeXml(text: string): string {
  return text.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, '').replace(/[&<>]/g, (c) => (c === '&' ? '&amp;' : c === '<' ? '&lt;' : '&gt;'));
}

const XML_DECLARATION = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
const CONTENT_TYPES =
  `${XML_DECLARATION}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
  '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>' +
  '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>' +
  '<Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/>' +
  '<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/></Types>';
const RELS =
  `${XML_DECLARATION}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
  '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>' +
  '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/></Relationships>';
const DOCUMENT_RELS =
  `${XML_DECLARATION}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
  '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>';
const coreXml = (title: string): string =>
  `${XML_DECLARATION}<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/">` +
  `<dc:title>${escapeXml(title)}</dc:title><dc:creator>Cardfile</dc:creator></cp:coreProperties>`;
