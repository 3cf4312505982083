import { describe, expect, test } from 'vitest';
import { cardNode, headingNode } from '../../../shared/brief-doc.js';
import { QuickFind } from '../../../shared/quick-find.js';
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
