// A big Verbatim brief starts the parts pool before its first paragraph is read, so its cards go
// to the pool from the first batch; a small one leaves the pool unstarted and its cards to the
// store. In a file of its own: the pool, once started, stays for the rest of the process.
import { describe, expect, it } from 'vitest';
import { generateVerbatimDocx } from '../../../bench/verbatim-generator.js';
import { CardPartsAhead } from '../../../electron/services/importers/card-parts-ahead.js';
import { parseVerbatimDocx } from '../../../electron/services/importers/verbatim-docx.js';
import { cardParts } from '../../../electron/services/library/card-content.js';
import type { DocJSON } from '../../../shared/model.js';

async function read40(): Promise<{ ahead: CardPartsAhead; content: DocJSON[]; cards: DocJSON[]; length: number }> {
  const ahead = new CardPartsAhead();
  let length = 0;
  const { doc } = parseVerbatimDocx(await generateVerbatimDocx(6, { cards: 40 }), 'generated.docx', {
    onBriefStart: (documentLength) => { length = documentLength; },
  });
  const content = doc.content ?? [];
  return { ahead, content, cards: content.filter((n) => n.type === 'card'), length };
}

describe('the parts pool started as a brief is found', () => {
  it('is told the length of the document part, before the cards', async () => {
    const { length, cards } = await read40();
    expect(cards.length).toBe(40);
    expect(length).toBeGreaterThan(40 * 10_000);
  });

  it('leaves a small brief to the store: no pool, no parts', async () => {
    const { ahead, content, cards } = await read40();
    ahead.briefStart(500_000);
    cards.forEach(ahead.cardRead);
    expect(await ahead.partsOf(content, { shareInline: false })).toBeUndefined();
  });

  it('sends a big brief’s cards from the first batch, with the parts the store would make', async () => {
    const { ahead, content, cards } = await read40();
    ahead.briefStart(5_000_000);
    cards.forEach(ahead.cardRead);
    const parts = await ahead.partsOf(content, { shareInline: false });
    expect(parts?.size).toBe(40);
    for (const card of cards) expect(parts!.get(card)).toEqual(cardParts(card));
  });
});
