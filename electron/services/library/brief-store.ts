// Briefs and speech docs. A brief is stored as its outline (headings, and for each card only its
// uid) plus its cards' rows, which hold their content once. Saving a brief writes only the cards
// that changed, so an autosave of a 1,000-card brief costs what the edit costs.
import type Database from 'better-sqlite3';
import type { Brief, BriefFields, BriefKind, BriefOutline, BriefSummary, DocJSON } from '../../../shared/model.js';
import { citeNode } from '../../../shared/brief-doc.js';
import { applyTopLevelEdit, type TopLevelEdit } from '../../../shared/brief-edit.js';
import { nodeFromJSON, schema } from '../../../shared/schema.js';
import { cardParts, contentHashOf, decodeContent, newUid, type KnownParts } from './card-content.js';
import type { BriefCardPlace, CardState, CardStore } from './card-store.js';
import { LibraryError } from './library-error.js';
import type { Db } from './open-library.js';

interface BriefRow { id: number; title: string; kind: BriefKind; doc: string; created_at: string; updated_at: string }
interface SummaryRow { id: number; title: string; kind: BriefKind; cards: number; created_at: string; updated_at: string }

const HEADING_RANK: Record<string, number> = { pocket: 0, hat: 1, block: 2 };

/** The headings above each card: pocket › hat › block, a higher heading clearing the lower ones. */
class HeadingTrail {
  private readonly trail: string[] = [];

  see(node: DocJSON): void {
    const rank = HEADING_RANK[node.type];
    if (rank === undefined) return;
    this.trail.length = rank;
    this.trail[rank] = (node.content ?? []).map((t) => t.text ?? '').join('');
  }

  get text(): string {
    return this.trail.filter((t) => t !== undefined && t !== '').join(' › ');
  }
}

/** An edit of a brief's top-level nodes, made to the document saved at `revision` (its updatedAt). */
export interface BriefEdit extends TopLevelEdit<DocJSON> {
  revision: string;
  title?: string | undefined;
}

/**
 * The import hash of a brief a file import is still storing, a piece at a time: it is not listed
 * (nor offered to quick find) until its last piece names it by its document.
 */
export const PARTIAL_IMPORT = 'partial:';
const NOT_PARTIAL = `coalesce(b.import_hash, '') NOT LIKE '${PARTIAL_IMPORT}%'`;

interface CardHead { uid: string; tag: string; short_cite: string; full_cite: string }

function outlineOf(row: BriefRow, heads: ReadonlyMap<string, CardHead>): BriefOutline {
  const content = ((JSON.parse(row.doc) as DocJSON).content ?? []).flatMap((node): DocJSON[] => {
    if (node.type !== 'card') return [node];
    const card = heads.get(uidOf(node) ?? '');
    if (!card) return [];
    const tag: DocJSON = { type: 'tag', content: card.tag ? [{ type: 'text', text: card.tag }] : [] };
    return [{ type: 'card', attrs: node.attrs ?? {}, content: [tag, citeNode(card.short_cite, card.full_cite)] }];
  });
  return { id: row.id, title: row.title, kind: row.kind, doc: { type: 'doc', content }, updatedAt: row.updated_at };
}

/** The uid a card node of a saved brief points at. */
const uidOf = (node: DocJSON): string | null => (typeof node.attrs?.['cardId'] === 'string' ? node.attrs['cardId'] : null);

export class BriefStore {
  private readonly one: Database.Statement<[number], BriefRow>;
  private readonly summaries: Database.Statement<{ kind: BriefKind | null }, SummaryRow>;
  private readonly insertRow: Database.Statement<{ id: number | null; title: string; kind: BriefKind; importHash: string | null; now: string }>;
  private readonly imported: Database.Statement<[string], { id: number; title: string }>;
  private readonly updateRow: Database.Statement<{ id: number; title: string; kind: BriefKind; doc: string; now: string }>;
  private readonly deleteRow: Database.Statement<[number]>;
  private readonly setImportHash: Database.Statement<{ id: number; importHash: string | null }>;
  private readonly countRows: Database.Statement<[], number>;
  private readonly everyBrief: Database.Statement<[], BriefRow>;
  private readonly cardHeads: Database.Statement<[], CardHead>;
  private readonly cardHeadsOf: Database.Statement<[number], CardHead>;
  private readonly oneSummary: Database.Statement<[number], SummaryRow>;

