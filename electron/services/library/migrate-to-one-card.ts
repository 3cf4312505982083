// Migration 5's data step: a version-4 library kept cut cards in `cards` and a full copy of each
// card inside every brief that held it (attrs.cardId pointing back at the cut card). Each cut
// card keeps its id and gets a uid; each brief copy becomes a card of its brief, copied from
// the cut card it pointed at. Nothing is dropped: an imported brief's cards that were also filed
// as cut cards stay in both places, and share a fingerprint, so search shows them as one hit.
import type Database from 'better-sqlite3';
import type { DocJSON } from '../../../shared/model.js';
import { CardIndex } from '../search/card-index.js';
import { BriefStore } from './brief-store.js';
import { CardStore } from './card-store.js';

interface CardRowV4 {
  id: number; tag: string; label: string | null; short_cite: string; full_cite: string; body: string;
  article_id: number | null; passage_start: number | null; passage_end: number | null; text_edited: number;
  created_at: string; updated_at: string;
}
interface BriefRowV4 { id: number; title: string; kind: 'brief' | 'speech'; doc: string; updated_at: string }

export function moveCardsToTheirPlaces(db: Database.Database): void {
  // Already inside the migration's transaction.
  const inPlace = <T>(fn: () => T): T => fn();
  const cards = new CardStore(db, inPlace, new CardIndex(db));
  const briefs = new BriefStore(db, inPlace, cards);
  const keepTimes = db.prepare('UPDATE cards SET created_at = ?, updated_at = ? WHERE id = ?');
  const keepBriefTime = db.prepare('UPDATE briefs SET updated_at = ? WHERE id = ?');

  const uidOf = new Map<number, string>();
  for (const r of db.prepare('SELECT * FROM cards_v4 ORDER BY id').all() as CardRowV4[]) {
    const card = cards.insert({
      id: r.id, tag: r.tag, label: r.label, shortCite: r.short_cite, fullCite: r.full_cite, body: JSON.parse(r.body) as DocJSON,
      articleId: r.article_id, passage: r.passage_start === null || r.passage_end === null ? null : { start: r.passage_start, end: r.passage_end },
      textEdited: r.text_edited === 1,
    });
    keepTimes.run(r.created_at, r.updated_at, r.id);
    uidOf.set(r.id, card.uid);
  }
  for (const b of db.prepare('SELECT id, title, kind, doc, updated_at FROM briefs ORDER BY id').all() as BriefRowV4[]) {
    const doc = JSON.parse(b.doc) as DocJSON;
    const content = (doc.content ?? []).map((node) => {
      if (node.type !== 'card') return node;
      const from = uidOf.get(Number(node.attrs?.['cardId'])) ?? null;
      return { ...node, attrs: { cardId: null, copiedFrom: from } };
    });
    briefs.update(b.id, { doc: { type: 'doc', content } });
    keepBriefTime.run(b.updated_at, b.id);
  }
}
