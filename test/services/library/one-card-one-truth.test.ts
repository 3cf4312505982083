// The model of ARCHITECTURE.md, each rule with a test that failed on the version-4 store.
import { describe, expect, it } from 'vitest';
import { createHandlers } from '../../../electron/services/api-handlers.js';
import { dispatch } from '../../../electron/services/dispatch.js';
import { Library } from '../../../electron/services/library/library.js';
import { openLibrary } from '../../../electron/services/library/open-library.js';
import { CardSearch } from '../../../electron/services/search/card-search.js';
import { checkIndex, refreshIndex } from '../../../electron/services/search/search-index.js';
import { apiClient } from '../../../shared/api.js';
import { headingNode } from '../../../shared/brief-doc.js';
import { copyOfCard } from '../../shared/brief-builders.js';
import type { DocJSON } from '../../../shared/model.js';
import { bodyFromParagraphs } from '../../../shared/schema.js';
import { corpusText } from '../../helpers/corpus.js';
import { tempLibraryPath } from '../../helpers/temp-dir.js';

const card = (tag: string, words: string, shortCite = 'Ace 21') =>
  ({ tag, label: null, shortCite, fullCite: `${shortCite}, The Hill, 2021`, body: bodyFromParagraphs([words]), articleId: null, passage: null });

const textOf = (hitSnippet: { text: string }[]) => hitSnippet.map((p) => p.text).join('');

describe('one stored copy per card, wherever it lives', () => {
  it('a brief owns its cards: re-tagging in one brief changes neither the cut card nor another brief', () => {
    const library = Library.open(tempLibraryPath());
    const cut = library.cards.insert(card('Russia mediates', 'Moscow brokered the Daraa truce.'));
    const a = library.briefs.insert({ title: 'Aff', kind: 'brief', doc: { type: 'doc', content: [copyOfCard(cut)] } });
    const b = library.briefs.insert({ title: 'Neg', kind: 'brief', doc: { type: 'doc', content: [copyOfCard(cut)] } });
    const retagged = a.doc.content!.map((n) => ({ ...n, content: [{ type: 'tag', content: [{ type: 'text', text: 'Russia brokers truces' }] }, ...n.content!.slice(1)] }));
    library.briefs.update(a.id, { doc: { type: 'doc', content: retagged } });
    expect(library.cards.get(cut.id).tag).toBe('Russia mediates');
    expect(library.briefs.get(b.id).doc.content![0]!.content![0]!.content![0]!.text).toBe('Russia mediates');
    expect(library.briefs.get(a.id).doc.content![0]!.content![0]!.content![0]!.text).toBe('Russia brokers truces');
    // Each card's words are stored once: three cards, three rows, and no card JSON inside a brief row.
    expect(library.cards.count()).toBe(3);
    const briefRow = library.db.prepare('SELECT doc FROM briefs WHERE id = ?').pluck().get(a.id) as string;
    expect(briefRow).not.toContain('Daraa');
    library.close();
  });

  it('an edit made through updateCard to a brief card is what the brief shows and what search finds', () => {
    const library = Library.open(tempLibraryPath());
    const brief = library.briefs.insert({ title: 'Aff', kind: 'brief', doc: { type: 'doc', content: [copyOfCard({ uid: 'x', ...card('Old tag', 'Words of the card.') })] } });
    const uid = String(brief.doc.content![0]!.attrs!['cardId']);
    const row = library.cards.rowByUid(uid)!;
    library.cards.update(row.id, { tag: 'Sanctions backfire' });
    expect(library.briefs.get(brief.id).doc.content![0]!.content![0]!.content![0]!.text).toBe('Sanctions backfire');
    expect(new CardSearch(library.db, library.cards).search({ query: 'backfire', limit: 5 }).hits.map((h) => h.uid)).toEqual([uid]);
    library.close();
  });
});

