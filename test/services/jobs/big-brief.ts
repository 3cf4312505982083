// A large Verbatim .docx written by our exporter from corpus paragraphs: enough cards that
// importing it takes real time, so a test can see other calls answered meanwhile.
import { briefToDocx } from '../../../electron/services/exporters/verbatim-docx-export.js';
import type { DocJSON } from '../../../shared/model.js';
import { splitParagraphs } from '../../../shared/text.js';
import { corpusText } from '../../helpers/corpus.js';
import { card } from '../briefs/sample-brief.js';

export async function bigBriefDocx(cards: number, title = `Big brief ${cards}`): Promise<Uint8Array> {
  const paragraphs = (['ceasefire', 'article001', 'aleppo', 'article004'] as const).flatMap((name) => splitParagraphs(corpusText(name))).filter((p) => p.split(' ').length >= 8);
  const content: DocJSON[] = [{ type: 'pocket', content: [{ type: 'text', text: title }] }];
  for (let i = 0; i < cards; i++) {
    if (i % 10 === 0) content.push({ type: 'block', content: [{ type: 'text', text: `Answers to: argument ${i / 10 + 1}` }] });
    const body = [0, 1, 2].map((k) => {
      const words = paragraphs[(i * 3 + k) % paragraphs.length]!.split(' ');
      const half = Math.ceil(words.length / 2);
      return { type: 'paragraph', content: [
        { type: 'text', text: words.slice(0, half).join(' ') + ' ', marks: [{ type: 'underline' }] },
        { type: 'text', text: words.slice(half).join(' ') },
      ] };
    });
    content.push(card(`Tag ${i + 1}: the evidence says so`, [`Author ${i % 97} 21`, ` Jane Author ${i}, 2021, The Journal`], body));
  }
  return briefToDocx({ title, doc: { type: 'doc', content } });
}
