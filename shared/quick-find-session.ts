// Quick find's index for a session of the app: every brief's outline read once, then kept in
// step a brief at a time. Opening Search asks only which briefs changed (listBriefs, no
// documents) and reads the outlines of those; a brief the screen has just written is put as the
// Api returned it, with no call at all.
import type { Api } from './api.js';
import type { BriefOutline, DocJSON } from './model.js';
import { QuickFind } from './quick-find.js';

const CARD_PLACE: DocJSON = { type: 'card', content: [{ type: 'tag' }] };
const pause = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

export class QuickFindSession {
  readonly index = new QuickFind();
  private readonly outlines = new Map<number, BriefOutline>();
  private loaded = false;
  private syncing: Promise<void> | null = null;

  constructor(private readonly api: Pick<Api, 'listBriefs' | 'briefOutlines'>) {}

  /** The briefs and speech docs as last read, touched last first. */
  briefs(): BriefOutline[] {
    return [...this.outlines.values()].sort((a, b) => b.updatedAt.localeCompare(a.updatedAt) || b.id - a.id);
  }

  /** Brings the index up to date with the library: the first time in full, then only what changed. */
  sync(): Promise<void> {
    // Two screens asking at once share one round.
    this.syncing ??= this.catchUp().finally(() => { this.syncing = null; });
    return this.syncing;
  }

  /** A brief as the Api just returned it (saved, a card added): indexed without asking again. */
  put(brief: BriefOutline): void {
    this.index.put({ briefId: brief.id, title: brief.title, doc: brief.doc });
    // Kept for the brief list and the headings a card can be put under: there a card is only
    // counted (where a heading's cards end), its words being in the index. 2.7 kB a card less.
    const content = (brief.doc.content ?? []).map((node) => (node.type === 'card' ? CARD_PLACE : node));
    this.outlines.set(brief.id, { ...brief, doc: { ...brief.doc, content } });
  }

  private async catchUp(): Promise<void> {
    if (!this.loaded) {
      // A brief at a time, letting other work run between: at 100k cards the whole index is seconds of work.
      for (const outline of await this.api.briefOutlines({})) {
        this.put(outline);
        await pause();
      }
      this.loaded = true;
      return;
    }
    const summaries = await this.api.listBriefs({});
    const present = new Set(summaries.map((s) => s.id));
    for (const id of this.outlines.keys()) {
      if (present.has(id)) continue;
      this.outlines.delete(id);
      this.index.remove(id);
    }
    const changed = summaries.filter((s) => this.outlines.get(s.id)?.updatedAt !== s.updatedAt).map((s) => s.id);
    if (changed.length > 0) for (const outline of await this.api.briefOutlines({ ids: changed })) this.put(outline);
  }
}
