import { describe, expect, it } from 'vitest';
import { generateVerbatimDocx } from '../../../bench/verbatim-generator.js';
import { ImportQueue, runImport } from '../../../electron/services/jobs/import-job.js';
import { Library } from '../../../electron/services/library/library.js';
import type { ImportOutcome } from '../../../shared/import-outcome.js';
import { progressLine, type ImportProgress } from '../../../shared/jobs.js';
import { tempLibraryPath } from '../../helpers/temp-dir.js';

describe('progress inside one big Verbatim file', () => {
  it('reports cards read, then cards stored, rising before the file ends, and the cards of the brief at its end', async () => {
    const bytes = await generateVerbatimDocx(7, { cards: 360 });
    const library = Library.open(tempLibraryPath());
    const events: { progress: ImportProgress; outcome: ImportOutcome | null }[] = [];
    const outcomes = await runImport(library, new ImportQueue([{ name: 'AT - Russia.docx', bytes }]), {
      onProgress: (progress, outcome) => events.push({ progress, outcome }),
    });
    expect(outcomes).toEqual([expect.objectContaining({ status: 'imported', kind: 'brief' })]);
    const cards = (outcomes[0] as Extract<ImportOutcome, { status: 'imported' }>).cards!;
    expect(cards).toBeGreaterThan(300);

    const end = events.findIndex((e) => e.outcome !== null);
    expect(end).toBe(events.length - 1);
    const during = events.slice(0, end).map((e) => e.progress);
    // Nothing is done between files: every event before the end is inside the one file.
    expect(during.every((p) => p.filesDone === 0 && p.current === 'AT - Russia.docx')).toBe(true);
    const read = during.map((p) => p.cardsRead).filter((n) => n > 0);
    const stored = during.map((p) => p.cardsDone).filter((n) => n > 0);
    // At least every 100 cards, in each stage, rising.
    expect(read.length).toBeGreaterThanOrEqual(3);
    expect(stored.length).toBeGreaterThanOrEqual(3);
    expect(read).toEqual([...read].sort((a, b) => a - b));
    expect(stored).toEqual([...stored].sort((a, b) => a - b));
    expect(stored[0]).toBeLessThan(cards);
    // Reading comes first; once storing starts, the line no longer says "read".
    const lastRead = during.length - 1 - [...during].reverse().findIndex((p) => p.cardsRead > 0);
    expect(lastRead).toBeLessThan(during.findIndex((p) => p.cardsDone > 0));
    expect(progressLine({ progress: during.find((p) => p.cardsRead > 0)!, etaMs: null })).toMatch(/^0 of 1 files, 0 cards · AT - Russia\.docx: [\d,]+ cards? read$/);
    expect(progressLine({ progress: during.find((p) => p.cardsDone > 0)!, etaMs: null })).toMatch(/^0 of 1 files, [1-9][\d,]* cards$/);

    expect(events[end]!.progress).toMatchObject({ filesDone: 1, cardsDone: cards, cardsRead: 0, current: null });
    library.close();
  }, 60_000);
});
