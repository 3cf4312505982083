// Real pages nest a few dozen elements deep; a page nested thousands deep is damaged or hostile,
// and jsdom plus Readability take tens of seconds on it (found by the fuzzer). Measured on the
// raw markup, before any parser sees it.

export const MAX_HTML_DEPTH = 1000;

// Elements that never hold content, and elements whose end tag HTML lets authors leave out:
// neither may count as nesting, or sloppy but ordinary pages would be refused.
const NOT_NESTING = new Set([
  'area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'source', 'track', 'wbr',
  'p', 'li', 'dt', 'dd', 'tr', 'td', 'th', 'option', 'optgroup', 'thead', 'tbody', 'tfoot', 'colgroup',
  'rb', 'rt', 'rp', 'html', 'head', 'body',
]);

/** The deepest nesting of elements that need an end tag. */
export function htmlDepth(html: string): number {
  let depth = 0;
  let deepest = 0;
  for (const m of html.matchAll(/<(\/?)([a-zA-Z][\w:-]*)[^>]*?(\/?)>/g)) {
    const name = m[2]!.toLowerCase();
    if (NOT_NESTING.has(name) || m[3] === '/') continue;
    if (m[1] === '/') depth = Math.max(0, depth - 1);
    else deepest = Math.max(deepest, ++depth);
  }
  return deepest;
}
