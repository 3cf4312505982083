// A Word document that is not a Verbatim brief becomes an article: its paragraphs as the text,
// title and author from the core properties (or a heading-styled first paragraph). The package
// and XML readers are the Verbatim importer's, so both treat hostile .docx files the same way.
import type { ArticleFields } from '../../../shared/model.js';
import { guessTitle, isoDate } from '../../../shared/text.js';
import { ImportError } from './import-error.js';
import type { WordDocument } from './verbatim-docx.js';
import { childrenOf, parseXmlPart, tagOf, textOf, type XmlNode } from './verbatim/ooxml.js';
import { readParagraphs } from './verbatim/word-document.js';

const CORE = 'docProps/core.xml';

export function articleFromWord({ pkg, documentXml, documentPart, styles }: WordDocument, source: string): ArticleFields {
  const paragraphs = (readParagraphs(documentXml, styles, source, documentPart)?.paragraphs ?? [])
    .map((p) => ({ text: p.text.replace(/\s+/g, ' ').trim(), heading: p.role !== null && p.role !== 'cite' && p.role !== 'analytic' }))
    .filter((p) => p.text !== '');
  if (paragraphs.length === 0) throw new ImportError(source, 'the Word document has no text in it.');
  const coreXml = pkg.readText(CORE);
  const props = coreXml === null ? { title: '', creator: '' } : coreProperties(parseXmlPart(coreXml, CORE, source));

  // Without a title property, a heading among the first lines (or a short first line) is the title.
  const headingAt = paragraphs.findIndex((p, i) => i < 3 && p.heading);
  const titleAt = props.title ? -1 : headingAt >= 0 ? headingAt : paragraphs.length > 1 && paragraphs[0]!.text.length <= 200 ? 0 : -1;
  const title = props.title || (titleAt >= 0 ? paragraphs[titleAt]!.text : guessTitle(paragraphs[0]!.text));
  const body = paragraphs.filter((p, i) => i !== titleAt && !(i === 0 && p.text === title));
  return {
    title,
    authors: props.creator.split(/\s*;\s*/).filter(Boolean).map((name) => ({ name, quals: '' })),
    publication: '',
    publishedDate: '',
    url: '',
    accessedDate: isoDate(),
    sourceKind: 'docx',
    text: (body.length > 0 ? body : paragraphs).map((p) => p.text).join('\n\n'),
  };
}

function coreProperties(nodes: XmlNode[]): { title: string; creator: string } {
  const root = nodes.find((n) => tagOf(n) === 'cp:coreProperties');
  const field = (name: string): string => {
    const node = root && childrenOf(root).find((n) => tagOf(n) === name);
    return node ? textOf(node).replace(/\s+/g, ' ').trim() : '';
  };
  return { title: field('dc:title'), creator: field('dc:creator') };
}
