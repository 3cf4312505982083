// What a paragraph or run of a Word file really is, resolved through its style chain.
// Files in the wild name styles anything ("Style Underline", "Heading 1 Char", "Card Text
// 2"): a run is underlined when its resolved formatting says so, whatever the style is called.
import { attr, child, childrenOf, childVal, onOff, tagOf, type XmlNode } from './ooxml.js';

export type ParagraphRole = 'pocket' | 'hat' | 'block' | 'tag' | 'cite' | 'analytic';

/** Run formatting as stated at one level (style or direct); undefined means "not said here". */
export interface RunProps {
  bold?: boolean;
  underline?: boolean;
  /** A Word highlight colour; null when a level explicitly says none. */
  highlight?: string | null;
  sizeHalfPts?: number;
  /** Shading fill (w:shd w:fill) as RRGGBB; null when a level explicitly says none. */
  shading?: string | null;
}

export interface ResolvedRun {
  bold: boolean;
  underline: boolean;
  highlight: string | null;
  sizeHalfPts: number;
  /**
   * The size the run's styles give it: its paragraph's, or its character style's when that is
   * one Cardfile writes back (cite, underline, emphasis). A run's own size is one that differs.
   */
  styleSizeHalfPts: number;
  shading: string | null;
  /** The run's character style is Verbatim's cite style (by name or alias). */
  citeStyled: boolean;
  /** The run's character style is Emphasis (by id, name or alias, through basedOn), whatever it looks like. */
  emphasisStyled: boolean;
}

interface WordStyle {
  id: string;
  type: string;
  /** id, name parts and aliases, normalised, in the order they decide a role. */
  names: string[];
  basedOn: string | undefined;
  outlineLevel: number | undefined;
  run: RunProps;
}

const ROLE_NAMES: Record<string, ParagraphRole> = {
  heading1: 'pocket', pocket: 'pocket',
  heading2: 'hat', hat: 'hat',
  heading3: 'block', block: 'block',
  heading4: 'tag', tag: 'tag', tags: 'tag',
  cite: 'cite',
  analytic: 'analytic', analytics: 'analytic',
};
const LEVEL_ROLES: ParagraphRole[] = ['pocket', 'hat', 'block', 'tag'];
const CITE_CHAR_NAMES = new Set(['cite', 'style13ptbold']);
const EMPHASIS_CHAR_NAME = 'emphasis';
const UNDERLINE_CHAR_NAMES = new Set(['underline', 'styleunderline']);
const WORD_DEFAULT_SIZE = 20; // Word's own default when styles.xml says nothing: 10 pt.

const normalise = (name: string): string => name.toLowerCase().replace(/[^a-z0-9]/g, '');

/**
 * Reads one run property element (w:b, w:u, w:highlight, w:sz, w:shd) into props; val is the
 * element's w:val ('' when it has none), or for w:shd its w:fill.
 */
export function setRunProp(props: RunProps, name: string, val: string): void {
  switch (name) {
    case 'w:b':
      props.bold = onOff(val) ?? true;
      break;
    case 'w:u':
      props.underline = val !== 'none' && val !== '';
      break;
    case 'w:highlight':
      props.highlight = val === 'none' || val === '' ? null : val;
      break;
    case 'w:sz': {
      const size = Number(val);
      if (Number.isFinite(size) && size > 0) props.sizeHalfPts = size;
      break;
    }
    case 'w:shd':
      // Shading used as highlight: a real fill colour; auto and white are no highlight.
      props.shading = /^[0-9A-Fa-f]{6}$/.test(val) && val.toUpperCase() !== 'FFFFFF' ? val.toUpperCase() : null;
      break;
  }
}

/** The attribute a run property element carries its value in. */
export const runPropValueAttr = (name: string): string => (name === 'w:shd' ? 'w:fill' : 'w:val');

export function readRunProps(rPr: XmlNode | undefined): RunProps {
  const props: RunProps = {};
  for (const node of rPr ? childrenOf(rPr) : []) setRunProp(props, tagOf(node), attr(node, runPropValueAttr(tagOf(node))) ?? '');
  return props;
}

export class StyleSheet {
  private readonly styles = new Map<string, WordStyle>();
  private readonly defaults: RunProps;
  /** The document's default font: docDefaults' w:rFonts w:ascii, else the default paragraph style's. */
  readonly defaultFont: string | null;
  private readonly defaultParagraphStyle: string | undefined;
  private readonly resolvedCache = new Map<string, ResolvedRun>();
  private readonly roleCache = new Map<string, ParagraphRole | null>();

