// The library's records as every layer sees them. Card bodies and briefs are ProseMirror
// documents (JSON of the schema in schema.ts): the one representation of evidence markup.

export type SourceKind = 'paste' | 'text' | 'html' | 'url' | 'pdf' | 'docx';

export interface Author {
  name: string;
  /** Qualifications as the source states them ("Associate Professor at ..."); '' when unknown. */
  quals: string;
}

export interface ArticleFields {
  title: string;
  authors: Author[];
  publication: string;
  /** ISO date, as precise as the source says: '2021', '2021-09', '2021-09-15'; '' when unknown. */
  publishedDate: string;
  url: string;
  accessedDate: string;
  sourceKind: SourceKind;
  text: string;
}

export interface Article extends ArticleFields {
  id: number;
  createdAt: string;
  updatedAt: string;
}

/** A ProseMirror node as JSON; validated against the schema where it enters the services. */
export interface DocJSON {
  type: string;
  attrs?: Record<string, unknown>;
  content?: DocJSON[];
  marks?: { type: string; attrs?: Record<string, unknown> }[];
  text?: string;
}

export interface Passage {
  start: number;
  end: number;
}

export interface CardFields {
  tag: string;
  /** Argument label ("Non-unique", "Link turn"), null when the tag has none. */
  label: string | null;
  shortCite: string;
  fullCite: string;
  /** The card body: a `body` node of the schema. */
  body: DocJSON;
  articleId: number | null;
  passage: Passage | null;
  /** The body's words were changed ("edit text") and no longer match the source. */
  textEdited?: boolean;
}

/**
 * A card wherever it lives: the cut cards (the Cutter's library, briefId null) or one brief or
 * speech doc, which owns it as a Word file owns its text. Its content is stored once, there.
 */
export interface Card extends CardFields {
  /** This library's row id: never reused, not stable across libraries. */
  id: number;
  /** Globally unique and stable across export/import, so two libraries can be merged. */
  uid: string;
  /** The brief or speech doc the card lives in; null for the cut cards. */
  briefId: number | null;
  /** The uid of the card this one was copied from (a cut card added to a brief, a send to speech). */
  copiedFrom: string | null;
  /** Hash of the cite and body text: the same evidence filed in several places shares it. */
  fingerprint: string;
  textEdited: boolean;
  createdAt: string;
  updatedAt: string;
}

/** Where a card lives, as search hits and lists show it. */
export interface CardPlace {
  cardId: number;
  uid: string;
  briefId: number | null;
  /** null for the cut cards. */
  briefTitle: string | null;
  /** The headings above the card in its brief (pocket, hat, block), joined by " › "; '' for cut cards. */
  headings: string;
}

export type BriefKind = 'brief' | 'speech';

export interface BriefFields {
  title: string;
  kind: BriefKind;
  /** The whole outline: a `doc` node of the schema. */
  doc: DocJSON;
}

export interface Brief extends BriefFields {
  id: number;
  createdAt: string;
  updatedAt: string;
}

/** A brief's headings, and its cards with only their tags and cites: what quick find reads. */
export type BriefOutline = Pick<Brief, 'id' | 'title' | 'kind' | 'doc' | 'updatedAt'>;

/** A brief as lists show it: no document. */
export interface BriefSummary {
  id: number;
  title: string;
  kind: BriefKind;
  cards: number;
  createdAt: string;
  updatedAt: string;
}

export interface LibraryInfo {
  path: string;
  schemaVersion: number;
  articles: number;
  cards: number;
  briefs: number;
}

export type BackupReason = 'open' | 'hourly' | 'manual' | 'before-restore';

/** One rolling backup of the library, as the Backups panel and `cardfile backups` list it. */
export interface BackupInfo {
  /** The file's name in the backups folder: the only handle a caller passes back to restore. */
  name: string;
  createdAt: string;
  reason: BackupReason;
  bytes: number;
  articles: number;
  cards: number;
  briefs: number;
  /** Why this backup cannot be restored (unreadable, not a library); null when it can. */
  problem: string | null;
}