  constructor(db: Db, private readonly tx: <T>(fn: () => T) => T, private readonly cards: CardStore) {
    this.one = db.prepare('SELECT * FROM briefs WHERE id = ?');
    this.summaries = db.prepare(`SELECT b.id, b.title, b.kind, b.created_at, b.updated_at,
        (SELECT count(*) FROM cards c WHERE c.brief_id = b.id) AS cards
      FROM briefs b WHERE (@kind IS NULL OR b.kind = @kind) AND ${NOT_PARTIAL} ORDER BY b.updated_at DESC, b.id DESC`);
    this.insertRow = db.prepare(`INSERT INTO briefs (id, title, kind, doc, created_at, updated_at, import_hash)
      VALUES (@id, @title, @kind, '{"type":"doc","content":[]}', @now, @now, @importHash)`);
    this.imported = db.prepare('SELECT id, title FROM briefs WHERE import_hash = ? LIMIT 1');
    this.updateRow = db.prepare('UPDATE briefs SET title = @title, kind = @kind, doc = @doc, updated_at = @now WHERE id = @id');
    this.deleteRow = db.prepare('DELETE FROM briefs WHERE id = ?');
    this.setImportHash = db.prepare('UPDATE briefs SET import_hash = @importHash WHERE id = @id');
    this.countRows = db.prepare('SELECT count(*) FROM briefs').pluck() as Database.Statement<[], number>;
    this.everyBrief = db.prepare(`SELECT * FROM briefs b WHERE ${NOT_PARTIAL} ORDER BY updated_at DESC, id DESC`);
    this.cardHeads = db.prepare('SELECT uid, tag, short_cite, full_cite FROM cards WHERE brief_id IS NOT NULL');
    this.cardHeadsOf = db.prepare('SELECT uid, tag, short_cite, full_cite FROM cards WHERE brief_id = ?');
    this.oneSummary = db.prepare(`SELECT b.id, b.title, b.kind, b.created_at, b.updated_at,
        (SELECT count(*) FROM cards c WHERE c.brief_id = b.id) AS cards FROM briefs b WHERE b.id = ?`);
  }

  /** Briefs and speech docs (or one kind), touched last first, without their documents; not those still importing. */
  list(kind?: BriefKind): BriefSummary[] {
    return this.summaries.all({ kind: kind ?? null }).map(summaryOf);
  }

  /** The brief a file import with this document hash made, if any. */
  findImported(importHash: string): { id: number; title: string } | null {
    return this.imported.get(importHash) ?? null;
  }

  /**
   * Briefs' outlines with each card's tag and cite, no bodies: what quick find searches. Every
   * brief's, or only the briefs asked for (those changed since quick find last read them).
   */
  outlines(ids?: readonly number[]): BriefOutline[] {
    if (ids) {
      return ids.flatMap((id) => {
        const row = this.one.get(id);
        return row ? [outlineOf(row, new Map(this.cardHeadsOf.all(id).map((c) => [c.uid, c])))] : [];
      });
    }
    const heads = new Map(this.cardHeads.all().map((c) => [c.uid, c]));
    return this.everyBrief.all().map((row) => outlineOf(row, heads));
  }

  /** The brief with its cards put back in their places. */
  get(id: number): Brief {
    const row = this.row(id);
    const byUid = new Map(this.cards.rowsOfBrief(id).map((c) => [c.uid, c]));
    const content: DocJSON[] = [];
    const stored = JSON.parse(row.doc) as DocJSON;
    for (const node of stored.content ?? []) {
      if (node.type !== 'card') {
        content.push(node);
        continue;
      }
      const card = byUid.get(uidOf(node) ?? '');
      // A card deleted on its own (deleteCard) has left the brief.
      if (card) content.push({ ...decodeContent(card.content), attrs: { cardId: card.uid, copiedFrom: card.copied_from } });
    }
    return this.toBrief(row, { type: 'doc', ...docAttrs(stored), content });
  }

