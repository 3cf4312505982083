// The styles of Verbatim's Word template, with its style ids, names and aliases, so that
// Verbatim's macros (which find headings, cites and underlining by style) work on our files.
// Written as styles.xml because the docx package has no way to give a style its aliases.

interface StyleDef {
  type: 'paragraph' | 'character';
  id: string;
  name: string;
  aliases?: string;
  basedOn?: string;
  next?: string;
  uiPriority?: number;
  isDefault?: boolean;
  pPr?: string;
  rPr?: string;
}

const FONT = '<w:rFonts w:ascii="Calibri" w:hAnsi="Calibri" w:eastAsia="Calibri" w:cs="Calibri"/>';
const BOX = ['top', 'left', 'bottom', 'right'].map((side) => `<w:${side} w:val="single" w:sz="12" w:space="1" w:color="auto"/>`).join('');
const HEADING_PPR = (level: number, extra: string): string =>
  `<w:keepNext/><w:keepLines/>${extra}<w:spacing w:before="240" w:after="0"/><w:outlineLvl w:val="${level}"/>`;

/** Normal body size in half-points (11 pt): shrunk text is measured against it. */
export const NORMAL_SIZE_HALF_PTS = 22;

export const STYLE_IDS = {
  pocket: 'Heading1',
  hat: 'Heading2',
  block: 'Heading3',
  tag: 'Heading4',
  cite: 'Style13ptBold',
  underline: 'StyleUnderline',
  emphasis: 'Emphasis',
  analytic: 'Analytic',
} as const;

const STYLES: StyleDef[] = [
  { type: 'paragraph', id: 'Normal', name: 'Normal', isDefault: true, uiPriority: 0, rPr: `${FONT}<w:sz w:val="22"/><w:szCs w:val="22"/>` },
  {
    type: 'paragraph', id: 'Heading1', name: 'heading 1', aliases: 'Pocket', basedOn: 'Normal', next: 'Normal', uiPriority: 9,
    pPr: HEADING_PPR(0, `<w:pageBreakBefore/><w:pBdr>${BOX}</w:pBdr><w:jc w:val="center"/>`),
    rPr: '<w:b/><w:bCs/><w:sz w:val="52"/><w:szCs w:val="52"/>',
  },
  {
    type: 'paragraph', id: 'Heading2', name: 'heading 2', aliases: 'Hat', basedOn: 'Normal', next: 'Normal', uiPriority: 9,
    pPr: HEADING_PPR(1, '<w:pageBreakBefore/><w:jc w:val="center"/>'),
    rPr: '<w:b/><w:bCs/><w:sz w:val="44"/><w:szCs w:val="44"/><w:u w:val="double"/>',
  },
  {
    type: 'paragraph', id: 'Heading3', name: 'heading 3', aliases: 'Block', basedOn: 'Normal', next: 'Normal', uiPriority: 9,
    pPr: HEADING_PPR(2, '<w:pageBreakBefore/><w:jc w:val="center"/>'),
    rPr: '<w:b/><w:bCs/><w:sz w:val="32"/><w:szCs w:val="32"/><w:u w:val="single"/>',
  },
  {
    type: 'paragraph', id: 'Heading4', name: 'heading 4', aliases: 'Tag', basedOn: 'Normal', next: 'Normal', uiPriority: 9,
    pPr: HEADING_PPR(3, ''),
    rPr: '<w:b/><w:bCs/><w:sz w:val="26"/><w:szCs w:val="26"/>',
  },
  {
    type: 'paragraph', id: 'Analytic', name: 'Analytic', basedOn: 'Normal', next: 'Normal', uiPriority: 9,
    rPr: '<w:b/><w:bCs/><w:sz w:val="24"/><w:szCs w:val="24"/>',
  },
  { type: 'character', id: 'DefaultParagraphFont', name: 'Default Paragraph Font', isDefault: true, uiPriority: 1 },
  {
    type: 'character', id: 'Style13ptBold', name: 'Style 13 pt Bold', aliases: 'Cite', basedOn: 'DefaultParagraphFont', uiPriority: 1,
    rPr: '<w:b/><w:sz w:val="26"/>',
  },
  {
    type: 'character', id: 'StyleUnderline', name: 'Style Underline', aliases: 'Underline', basedOn: 'DefaultParagraphFont', uiPriority: 1,
    rPr: '<w:b w:val="0"/><w:u w:val="single"/>',
  },
  {
    type: 'character', id: 'Emphasis', name: 'Emphasis', basedOn: 'DefaultParagraphFont', uiPriority: 20,
    rPr: '<w:b/><w:iCs/><w:u w:val="single"/>',
  },
];