describe('ids are never reused and cards know where they came from', () => {
  it('deleting a card from a brief and creating another never hands the new card its id or its place', () => {
    const library = Library.open(tempLibraryPath());
    const first = library.cards.insert(card('Russia cooperates', 'Lavrov met Blinken.'));
    const brief = library.briefs.insert({ title: 'Aff', kind: 'brief', doc: { type: 'doc', content: [headingNode('block', 'Russia'), copyOfCard(first)] } });
    const inBrief = library.cards.rowByUid(String(brief.doc.content![1]!.attrs!['cardId']))!;
    library.briefs.update(brief.id, { doc: { type: 'doc', content: [headingNode('block', 'Russia')] } });
    library.cards.delete(first.id);
    const unrelated = library.cards.insert(card('Unrelated', 'Nothing about the block.'));
    expect(unrelated.id).toBeGreaterThan(inBrief.id);
    expect(unrelated.id).not.toBe(first.id);
    expect(new CardSearch(library.db, library.cards).search({ query: 'block:Russia', limit: 5 }).hits).toEqual([]);
    library.close();
  });

  it('gives every card a global uid, and a copy remembers its source', () => {
    const library = Library.open(tempLibraryPath());
    const cut = library.cards.insert(card('Russia cooperates', 'Lavrov met Blinken.'));
    expect(cut.uid).toMatch(/^[0-9a-f-]{36}$/);
    const brief = library.briefs.insert({ title: 'Aff', kind: 'brief', doc: { type: 'doc', content: [copyOfCard(cut)] } });
    const copy = library.cards.rowByUid(String(brief.doc.content![0]!.attrs!['cardId']))!;
    expect(copy.copied_from).toBe(cut.uid);
    expect(copy.uid).not.toBe(cut.uid);
    expect(copy.fingerprint).toBe(cut.fingerprint);
    library.close();
  });

  it('a card pasted from another brief, or twice into one, becomes a new card copied from it', () => {
    const library = Library.open(tempLibraryPath());
    const a = library.briefs.insert({ title: 'Aff', kind: 'brief', doc: { type: 'doc', content: [copyOfCard({ uid: 'src', ...card('T', 'W.') })] } });
    const pasted = a.doc.content![0]!;
    const b = library.briefs.insert({ title: 'Neg', kind: 'brief', doc: { type: 'doc', content: [pasted, pasted] } });
    const [one, two] = b.doc.content!.map((n) => n.attrs as { cardId: string; copiedFrom: string | null });
    expect(one!.cardId).not.toBe(pasted.attrs!['cardId']);
    expect(one!.copiedFrom).toBe(pasted.attrs!['cardId']);
    expect(two!.cardId).not.toBe(one!.cardId);
    expect(library.briefs.get(a.id).doc).toEqual(a.doc);
    // Saving what the store returned changes nothing.
    expect(library.briefs.update(b.id, { doc: b.doc }).doc).toEqual(b.doc);
    // An editor that kept the source's uid after the first save gets the same copy back, not a new card each save.
    const again = library.briefs.update(b.id, { doc: { type: 'doc', content: [pasted, b.doc.content![1]!] } });
    expect(again.doc).toEqual(b.doc);
    expect(library.cards.count()).toBe(3);
    library.close();
  });
});