  /**
   * A new brief; `id` is given only by a library import, which keeps it; `importHash` names the
   * document a file import read, so reading the same file again is known as a duplicate. A bulk
   * write gives the `parts` of its cards, derived already (CardPartsPool).
   */
  insert(fields: BriefFields & { id?: number; importHash?: string }, onCardsStored?: (cards: number) => void, parts?: KnownParts): Brief {
    return this.tx(() => {
      const now = new Date().toISOString();
      const id = Number(this.insertRow.run({ id: fields.id ?? null, title: fields.title, kind: fields.kind, importHash: fields.importHash ?? null, now }).lastInsertRowid);
      return this.save(id, fields, new Set(), onCardsStored, parts);
    });
  }

  update(id: number, patch: Partial<BriefFields>): Brief {
    return this.tx(() => {
      const row = this.row(id);
      const title = patch.title ?? row.title;
      if (patch.doc) return this.save(id, { title, kind: patch.kind ?? row.kind, doc: patch.doc });
      // A new title is part of every card's place: save the stored document under it.
      return this.save(id, { title, kind: patch.kind ?? row.kind, doc: this.get(id).doc });
    });
  }

  /**
   * An autosave of what changed: the edit's nodes replace its range of the stored outline, and
   * only their cards are written. Null, with nothing written, when the brief was saved since the
   * edit's revision (another window, a rename): the editor then saves its whole document (merge).
   */
  edit(id: number, edit: BriefEdit): BriefSummary | null {
    return this.tx(() => {
      const row = this.row(id);
      if (row.updated_at !== edit.revision) return null;
      const stored = JSON.parse(row.doc) as DocJSON;
      let content: DocJSON[];
      try {
        content = applyTopLevelEdit(stored.content ?? [], edit);
      } catch (err) {
        throw new LibraryError('invalid', (err as Error).message);
      }
      // Outside the edit, card nodes are the outline's own ({ cardId } only): kept as they are.
      const unchanged = new Set([...content.slice(0, edit.from), ...content.slice(edit.from + edit.nodes.length)]);
      this.save(id, { title: edit.title ?? row.title, kind: row.kind, doc: { type: 'doc', ...docAttrs(stored), content } }, unchanged);
      return summaryOf(this.oneSummary.get(id)!);
    });
  }

  /**
   * Adds nodes at the end of a brief, writing only their cards: a large import stores its brief a
   * piece at a time, so another writer waits for one piece, not the whole file.
   */
  append(id: number, nodes: DocJSON[], onCardsStored?: (cards: number) => void, parts?: KnownParts): void {
    this.tx(() => {
      const row = this.row(id);
      const stored = JSON.parse(row.doc) as DocJSON;
      const kept = stored.content ?? [];
      this.save(id, { title: row.title, kind: row.kind, doc: { type: 'doc', ...docAttrs(stored), content: [...kept, ...nodes] } }, new Set(kept), onCardsStored, parts);
    });
  }

  /** Names the document a file import read (findImported then knows it), or forgets it (null). */
  markImported(id: number, importHash: string | null): void {
    this.tx(() => this.setImportHash.run({ id, importHash }));
  }

