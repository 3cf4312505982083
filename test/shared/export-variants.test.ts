import { describe, expect, it } from 'vitest';
import { citeRequest, readingCopy } from '../../shared/export-variants.js';
import type { DocJSON } from '../../shared/model.js';
import { nodeFromJSON } from '../../shared/schema.js';
import { block, card, hl, MARKER } from './brief-builders.js';

const brief: DocJSON = {
  type: 'doc',
  content: [
    block('AT: sanctions'),
    card('Sanctions bite', 'TASS 21 full cite', [
      ['Officials conceded that ', hl('sanctions cut revenue'), ' by a third, and ', hl('growth stalled'), '.'],
      ['A paragraph read by nobody at all in the round.'],
    ]),
    card('Analytic: they concede it'),
  ],
};
const texts = (doc: DocJSON) => (doc.content ?? []).map((n) => nodeFromJSON(n).textBetween(0, nodeFromJSON(n).content.size, ' | '));

describe('the reading copy', () => {
  it('keeps headings, tags, cites and only the highlighted words, a space where the source skipped', () => {
    const copy = readingCopy(brief);
    expect(() => nodeFromJSON(copy)).not.toThrow();
    expect(texts(copy)).toEqual(['AT: sanctions', 'Sanctions bite | TASS 21 full cite | sanctions cut revenue growth stalled', 'Analytic: they concede it']);
    const runs = copy.content![1]!.content![2]!.content![0]!.content!;
    expect(runs.filter((r) => r.marks?.some((m) => m.type === 'highlight')).map((r) => r.text)).toEqual(['sanctions cut revenue', 'growth stalled']);
  });

  it('keeps the Mark card marker where the speaker stopped', () => {
    const copy = readingCopy({ type: 'doc', content: [card('Marked', 'Cite', [[hl('read this'), ' skipped ', MARKER, ' unread ', hl('not reached')]])] });
    expect(copy.content![0]!.content![2]!.content![0]!.content!.map((r) => (r.type === 'marker' ? '^' : r.text))).toEqual(['read this', ' ', '^', ' ', 'not reached']);
  });

  it('drops a body with nothing highlighted', () => {
    const copy = readingCopy({ type: 'doc', content: [card('Unread', 'Cite', [['nothing marked here']])] });
    expect(copy.content![0]!.content!.map((p) => p.type)).toEqual(['tag', 'cite']);
  });
});

describe('the cite request doc', () => {
  it('gives each card its tag, full cite and the first and last words of its evidence', () => {
    const request = citeRequest(brief, 3);
    expect(() => nodeFromJSON(request)).not.toThrow();
    expect(texts(request)).toEqual(['AT: sanctions', 'Sanctions bite | TASS 21 full cite | Officials conceded that … in the round.', 'Analytic: they concede it']);
  });

  it('keeps short evidence whole', () => {
    const request = citeRequest({ type: 'doc', content: [card('Short', 'Cite', [['Five words of evidence here.']])] }, 3);
    expect(texts(request)).toEqual(['Short | Cite | Five words of evidence here.']);
  });
});
