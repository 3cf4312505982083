// The streaming XML scanner under the Verbatim importer: well-formed parts give their events,
// anything malformed is refused with the line it is on, whatever fast path the tag takes.
import { describe, expect, it } from 'vitest';
import { scanXml, XmlSyntaxError } from '../../../electron/services/importers/verbatim/xml-scanner.js';

function events(xml: string, bytes = false): string[] {
  const out: string[] = [];
  scanXml(xml, { open: (name, attrs, self) => out.push(`<${name}${attrs}${self ? '/' : ''}>`), close: (name) => out.push(`</${name}>`), text: (t) => out.push(t) }, bytes);
  return out;
}

const bytesOf = (s: string): string => Buffer.from(s, 'utf8').toString('latin1');

describe('scanXml', () => {
  it.each([
    ['plain tags', '<a><b>x</b></a>', ['<a>', '<b>', 'x', '</b>', '</a>']],
    ['attributes, self-closing with and without attributes', '<w:p w:val="1"><w:b/><w:sz w:val=\'22\' /></w:p>', ['<w:p w:val="1">', '<w:b/>', '</w:b>', '<w:sz w:val=\'22\'/>', '</w:sz>', '</w:p>']],
    ['a closing tag with a space before >', '<a>x</a >', ['<a>', 'x', '</a>']],
    ['a space before > or />, with no attributes', '<a ><b /></a>', ['<a>', '<b/>', '</b>', '</a>']],
    ['attribute values holding / and >, and spaces before the end', '<a x="p/" y=\'>/\'  ><b z="/>"\t/></a>', ['<a x="p/" y=\'>/\'>', '<b z="/>"/>', '</b>', '</a>']],
    ['entities and CDATA', '<a>&amp;&#8217;<![CDATA[<b>]]></a>', ['<a>', '&’', '<b>', '</a>']],
    ['a declaration and a comment', '<?xml version="1.0"?><!-- c --><a/>', ['<a/>', '</a>']],
  ])('reads %s', (_what, xml, expected) => {
    expect(events(xml)).toEqual(expected);
  });

  it('decodes only the text from UTF-8 when given the bytes', () => {
    expect(events(bytesOf('<a t="é">Won’t &amp; “so”</a>'), true)).toEqual(['<a t="Ã©">', 'Won’t & “so”', '</a>']);
  });

  it.each([
    ['a tag closing the wrong element', '<a><b></a></b>', /line 1: <\/a> closes <b>/],
    ['an unquoted attribute', '<a b=1></a>', /malformed tag/],
    ['a name starting with a digit', '<1a></1a>', /malformed tag/],
    ['attributes on a closing tag', '<a></a b="1">', /malformed closing tag/],
    ['a part cut short', '<a><b>', /<b> is never closed/],
    ['a stray ampersand', '<a>x & y</a>', /stray &/],
    ['a DTD', '<!DOCTYPE a [<!ENTITY x "y">]><a/>', /DTD/],
    ['text outside the root', '<a/>text', /outside the root/],
    ['an error on the third line', '<a>\n<b>\n</c></a>', /line 3/],
  ])('refuses %s', (_what, xml, message) => {
    expect(() => events(xml)).toThrow(XmlSyntaxError);
    expect(() => events(xml)).toThrow(message);
  });
});
