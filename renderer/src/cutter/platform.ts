/** Mod means Cmd on a Mac, Ctrl elsewhere (as in prosemirror-keymap). */
export const IS_MAC = typeof navigator !== 'undefined' && /Mac|iP(hone|ad|od)/.test(navigator.platform);
