import type { ArticleFields } from '../../../shared/model.js';
import { guessTitle, isoDate, splitParagraphs } from '../../../shared/text.js';
import { ImportError } from './import-error.js';

/** An article from pasted or plain-file text: paragraphs normalised, title from the first line. */
export function articleFromText(text: string, options: { title?: string; source: string; sourceKind?: ArticleFields['sourceKind'] }): ArticleFields {
  const paragraphs = splitParagraphs(text);
  if (paragraphs.length === 0) throw new ImportError(options.source, 'there is no text in it.');
  const title = options.title?.trim() || guessTitle(text);
  // The first paragraph became the title: keep it out of the body unless it is the whole text.
  const bodyParas = paragraphs.length > 1 && paragraphs[0] === title ? paragraphs.slice(1) : paragraphs;
  return {
    title,
    authors: [],
    publication: '',
    publishedDate: '',
    url: '',
    accessedDate: isoDate(),
    sourceKind: options.sourceKind ?? 'paste',
    text: bodyParas.join('\n\n'),
  };
}
