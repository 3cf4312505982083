import { describe, expect, it } from 'vitest';
import { DESK, briefMin, fitPanes, outlineWidth, type Panes } from '../../renderer/src/briefs/desk-fit.js';

const all: Panes = { list: true, outline: true, speech: true, speechOutline: true };
const none: Panes = { list: false, outline: false, speech: false, speechOutline: false };

describe('fitPanes: side panes fold, in order, so the brief keeps its text column', () => {
  // Area widths: the window less main's padding (2 × 1rem) and a scrollbar.
  it.each([
    ['1024 wide, every pane wanted: the speech doc stays, narrow', 977, all, undefined, { list: false, outline: false, speech: true, speechOutline: false }],
    ['1024 wide, no speech doc: the outline fits beside the brief', 977, { ...all, speech: false }, undefined, { list: false, outline: true, speech: false, speechOutline: false }],
    ['1440 wide, every pane wanted: the brief keeps its outline', 1393, all, undefined, { list: false, outline: true, speech: true, speechOutline: false }],
    ['1440 wide, the list opened last: it stays, the outline folds', 1393, all, 'list', { list: true, outline: false, speech: true, speechOutline: false }],
    ['1600 wide, the list opened last: it stays beside the brief and its outline', 1553, all, 'list', { list: true, outline: true, speech: true, speechOutline: false }],
    ['1920 wide: everything fits', 1873, all, undefined, all],
    ['800 wide: the speech doc folds too', 760, all, undefined, none],
    ['nothing wanted: nothing shown', 1393, none, undefined, none],
  ] as const)('%s', (_, width, wanted, keep, shown) => {
    expect(fitPanes(width, wanted, keep)).toEqual(shown);
  });

  it('never leaves the brief under its text column while a pane could fold', () => {
    for (let width = 600; width <= 2400; width += 7) {
      const shown = fitPanes(width, all);
      const outline = outlineWidth(width);
      const used = (shown.list ? DESK.list : DESK.strip) + DESK.gap + briefMin(shown, outline)
        + (shown.speech ? DESK.split + (shown.speechOutline ? outline : DESK.strip) + DESK.gap + DESK.speechMin : 0);
      if (shown.list || shown.outline || shown.speech) expect(used, `width ${width}`).toBeLessThanOrEqual(width);
    }
  });
});
