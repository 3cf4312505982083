// A brief as a Verbatim .docx: headings and tags in Verbatim's heading styles, the cite with
// its bold short cite in the Cite style, underline and emphasis as Verbatim's character
// styles, highlight as Word highlight, and unmarked body text at the body's shrunk size.
import { Document, Packer, Paragraph, TextRun, type IRunOptions } from 'docx';
import type { Node as PMNode } from 'prosemirror-model';
import type { DocJSON } from '../../../shared/model.js';
import { wordHighlight, type WordHighlight } from '../../../shared/highlight-colours.js';
import { nodeFromJSON } from '../../../shared/schema.js';
import { STYLE_IDS, VERBATIM_STYLES_XML } from './verbatim-styles.js';

export interface ExportableBrief {
  title: string;
  doc: DocJSON;
}

export async function briefToDocx(brief: ExportableBrief): Promise<Uint8Array> {
  const doc = nodeFromJSON(brief.doc);
  const paragraphs: Paragraph[] = [];
  doc.forEach((node) => {
    if (node.type.name === 'card') paragraphs.push(...cardParagraphs(node));
    else paragraphs.push(new Paragraph({ style: STYLE_IDS[node.type.name as 'pocket' | 'hat' | 'block'], children: [new TextRun(node.textContent)] }));
  });
  const file = new Document({
    title: brief.title,
    creator: 'Cardfile',
    externalStyles: VERBATIM_STYLES_XML,
    sections: [{ children: paragraphs }],
  });
  return new Uint8Array(await Packer.toBuffer(file));
}

function cardParagraphs(card: PMNode): Paragraph[] {
  const out: Paragraph[] = [];
  card.forEach((part) => {
    if (part.type.name === 'tag') out.push(new Paragraph({ style: STYLE_IDS.tag, children: [new TextRun(part.textContent)] }));
    else if (part.type.name === 'cite') out.push(new Paragraph({ children: citeRuns(part) }));
    else {
      const shrinkPt = part.attrs.shrinkPt as number | null;
      part.forEach((paragraph) => out.push(new Paragraph({ children: bodyRuns(paragraph, shrinkPt) })));
    }
  });
  return out;
}

function citeRuns(cite: PMNode): TextRun[] {
  const runs: TextRun[] = [];
  cite.forEach((text) => {
    const strong = text.marks.some((m) => m.type.name === 'strong');
    runs.push(new TextRun(strong ? { text: text.text ?? '', style: STYLE_IDS.cite } : { text: text.text ?? '' }));
  });
  return runs;
}

function bodyRuns(paragraph: PMNode, shrinkPt: number | null): TextRun[] {
  const runs: TextRun[] = [];
  paragraph.forEach((text) => {
    let style: string | undefined;
    let highlight: WordHighlight | undefined;
    for (const mark of text.marks) {
      if (mark.type.name === 'underline') style ??= STYLE_IDS.underline;
      else if (mark.type.name === 'emphasis') style = STYLE_IDS.emphasis;
      else if (mark.type.name === 'highlight') highlight = wordHighlight(String(mark.attrs.colour));
    }
    const options: IRunOptions = {
      text: text.text ?? '',
      ...(style ? { style } : {}),
      ...(highlight ? { highlight } : {}),
      // Unread text is shrunk, never cut: the whole paragraph stays for fairness.
      ...(!style && shrinkPt ? { size: shrinkPt * 2 } : {}),
    };
    runs.push(new TextRun(options));
  });
  return runs;
}
