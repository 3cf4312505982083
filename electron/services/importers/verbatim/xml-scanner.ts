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

// A tag's attributes and its end, from just after its name; checked, not just skipped. Tested,
// not matched: a match's array and strings for each of a big brief's 300k tags with attributes
// were a third of what its import allocated.
const ATTRS_END = /(?:\s+[A-Za-z_][\w:.-]*\s*=\s*(?:"[^"<]*"|'[^'<]*'))*\s*\/?>/y;
const CLOSE_END = /\s*>/y;
// Characters of an XML name as Word writes them (ASCII letters, digits, _ : . -).
const NAME_CHAR = new Uint8Array(128);
for (let c = 0; c < 128; c++) NAME_CHAR[c] = /[\w:.-]/.test(String.fromCharCode(c)) ? 1 : 0;
const SLASH = 47;
const GT = 62;
const BANG = 33;
const QUESTION = 63;
const DOUBLE_QUOTE = 34;
const SINGLE_QUOTE = 39;
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
    const next = xml.charCodeAt(lt + 1);
    if (next === QUESTION) {
      i = endOf(xml, '?>', lt, fail);
    } else if (next === BANG) {
      if (xml.startsWith('<!--', lt)) {
        i = endOf(xml, '-->', lt, fail);
      } else if (xml.startsWith('<![CDATA[', lt)) {
        const end = endOf(xml, ']]>', lt, fail);
        if (open.length === 0) fail(lt, 'CDATA outside the root element');
        const cdata = xml.slice(lt + 9, end - 3);
        handler.text(bytes ? utf8(cdata) : cdata);
        i = end;
      } else {
        // A DTD is how entity-expansion bombs get in; Word never writes one.
        fail(lt, 'a DTD or entity declaration, which Word never writes');
      }
    } else {
      // The name read by hand (400k tags in a big brief: no regex match object for the common part).
      const closing = next === SLASH;
      const nameStart = closing ? lt + 2 : lt + 1;
      const first = xml.charCodeAt(nameStart);
      if (!(first < 128 && NAME_CHAR[first] === 1 && !(first >= 48 && first <= 57) && first !== 45 && first !== 46 && first !== 58)) fail(lt, 'a malformed tag');
      let end = nameStart + 1;
      for (let c = xml.charCodeAt(end); c < 128 && NAME_CHAR[c] === 1; c = xml.charCodeAt(++end));
      const name = xml.slice(nameStart, end);
      if (closing) {
        CLOSE_END.lastIndex = end;
        if (!CLOSE_END.test(xml)) fail(lt, `a malformed closing tag </${name}>`);
        i = CLOSE_END.lastIndex;
        const expected = open.pop();
        if (expected !== name) fail(lt, expected ? `</${name}> closes <${expected}>` : `</${name}> closes nothing`);
        handler.close(name);
      } else {
        let attrs = '';
        let selfClose = false;
        const after = xml.charCodeAt(end);
        if (after === GT) i = end + 1;
        else if (after === SLASH && xml.charCodeAt(end + 1) === GT) {
          i = end + 2;
          selfClose = true;
        } else {
          ATTRS_END.lastIndex = end;
          if (!ATTRS_END.test(xml)) fail(lt, 'a malformed tag');
          i = ATTRS_END.lastIndex;
          // A / just before the > ends the tag: after an attribute's closing quote nothing else can.
          selfClose = xml.charCodeAt(i - 2) === SLASH;
          // The attributes as written, up to the last one's closing quote.
          let attrsEnd = selfClose ? i - 2 : i - 1;
          while (attrsEnd > end && xml.charCodeAt(attrsEnd - 1) !== DOUBLE_QUOTE && xml.charCodeAt(attrsEnd - 1) !== SINGLE_QUOTE) attrsEnd--;
          attrs = xml.slice(end, attrsEnd);
        }
        handler.open(name, attrs, selfClose);
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
