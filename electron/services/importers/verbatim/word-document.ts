// The paragraphs of a Word document body, each with its outline role and its runs' resolved
// formatting. Tables, content controls and tracked insertions are read through; deletions are not.
import { child, childrenOf, childVal, tagOf, textOf, type XmlNode } from './ooxml.js';
import { readRunProps, type ParagraphRole, type ResolvedRun, type StyleSheet } from './word-styles.js';

export interface WordRun {
  text: string;
  format: ResolvedRun;
}

export interface WordParagraph {
  role: ParagraphRole | null;
  runs: WordRun[];
  text: string;
  /** The size text in this paragraph has with no character formatting: what "shrunk" is smaller than. */
  baseSizeHalfPts: number;
}

// Containers whose content belongs to the document or paragraph as if they were not there.
const BLOCK_CONTAINERS = new Set(['w:tbl', 'w:tr', 'w:tc', 'w:sdt', 'w:sdtContent', 'w:customXml']);
const RUN_CONTAINERS = new Set(['w:hyperlink', 'w:ins', 'w:smartTag', 'w:fldSimple', 'w:customXml', 'w:sdt', 'w:sdtContent', 'w:moveTo', 'w:dir', 'w:bdo']);

export function readParagraphs(document: XmlNode[], styles: StyleSheet): WordParagraph[] | null {
  const root = document.find((n) => tagOf(n) === 'w:document');
  const body = root && child(root, 'w:body');
  if (!body) return null;
  const out: WordParagraph[] = [];
  const walk = (nodes: XmlNode[]): void => {
    for (const node of nodes) {
      const tag = tagOf(node);
      if (tag === 'w:p') out.push(readParagraph(node, styles));
      else if (BLOCK_CONTAINERS.has(tag)) walk(childrenOf(node));
    }
  };
  walk(childrenOf(body));
  return out;
}

function readParagraph(p: XmlNode, styles: StyleSheet): WordParagraph {
  const pPr = child(p, 'w:pPr');
  const styleId = childVal(pPr, 'w:pStyle') || undefined;
  const level = Number(childVal(pPr, 'w:outlineLvl') || NaN);
  const role = styles.paragraphRole(styleId, Number.isInteger(level) ? level : undefined);
  const runs: WordRun[] = [];
  const walk = (nodes: XmlNode[]): void => {
    for (const node of nodes) {
      const tag = tagOf(node);
      if (tag === 'w:r') {
        const text = runText(node);
        if (text === '') continue;
        const rPr = child(node, 'w:rPr');
        const format = styles.resolveRun(styleId, childVal(rPr, 'w:rStyle') || undefined, readRunProps(rPr));
        const last = runs[runs.length - 1];
        // Word splits runs at every edit (rsids); runs that look the same are one run to a reader.
        if (last && sameFormat(last.format, format)) last.text += text;
        else runs.push({ text, format });
      } else if (RUN_CONTAINERS.has(tag)) walk(childrenOf(node));
    }
  };
  walk(childrenOf(p));
  return {
    role,
    runs,
    text: runs.map((r) => r.text).join(''),
    baseSizeHalfPts: styles.resolveRun(styleId, undefined, {}).sizeHalfPts,
  };
}

function runText(run: XmlNode): string {
  let text = '';
  for (const node of childrenOf(run)) {
    switch (tagOf(node)) {
      case 'w:t':
        text += textOf(node);
        break;
      case 'w:tab':
      case 'w:br':
      case 'w:cr':
        text += ' ';
        break;
      case 'w:noBreakHyphen':
        text += '-';
        break;
    }
  }
  return text;
}

function sameFormat(a: ResolvedRun, b: ResolvedRun): boolean {
  return a.bold === b.bold && a.underline === b.underline && a.highlight === b.highlight && a.sizeHalfPts === b.sizeHalfPts && a.citeStyled === b.citeStyled;
}
