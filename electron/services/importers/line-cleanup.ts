// Line-level cleanup for text copied from a web page: the paste brings the site's furniture
// (subscribe buttons, comment prompts, photo credits and captions, related-story teasers, UI
// strings in another script) as lines of their own. Article paragraphs are never edited, only
// whole junk lines dropped.

// Whole lines that are page furniture, compared case-insensitively without trailing punctuation.
const JUNK_LINES = new Set(
  [
    'subscribe', 'subscribe now', 'newsfeed', 'news feed', 'to participate in the discussion', 'log in or register',
    'to participate in the discussion log in or register', 'loader', 'loading', 'chats', 'comments', 'comment',
    'share', 'share this', 'share this article', 'share on facebook', 'share on twitter', 'tweet', 'email', 'print',
    'print friendly, pdf & email', 'advertisement', 'sponsored', 'related', 'related articles', 'related stories',
    'read more', 'read more:', 'see also', 'sign up', 'sign in', 'log in', 'register', 'follow us', 'click here',
    'recommended', 'most read', 'trending', 'menu', 'search', 'skip to content', 'skip to main content', 'close',
    'leave a comment', 'show comments', 'hide comments', 'add comment', 'next article', 'previous article',
  ],
);

const CREDIT = /^(©|\(c\)\s|copyright\b|photo:|image:|photo credit|image credit|getty images\b|\(photo by\b)/i;
// "Damaged buildings in Aleppo - Sputnik International": a caption signed with the site's name.
const SIGNED_CAPTION = /\s[-–—|]\s(\p{Lu}[\p{L}.&']*)(\s\p{Lu}[\p{L}.&']*){0,3}$/u;
const ENDS_SENTENCE = /[.!?:;"”’')\]…]$/;

/** The paragraphs that belong to the article, in order. */
export function dropJunkLines(paragraphs: readonly string[]): string[] {
  const script = dominantScript(paragraphs.join(' '));
  const kept: string[] = [];
  let afterCaption = false;
  for (const line of paragraphs) {
    const caption = isCaption(line);
    const junk = caption || isFurniture(line) || (script !== null && isForeignUiString(line, script))
      // A related-story teaser is a headline that follows a dropped photo caption.
      || (afterCaption && looksLikeHeadline(line));
    afterCaption = caption;
    if (!junk) kept.push(line);
  }
  return kept;
}

function isFurniture(line: string): boolean {
  const bare = line.trim().toLowerCase().replace(/[\s.:…»›>|]+$/, '');
  return JUNK_LINES.has(bare) || /^\d{0,5}$/.test(bare) || CREDIT.test(line.trim());
}

function isCaption(line: string): boolean {
  return line.length <= 300 && SIGNED_CAPTION.test(line) && !ENDS_SENTENCE.test(line);
}

// Short, no closing punctuation, mostly capitalised words: a headline, not a paragraph.
function looksHeadlineCased(line: string): boolean {
  const words = line.split(/\s+/).filter((w) => /\p{L}/u.test(w));
  const capitalised = words.filter((w) => /^[\p{Lu}\d'"‘“(]/u.test(w)).length;
  return words.length >= 2 && capitalised / words.length >= 0.6;
}

function looksLikeHeadline(line: string): boolean {
  return line.length <= 160 && !ENDS_SENTENCE.test(line) && looksHeadlineCased(line);
}

type Script = 'latin' | 'cyrillic' | 'other';

function scriptOf(ch: string): Script | null {
  if (/\p{Script=Latin}/u.test(ch)) return 'latin';
  if (/\p{Script=Cyrillic}/u.test(ch)) return 'cyrillic';
  return /\p{L}/u.test(ch) ? 'other' : null;
}

function dominantScript(text: string): Script | null {
  const counts: Record<Script, number> = { latin: 0, cyrillic: 0, other: 0 };
  let total = 0;
  for (const ch of text) {
    const s = scriptOf(ch);
    if (s) {
      counts[s]++;
      total++;
    }
  }
  const [best, n] = (Object.entries(counts) as [Script, number][]).sort((a, b) => b[1] - a[1])[0]!;
  return total > 0 && n / total >= 0.9 ? best : null;
}

// A short line in another script than the article (a site's untranslated UI label).
function isForeignUiString(line: string, articleScript: Script): boolean {
  if (line.length > 120) return false;
  const own = dominantScript(line);
  return own !== null && own !== articleScript;
}

const BYLINE = /^By\s+(\p{Lu}[\p{L}'’.\- ]{1,80}?)(?:\s*[,|–—-]\s*(.{1,200}))?$/u;

/** "By Jane Doe, Senior Fellow": the name and qualifications of a byline line, or null. */
export function readByline(line: string): { name: string; quals: string } | null {
  const m = line.match(BYLINE);
  return m ? { name: m[1]!.trim(), quals: m[2]?.trim() ?? '' } : null;
}
