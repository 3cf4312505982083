// The paragraphs of word/document.xml, each with its outline role and its runs' resolved
// formatting, read in one streaming pass. Tables, content controls, hyperlinks and tracked
// insertions are read through; deletions, drawings, text boxes and old tracked formatting are not.
import { ImportError } from '../import-error.js';
import { attrsOf, attrValue, scanXml, XmlSyntaxError } from './xml-scanner.js';
import { runPropValueAttr, setRunProp, type ParagraphRole, type ResolvedRun, type RunProps, type StyleSheet } from './word-styles.js';

export interface WordRun {
  text: string;
  format: ResolvedRun;
}

export interface WordParagraph {
  role: ParagraphRole | null;
  runs: WordRun[];
  text: string;
  /** How text in this paragraph looks with no character formatting: what a run's marks differ from. */
  base: ResolvedRun;
}

/** The page of the document's last section (w:pgSz, w:pgMar), in twentieths of a point. */
export type PageSetup = Record<string, number>;

export interface WordBody {
  paragraphs: WordParagraph[];
  page: PageSetup | null;
}

// Elements whose content is not the document's current text or formatting.
const SKIPPED = new Set([
  'w:del', 'w:moveFrom', 'w:drawing', 'w:pict', 'w:object', 'mc:AlternateContent', 'w:txbxContent',
  'w:rPrChange', 'w:pPrChange', 'w:sectPr', 'w:footnoteReference', 'w:endnoteReference', 'w:sdtPr',
]);
const RUN_PROPS = new Set(['w:b', 'w:u', 'w:highlight', 'w:sz', 'w:shd']);
const PAGE_ELEMENTS = new Set(['w:pgSz', 'w:pgMar']);

/**
 * The body's paragraphs and page; null when the part has no w:body. `xml` is the part as
 * DocxPackage.readBytes gives it. Malformed XML is an ImportError naming the source.
 */
export function readParagraphs(xml: string, styles: StyleSheet, source: string, part = 'word/document.xml'): WordBody | null {
  const paragraphs: WordParagraph[] = [];
  const body = streamParagraphs(xml, styles, source, part, { onParagraph: (p) => paragraphs.push(p) });
  return body && { paragraphs, page: body.page };
}

export interface ParagraphSink {
  /** Each paragraph as soon as it closes, in document order. */
  onParagraph: (paragraph: WordParagraph) => void;
  /** How many tag paragraphs (cards, and the odd analytic) have been read. */
  onTag?: (tags: number) => void;
}

/** readParagraphs, handing each paragraph on as it is read instead of keeping them all. */
export function streamParagraphs(xml: string, styles: StyleSheet, source: string, part: string, sink: ParagraphSink): { page: PageSetup | null } | null {
  try {
    return scanParagraphs(xml, styles, sink);
  } catch (e) {
    if (e instanceof XmlSyntaxError) throw new ImportError(source, `its ${part} is not well-formed XML (${e.message}).`);
    throw e;
  }
}

function scanParagraphs(xml: string, styles: StyleSheet, { onParagraph, onTag }: ParagraphSink): { page: PageSetup | null } | null {
  let tags = 0;
  let page: PageSetup | null = null;
  const stack: string[] = [];
  let skipping = 0;
  let sawBody = false;
  let paragraph: { styleId: string | undefined; level: number | undefined; runs: WordRun[] } | null = null;
  // signature: the run's direct properties as written, so runs formatted alike share one resolution.
  let run: { styleId: string | undefined; props: RunProps; signature: string; text: string } | null = null;
  const resolved = new Map<string, ResolvedRun>();
  let inText = false;

  scanXml(xml, {
    // The scanner closes self-closing elements too, so open and close always pair up.
    open(name, rawAttrs) {
      const parent = stack[stack.length - 1];
      const grandparent = stack[stack.length - 2];
      stack.push(name);
      // The last section's page wins: a document's closing w:sectPr describes its last pages.
      if (PAGE_ELEMENTS.has(name) && parent === 'w:sectPr') {
        if (name === 'w:pgSz') page = {};
        for (const [key, value] of Object.entries(attrsOf(rawAttrs))) if (/^\d+$/.test(value)) (page ??= {})[`${name}.${key}`] = Number(value);
      }
      if (skipping > 0 || SKIPPED.has(name)) {
        skipping++;
        return;
      }
      if (name === 'w:body') sawBody = true;
      else if (name === 'w:p') paragraph = { styleId: undefined, level: undefined, runs: [] };
      else if (paragraph && parent === 'w:pPr' && (name === 'w:pStyle' || name === 'w:outlineLvl')) {
        const val = attrValue(rawAttrs, 'w:val', true) ?? '';
        if (name === 'w:pStyle') paragraph.styleId = val || undefined;
        else if (/^\d$/.test(val)) paragraph.level = Number(val);
      } else if (name === 'w:r' && paragraph) run = { styleId: undefined, props: {}, signature: '', text: '' };
      else if (run && parent === 'w:rPr' && grandparent === 'w:r') {
        if (name === 'w:rStyle') run.styleId = attrValue(rawAttrs, 'w:val', true) || undefined;
        else if (RUN_PROPS.has(name)) {
          const val = attrValue(rawAttrs, runPropValueAttr(name), true) ?? '';
          setRunProp(run.props, name, val);
          run.signature += `${name}=${val};`;
        }
      } else if (run && parent === 'w:r') {
        if (name === 'w:t') inText = true;
        else if (name === 'w:tab' || name === 'w:br' || name === 'w:cr') run.text += ' ';
        else if (name === 'w:noBreakHyphen') run.text += '-';
      }
    },
    close(name) {
      stack.pop();
      if (skipping > 0) {
        skipping--;
        return;
      }
      if (name === 'w:t') inText = false;
      else if (name === 'w:r' && run && paragraph) {
        if (run.text !== '') {
          const key = `${paragraph.styleId ?? ''}\u0000${run.styleId ?? ''}\u0000${run.signature}`;
          let format = resolved.get(key);
          if (!format) resolved.set(key, (format = styles.resolveRun(paragraph.styleId, run.styleId, run.props)));
          addRun(paragraph.runs, run.text, format);
        }
        run = null;
      } else if (name === 'w:p' && paragraph) {
        const role = styles.paragraphRole(paragraph.styleId, paragraph.level);
        onParagraph({
          role,
          runs: paragraph.runs,
          text: paragraph.runs.map((r) => r.text).join(''),
          base: styles.resolveRun(paragraph.styleId, undefined, {}),
        });
        if (role === 'tag') onTag?.(++tags);
        paragraph = null;
      }
    },
    text(text) {
      if (inText && run && skipping === 0) run.text += text;
    },
  }, true);
  return sawBody ? { page } : null;
}

// Word splits runs at every edit (rsids); runs that look the same are one run to a reader.
function addRun(runs: WordRun[], text: string, format: ResolvedRun): void {
  const last = runs[runs.length - 1];
  if (last && sameFormat(last.format, format)) last.text += text;
  else runs.push({ text, format });
}

function sameFormat(a: ResolvedRun, b: ResolvedRun): boolean {
  return a === b || (
    a.bold === b.bold && a.underline === b.underline && a.highlight === b.highlight && a.sizeHalfPts === b.sizeHalfPts &&
    a.shading === b.shading && a.citeStyled === b.citeStyled && a.emphasisStyled === b.emphasisStyled
  );
}