  /**
   * A whole-document save from an editor whose revision is stale (another window, an Api call or
   * a restore saved the brief since). Cards saved since that the editor never saw (`known`: the
   * uids of the document it last saved or opened) are kept, after the node they followed, and
   * named in `kept`; only cards it knew and removed are deleted. The merged brief is returned whole,
   * for the editor to take the kept cards in.
   */
  merge(id: number, fields: { doc: DocJSON; known: readonly string[]; title?: string | undefined }): { brief: Brief; kept: string[] } {
    return this.tx(() => {
      const row = this.row(id);
      if (fields.doc.type !== 'doc') throw new LibraryError('invalid', `Expected a doc document, got "${fields.doc.type}".`);
      const stored = (JSON.parse(row.doc) as DocJSON).content ?? [];
      const content = [...(fields.doc.content ?? [])];
      const rows = new Map(this.cards.statesOfBrief(id).map((c) => [c.uid, c]));
      const sent = new Set(content.map(uidOf).filter((u): u is string => u !== null));
      const seen = new Set([...fields.known, ...sent]);
      const unseen = new Set<DocJSON>();
      stored.forEach((node, at) => {
        const row = rows.get(uidOf(node) ?? '');
        // Not a card, a card deleted on its own since (deleteCard), or one the editor saw.
        if (node.type !== 'card' || !row || seen.has(row.uid)) return;
        // The copy saved of a card the editor pasted from another brief: it still holds the original's uid.
        if (row.copied_from !== null && sent.has(row.copied_from) && !rows.has(row.copied_from)) return;
        content.splice(placeAfter(stored, at, content), 0, node);
        unseen.add(node);
      });
      this.save(id, { title: fields.title ?? row.title, kind: row.kind, doc: { ...fields.doc, content } }, unseen);
      return { brief: this.get(id), kept: [...unseen].map((node) => uidOf(node)!) };
    });
  }

  delete(id: number): { deleted: number } {
    return this.tx(() => {
      this.row(id);
      for (const card of this.cards.statesOfBrief(id)) this.cards.delete(card.id);
      this.deleteRow.run(id);
      return { deleted: id };
    });
  }

  count(): number {
    return this.countRows.get()!;
  }

  /**
   * Writes a brief's document: cards that are new or changed are written and re-indexed, cards
   * gone from it are deleted, unchanged ones are left alone. A card node without a uid, or with
   * the uid of a card that lives elsewhere (pasted from another brief) or twice in this one, is a
   * new card: it gets a fresh uid and remembers the one it came from. The returned brief carries
   * the uids as stored.
   */
  private save(id: number, fields: BriefFields, unchanged: ReadonlySet<DocJSON> = new Set(), onCardsStored?: (cards: number) => void, parts?: KnownParts): Brief {
    const doc = fields.doc;
    if (doc.type !== 'doc') throw new LibraryError('invalid', `Expected a doc document, got "${doc.type}".`);
    const before = this.row(id);
    const existing = new Map(this.cards.statesOfBrief(id).map((c) => [c.uid, c]));
    // An unchanged card keeps its uid: a node of the edit carrying it too is a copy of it.
    const kept = new Set([...unchanged].filter((n) => n.type === 'card').map((n) => uidOf(n)!));
    const named = new Set((doc.content ?? []).map(uidOf).filter((u): u is string => u !== null));
    // A card pasted from elsewhere was saved here before as a copy of it: an editor that did not
    // take the new uid back sends the source's uid again, and gets the same copy, not another.
    const copies = new Map<string, CardState>();
    for (const row of existing.values()) if (row.copied_from && !named.has(row.uid)) copies.set(row.copied_from, row);
    const trail = new HeadingTrail();
    const outline: DocJSON[] = [];
    const saved: DocJSON[] = [];
    let match = schema.nodes.doc.contentMatch;
    const retitled = fields.title !== before.title;
    let cards = 0;
    for (const node of doc.content ?? []) {
      const type = schema.nodes[node.type];
      const next = type ? match.matchType(type) : null;
      if (!next) throw new LibraryError('invalid', `The doc document does not fit the card schema: a ${node.type} cannot stand at the top of a brief.`);
      match = next;
      if (node.type !== 'card') {
        checkNode(node);
        trail.see(node);
        outline.push(node);
        saved.push(node);
        continue;
      }
      const place: BriefCardPlace = { briefId: id, briefTitle: fields.title, headings: trail.text };
      if (unchanged.has(node)) {
        const old = existing.get(uidOf(node) ?? '');
        // The card was deleted on its own (deleteCard) since: it has left the brief.
        if (!old) continue;
        if (old.headings !== place.headings || retitled) this.cards.moveBriefCard(old, place);
        outline.push(node);
        saved.push(node);
        continue;
      }
      const { uid, copiedFrom } = this.identity(node, existing, kept, copies);
      kept.add(uid);
      const old = existing.get(uid);
      if (old && old.content_hash === contentHashOf(node) && old.copied_from === copiedFrom) {
        if (old.headings !== place.headings || retitled) this.cards.moveBriefCard(old, place);
      } else {
        this.cards.putBriefCard(old?.id ?? null, uid, copiedFrom, parts?.get(node) ?? cardParts(node), place, old);
      }
      const attrs = { cardId: uid, copiedFrom };
      outline.push({ type: 'card', attrs });
      saved.push({ ...node, attrs });
      onCardsStored?.(++cards);
    }
    if (!match.validEnd) throw new LibraryError('invalid', 'The doc document does not fit the card schema: it ends unfinished.');
    for (const [uid, row] of existing) if (!kept.has(uid)) this.cards.delete(row.id);
    this.updateRow.run({ id, title: fields.title, kind: fields.kind, doc: JSON.stringify({ type: 'doc', ...docAttrs(doc), content: outline }), now: laterThan(before.updated_at) });
    return this.toBrief(this.row(id), { type: 'doc', ...docAttrs(doc), content: saved });
  }

