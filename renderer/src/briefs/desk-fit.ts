// Which side panes of the Briefs area fit beside a readable brief: the debater's choice of open
// panes, folded in a fixed order (the brief list first, the speech doc last) until the brief's
// text column keeps TEXT_MIN px. No DOM: BriefsView measures the width and draws with these numbers.

/** Px widths the Briefs layout draws with; BriefsView hands the variable ones to CSS. */
export const DESK = {
  list: 240,
  /** A folded pane's strip (2.4rem) and the grid gap beside every pane (1rem). */
  strip: 39,
  gap: 16,
  /** The divider between brief and speech doc with its gaps (8px + 2 × 0.4rem). */
  split: 21,
  /** The editor's border and padding (1px + 2rem each side). */
  editorPad: 66,
  /** The brief's text column never gets narrower than this while a pane can fold instead. */
  textMin: 480,
  /** The narrowest speech doc worth keeping beside the brief (it mostly receives sends). */
  speechMin: 220,
} as const;

export type Pane = 'list' | 'outline' | 'speech' | 'speechOutline';
export type Panes = Record<Pane, boolean>;

const FOLD_ORDER: readonly Pane[] = ['list', 'speechOutline', 'outline', 'speech'];

/** The outline's width: about a quarter of the area, so tags show as much as the screen allows. */
export function outlineWidth(areaWidth: number): number {
  return Math.round(Math.min(380, Math.max(240, areaWidth * 0.24)));
}

const side = (open: boolean, width: number) => (open ? width : DESK.strip) + DESK.gap;

/** The least width of the brief's side of the desk (its outline, then the editor). */
export function briefMin(p: Panes, outline: number): number {
  return side(p.outline, outline) + DESK.textMin + DESK.editorPad;
}

/** The least width of the speech doc's side of the desk. */
export function speechMin(p: Panes, outline: number): number {
  return side(p.speechOutline, outline) + DESK.speechMin;
}

function needed(p: Panes, outline: number): number {
  return side(p.list, DESK.list) + briefMin(p, outline) + (p.speech ? DESK.split + speechMin(p, outline) : 0);
}

/**
 * The panes shown in an area `width` px wide: those `wanted`, less the first ones in fold order
 * until the rest fit. `keep` (the pane the debater opened last) folds only if nothing else can.
 */
export function fitPanes(width: number, wanted: Panes, keep?: Pane): Panes {
  const shown = { ...wanted };
  if (!shown.speech) shown.speechOutline = false;
  const outline = outlineWidth(width);
  for (const pane of [...FOLD_ORDER.filter((p) => p !== keep), ...(keep ? [keep] : [])]) {
    if (needed(shown, outline) <= width) break;
    shown[pane] = false;
  }
  return shown;
}
