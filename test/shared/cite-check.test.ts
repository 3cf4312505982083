import { describe, expect, it } from 'vitest';
import { citeGaps, citeWarning } from '../../shared/cite-check.js';

describe('cite gaps', () => {
  it.each([
    { short: 'Choi 21', full: 'Joseph Choi, 9-2, 21, The Hill, Kremlin says talks stalled', gaps: [] },
    { short: 'TASS 21', full: 'TASS, 2021', gaps: [] },
    { short: 'Petrova 16', full: '(Anna Petrova, correspondent, 9-27-2016, Battle for Aleppo, Kommersant)', gaps: [] },
    { short: '', full: '(Battle for Aleppo)', gaps: ['short cite', 'author', 'date'] },
    { short: '', full: '', gaps: ['short cite', 'author', 'date', 'source'] },
    { short: 'Kommersant', full: '(Battle for Aleppo, Kommersant)', gaps: ['date'] },
  ])('$short / $full', ({ short, full, gaps }) => {
    expect(citeGaps(short, full)).toEqual(gaps);
  });

  it('says what is missing in words', () => {
    expect(citeWarning('', '')).toBe('Cite lacks short cite, author, date and source');
    expect(citeWarning('Kommersant', '(Battle for Aleppo, Kommersant)')).toBe('Cite lacks date');
    expect(citeWarning('Choi 21', 'Joseph Choi, 9-2, 21, The Hill, Kremlin says')).toBeNull();
  });
});
