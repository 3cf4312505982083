// Cards, wherever they live: one row each, its content stored once (card-content.ts), its search
// fields written to the index in the same transaction. Brief cards are written through
// BriefStore.save, which owns their order and headings; this store owns the rows and the index.
import type Database from 'better-sqlite3';
import type { Card, CardFields, CardPlace, DocJSON } from '../../../shared/model.js';
import { labelOfTag } from '../../../shared/card-doc.js';
import { BOTH, type CardIndex, type IndexTable } from '../search/card-index.js';
import { searchFields, type ArticleForIndex, type SearchFields } from '../search/search-fields.js';
import { definedOnly } from './article-store.js';
import { bodyTextOf, cardParts, decodeContent, DERIVED_VERSION, EMPTY_BODY, newUid, nodeOfFields, rederived, type CardParts } from './card-content.js';
import { LibraryError } from './library-error.js';
import type { Db } from './open-library.js';

export interface CardRow {
  id: number; uid: string; brief_id: number | null; copied_from: string | null; fingerprint: string; content_hash: string;
  tag: string; label: string | null; short_cite: string; full_cite: string; content: Buffer; headings: string;
  article_id: number | null; passage_start: number | null; passage_end: number | null; text_edited: number;
  derived: number; created_at: string; updated_at: string;
}

/** A card row without its content: what a brief save compares, without reading every card's words. */
export type CardState = Omit<CardRow, 'content'>;

/** A card row's values as written: everything but id and created_at. */
interface RowValues {
  uid: string; brief_id: number | null; copied_from: string | null; fingerprint: string; content_hash: string;
  tag: string; label: string | null; short_cite: string; full_cite: string; content: Buffer; headings: string;
  article_id: number | null; passage_start: number | null; passage_end: number | null; text_edited: number; derived: number; now: string;
}

const COLUMNS = ['uid', 'brief_id', 'copied_from', 'fingerprint', 'content_hash', 'tag', 'label', 'short_cite', 'full_cite',
  'content', 'headings', 'article_id', 'passage_start', 'passage_end', 'text_edited', 'derived'] as const;

/** Where a brief card sits: given by BriefStore, which walks the brief. */
export interface BriefCardPlace {
  briefId: number;
  briefTitle: string;
  headings: string;
}

/** A card as read back: the node's own body, the row's metadata. */
export function toCard(row: CardRow): Card {
  const node = decodeContent(row.content);
  const body = node.content?.find((c) => c.type === 'body') ?? EMPTY_BODY;
  return {
    id: row.id, uid: row.uid, briefId: row.brief_id, copiedFrom: row.copied_from, fingerprint: row.fingerprint,
    tag: row.tag, label: row.label, shortCite: row.short_cite, fullCite: row.full_cite, body,
    articleId: row.article_id,
    passage: row.passage_start === null || row.passage_end === null ? null : { start: row.passage_start, end: row.passage_end },
    textEdited: row.text_edited === 1, createdAt: row.created_at, updatedAt: row.updated_at,
  };
}

export interface CardListOptions extends CardFilters {
  limit?: number | undefined;
  offset?: number | undefined;
}

/** The Cutter's filters and the card picker's words, applied in the query so every page is filtered. */
export interface CardFilters {
  articleId?: number | undefined;
  /** A label, or null for cards with none. */
  label?: string | null | undefined;
  /** Words of the short cite, full cite or the article's author names. */
  author?: string | undefined;
  /** Cut on or after / on or before this day (YYYY-MM-DD). */
  from?: string | undefined;
  to?: string | undefined;
  /** Every word in the label, tag or cites. */
  words?: readonly string[] | undefined;
}

interface FilterParams {
  articleId: number | null; anyLabel: number; label: string | null; author: string | null;
  from: string | null; to: string | null; words: string; limit: number; offset: number;
}