  constructor(stylesXml: XmlNode[] | null) {
    const root = stylesXml?.find((n) => tagOf(n) === 'w:styles');
    const docDefaultRun = root && child(root, 'w:docDefaults');
    const rPrDefault = docDefaultRun && child(docDefaultRun, 'w:rPrDefault');
    this.defaults = readRunProps(rPrDefault && child(rPrDefault, 'w:rPr'));
    let defaultParagraph: string | undefined;
    for (const node of root ? childrenOf(root) : []) {
      if (tagOf(node) !== 'w:style') continue;
      const style = readStyle(node);
      this.styles.set(style.id, style);
      if (style.type === 'paragraph' && onOff(attr(node, 'w:default')) === true) defaultParagraph = style.id;
    }
    this.defaultParagraphStyle = defaultParagraph;
    const fontOf = (rPr: XmlNode | undefined): string | undefined => {
      const fonts = rPr && child(rPr, 'w:rFonts');
      return fonts ? (attr(fonts, 'w:ascii') ?? attr(fonts, 'w:hAnsi')) : undefined;
    };
    const normalNode = defaultParagraph === undefined ? undefined : root && childrenOf(root).find((n) => tagOf(n) === 'w:style' && attr(n, 'w:styleId') === defaultParagraph);
    this.defaultFont = fontOf(normalNode && child(normalNode, 'w:rPr')) ?? fontOf(rPrDefault && child(rPrDefault, 'w:rPr')) ?? null;
  }

  /** The outline role of a paragraph: by style id, name or alias, else by outline level. */
  paragraphRole(styleId: string | undefined, directOutlineLevel: number | undefined): ParagraphRole | null {
    if (directOutlineLevel !== undefined) return LEVEL_ROLES[directOutlineLevel] ?? null;
    const key = styleId ?? '';
    const cached = this.roleCache.get(key);
    if (cached !== undefined) return cached;
    let role: ParagraphRole | null = null;
    for (const style of this.chain(styleId ?? this.defaultParagraphStyle)) {
      const byName = style.names.map((n) => ROLE_NAMES[n]).find((r) => r !== undefined);
      if (byName) {
        role = byName;
        break;
      }
      if (style.outlineLevel !== undefined) {
        role = LEVEL_ROLES[style.outlineLevel] ?? null;
        break;
      }
    }
    this.roleCache.set(key, role);
    return role;
  }

  /** A run's formatting: document defaults, then paragraph style chain, character style chain, direct. */
  resolveRun(paragraphStyleId: string | undefined, charStyleId: string | undefined, direct: RunProps): ResolvedRun {
    const key = `${paragraphStyleId ?? ''}\u0000${charStyleId ?? ''}`;
    let base = this.resolvedCache.get(key);
    if (!base) {
      const props: RunProps = { ...this.defaults };
      for (const style of this.chain(paragraphStyleId ?? this.defaultParagraphStyle).reverse()) Object.assign(props, style.run);
      const paragraphSize = props.sizeHalfPts ?? WORD_DEFAULT_SIZE;
      const charChain = this.chain(charStyleId);
      for (const style of [...charChain].reverse()) Object.assign(props, style.run);
      const citeStyled = charChain.some((s) => s.names.some((n) => CITE_CHAR_NAMES.has(n)));
      const emphasisStyled = charChain.some((s) => s.names.includes(EMPHASIS_CHAR_NAME));
      const written = citeStyled || emphasisStyled || charChain.some((s) => s.names.some((n) => UNDERLINE_CHAR_NAMES.has(n)));
      base = {
        bold: props.bold ?? false,
        underline: props.underline ?? false,
        highlight: props.highlight ?? null,
        sizeHalfPts: props.sizeHalfPts ?? WORD_DEFAULT_SIZE,
        styleSizeHalfPts: written ? (props.sizeHalfPts ?? WORD_DEFAULT_SIZE) : paragraphSize,
        shading: props.shading ?? null,
        citeStyled,
        emphasisStyled,
      };
      this.resolvedCache.set(key, base);
    }
    return {
      bold: direct.bold ?? base.bold,
      underline: direct.underline ?? base.underline,
      highlight: direct.highlight !== undefined ? direct.highlight : base.highlight,
      sizeHalfPts: direct.sizeHalfPts ?? base.sizeHalfPts,
      styleSizeHalfPts: base.styleSizeHalfPts,
      shading: direct.shading !== undefined ? direct.shading : base.shading,
      citeStyled: base.citeStyled,
      emphasisStyled: base.emphasisStyled,
    };
  }

  /** The style and its basedOn ancestors, nearest first; a cycle in a broken file ends the chain. */
  private chain(styleId: string | undefined): WordStyle[] {
    const out: WordStyle[] = [];
    const seen = new Set<string>();
    let id = styleId;
    while (id !== undefined && !seen.has(id)) {
      seen.add(id);
      const style = this.styles.get(id);
      if (!style) break;
      out.push(style);
      id = style.basedOn;
    }
    return out;
  }
}

function readStyle(node: XmlNode): WordStyle {
  const id = attr(node, 'w:styleId') ?? '';
  const name = childVal(node, 'w:name') ?? '';
  const aliases = childVal(node, 'w:aliases') ?? '';
  const names = [id, ...name.split(','), ...aliases.split(',')].map(normalise).filter((n) => n !== '');
  const pPr = child(node, 'w:pPr');
  const level = Number(childVal(pPr, 'w:outlineLvl') || NaN);
  return {
    id,
    type: attr(node, 'w:type') ?? 'paragraph',
    names,
    basedOn: childVal(node, 'w:basedOn'),
    outlineLevel: Number.isInteger(level) && level >= 0 && level <= 8 ? level : undefined,
    run: readRunProps(child(node, 'w:rPr')),
  };
}
