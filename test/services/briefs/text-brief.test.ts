import { describe, expect, it } from 'vitest';
import { parseTextBrief } from '../../../electron/services/importers/text-brief.js';
import { parseCite } from '../../../shared/cite-parser.js';
import type { DocJSON } from '../../../shared/model.js';
import { nodeFromJSON, plainText } from '../../../shared/schema.js';
import { splitLabel } from '../../../shared/tag-label.js';
import { CORPUS, corpusText } from '../../helpers/corpus.js';

// Every card of corpus/003, one row each, in file order.
const CARDS = [
  { tag: 'Russian mediation in Syria fails', label: null, short: 'Thai News Service 21', fullCite: 'Thai News Service, September 7, 2021, Syria/Russia: Syria Resumes Pounding Militants’ Positions in Dara’a After Russia-Mediated Deal Fails', author: '', iso: '2021-09-07', body: 'Body The Syrian military renewed its attacks' },
  { tag: 'Non-unique: Russian aggression in Syria now', label: 'Non-unique', short: 'Ace 21', fullCite: 'Mehmet Ace, 9 -16 September 2021, Is Putin prepping the ground for another attack on Idlib after Assad’s visit?,', author: 'Mehmet Ace', iso: '2021-09-16', body: 'The crisis in Idlib has been at the bottom' },
  { tag: 'Russia. Fighting the US in Syria now', label: null, short: 'Press TV 21', fullCite: 'Press TV, September 15, 2021, Russia: US seeking ‘de facto partition’ of Syria through occupation', author: '', iso: '2021-09-15', body: 'A US IFV convoy patrols near the village of Tal Alo' },
  { tag: 'Russia opposed to US troops in Syria', label: null, short: 'Telegraph Media 21', fullCite: 'Telegraph Media, 9-15, 21,', author: '', iso: '2021-09-15', body: 'VLADIMIR PUTIN has said American troops' },
  { tag: 'Russia opposes current US efforts to divide Syria', label: null, short: 'TASS 21', fullCite: 'TASS, September 15, 2021', author: '', iso: '2021-09-15', body: 'Highlight: The United States still keeps on table' },
  { tag: 'Russia opposes the US in Syria now', label: null, short: 'Thai News Service 21', fullCite: 'Thai News Service, 9-16, 21, United States/Syria/Russia: Presence of US Troops in Eastern Syria Is ‘De Facto Partition’', author: '', iso: '2021-09-16', body: 'Russian Deputy Foreign Minister Sergei Ryabkov warned Tuesday' },
  { tag: 'Multiple blows to US-Russian relations', label: null, short: 'Istomin', fullCite: 'Igor Istomin |Associate Professor at the Department of Applied International Political Analysis, 9-1, , With Russian-American entente moving forward, is there a place in Europe?', author: 'Igor Istomin', iso: '', body: 'The Geneva summit between Putin and Biden' },
  { tag: 'Non-unique – US pressure on the Ukraine encircles Russia and triggers reaction', label: 'Non-unique', short: 'Choi 21', fullCite: 'Joseph Choi, 9-2, 21, The Hill, Kremlin: US military assistance could ’cause unpredictable actions’ by Ukraine,', author: 'Joseph Choi', iso: '2021-09-02', body: 'A Kremlin spokesperson on Thursday raised concerns' },
];

const textOf = (node: DocJSON): string => (node.content ?? []).map((n) => n.text ?? '').join('');

describe(`plain-text brief: corpus/${CORPUS.block}`, () => {
  const brief = parseTextBrief(corpusText('block'))!;

  it('is one block, titled as the file is (with its ’), holding one card per tag', () => {
    expect(brief).not.toBeNull();
    expect(brief.title).toBe('Answers to: Russia Won’t Cooperate on Syria if the US puts pressure on Russia');
    const [block, ...cards] = brief.doc.content!;
    expect(block).toEqual({ type: 'block', content: [{ type: 'text', text: brief.title }] });
    expect(cards.map((c) => c.type)).toEqual(CARDS.map(() => 'card'));
    expect(() => nodeFromJSON(brief.doc)).not.toThrow();
  });

  it.each(CARDS.map((row, i) => ({ ...row, i })))('card $i: $tag', ({ i, tag, label, short, fullCite, author, iso, body }) => {
    const [tagNode, citeNode, bodyNode] = brief.doc.content![i + 1]!.content!;
    expect(textOf(tagNode!)).toBe(tag);
    expect(splitLabel(tag).label).toBe(label);
    expect(citeNode!.content![0]).toEqual({ type: 'text', text: short, marks: [{ type: 'strong' }] });
    expect(textOf(citeNode!)).toBe(`${short} ${fullCite}`);
    const parsed = parseCite(fullCite);
    expect(parsed.author).toBe(author);
    expect(parsed.isoDate).toBe(iso);
    const bodyText = plainText(bodyNode!);
    expect(bodyText.startsWith(body)).toBe(true);
    // Verbatim: the body is the file's paragraph, word for word.
    expect(corpusText('block')).toContain(bodyText);
  });
});

describe('text that is not a brief', () => {
  it.each([['ceasefire'], ['article001'], ['aleppo'], ['article004']] as const)('corpus %s (an article) is not brief-shaped', (name) => {
    expect(parseTextBrief(corpusText(name))).toBeNull();
  });
  it.each([[''], ['One line only'], ['Tag\n\nSmith, 9-2-21, The Hill\n\nBody text of the only card.']])('%j is not brief-shaped', (text) => {
    expect(parseTextBrief(text)).toBeNull();
  });
});