describe('search hits are each from their own card', () => {
  it('every hit of Ryabkov and of label:non-unique in the imported 003 block shows a snippet from its own card', async () => {
    const library = Library.open(tempLibraryPath());
    const handlers = createHandlers(library);
    const api = apiClient((method, input) => dispatch(handlers, method, input));
    await api.importData({ name: 'russia-block.txt', dataBase64: Buffer.from(corpusText('block')).toString('base64') });
    for (const query of ['Ryabkov', 'label:non-unique', 'Syria']) {
      const { hits } = await api.search({ query, limit: 50 });
      expect(hits.length).toBeGreaterThan(0);
      const snippets = new Set<string>();
      for (const hit of hits) {
        const own = (await api.getCard({ id: hit.cardId })).body;
        const words = (own.content ?? []).map((p) => (p.content ?? []).map((t) => t.text).join('')).join(' ').replace(/\s+/g, ' ');
        const snippet = textOf(hit.snippet).replace(/^…|…$/g, '').replace(/\s+/g, ' ').trim();
        expect(words, `${query}: snippet of card ${hit.cardId}`).toContain(snippet);
        snippets.add(snippet);
      }
      expect(snippets.size).toBe(hits.length);
    }
    expect((await api.search({ query: 'Ryabkov', limit: 50 })).hits).toHaveLength(3);
    library.close();
  });

  it('the same evidence filed in three places is one hit listing the three places', () => {
    const library = Library.open(tempLibraryPath());
    const cut = library.cards.insert(card('Russia mediates', 'Moscow brokered the Daraa truce.'));
    const a = library.briefs.insert({ title: 'Aff', kind: 'brief', doc: { type: 'doc', content: [headingNode('block', 'AT: Russia'), copyOfCard(cut)] } });
    const retagged = { ...a.doc.content![1]!, attrs: { cardId: null, copiedFrom: null }, content: [{ type: 'tag', content: [{ type: 'text', text: 'Other tag, same evidence' }] }, ...a.doc.content![1]!.content!.slice(1)] };
    library.briefs.insert({ title: 'Neg', kind: 'speech', doc: { type: 'doc', content: [retagged as DocJSON] } });
    const { hits } = new CardSearch(library.db, library.cards).search({ query: 'Daraa', limit: 10 });
    expect(hits).toHaveLength(1);
    expect(hits[0]!.places.map((p) => [p.briefTitle, p.headings])).toEqual([[null, ''], ['Aff', 'AT: Russia'], ['Neg', '']]);
    library.close();
  });
});

describe('ranking over every match', () => {
  it('ranks the oldest card first when its tag holds the word, among 2,000 newer cards that only mention it', () => {
    const library = Library.open(tempLibraryPath());
    const best = library.cards.insert(card('Syria partition is coming', 'An old card.', 'Old 05'));
    library.transaction(() => {
      for (let i = 0; i < 2000; i++) library.cards.insert(card(`Filler ${i}`, `Report ${i} on the economy mentions Syria once.`, `New ${i}`));
    });
    const { hits, more } = new CardSearch(library.db, library.cards).search({ query: 'Syria', limit: 20 });
    expect(hits[0]!.cardId).toBe(best.id);
    expect(hits).toHaveLength(20);
    expect(more).toBe(true);
    library.close();
  });

  it('returns the true top 20 under the rule: tag/cite tier by bm25 over those fields, then body tier by bm25', () => {
    const library = Library.open(tempLibraryPath());
    const words = ['russia', 'syria', 'sanctions', 'truce', 'mediation'];
    library.transaction(() => {
      for (let i = 0; i < 300; i++) {
        const w = (k: number) => words[(i * 7 + k * 3) % words.length]!;
        library.cards.insert(card(`${w(0)} claim ${i}`, `${w(1)} ${w(2)} and more text ${'filler '.repeat(i % 13)}${w(3)}`, `Author${i} ${String(i % 30).padStart(2, '0')}`));
      }
    });
    const search = new CardSearch(library.db, library.cards);
    const ranked = (table: string, weights: string, match: string) => library.db.prepare(`SELECT rowid AS id FROM ${table} WHERE ${table} MATCH ? ORDER BY bm25(${table}, ${weights}), rowid`).pluck().all(match) as number[];
    const all = (match: string) => ranked('card_fts', '10.0, 5.0, 4.0, 3.0, 2.0, 1.0, 2.0', match);
    for (const query of ['russia', 'syria truce', 'mediation sanctions']) {
      const terms = query.split(' ').map((t) => `"${t}"`).join(' AND ');
      // The first tier is ranked by what the cards are about alone: their bodies do not weigh in.
      const about = ranked('card_fts_about', '10.0, 5.0, 4.0, 3.0, 2.0, 2.0', terms);
      expect(about).toEqual(all(`{tag label author cite year headings} : (${terms})`).sort((a, b) => about.indexOf(a) - about.indexOf(b)));
      const rest = all(terms).filter((id) => !about.includes(id));
      const expected = [...about, ...rest].slice(0, 20);
      expect(search.search({ query, limit: 20 }).hits.map((h) => h.cardId), query).toEqual(expected);
    }
    library.close();
  });
});

