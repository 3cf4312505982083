// A card's stored content: the card node (tag, cite, body) as deflated JSON, the one copy of its
// words and marks. Everything else kept about a card (tag and cite columns, fingerprint, search
// fields) is derived from it here, at write time, by the functions the editor uses too.
import { createHash, randomUUID } from 'node:crypto';
import { deflateRawSync, inflateRawSync } from 'node:zlib';
import type { Node as PMNode } from 'prosemirror-model';
import { citeNode, cardNode } from '../../../shared/brief-doc.js';
import { splitCite } from '../../../shared/card-doc.js';
import type { CardFields, DocJSON } from '../../../shared/model.js';
import { nodeFromJSON, schema } from '../../../shared/schema.js';
import { citeFactsOf, type CiteFacts } from '../search/search-fields.js';
import { LibraryError } from './library-error.js';

/**
 * The version of the rules that derive a card row's fingerprint and content hash and its index
 * fields (search-fields.ts) from its content. Each row records the version that made it
 * (`cards.derived`); raise this when a rule changes, and the search service re-derives the older
 * rows in its worker. Version 2: a short cite ending in a day ("Boersma & Jain 3/28") no longer
 * gives the year field a year ("2028").
 */
export const DERIVED_VERSION = 2;

/** A new globally unique card id. */
export const newUid = (): string => randomUUID();

// Level 1: about a third of the JSON's size already; higher levels cost insert speed for little.
const encode = (json: Buffer): Buffer => deflateRawSync(json, { level: 1 });
export const decodeContent = (blob: Buffer): DocJSON => JSON.parse(inflateRawSync(blob).toString('utf8')) as DocJSON;

// Hashing the UTF-8 bytes the store deflates anyway: hashing the string would encode it again.
const hash = (data: string | Buffer): string => createHash('sha1').update(data).digest('base64url').slice(0, 22);

/** Hash of a card node's stored JSON (attrs aside): equal hashes, nothing to write. */
export function contentHashOf(node: DocJSON): string {
  return hash(storedJSON(node));
}

/** What a card node is made of, read once from the checked node. */
export interface CardParts {
  /** The card node without attrs, deflated: what is stored. */
  stored: Buffer;
  tag: string;
  shortCite: string;
  fullCite: string;
  /** The body node's JSON, or an empty body for an analytic. */
  body: DocJSON;
  /** Paragraphs of the body, separated by newlines. */
  bodyText: string;
  /** Hash of the stored JSON: an unchanged card is not rewritten or re-indexed. */
  contentHash: string;
  fingerprint: string;
  /** What the index reads from the full cite, parsed once here rather than on the writer's thread. */
  citeFacts: CiteFacts;
}

/** The body of a card that has none (an analytic), as the Cutter shows it: one empty paragraph. */
export const EMPTY_BODY: DocJSON = { type: 'body', content: [{ type: 'paragraph' }] };

/**
 * Evidence identity: the same cite and the same words, however they are marked up. Case and
 * spacing are folded so a re-typed space does not split one card into two.
 */
export function fingerprintOf(shortCite: string, fullCite: string, bodyText: string): string {
  return hash(`${fold(shortCite)} ${fold(fullCite)}\n${fold(bodyText)}`);
}

// Every run of white space becomes one space. Only runs that are not already a single space are
// replaced: a body's ~900 single spaces cost nothing (twice as fast as replacing every run).
const fold = (s: string) => s.toLowerCase().replace(/\s{2,}|[^\S ]/g, ' ').trim();

/** The words of a card node's body, a line per paragraph: what is indexed, fingerprinted and cut into snippets. */
export function bodyTextOf(card: DocJSON): string {
  const body = card.content?.find((c) => c.type === 'body');
  return (body?.content ?? []).map((p) => (p.content ?? []).map((t) => t.text ?? '').join('')).join('\n');
}

/** A stored card's derived columns, made again by today's rules from its stored content. */
export function rederived(stored: Buffer, shortCite: string, fullCite: string): { contentHash: string; fingerprint: string; bodyText: string } {
  const bytes = inflateRawSync(stored);
  const bodyText = bodyTextOf(JSON.parse(bytes.toString('utf8')) as DocJSON);
  return { contentHash: hash(bytes), fingerprint: fingerprintOf(shortCite, fullCite, bodyText), bodyText };
}

/** The JSON text a card node is stored as: the node without its attrs (the row holds who it is). */
export function storedJSON(json: DocJSON): string {
  const { attrs: _attrs, ...content } = json;
  return JSON.stringify(content);
}

/** Checks a card node against the schema and derives what the store keeps beside it. */
export function cardParts(json: DocJSON): CardParts {
  return { ...derivedParts(json, Buffer.from(storedJSON(json))), body: bodyOf(json) };
}

/** Parts a CardPartsPool derived already, by card node: the store takes them instead of deriving. */
export type KnownParts = ReadonlyMap<DocJSON, CardParts>;

/** A card's parts but its body, which the caller holds already: what the parts pool sends back. */
export type DerivedParts = Omit<CardParts, 'body'>;

/**
 * The pure part of cardParts, given the UTF-8 bytes of the node's stored JSON (storedJSON): run
 * inline for one card, or in the threads of card-parts-pool.ts for many, which gives
 * byte-identical rows.
 */
export function derivedParts(json: DocJSON, bytes: Buffer): DerivedParts {
  if (json.type !== 'card') throw new LibraryError('invalid', `Expected a card, got "${json.type}".`);
  let node: PMNode;
  try {
    node = nodeFromJSON(json);
  } catch (err) {
    throw new LibraryError('invalid', `The card does not fit the card schema: ${(err as Error).message}`);
  }
  let tag = '';
  let cite = { shortCite: '', fullCite: '' };
  node.forEach((child) => {
    if (child.type === schema.nodes.tag) tag = child.textContent;
    else if (child.type === schema.nodes.cite) cite = splitCite(child);
  });
  const bodyText = bodyTextOf(json);
  return {
    stored: encode(bytes), tag, ...cite,
    bodyText,
    contentHash: hash(bytes),
    fingerprint: fingerprintOf(cite.shortCite, cite.fullCite, bodyText),
    citeFacts: citeFactsOf(cite.fullCite),
  };
}

/** A card node's body, or an empty body for an analytic. */
export const bodyOf = (json: DocJSON): DocJSON => json.content?.find((c) => c.type === 'body') ?? EMPTY_BODY;

/** The card node of a cut card's fields: the same shape a brief holds. */
export function nodeOfFields(fields: Pick<CardFields, 'tag' | 'shortCite' | 'fullCite' | 'body'>): DocJSON {
  if (fields.body.type !== 'body') throw new LibraryError('invalid', `Expected a body document, got "${fields.body.type}".`);
  const node = cardNode(fields);
  // A cut card always keeps its cite and body, even empty, so the Cutter has somewhere to type.
  const content = node.content ?? [];
  if (!content.some((c) => c.type === 'cite')) content.splice(1, 0, citeNode(fields.shortCite, fields.fullCite));
  if (!content.some((c) => c.type === 'body')) content.push(fields.body);
  return { type: 'card', content };
}
