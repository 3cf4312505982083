// A streaming, checking XML scanner for the one big part of a .docx, word/document.xml.
// fast-xml-parser builds a tree of every element: on the 15 MB document.xml of a 1,000-card
// brief that took 2.2 s of CPU (plus 0.6 s to validate), over the whole import's 2 s budget.
// Scanning without a tree takes about 0.2 s and checks well-formedness on the way.

export class XmlSyntaxError extends Error {}

export interface XmlHandler {
  open(name: string, attrs: string, selfClosing: boolean): void;
  close(name: string): void;
  text(text: string): void;
}

const TAG = /<(\/?)([A-Za-z_][\w:.-]*)((?:\s+[A-Za-z_][\w:.-]*\s*=\s*(?:"[^"<]*"|'[^'<]*'))*)\s*(\/?)>/y;
const ATTR = /([A-Za-z_][\w:.-]*)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;
const ENTITY = /&(?:(amp|lt|gt|quot|apos)|#(\d{1,7})|#x([0-9a-fA-F]{1,6}));/g;
const STRAY_AMP = /&(?!(?:amp|lt|gt|quot|apos|#\d{1,7}|#x[0-9a-fA-F]{1,6});)/;
const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/**
 * Scans `xml`, checking it is well-formed. With `bytes`, `xml` is the part's raw bytes as a
 * one-byte string (DocxPackage.readBytes): markup is ASCII, so only text (and the attribute
 * values read through attrValue) is decoded from UTF-8, and the 8 MB part is never decoded whole.
 */
export function scanXml(xml: string, handler: XmlHandler, bytes = false): void {
  const open: string[] = [];
  let i = 0;
  const fail = (at: number, problem: string): never => {
    let line = 1;
    for (let k = xml.indexOf('\n'); k >= 0 && k < at; k = xml.indexOf('\n', k + 1)) line++;
    throw new XmlSyntaxError(`line ${line}: ${problem}`);
  };
  while (i < xml.length) {
    const lt = xml.indexOf('<', i);
    const textEnd = lt < 0 ? xml.length : lt;
    if (textEnd > i) {
      const text = xml.slice(i, textEnd);
      const decoded = decodeXmlText(bytes ? utf8(text) : text);
      if (decoded === null) fail(i, 'a stray & or an unknown entity');
      else if (open.length > 0) handler.text(decoded);
      else if (text.trim() !== '') fail(i, 'text outside the root element');
    }
    if (lt < 0) break;
    if (xml.startsWith('<?', lt)) {
      i = endOf(xml, '?>', lt, fail);
    } else if (xml.startsWith('<!--', lt)) {
      i = endOf(xml, '-->', lt, fail);
    } else if (xml.startsWith('<![CDATA[', lt)) {
      const end = endOf(xml, ']]>', lt, fail);
      if (open.length === 0) fail(lt, 'CDATA outside the root element');
      const cdata = xml.slice(lt + 9, end - 3);
      handler.text(bytes ? utf8(cdata) : cdata);
      i = end;
    } else if (xml.startsWith('<!', lt)) {
      // A DTD is how entity-expansion bombs get in; Word never writes one.
      fail(lt, 'a DTD or entity declaration, which Word never writes');
    } else {
      TAG.lastIndex = lt;
      const m = TAG.exec(xml);
      if (!m) fail(lt, 'a malformed tag');
      const [, slash, name, attrs, selfClose] = m as RegExpExecArray & [string, string, string, string, string];
      i = TAG.lastIndex;
      if (slash) {
        if (attrs || selfClose) fail(lt, `a malformed closing tag </${name}>`);
        const expected = open.pop();
        if (expected !== name) fail(lt, expected ? `</${name}> closes <${expected}>` : `</${name}> closes nothing`);
        handler.close(name);
      } else {
        handler.open(name, attrs, selfClose === '/');
        if (selfClose) handler.close(name);
        else open.push(name);
      }
    }
  }
  if (open.length > 0) fail(xml.length, `<${open[open.length - 1]}> is never closed (the part is cut short)`);
}

function endOf(xml: string, terminator: string, from: number, fail: (at: number, problem: string) => never): number {
  const end = xml.indexOf(terminator, from);
  if (end < 0) fail(from, `an unterminated ${xml.slice(from, from + 4)}`);
  return end + terminator.length;
}

/** Text with its character references decoded; null when it holds a stray & or an unknown entity. */
function decodeXmlText(text: string): string | null {
  if (!text.includes('&')) return text;
  if (STRAY_AMP.test(text)) return null;
  return text.replace(ENTITY, (_m, named: string | undefined, dec: string | undefined, hex: string | undefined) => {
    if (named) return NAMED[named]!;
    const code = dec ? Number(dec) : parseInt(hex!, 16);
    return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : '\uFFFD';
  });
}

const HIGH_BYTE = /[\x80-\xff]/;

/** A one-byte string of UTF-8 bytes as text (ASCII, the common case, as it is). */
export function utf8(byteString: string): string {
  return HIGH_BYTE.test(byteString) ? Buffer.from(byteString, 'latin1').toString('utf8') : byteString;
}

/**
 * One attribute of a tag's raw attributes (as scanXml gives them; `bytes` as scanXml's):
 * found directly in the form Word writes (name="value"), else through attrsOf.
 */
export function attrValue(raw: string, name: string, bytes = false): string | undefined {
  const at = raw.indexOf(`${name}="`);
  let value: string | undefined;
  if (at >= 0 && (at === 0 || /\s/.test(raw[at - 1]!))) {
    const start = at + name.length + 2;
    value = raw.slice(start, raw.indexOf('"', start));
    if (value.includes('&')) value = decodeXmlText(value) ?? value;
  } else {
    value = attrsOf(raw)[name];
  }
  return value !== undefined && bytes ? utf8(value) : value;
}

/** The attributes of a tag, parsed only for the elements a reader cares about. */
export function attrsOf(raw: string): Record<string, string> {
  const out: Record<string, string> = {};
  if (!raw) return out;
  for (const m of raw.matchAll(ATTR)) {
    const value = m[2] ?? m[3] ?? '';
    out[m[1]!] = decodeXmlText(value) ?? value;
  }
  return out;
}
