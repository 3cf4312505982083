// Word's highlight palette (w:highlight): the schema's colours plus white, which Word allows and
// some debaters use. Importers, exporters, print and clipboard HTML all speak these names.
import { DEFAULT_HIGHLIGHT, HIGHLIGHT_COLOURS } from './schema.js';

export type WordHighlight = (typeof HIGHLIGHT_COLOURS)[number] | 'white';

export const WORD_HIGHLIGHTS: readonly WordHighlight[] = [...HIGHLIGHT_COLOURS, 'white'];

// The colours Word paints them with; on the dark ones Word turns automatic text white.
const CSS: Record<WordHighlight, { background: string; text: string }> = {
  yellow: { background: '#ffff00', text: '#000000' },
  green: { background: '#00ff00', text: '#000000' },
  cyan: { background: '#00ffff', text: '#000000' },
  magenta: { background: '#ff00ff', text: '#000000' },
  blue: { background: '#0000ff', text: '#ffffff' },
  red: { background: '#ff0000', text: '#000000' },
  darkBlue: { background: '#000080', text: '#ffffff' },
  darkCyan: { background: '#008080', text: '#ffffff' },
  darkGreen: { background: '#008000', text: '#ffffff' },
  darkMagenta: { background: '#800080', text: '#ffffff' },
  darkRed: { background: '#800000', text: '#ffffff' },
  darkYellow: { background: '#808000', text: '#ffffff' },
  darkGray: { background: '#808080', text: '#ffffff' },
  lightGray: { background: '#c0c0c0', text: '#000000' },
  black: { background: '#000000', text: '#ffffff' },
  white: { background: '#ffffff', text: '#000000' },
};

const BY_LOWER = new Map<string, WordHighlight>(WORD_HIGHLIGHTS.map((c) => [c.toLowerCase(), c]));
const BY_BACKGROUND = new Map<string, WordHighlight>(WORD_HIGHLIGHTS.map((c) => [CSS[c].background, c]));
const SHADING = /^#[0-9a-f]{6}$/;

/** A highlight colour that is shading (w:shd fill, '#rrggbb') rather than a Word highlight name. */
export const isShading = (colour: string): boolean => SHADING.test(colour);

/** The highlight colour of a shading fill (RRGGBB): the Word highlight it paints as, else '#rrggbb'. */
export function shadingHighlight(fill: string): string {
  const css = `#${fill.toLowerCase()}`;
  return BY_BACKGROUND.get(css) ?? css;
}

/** A colour name as Word spells it; anything unknown is the default highlight. */
export function wordHighlight(colour: string): WordHighlight {
  return BY_LOWER.get(colour.toLowerCase()) ?? (DEFAULT_HIGHLIGHT as WordHighlight);
}

export function highlightCss(colour: string): { background: string; text: string } {
  return isShading(colour) ? { background: colour, text: '#000000' } : CSS[wordHighlight(colour)];
}
