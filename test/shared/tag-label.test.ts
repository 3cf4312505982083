import { describe, expect, it } from 'vitest';
import { splitLabel } from '../../shared/tag-label.js';

// Rows are real tags from the corpus block (003) and the spellings debaters use.
const ROWS: [string, string | null, string][] = [
  ['Non-unique: Russian aggression in Syria now', 'Non-unique', 'Russian aggression in Syria now'],
  ['Non-unique – US pressure on the Ukraine encircles Russia and triggers reaction', 'Non-unique', 'US pressure on the Ukraine encircles Russia and triggers reaction'],
  ['Russian mediation in Syria fails', null, 'Russian mediation in Syria fails'],
  ['Russia. Fighting the US in Syria now', null, 'Russia. Fighting the US in Syria now'],
  ['Link turn: sanctions push Moscow to the table', 'Link turn', 'sanctions push Moscow to the table'],
  ['No link - the plan is not pressure', 'No link', 'the plan is not pressure'],
  ['Impact: escalation', 'Impact', 'escalation'],
  ['AT: Russia Won’t Cooperate', 'Answers to', 'Russia Won’t Cooperate'],
  ['A2: Russia Won’t Cooperate', 'Answers to', 'Russia Won’t Cooperate'],
  ['Extend — the Thai News Service card', 'Extend', 'the Thai News Service card'],
  ['Syria: the deal collapsed', null, 'Syria: the deal collapsed'],
  ['  uniqueness:   talks stalled ', 'Uniqueness', 'talks stalled'],
  ['Non-unique:', null, 'Non-unique:'],
  ['', null, ''],
];

describe('splitLabel', () => {
  it.each(ROWS)('%j → label %j', (tag, label, claim) => {
    expect(splitLabel(tag)).toEqual({ label, claim });
  });
});
