import { describe, expect, it } from 'vitest';
import { placeLabel } from '../../shared/search.js';

const BLOCK_003 = 'Answers to: Russia Won’t Cooperate on Syria if the US puts pressure on Russia';

describe('placeLabel: where a card lives, the brief named once', () => {
  it.each([
    [null, '', 'cut cards'],
    ['Ukraine neg', '', 'Ukraine neg'],
    ['Ukraine neg', 'AT: Escalation', 'Ukraine neg › AT: Escalation'],
    // A Verbatim file whose pocket is the file's name.
    ['1AC Russia', '1AC Russia › Advantage 1 › AT: Escalation', '1AC Russia › Advantage 1 › AT: Escalation'],
    // A block of cards imported as a brief takes the block's title: its one heading.
    [BLOCK_003, BLOCK_003, BLOCK_003],
    ['Kritik  file', 'kritik file › Links', 'Kritik  file › Links'],
    ['Neg', 'Neg case › Neg', 'Neg › Neg case'],
  ])('%s / %s', (briefTitle, headings, label) => {
    expect(placeLabel({ briefTitle, headings })).toBe(label);
  });
});
