import { describe, expect, it } from 'vitest';
import { findPassage } from '../../shared/find-passage.js';

const TEXT = 'The talks collapsed on Tuesday.\nOfficials said the (second) round\nwould not resume.';

describe('finding pasted text in an article', () => {
  it.each([
    ['the exact words', 'talks collapsed', 'talks collapsed'],
    ['words the copy wrapped differently', 'said the (second) round would not', 'said the (second) round\nwould not'],
    ['with doubled spaces and a trailing newline', '  talks   collapsed on\n', 'talks collapsed on'],
    ['in another case (a different text)', 'THE TALKS collapsed', null],
    ['text that is not there', 'the talks resumed', null],
    ['nothing', '   ', null],
  ])('%s', (_name, pasted, found) => {
    const passage = findPassage(TEXT, pasted);
    expect(passage ? TEXT.slice(passage.start, passage.end) : null).toBe(found);
  });
});