/** A LIKE pattern for text anywhere in a value, the text's own % and _ taken literally. */
const containing = (text: string) => `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

export class CardStore {
  private readonly one: Database.Statement<[number], CardRow>;
  private readonly byUid: Database.Statement<[string], CardRow>;
  private readonly cut: Database.Statement<FilterParams, CardRow>;
  private readonly labelsInUse: Database.Statement<[], string>;
  private readonly ofBrief: Database.Statement<[number], CardRow>;
  private readonly statesOfBriefRows: Database.Statement<[number], CardState>;
  private readonly idsOfArticle: Database.Statement<[number], number>;
  private readonly sameEvidence: Database.Statement<[string], CardPlace & { briefTitle: string | null }>;
  private readonly insertRow: Database.Statement<RowValues & { id: number | null }>;
  private readonly updateRow: Database.Statement<RowValues & { id: number }>;
  private readonly detachRows: Database.Statement<[number]>;
  private readonly rederiveRow: Database.Statement<{ id: number; fingerprint: string; contentHash: string; derived: number }>;
  private readonly deleteRow: Database.Statement<[number]>;
  private readonly countRows: Database.Statement<[], number>;
  private readonly articleOf: Database.Statement<[number], { authors: string; published_date: string }>;
  private readonly briefTitle: Database.Statement<[number], string>;

  constructor(db: Db, private readonly tx: <T>(fn: () => T) => T, private readonly index: CardIndex) {
    this.one = db.prepare('SELECT * FROM cards WHERE id = ?');
    this.byUid = db.prepare('SELECT * FROM cards WHERE uid = ?');
    // One statement for every filter: an unused filter's test is constant, and the pages walk
    // cards_cut (updated_at of the cut cards) in order, so a page stops once it is full.
    this.cut = db.prepare(`SELECT c.* FROM cards c WHERE c.brief_id IS NULL
        AND (@articleId IS NULL OR c.article_id = @articleId)
        AND (@anyLabel OR c.label IS @label)
        AND (@from IS NULL OR substr(c.created_at, 1, 10) >= @from)
        AND (@to IS NULL OR substr(c.created_at, 1, 10) <= @to)
        AND (@author IS NULL OR c.short_cite LIKE @author ESCAPE '\\' OR c.full_cite LIKE @author ESCAPE '\\'
          OR EXISTS (SELECT 1 FROM articles a, json_each(a.authors) j
            WHERE a.id = c.article_id AND json_extract(j.value, '$.name') LIKE @author ESCAPE '\\'))
        AND NOT EXISTS (SELECT 1 FROM json_each(@words) w
          WHERE coalesce(c.label, '') || ' ' || c.tag || ' ' || c.short_cite || ' ' || c.full_cite NOT LIKE w.value ESCAPE '\\')
      ORDER BY c.updated_at DESC, c.id DESC LIMIT @limit OFFSET @offset`);
    this.labelsInUse = db.prepare('SELECT DISTINCT label FROM cards WHERE brief_id IS NULL AND label IS NOT NULL ORDER BY label').pluck() as Database.Statement<[], string>;
    this.ofBrief = db.prepare('SELECT * FROM cards WHERE brief_id = ?');
    this.statesOfBriefRows = db.prepare(`SELECT ${['id', ...COLUMNS.filter((c) => c !== 'content'), 'created_at', 'updated_at'].join(', ')} FROM cards WHERE brief_id = ?`);
    this.idsOfArticle = db.prepare('SELECT id FROM cards WHERE article_id = ?').pluck() as Database.Statement<[number], number>;
    this.sameEvidence = db.prepare(`SELECT c.id AS cardId, c.uid, c.brief_id AS briefId, b.title AS briefTitle, c.headings
      FROM cards c LEFT JOIN briefs b ON b.id = c.brief_id WHERE c.fingerprint = ? ORDER BY c.brief_id IS NOT NULL, b.title, c.id`);
    this.insertRow = db.prepare(`INSERT INTO cards (id, ${COLUMNS.join(', ')}, created_at, updated_at)
      VALUES (@id, ${COLUMNS.map((c) => '@' + c).join(', ')}, @now, @now)`);
    this.updateRow = db.prepare(`UPDATE cards SET ${COLUMNS.map((c) => `${c} = @${c}`).join(', ')}, updated_at = @now WHERE id = @id`);
    this.detachRows = db.prepare('UPDATE cards SET article_id = NULL WHERE article_id = ?');
    this.rederiveRow = db.prepare('UPDATE cards SET fingerprint = @fingerprint, content_hash = @contentHash, derived = @derived WHERE id = @id');
    this.deleteRow = db.prepare('DELETE FROM cards WHERE id = ?');
    this.countRows = db.prepare('SELECT count(*) FROM cards').pluck() as Database.Statement<[], number>;
    this.articleOf = db.prepare('SELECT authors, published_date FROM articles WHERE id = ?');
    this.briefTitle = db.prepare('SELECT title FROM briefs WHERE id = ?').pluck() as Database.Statement<[number], string>;
  }

  get(id: number): Card {
    return toCard(this.row(id));
  }

  row(id: number): CardRow {
    const row = this.one.get(id);
    if (!row) throw new LibraryError('not-found', `No card with id ${id} in this library.`);
    return row;
  }

  rowByUid(uid: string): CardRow | undefined {
    return this.byUid.get(uid);
  }

  /** The cut cards (the Cutter's library), newest first, those the filters let through. */
  list(options: CardListOptions = {}): Card[] {
    const author = options.author?.trim();
    return this.cut.all({
      articleId: options.articleId ?? null,
      anyLabel: options.label === undefined ? 1 : 0,
      label: options.label ?? null,
      author: author ? containing(author) : null,
      from: options.from || null,
      to: options.to || null,
      words: JSON.stringify((options.words ?? []).filter((w) => w.trim()).map((w) => containing(w.trim()))),
      limit: options.limit ?? -1,
      offset: options.offset ?? 0,
    }).map(toCard);
  }

  /** The labels the cut cards use, for the label filter and the label picker. */
  labels(): string[] {
    return this.labelsInUse.all();
  }

  rowsOfBrief(briefId: number): CardRow[] {
    return this.ofBrief.all(briefId);
  }

  statesOfBrief(briefId: number): CardState[] {
    return this.statesOfBriefRows.all(briefId);
  }

  /** Every card holding the same evidence (its fingerprint), cut cards first. */
  placesOf(fingerprint: string): CardPlace[] {
    return this.sameEvidence.all(fingerprint);
  }

  /**
   * A new cut card. `id`, `uid` and `copiedFrom` are given only by a library import or a
   * migration, which keep them; otherwise the id is the next never-used one. A bulk write gives
   * the `parts` a CardPartsPool derived from `nodeOfFields(fields)`.
   */
  insert(fields: CardFields & { id?: number; uid?: string; copiedFrom?: string | null }, parts = cardParts(nodeOfFields(fields))): Card {
    return this.tx(() => {
      const values = this.values(parts, fields, { uid: fields.uid ?? newUid(), copiedFrom: fields.copiedFrom ?? null, place: null });
      const id = this.insertValues(values, parts, null, fields.id ?? null);
      // Built from what was written: reading it back would inflate what was just deflated.
      return {
        id, uid: values.uid, briefId: null, copiedFrom: values.copied_from, fingerprint: values.fingerprint,
        tag: parts.tag, label: values.label, shortCite: parts.shortCite, fullCite: parts.fullCite, body: parts.body,
        articleId: values.article_id, passage: fields.passage, textEdited: values.text_edited === 1,
        createdAt: values.now, updatedAt: values.now,
      };
    });
  }

  /** Changes a card's fields. A brief card changes in its brief too: that is where it is stored. */
  update(id: number, patch: Partial<CardFields>): Card {
    return this.tx(() => {
      const row = this.row(id);
      const current = toCard(row);
      const next = { ...current, ...definedOnly(patch) };
      const parts = cardParts(nodeOfFields(next));
      const place = row.brief_id === null ? null : { briefId: row.brief_id, briefTitle: this.briefTitle.get(row.brief_id) ?? '', headings: row.headings };
      const values = this.values(parts, next, { uid: row.uid, copiedFrom: row.copied_from, place });
      this.updateRow.run({ ...values, id });
      this.index.put(id, this.fieldsOf(values, parts, place));
      return this.get(id);
    });
  }

  delete(id: number): { deleted: number } {
    return this.tx(() => {
      this.row(id);
      this.deleteRow.run(id);
      this.index.remove(id);
      return { deleted: id };
    });
  }

  count(): number {
    return this.countRows.get()!;
  }

  /**
   * A copy of a card to add to a brief or speech doc: its node as stored, every mark and
   * undertag with it, as a new card (no uid yet) remembering this one.
   */
  copyOf(id: number): DocJSON {
    const row = this.row(id);
    return { ...decodeContent(row.content), attrs: { cardId: null, copiedFrom: row.uid } };
  }

  /**
   * Writes a brief card's node (BriefStore.save): inserted when `id` is null, else replaced. What
   * the node does not hold (label, article, passage) stays the card's own, or, for a new copy,
   * is the card's it was copied from: a copy is found by the same `author:` and `year:`.
   */
  putBriefCard(id: number | null, uid: string, copiedFrom: string | null, parts: CardParts, place: BriefCardPlace, old?: CardState): number {
    const keep = old ?? (copiedFrom === null ? undefined : this.byUid.get(copiedFrom));
    const values = this.values(parts, {
      // A custom label stays while the tag still starts with it (labelOfTag).
      label: labelOfTag(parts.tag, keep?.label ?? null), articleId: keep?.article_id ?? null,
      passage: keep && keep.passage_start !== null && keep.passage_end !== null ? { start: keep.passage_start, end: keep.passage_end } : null,
      textEdited: keep?.text_edited === 1,
    }, { uid, copiedFrom, place });
    if (id === null) return this.insertValues(values, parts, place);
    this.updateRow.run({ ...values, id });
    this.index.put(id, this.fieldsOf(values, parts, place));
    return id;
  }

  /** A brief card whose place changed but whose content did not: only its headings are re-indexed. */
  moveBriefCard(state: CardState, place: BriefCardPlace): void {
    const row = this.row(state.id);
    const parts = cardParts({ ...decodeContent(row.content), attrs: {} });
    this.putBriefCard(row.id, row.uid, row.copied_from, parts, place, row);
  }

  /** The cards cut from an article are re-indexed when its authors or date change, or it goes. */
  articleChanging(articleId: number, change: 'cite-fields' | 'deleted'): void {
    const ids = this.idsOfArticle.all(articleId);
    if (change === 'deleted') this.detachRows.run(articleId);
    for (const id of ids) this.reindex(this.row(id));
  }

  /** Rewrites one card's index row from what is stored (article changes). */
  reindex(row: CardRow): void {
    this.index.put(row.id, this.searchFieldsOf(row));
  }

  /**
   * Makes a stored card's derived data again by today's rules (DERIVED_VERSION): its fingerprint,
   * content hash and index row. Its content and its times are not touched.
   */
  rederive(row: CardRow, indexedIn: Record<IndexTable, boolean>): void {
    const again = rederived(row.content, row.short_cite, row.full_cite);
    const stale = row.derived !== DERIVED_VERSION;
    if (stale) this.rederiveRow.run({ id: row.id, fingerprint: again.fingerprint, contentHash: again.contentHash, derived: DERIVED_VERSION });
    const fields = this.searchFieldsOf(row, again.bodyText);
    // A row made by older rules is rewritten in both tables; otherwise only the table it is missing from is filled.
    const rewrite = BOTH.filter((t) => indexedIn[t] && stale);
    const fill = BOTH.filter((t) => !indexedIn[t]);
    this.index.put(row.id, fields, rewrite);
    this.index.add(row.id, fields, fill);
  }

  /**
   * A stored card's index fields. The row's tag and cite columns and its content were checked and
   * derived when it was written: only the body's words are read back, nothing is re-checked,
   * re-hashed or re-deflated (an index rebuild reads every card).
   */
  searchFieldsOf(row: CardRow, bodyText = bodyTextOf(decodeContent(row.content))): SearchFields {
    const place = row.brief_id === null ? null : { briefId: row.brief_id, briefTitle: this.briefTitle.get(row.brief_id) ?? '', headings: row.headings };
    const card = { tag: row.tag, label: row.label, shortCite: row.short_cite, fullCite: row.full_cite, bodyText };
    return searchFields({ ...card, headings: headingsField(place) }, this.article(row.article_id));
  }

  private insertValues(values: RowValues, parts: CardParts, place: BriefCardPlace | null, givenId: number | null = null): number {
    const id = Number(this.insertRow.run({ ...values, id: givenId }).lastInsertRowid);
    this.index.add(id, this.fieldsOf(values, parts, place));
    return id;
  }

  private values(
    parts: CardParts,
    fields: Pick<CardFields, 'label' | 'articleId' | 'passage' | 'textEdited'>,
    who: { uid: string; copiedFrom: string | null; place: BriefCardPlace | null },
  ): RowValues {
    return {
      uid: who.uid, brief_id: who.place?.briefId ?? null, copied_from: who.copiedFrom, fingerprint: parts.fingerprint,
      content_hash: parts.contentHash, tag: parts.tag, label: fields.label, short_cite: parts.shortCite, full_cite: parts.fullCite,
      content: parts.stored, headings: who.place?.headings ?? '', article_id: fields.articleId,
      passage_start: fields.passage?.start ?? null, passage_end: fields.passage?.end ?? null,
      text_edited: fields.textEdited ? 1 : 0, derived: DERIVED_VERSION, now: new Date().toISOString(),
    };
  }

  private fieldsOf(values: RowValues, parts: CardParts, place: BriefCardPlace | null) {
    return searchFields({ ...parts, label: values.label, headings: headingsField(place) }, this.article(values.article_id));
  }

  private article(id: number | null): ArticleForIndex | null {
    if (id === null) return null;
    const row = this.articleOf.get(id);
    if (!row) return null;
    return { authors: (JSON.parse(row.authors) as { name: string }[]).map((a) => a.name), publishedDate: row.published_date };
  }
}

/** What the index's headings column holds: the brief's title and the headings above the card. */
function headingsField(place: BriefCardPlace | null): string {
  return place ? `${place.briefTitle}\n${place.headings}` : '';
}

