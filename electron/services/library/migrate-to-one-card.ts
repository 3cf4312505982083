// Migration 5's data step: a version-4 library kept cut cards in `cards` and a full copy of each
// card inside every brief that held it (attrs.cardId pointing back at the cut card). Each cut
// card keeps its id and gets a uid; each brief copy becomes a card of its brief, copied from
// the cut card it pointed at. Nothing is dropped: an imported brief's cards that were also filed
// as cut cards stay in both places, and share a fingerprint, so search shows them as one hit.
//
// Frozen with the migration: it writes version-5 rows with the rules of version 5 (below), never
// through today's stores, whose columns and rules move on. The search index is left to the search
// service, which finds it out of step with the cards and fills it with today's fields.
import { createHash, randomUUID } from 'node:crypto';
import { deflateRawSync } from 'node:zlib';
import type Database from 'better-sqlite3';
import type { DocJSON } from '../../../shared/model.js';
import { splitLabel } from '../../../shared/tag-label.js';

interface CardRowV4 {
  id: number; tag: string; label: string | null; short_cite: string; full_cite: string; body: string;
  article_id: number | null; passage_start: number | null; passage_end: number | null; text_edited: number;
  created_at: string; updated_at: string;
}
interface BriefRowV4 { id: number; title: string; doc: string; updated_at: string }

const SHORT_CITE_OPENING = 200;
const HEADING_RANK: Record<string, number> = { pocket: 0, hat: 1, block: 2 };

const text = (s: string): DocJSON[] => (s ? [{ type: 'text', text: s }] : []);
const textOf = (node: DocJSON | undefined): string => (node?.content ?? []).map((t) => t.text ?? '').join('');
const hash = (data: string | Buffer): string => createHash('sha1').update(data).digest('base64url').slice(0, 22);
const fold = (s: string) => s.toLowerCase().replace(/\s+/g, ' ').trim();

/** The cite paragraph of a cut card: its short cite bold, where the full cite holds it or before it. */
function citeNode(shortCite: string, fullCite: string): DocJSON {
  const at = shortCite ? fullCite.indexOf(shortCite) : -1;
  if (at > 0 && at < SHORT_CITE_OPENING) {
    return { type: 'cite', content: [...text(fullCite.slice(0, at)), { type: 'text', text: shortCite, marks: [{ type: 'strong' }] }, ...text(fullCite.slice(at + shortCite.length))] };
  }
  const content: DocJSON[] = [];
  if (shortCite) content.push({ type: 'text', text: shortCite, marks: [{ type: 'strong' }] });
  if (fullCite) content.push({ type: 'text', text: shortCite ? ` ${fullCite}` : fullCite });
  return { type: 'cite', content };
}

/** The short cite (the first bold stretch in the line's opening) and the full cite. */
function splitCite(cite: DocJSON | undefined): { shortCite: string; fullCite: string } {
  let before = '';
  let shortCite = '';
  let rest = '';
  let state: 'before' | 'short' | 'after' = 'before';
  for (const inline of cite?.content ?? []) {
    const t = inline.text ?? '';
    const bold = (inline.marks ?? []).some((m) => m.type === 'strong');
    if (state === 'before' && bold && t.trim() !== '' && before.length < SHORT_CITE_OPENING) state = 'short';
    else if (state === 'short' && !bold) state = 'after';
    if (state === 'before') before += t;
    else if (state === 'short') shortCite += t;
    else rest += t;
  }
  shortCite = shortCite.trim();
  if (!shortCite) return { shortCite: '', fullCite: (before + rest).trim() };
  return { shortCite, fullCite: before.trim() === '' ? rest.trim() : `${before}${shortCite}${rest}`.trim() };
}

/** A version-5 card row's derived columns from its card node (attrs aside). */
function derived(node: DocJSON) {
  const part = (type: string) => node.content?.find((c) => c.type === type);
  const cite = splitCite(part('cite'));
  const bodyText = (part('body')?.content ?? []).map(textOf).join('\n');
  const bytes = Buffer.from(JSON.stringify({ type: 'card', content: node.content ?? [] }));
  return {
    tag: textOf(part('tag')), short_cite: cite.shortCite, full_cite: cite.fullCite,
    content: deflateRawSync(bytes, { level: 1 }), content_hash: hash(bytes),
    fingerprint: hash(`${fold(cite.shortCite)} ${fold(cite.fullCite)}\n${fold(bodyText)}`),
  };
}

export function moveCardsToTheirPlaces(db: Database.Database): void {
  const insert = db.prepare(`INSERT INTO cards (id, uid, brief_id, copied_from, fingerprint, content_hash, tag, label, short_cite, full_cite,
      content, headings, article_id, passage_start, passage_end, text_edited, created_at, updated_at)
    VALUES (@id, @uid, @brief_id, @copied_from, @fingerprint, @content_hash, @tag, @label, @short_cite, @full_cite,
      @content, @headings, @article_id, @passage_start, @passage_end, @text_edited, @created_at, @updated_at)`);
  const saveOutline = db.prepare('UPDATE briefs SET doc = ? WHERE id = ?');

  const uidOf = new Map<number, string>();
  for (const r of db.prepare('SELECT * FROM cards_v4 ORDER BY id').all() as CardRowV4[]) {
    const body = JSON.parse(r.body) as DocJSON;
    const node = { type: 'card', content: [{ type: 'tag', content: text(r.tag) }, citeNode(r.short_cite, r.full_cite), body] };
    const uid = randomUUID();
    insert.run({
      id: r.id, uid, brief_id: null, copied_from: null, ...derived(node), label: r.label, headings: '', article_id: r.article_id,
      passage_start: r.passage_start, passage_end: r.passage_end, text_edited: r.text_edited, created_at: r.created_at, updated_at: r.updated_at,
    });
    uidOf.set(r.id, uid);
  }
  for (const b of db.prepare('SELECT id, title, doc, updated_at FROM briefs ORDER BY id').all() as BriefRowV4[]) {
    const trail: string[] = [];
    const outline = ((JSON.parse(b.doc) as DocJSON).content ?? []).map((node) => {
      const rank = HEADING_RANK[node.type];
      if (rank !== undefined) {
        trail.length = rank;
        trail[rank] = textOf(node);
      }
      if (node.type !== 'card') return node;
      const uid = randomUUID();
      const copiedFrom = uidOf.get(Number(node.attrs?.['cardId'])) ?? null;
      const parts = derived(node);
      insert.run({
        id: null, uid, brief_id: b.id, copied_from: copiedFrom, ...parts, label: splitLabel(parts.tag).label,
        headings: trail.filter((t) => t !== undefined && t !== '').join(' › '), article_id: null, passage_start: null, passage_end: null,
        text_edited: 0, created_at: b.updated_at, updated_at: b.updated_at,
      });
      return { type: 'card', attrs: { cardId: uid, copiedFrom } };
    });
    saveOutline.run(JSON.stringify({ type: 'doc', content: outline }), b.id);
  }
}
