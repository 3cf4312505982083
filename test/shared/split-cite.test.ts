import { describe, expect, it } from 'vitest';
import { splitCite } from '../../shared/card-doc.js';
import { cardDoc } from './card-notation.js';

const citeOf = (cite: string) => cardDoc({ cite, body: ['x'] }).doc.firstChild!.child(1);

// (The notation reads square brackets as a selection, so these cites bracket with parentheses.)
// The shapes real cite lines take in Word files and pastes: <b> is the bold (short cite) runs.
const ROWS: { cite: string; shortCite: string; fullCite: string }[] = [
  { cite: '<b>Cimbala</b> <b>&</b> <b>Korb 24</b> (Stephen Cimbala and Lawrence Korb, Bulletin of the Atomic Scientists)', shortCite: 'Cimbala & Korb 24', fullCite: '(Stephen Cimbala and Lawrence Korb, Bulletin of the Atomic Scientists)' },
  { cite: '<b>Cimbala &</b> <b>Korb 24</b> (Stephen Cimbala and Lawrence Korb)', shortCite: 'Cimbala & Korb 24', fullCite: '(Stephen Cimbala and Lawrence Korb)' },
  { cite: '<b>Cimbala</b> & <b>Korb 24</b> (Stephen Cimbala and Lawrence Korb)', shortCite: 'Cimbala & Korb 24', fullCite: '(Stephen Cimbala and Lawrence Korb)' },
  { cite: '<b>Boersma</b> <b>&</b><b> Jain 3/28</b> (Wim Boersma and Anil Jain, Brookings)', shortCite: 'Boersma & Jain 3/28', fullCite: '(Wim Boersma and Anil Jain, Brookings)' },
  { cite: '<b>Boersma & Jain 3/28</b> (Wim Boersma and Anil Jain, Brookings)', shortCite: 'Boersma & Jain 3/28', fullCite: '(Wim Boersma and Anil Jain, Brookings)' },
  { cite: 'Johanna <b>Matanich 96</b>, Harvard Law Review', shortCite: 'Matanich 96', fullCite: 'Johanna Matanich 96, Harvard Law Review' },
  { cite: '<b>Ace 21</b> (John Ace, professor at X, 9-2-21)', shortCite: 'Ace 21', fullCite: '(John Ace, professor at X, 9-2-21)' },
  // A comma ends the short cite: the bold name later in the line is the full cite's.
  { cite: '<b>Choi 21</b>, <b>Joseph Choi</b>, The Hill', shortCite: 'Choi 21', fullCite: ', Joseph Choi, The Hill' },
  // A space before plain words ends it.
  { cite: '<b>TASS 21</b> Russian news agency', shortCite: 'TASS 21', fullCite: 'Russian news agency' },
  { cite: 'Joseph Choi, 9-2, 21, The Hill', shortCite: '', fullCite: 'Joseph Choi, 9-2, 21, The Hill' },
];

describe('splitCite: the short cite is the bold stretch at the start, with the spaces and ampersands between its runs', () => {
  it.each(ROWS)('$cite', ({ cite, shortCite, fullCite }) => {
    expect(splitCite(citeOf(cite))).toEqual({ shortCite, fullCite });
  });
});
