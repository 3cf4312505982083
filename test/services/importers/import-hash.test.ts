// A brief's import hash names the document a re-import is checked against: it must stay the SHA-1
// of the title and the document's whole JSON text, as every brief imported before was hashed,
// however importHashOf walks the document to make it.
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { generateVerbatimDocx } from '../../../bench/verbatim-generator.js';
import { importHashOf } from '../../../electron/services/importers/import-into-library.js';
import { parseVerbatimDocx } from '../../../electron/services/importers/verbatim-docx.js';
import type { DocJSON } from '../../../shared/model.js';

const wholeText = (title: string, doc: DocJSON) => createHash('sha1').update(title).update('\n').update(JSON.stringify(doc)).digest('base64url');

const card = (text: string): DocJSON => ({
  type: 'card', attrs: { cardId: null, copiedFrom: null },
  content: [{ type: 'tag', content: [{ type: 'text', text }] }, { type: 'body', content: [{ type: 'paragraph', content: [{ type: 'text', text }] }] }],
});

const cases: [string, string, DocJSON][] = [
  ['attrs and several nodes', 'AT: Deterrence', { type: 'doc', attrs: { docx: { font: 'Calibri', sizePt: 11 } }, content: [{ type: 'block', content: [{ type: 'text', text: 'AT: Deterrence' }] }, card('one'), { type: 'blank' }, card('two')] }],
  ['no attrs', 'Brief', { type: 'doc', content: [card('only')] }],
  ['empty content', 'Empty', { type: 'doc', attrs: {}, content: [] }],
  ['no content at all', 'Bare', { type: 'doc' }],
  ['content not the last key', 'Odd order', { content: [card('first')], type: 'doc', attrs: { x: 1 } } as DocJSON],
  ['text that looks like JSON, quotes, emoji and a lone surrogate', 'Q "quoted" 🙂', { type: 'doc', content: [card('"content":[]} ], \\ 🙂 \ud800 ’')] }],
  ['an empty title', '', { type: 'doc', content: [card('x'), card('y')] }],
];

describe('importHashOf', () => {
  it.each(cases)('is the SHA-1 of title and whole JSON: %s', (_name, title, doc) => {
    expect(importHashOf(title, doc)).toBe(wholeText(title, doc));
  });

  it('is the SHA-1 of title and whole JSON for a real-shaped 120-card Verbatim brief as read', async () => {
    const { title, doc } = parseVerbatimDocx(await generateVerbatimDocx(5, { cards: 120 }), 'generated.docx');
    expect((doc.content ?? []).filter((n) => n.type === 'card').length).toBeGreaterThanOrEqual(100);
    expect(importHashOf(title, doc)).toBe(wholeText(title, doc));
  });

  it('tells two documents apart that differ in one card', () => {
    const doc = (text: string): DocJSON => ({ type: 'doc', content: [card('same'), card(text)] });
    expect(importHashOf('T', doc('a'))).not.toBe(importHashOf('T', doc('b')));
  });
});