describe('the store holds up', () => {
  it('says Saved only when durable: synchronous FULL, WAL, a busy timeout', () => {
    const library = Library.open(tempLibraryPath());
    expect(library.db.pragma('synchronous', { simple: true })).toBe(2);
    expect(library.db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(library.db.pragma('busy_timeout', { simple: true })).toBeGreaterThanOrEqual(5000);
    library.close();
  });

  it('carries a version-4 library forward: cut cards keep their ids, brief copies become the brief’s own cards', () => {
    const file = tempLibraryPath();
    const old = openLibrary(file, { upToVersion: 4 });
    const body = JSON.stringify(bodyFromParagraphs(['Ryabkov denounced the US presence.']));
    old.prepare(`INSERT INTO cards (id, tag, label, short_cite, full_cite, body, created_at, updated_at) VALUES (7, 'Russia opposes the US', 'Non-unique', 'TASS 21', 'TASS, 9-15-21', ?, '2021-09-20T10:00:00Z', '2021-09-21T10:00:00Z')`).run(body);
    const copy = { type: 'card', attrs: { cardId: 7 }, content: [{ type: 'tag', content: [{ type: 'text', text: 'Re-tagged in the brief' }] }, { type: 'cite', content: [{ type: 'text', text: 'TASS 21', marks: [{ type: 'strong' }] }, { type: 'text', text: ' TASS, 9-15-21' }] }, JSON.parse(body)] };
    const doc = { type: 'doc', content: [{ type: 'block', content: [{ type: 'text', text: 'AT: Russia' }] }, copy] };
    old.prepare(`INSERT INTO briefs (id, title, kind, doc, created_at, updated_at) VALUES (3, 'Aff', 'brief', ?, '2021-09-22T10:00:00Z', '2021-09-23T10:00:00Z')`).run(JSON.stringify(doc));
    old.close();

    const library = Library.open(file);
    const cut = library.cards.get(7);
    expect(cut).toMatchObject({ tag: 'Russia opposes the US', label: 'Non-unique', shortCite: 'TASS 21', briefId: null, createdAt: '2021-09-20T10:00:00Z', updatedAt: '2021-09-21T10:00:00Z' });
    const brief = library.briefs.get(3);
    expect(brief.updatedAt).toBe('2021-09-23T10:00:00Z');
    const [block, moved] = brief.doc.content!;
    expect(block).toEqual(doc.content[0]);
    expect(moved!.content).toEqual(copy.content);
    const row = library.cards.rowByUid(String(moved!.attrs!['cardId']))!;
    expect(row).toMatchObject({ brief_id: 3, copied_from: cut.uid, headings: 'AT: Russia', fingerprint: cut.fingerprint });
    // The migration's frozen rules are version 1: today's store derives the same fingerprint.
    const again = library.cards.insert({ tag: 'x', label: null, shortCite: 'TASS 21', fullCite: 'TASS, 9-15-21', body: JSON.parse(body) as DocJSON, articleId: null, passage: null });
    expect(again.fingerprint).toBe(cut.fingerprint);
    library.cards.delete(again.id);
    // The migration leaves the index to the search service, which fills it by today's rules.
    expect(checkIndex(library.db)).toBe('stale');
    refreshIndex(library.db, library.cards);
    const hits = new CardSearch(library.db, library.cards).search({ query: 'Ryabkov', limit: 5 }).hits;
    expect(hits).toHaveLength(1);
    expect(hits[0]!.places.map((p) => p.cardId).sort()).toEqual([7, row.id].sort());
    expect(library.cards.insert(card('new', 'new')).id).toBeGreaterThan(row.id);
    expect(library.db.pragma('integrity_check', { simple: true })).toBe('ok');
    library.close();
  });
});
