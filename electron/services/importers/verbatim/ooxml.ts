// WordprocessingML as fast-xml-parser's preserveOrder tree: each element is an object with one
// key (its tag) holding its children, attributes under ':@', text under '#text'.
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { ImportError } from '../import-error.js';

export type XmlNode = Record<string, unknown>;

const parser = new XMLParser({
  preserveOrder: true,
  ignoreAttributes: false,
  attributeNamePrefix: '',
  trimValues: false,
  parseTagValue: false,
  parseAttributeValue: false,
  // Numeric character references (&#8217;) are common in Word text; named HTML entities are not XML.
  htmlEntities: true,
});

/**
 * Parses one part of the package. A DTD is refused outright: Word never writes one, and
 * entity expansion is the classic way to turn a small XML file into a huge one.
 */
export function parseXmlPart(xml: string, part: string, source: string): XmlNode[] {
  if (/<!DOCTYPE|<!ENTITY/i.test(xml)) throw new ImportError(source, `its ${part} declares a DTD, which Word never writes; refused as unsafe.`);
  const valid = XMLValidator.validate(xml);
  if (valid !== true) throw new ImportError(source, `its ${part} is not well-formed XML (line ${valid.err.line}: ${valid.err.msg}).`);
  return parser.parse(xml) as XmlNode[];
}

export function tagOf(node: XmlNode): string {
  for (const key in node) if (key !== ':@') return key;
  return '';
}

export function childrenOf(node: XmlNode): XmlNode[] {
  const value = node[tagOf(node)];
  return Array.isArray(value) ? (value as XmlNode[]) : [];
}

export function attr(node: XmlNode, name: string): string | undefined {
  const attrs = node[':@'] as Record<string, string> | undefined;
  return attrs?.[name];
}

export function child(node: XmlNode, tag: string): XmlNode | undefined {
  return childrenOf(node).find((c) => tag in c);
}

/** The w:val of a child element: undefined when the child is absent, '' when it has no w:val. */
export function childVal(node: XmlNode | undefined, tag: string): string | undefined {
  if (!node) return undefined;
  const c = child(node, tag);
  return c ? (attr(c, 'w:val') ?? '') : undefined;
}

export function textOf(node: XmlNode): string {
  let out = '';
  for (const c of childrenOf(node)) if ('#text' in c) out += String(c['#text']);
  return out;
}

/** An OOXML on/off property (w:b, w:u's absence aside): present means on unless it says off. */
export function onOff(val: string | undefined): boolean | undefined {
  if (val === undefined) return undefined;
  return !(val === '0' || val === 'false' || val === 'off');
}
