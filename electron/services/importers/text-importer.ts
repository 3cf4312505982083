import { looksLikeCite, parseCite } from '../../../shared/cite-parser.js';
import type { ArticleFields, Author } from '../../../shared/model.js';
import { guessTitle, isoDate, looksLikeTitleLine, splitParagraphs } from '../../../shared/text.js';
import { ImportError } from './import-error.js';
import { dropJunkLines, readByline } from './line-cleanup.js';

// How many lines after the title may carry a byline or cite before the article begins.
const HEADER_LINES = 3;

/**
 * An article from pasted or plain-file text: web furniture dropped, title from the first line,
 * and author, date, publication and URL from a byline or cite line just under it. A paste that
 * opens with its cite line ("Joseph Choi, 9-2, 21, The Hill, Kremlin: ...") is read the same way,
 * its title being the line under the cite when that reads as one, else the title the cite states.
 */
export function articleFromText(text: string, options: { title?: string; source: string; sourceKind?: ArticleFields['sourceKind'] }): ArticleFields {
  const paragraphs = dropJunkLines(splitParagraphs(text));
  if (paragraphs.length === 0) throw new ImportError(options.source, 'there is no text in it.');
  const given = options.title?.trim();
  const citeFirst = !given && paragraphs.length > 1 && looksLikeCite(paragraphs[0]!);
  let title = given || guessTitle(paragraphs[0]!);
  // The first paragraph became the title: keep it out of the body unless it is the whole text.
  let body = !citeFirst && paragraphs.length > 1 && paragraphs[0] === title ? paragraphs.slice(1) : paragraphs;
  const header = readHeader(body);
  if (header.consumed < body.length) body = body.slice(header.consumed);
  if (citeFirst && body !== paragraphs) {
    if (body.length > 1 && looksLikeTitleLine(body[0]!)) {
      title = body[0]!;
      body = body.slice(1);
    } else {
      title = header.title || title;
    }
  }
  return {
    title,
    authors: header.authors,
    publication: header.publication,
    publishedDate: header.publishedDate,
    url: header.url,
    accessedDate: isoDate(),
    sourceKind: options.sourceKind ?? 'paste',
    text: body.join('\n\n'),
  };
}

interface Header {
  authors: Author[];
  publication: string;
  publishedDate: string;
  url: string;
  /** The title a cite line states, '' when none. */
  title: string;
  consumed: number;
}

// Bylines ("By Jane Doe"), cite lines ("Jane Doe, 9-2-21, The Hill") and a bare URL line at the top.
function readHeader(lines: readonly string[]): Header {
  const header: Header = { authors: [], publication: '', publishedDate: '', url: '', title: '', consumed: 0 };
  for (const line of lines.slice(0, HEADER_LINES)) {
    const byline = readByline(line);
    if (/^https?:\/\/\S+$/.test(line)) {
      header.url ||= line;
    } else if (byline && header.authors.length === 0) {
      header.authors = [byline];
    } else if (looksLikeCite(line)) {
      const cite = parseCite(line);
      if (cite.author && header.authors.length === 0) header.authors = [{ name: cite.author, quals: cite.quals }];
      header.publication ||= cite.publication;
      header.publishedDate ||= cite.isoDate;
      header.url ||= cite.url;
      header.title ||= cite.title;
    } else {
      break;
    }
    header.consumed++;
  }
  return header;
}
