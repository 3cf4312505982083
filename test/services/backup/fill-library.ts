// A small real library for the backup and export tests: corpus articles, marked-up cards, a brief.
import { insertNodes, cardNode, headingNode } from '../../../shared/brief-doc.js';
import { articleFromText } from '../../../electron/services/importers/text-importer.js';
import type { Library } from '../../../electron/services/library/library.js';
import { corpusText } from '../../helpers/corpus.js';

export function fillLibrary(library: Library): void {
  const ceasefire = library.articles.insert({
    ...articleFromText(corpusText('ceasefire'), { source: 'ceasefire' }),
    authors: [{ name: 'Joseph Choi', quals: 'staff writer' }], publication: 'The Hill', publishedDate: '2021-09-02', url: 'https://thehill.com/x',
  });
  library.articles.insert(articleFromText(corpusText('aleppo'), { source: 'aleppo', sourceKind: 'text' }));
  const first = ceasefire.text.split('\n\n')[0]!;
  const card = library.cards.insert({
    tag: 'Non-unique: Russian mediation in Syria fails', label: 'Non-unique', shortCite: 'Choi 21', fullCite: 'Joseph Choi, 9-2, 21, The Hill',
    body: {
      type: 'body', attrs: { shrinkPt: 8 },
      content: [{ type: 'paragraph', content: [
        { type: 'text', text: first.slice(0, 40) },
        { type: 'text', text: first.slice(40, 80), marks: [{ type: 'underline' }, { type: 'highlight', attrs: { colour: 'yellow' } }] },
        { type: 'text', text: first.slice(80), marks: [{ type: 'emphasis' }] },
      ] }],
    },
    articleId: ceasefire.id, passage: { start: 0, end: first.length },
  });
  const analytic = library.cards.insert({ tag: 'Turn: pressure backfires', label: 'Turn', shortCite: '', fullCite: '', body: { type: 'body', content: [{ type: 'paragraph' }] }, articleId: null, passage: null });
  library.briefs.insert({
    title: 'AT: Russia won’t cooperate', kind: 'brief',
    doc: insertNodes({ type: 'doc', content: [] }, [headingNode('pocket', 'Syria'), headingNode('block', 'AT: Russia'), cardNode(card), cardNode(analytic)]),
  });
  library.setSetting('keys.F9', 'underline');
}