function styleXml(s: StyleDef): string {
  const attrs = `w:type="${s.type}"${s.isDefault ? ' w:default="1"' : ''} w:styleId="${s.id}"`;
  return [
    `<w:style ${attrs}>`,
    `<w:name w:val="${s.name}"/>`,
    s.aliases ? `<w:aliases w:val="${s.aliases}"/>` : '',
    s.basedOn ? `<w:basedOn w:val="${s.basedOn}"/>` : '',
    s.next ? `<w:next w:val="${s.next}"/>` : '',
    s.uiPriority !== undefined ? `<w:uiPriority w:val="${s.uiPriority}"/>` : '',
    '<w:qFormat/>',
    s.pPr ? `<w:pPr>${s.pPr}</w:pPr>` : '',
    s.rPr ? `<w:rPr>${s.rPr}</w:rPr>` : '',
    '</w:style>',
  ].join('');
}

export type StyleRole = keyof typeof STYLE_IDS;
export type StyleIds = Record<StyleRole, string>;

const normalName = (name: string): string => name.toLowerCase().replace(/[^a-z0-9]/g, '');

/**
 * The styles an export writes, and the style id for each role: the source file's own styles (so
 * its Emphasis, fonts and headings look as they did), each role found by Verbatim's id or by
 * name (a German Word calls Heading 4 "berschrift4" but still names it "heading 4"), with any of
 * Verbatim's styles it lacks added; Verbatim's own styles for a brief made here.
 */
export function exportStyles(sourceStylesXml: string | null): { xml: string; ids: StyleIds } {
  if (!sourceStylesXml || !/<\/w:styles>\s*$/.test(sourceStylesXml)) return { xml: VERBATIM_STYLES_XML, ids: { ...STYLE_IDS } };
  const byId = new Set<string>();
  const byName = new Map<string, string>();
  for (const m of sourceStylesXml.matchAll(/<w:style\b[^>]*\bw:styleId="([^"]*)"[^>]*>\s*<w:name w:val="([^"]*)"/g)) {
    byId.add(m[1]!);
    if (!byName.has(normalName(m[2]!))) byName.set(normalName(m[2]!), m[1]!);
  }
  for (const m of sourceStylesXml.matchAll(/w:styleId="([^"]*)"/g)) byId.add(m[1]!);
  const ids = { ...STYLE_IDS } as StyleIds;
  const missing: StyleDef[] = [];
  for (const role of Object.keys(STYLE_IDS) as StyleRole[]) {
    const def = STYLES.find((s) => s.id === STYLE_IDS[role])!;
    const found = byId.has(def.id) ? def.id : byName.get(normalName(def.name));
    if (found) ids[role] = found;
    else missing.push(def);
  }
  return { xml: sourceStylesXml.replace(/<\/w:styles>\s*$/, `${missing.map(styleXml).join('')}</w:styles>`), ids };
}

export const VERBATIM_STYLES_XML = [
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>',
  '<w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">',
  `<w:docDefaults><w:rPrDefault><w:rPr>${FONT}<w:sz w:val="22"/><w:szCs w:val="22"/><w:lang w:val="en-US"/></w:rPr></w:rPrDefault>`,
  '<w:pPrDefault><w:pPr><w:spacing w:after="0" w:line="240" w:lineRule="auto"/></w:pPr></w:pPrDefault></w:docDefaults>',
  ...STYLES.map(styleXml),
  '</w:styles>',
].join('');
