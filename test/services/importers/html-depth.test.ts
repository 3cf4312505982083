import { describe, expect, it } from 'vitest';
import { articleFromHtml } from '../../../electron/services/importers/html-importer.js';
import { htmlDepth, MAX_HTML_DEPTH } from '../../../electron/services/importers/html-depth.js';

describe('htmlDepth', () => {
  it.each([
    ['a plain article', '<html><body><article><h1>T</h1><p>a<p>b</article></body></html>', 2],
    ['unclosed paragraphs and list items do not count', '<ul><li>a<li>b<li>c</ul>' + '<p>x'.repeat(5000), 1],
    ['void and self-closed elements do not count', '<div><br><img src=x><span/><hr></div>', 1],
    ['nesting as the fuzzer made it', '<div>' + '<w:p><span>'.repeat(3000), 6001],
  ])('%s', (_name, html, depth) => {
    expect(htmlDepth(html)).toBe(depth);
  });
});

describe('a page nested thousands deep', () => {
  it('is refused at once with one clear error, before any parser sees it', () => {
    const html = `<html><body><article><p>Ryabkov said so.</p>${'<div><span>'.repeat(MAX_HTML_DEPTH)}</article></body></html>`;
    expect(() => articleFromHtml(html, { source: 'deep.html' })).toThrow(`Could not import deep.html: the page's elements are nested more than ${MAX_HTML_DEPTH} deep`);
  });
});