  private identity(node: DocJSON, existing: Map<string, CardState>, kept: Set<string>, copies: Map<string, CardState>): { uid: string; copiedFrom: string | null } {
    const given = uidOf(node);
    const copiedFrom = typeof node.attrs?.['copiedFrom'] === 'string' ? node.attrs['copiedFrom'] : null;
    if (given === null) return { uid: newUid(), copiedFrom };
    if (kept.has(given)) return { uid: newUid(), copiedFrom: given };
    // A uid this library does not know (a card from another library's export) is kept as it is.
    if (existing.has(given) || !this.cards.rowByUid(given)) return { uid: given, copiedFrom };
    const earlier = copies.get(given);
    if (earlier && !kept.has(earlier.uid)) return { uid: earlier.uid, copiedFrom: given };
    return { uid: newUid(), copiedFrom: given };
  }

  private row(id: number): BriefRow {
    const row = this.one.get(id);
    if (!row) throw new LibraryError('not-found', `No brief with id ${id} in this library.`);
    return row;
  }

  private toBrief(row: BriefRow, doc: DocJSON): Brief {
    return { id: row.id, title: row.title, kind: row.kind, doc, createdAt: row.created_at, updatedAt: row.updated_at };
  }
}

const summaryOf = (r: SummaryRow): BriefSummary => ({ id: r.id, title: r.title, kind: r.kind, cards: r.cards, createdAt: r.created_at, updatedAt: r.updated_at });

/** Now, or a millisecond after `previous`: each save's updatedAt differs, so it can serve as a revision. */
function laterThan(previous: string): string {
  const now = Date.now();
  const last = Date.parse(previous);
  return new Date(Number.isNaN(last) || now > last ? now : last + 1).toISOString();
}

/**
 * Where in `content` the stored node at `at` goes back: after the nearest node before it in the
 * stored outline that `content` still holds (the same card, or a heading of the same text); first
 * if nothing stood before it, else, its place gone, at the end.
 */
function placeAfter(stored: readonly DocJSON[], at: number, content: readonly DocJSON[]): number {
  const key = (node: DocJSON): string => uidOf(node) ?? `${node.type}\u0000${(node.content ?? []).map((t) => t.text ?? '').join('')}`;
  let first = true;
  for (let before = at - 1; before >= 0; before--) {
    const anchor = stored[before]!;
    // Blanks and analytics repeat too often to say where a card was; cards and headings do.
    if (anchor.type === 'card' ? uidOf(anchor) === null : HEADING_RANK[anchor.type] === undefined) continue;
    first = false;
    const found = content.findIndex((node) => key(node) === key(anchor));
    if (found >= 0) return found + 1;
  }
  return first ? 0 : content.length;
}

// The doc's own attrs (the Word file's look, schema.ts DocxLook) stay with the brief's outline.
const docAttrs = (doc: DocJSON): Pick<DocJSON, 'attrs'> => (doc.attrs ? { attrs: doc.attrs } : {});

function checkNode(node: DocJSON): void {
  try {
    nodeFromJSON(node);
  } catch (err) {
    throw new LibraryError('invalid', `The doc document does not fit the card schema: ${(err as Error).message}`);
  }
}
