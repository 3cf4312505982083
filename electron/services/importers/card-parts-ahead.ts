// A brief's cards' stored parts, derived in the parts pool's threads ahead of the writes that
// need them: while the file is still being read (the Verbatim reader hands each card on as it
// closes), and a piece ahead while a big brief is written. The writer thread then only runs
// statements; a card that is never sent is derived by the store inline, as a single edit is.
import type { DocJSON } from '../../../shared/model.js';
import { cardParts, type CardParts, type KnownParts } from '../library/card-content.js';
import { CardPartsPool } from '../library/card-parts-pool.js';

// Started at the first brief big enough to share, kept for the next one (its idle threads do not
// keep the process alive).
let partsPool: CardPartsPool | undefined;

/**
 * Below this many cards a brief is derived on the writer's thread alone: the pool's start-up
 * (about 50 ms, once) would cost more than it saves.
 */
const SHARED_FROM = 100;
/** Cards read are sent on in batches this size: small, so the pool starts early and little is left at the end. */
const BATCH = 32;
/** Of cards not sent while reading, the share the writer's thread derives itself while the pool does the rest. */
const INLINE_SHARE = 0.45;

export class CardPartsAhead {
  private readonly sent = new Map<DocJSON, Promise<KnownParts>>();
  private pending: DocJSON[] = [];

  /**
   * A card the reader has just finished: sent once the brief has shown it is big enough to share,
   * or at once when the pool is running already (a batch costs it nothing to start).
   */
  readonly cardRead = (card: DocJSON): void => {
    this.pending.push(card);
    const read = this.sent.size + this.pending.length;
    if ((partsPool || read >= SHARED_FROM) && this.pending.length >= BATCH) this.send(this.pending.splice(0));
  };

  /**
   * The parts of a piece's cards that are derived elsewhere, for BriefStore.insert/append (the
   * store derives any card not in the map itself). With `shareInline`, cards not sent yet are
   * shared between this thread and the pool; without, they all go to the pool, so the call can
   * be made a piece ahead and awaited when that piece is written.
   */
  async partsOf(piece: readonly DocJSON[], { shareInline }: { shareInline: boolean }): Promise<KnownParts | undefined> {
    this.pending = [];
    const cards = piece.filter((node) => node.type === 'card');
    const unsent = cards.filter((card) => !this.sent.has(card));
    const known = new Map<DocJSON, CardParts>();
    if (unsent.length >= SHARED_FROM || (unsent.length > 0 && this.sent.size > 0)) {
      const inline = shareInline ? Math.round(unsent.length * INLINE_SHARE) : 0;
      this.send(unsent.slice(inline));
      for (const card of unsent.slice(0, inline)) known.set(card, cardParts(card));
    }
    for (const batch of new Set(cards.map((card) => this.sent.get(card)))) {
      if (batch) for (const [card, parts] of await batch) known.set(card, parts);
    }
    return known.size > 0 ? known : undefined;
  }

  private send(cards: DocJSON[]): void {
    if (cards.length === 0) return;
    partsPool ??= new CardPartsPool();
    const batch = partsPool.parts(cards).then((derived) => new Map(cards.map((card, i) => [card, derived[i]!])));
    // Awaited only when its piece is written, if ever (a file that fails to read leaves its batches
    // behind): a refused card must not be an unhandled rejection meanwhile.
    batch.catch(() => undefined);
    for (const card of cards) this.sent.set(card, batch);
  }
}
