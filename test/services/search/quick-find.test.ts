import { describe, expect, test } from 'vitest';
import { cardNode, headingNode } from '../../../shared/brief-doc.js';
import { distance, QuickFind, withinOneEdit } from '../../../shared/quick-find.js';
import { blockCards } from './corpus-library.js';
import { corpusText } from '../../helpers/corpus.js';

// The 003 block as an open brief, and a speech doc holding one of its cards.
const { block, cards } = blockCards(corpusText('block'));
const saved = cards.map((c, i) => ({ ...c, id: i + 1 }));
const brief = { briefId: 1, title: 'Russia cooperation aff', doc: { type: 'doc', content: [headingNode('hat', 'Syria'), headingNode('block', block), ...saved.map((c) => cardNode(c))] } };
const speech = { briefId: 2, title: '1AC', doc: { type: 'doc', content: [headingNode('pocket', '1AC'), cardNode(saved[7]!)] } };
const find = QuickFind.build([brief, speech]);

describe('quick find over the open briefs and speech doc', () => {
  test('typos: "Rusia mediaton" finds the tag "Russian mediation in Syria fails" and says where it is', () => {
    const [first] = find.find('Rusia mediaton');
    expect(first).toMatchObject({ briefId: 1, index: 2, kind: 'card', text: 'Russian mediation in Syria fails' });
  });

  test.each([
    ['stemmed', 'opposing', ['Russia opposed to US troops in Syria', 'Russia opposes current US efforts to divide Syria', 'Russia opposes the US in Syria now']],
    ['as you type', 'Ukra', ['Non-unique – US pressure on the Ukraine encircles Russia and triggers reaction', 'Non-unique – US pressure on the Ukraine encircles Russia and triggers reaction']],
    ['by cite', 'Choi', ['Non-unique – US pressure on the Ukraine encircles Russia and triggers reaction', 'Non-unique – US pressure on the Ukraine encircles Russia and triggers reaction']],
    ['block heading', "won't cooperate", ['Answers to: Russia Won’t Cooperate on Syria if the US puts pressure on Russia']],
  ])('%s: %j', (_, query, texts) => {
    expect(find.find(query).map((h) => h.text).sort()).toEqual([...texts].sort());
  });

  test('a card in the speech doc is found there too, with its position', () => {
    expect(find.find('Choi').map((h) => [h.briefId, h.index])).toEqual(expect.arrayContaining([[1, 9], [2, 1]]));
  });

  test('exact words win over typo matches, and nothing matches nonsense', () => {
    expect(find.find('Syria').every((h) => /syria/i.test(h.text + h.cite))).toBe(true);
    expect(find.find('xqzvw')).toEqual([]);
    expect(find.find('  ')).toEqual([]);
  });
});

describe('quick find changed a brief at a time', () => {
  const tagged = (briefId: number, tags: string[]) => ({
    briefId, title: `Brief ${briefId}`,
    doc: { type: 'doc', content: tags.map((tag, i) => cardNode({ ...saved[0]!, tag })) },
  });

  test('a brief put again is found as it is now; a removed one is not found', () => {
    const index = QuickFind.build([brief, speech, tagged(3, ['Sanctions fail against Moscow'])]);
    expect(index.find('sanctions').map((h) => h.briefId)).toEqual([3]);
    index.put(tagged(3, ['Tariffs fail against Moscow', 'Sanctions work now']));
    expect(index.find('tariffs').map((h) => [h.briefId, h.index, h.text])).toEqual([[3, 0, 'Tariffs fail against Moscow']]);
    expect(index.find('sanctions fail')).toEqual([]);
    index.remove(3);
    expect(index.find('tariffs')).toEqual([]);
    // The other briefs are as they were.
    expect(index.find('Rusia mediaton')[0]).toMatchObject({ briefId: 1, text: 'Russian mediation in Syria fails' });
  });

  test('after many saves of a brief (old entries swept out), only its last version is found', () => {
    const index = QuickFind.build([brief]);
    for (let save = 0; save < 120; save++) index.put(tagged(4, Array.from({ length: 100 }, (_, i) => `Revision${save} card ${i}`)));
    expect(index.find('revision119').length).toBe(20);
    // An older version's word is one typo from the last one's: only the last version answers.
    expect(index.find('revision118', 500).map((h) => h.text.split(' ')[0])).toEqual(Array(100).fill('Revision119'));
    expect(index.find('revision50')).toEqual([]);
    expect(index.find('card', 500).filter((h) => h.briefId === 4)).toHaveLength(100);
    expect(index.find('Rusia mediaton')[0]).toMatchObject({ briefId: 1 });
  });
});

describe('one edit, without the table', () => {
  test.each([
    ['russia', 'russia'], ['rusia', 'russia'], ['russia', 'rusia'], ['mediaton', 'mediation'], ['ab', 'ba'], ['abc', 'axd'],
    ['', 'a'], ['', 'ab'], ['choi', 'chio'], ['ryabkov', 'ryabkof'], ['ryabkov', 'ryabkovv'], ['xryabkov', 'ryabkov'], ['abcd', 'abc'], ['kyiv', 'kiev'],
  ])('%j %j as the edit distance says', (a, b) => {
    expect(withinOneEdit(a, b)).toBe(distance(a, b, 1) <= 1);
  });
});
