// A brief that uses every part of the model: each heading level, cites with bold short cites,
// every mark and every Word highlight colour, shrunk and unshrunk bodies, analytics, a last card.
import { WORD_HIGHLIGHTS } from '../../../shared/highlight-colours.js';
import type { DocJSON } from '../../../shared/model.js';
import { nodeFromJSON } from '../../../shared/schema.js';

type MarkName = 'underline' | 'emphasis' | 'highlight';
const t = (text: string, ...marks: (MarkName | `highlight:${string}`)[]): DocJSON => {
  const built = marks.map((m) => (m.startsWith('highlight') ? { type: 'highlight', attrs: { colour: m.split(':')[1] ?? 'cyan' } } : { type: m }));
  return built.length > 0 ? { type: 'text', text, marks: built } : { type: 'text', text };
};
const heading = (type: 'pocket' | 'hat' | 'block', text: string): DocJSON => ({ type, content: [{ type: 'text', text }] });
const para = (...content: DocJSON[]): DocJSON => ({ type: 'paragraph', content });

/** A card; with shrinkPt, its unread (not underlined or emphasised) runs are at that size. */
export function card(tag: string, cite?: [string, string], body?: DocJSON[], shrinkPt: number | null = null): DocJSON {
  const content: DocJSON[] = [{ type: 'tag', content: [{ type: 'text', text: tag }] }];
  if (cite) content.push({ type: 'cite', content: [{ type: 'text', text: cite[0], marks: [{ type: 'strong' }] }, { type: 'text', text: cite[1] }] });
  if (body) content.push({ type: 'body', content: shrinkPt === null ? body : body.map((p) => shrunk(p, shrinkPt)) });
  return { type: 'card', attrs: { cardId: null, copiedFrom: null }, content };
}

function shrunk(paragraph: DocJSON, pt: number): DocJSON {
  const read = (t: DocJSON): boolean => (t.marks ?? []).some((m) => m.type === 'underline' || m.type === 'emphasis');
  return { ...paragraph, content: (paragraph.content ?? []).map((t) => (read(t) ? t : { ...t, marks: [...(t.marks ?? []), { type: 'size', attrs: { pt } }] })) };
}

export const SAMPLE_TITLE = 'Russia DA – answers';

export const SAMPLE_BRIEF: DocJSON = {
  type: 'doc',
  content: [
    heading('pocket', '1NC'),
    heading('hat', 'Russia DA'),
    heading('block', 'Answers to: Russia Won’t Cooperate on Syria'),
    card(
      'Non-unique: Russian aggression in Syria now',
      ['Ace 21', ' Mehmet Ace, 9 -16 September 2021, Is Putin prepping the ground for another attack on Idlib?'],
      [
        para(t('The crisis in Idlib has been at the bottom of the global agenda '), t('for quite some time', 'underline'), t(' now, '), t('harbingers', 'emphasis', 'highlight:yellow'), t(' have begun to '), t('emerge', 'underline', 'highlight:yellow'), t(' indicating calm may end.')),
        para(t('Russian airstrikes in the region have '), t('intensified', 'emphasis'), t('.')),
      ],
      8,
    ),
    { type: 'analytic', attrs: { heading: true }, content: [{ type: 'text', text: 'Extend: they dropped the link turn' }] },
    card(
      'Every colour a debater highlights in',
      ['TASS 21', ' TASS, September 15, 2021, https://tass.com/politics/1337'],
      [para(...WORD_HIGHLIGHTS.flatMap((colour, i) => [t(`${colour} `, 'underline', `highlight:${colour}`), t(i % 2 ? 'and ' : 'or ')]), t('plain end.'))],
      6,
    ),
    heading('block', 'A2: Russia cooperates'),
    card(
      'Russia opposes the US in Syria now',
      ['Thai News Service 21', ' 9-16, 21, Presence of US Troops in Eastern Syria Is ‘De Facto Partition’'],
      [para(t('Russian Deputy Foreign Minister Sergei Ryabkov warned that '), t('the continued presence of American troops', 'underline', 'highlight:green'), t(' amounts to a de facto partition.'))],
    ),
    card('The last card is never dropped', ['Choi 21', ' Joseph Choi, 9-2, 21, The Hill'], [para(t('A Kremlin spokesperson raised '), t('concerns', 'emphasis'), t(' about U.S. aid.'))], 7),
  ],
};

/** A doc as the schema writes it (defaults filled), card ids and the file's look dropped: what survives a file. */
export function normalised(doc: DocJSON): DocJSON {
  const json = nodeFromJSON(doc).toJSON() as DocJSON;
  const strip = (n: DocJSON): DocJSON => ({
    ...n,
    ...(n.type === 'card' ? { attrs: { cardId: null, copiedFrom: null } } : {}),
    ...(n.type === 'doc' ? { attrs: { docx: null } } : {}),
    ...(n.content ? { content: n.content.map(strip) } : {}),
  });
  return strip(json);
}
