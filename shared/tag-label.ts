// Argument labels debaters put at the start of a tag. The label is data (filters, search),
// the rest of the tag is the claim.

export const KNOWN_LABELS = [
  'Answers to', 'Non-unique', 'Uniqueness', 'Link', 'Link turn', 'No link',
  'Impact', 'Impact turn', 'Turn', 'Extend',
] as const;

// Spellings seen in real files, mapped to the label they mean.
const ALIASES: Record<string, string> = {
  'at': 'Answers to', 'a2': 'Answers to', 'answers to': 'Answers to', 'answer to': 'Answers to',
  'non-unique': 'Non-unique', 'non unique': 'Non-unique', 'nonunique': 'Non-unique', 'nu': 'Non-unique',
  'uniqueness': 'Uniqueness', 'uq': 'Uniqueness',
  'link': 'Link', 'link turn': 'Link turn', 'no link': 'No link',
  'impact': 'Impact', 'impact turn': 'Impact turn', 'turn': 'Turn', 'extend': 'Extend', 'ext': 'Extend',
};

// "Label: claim", "Label – claim", "Label - claim", "Label — claim".
const LABEL_RE = /^\s*([A-Za-z][A-Za-z0-9 -]{0,20}?)\s*(?::|\s[–—-])\s+(\S.*)$/s;

export interface SplitTag {
  label: string | null;
  claim: string;
}

/** Finds a known argument label at the start of a tag; anything else is all claim. */
export function splitLabel(tag: string): SplitTag {
  const trimmed = tag.trim();
  const m = LABEL_RE.exec(trimmed);
  if (m) {
    const label = ALIASES[m[1]!.toLowerCase().replace(/\s+/g, ' ')];
    if (label) return { label, claim: m[2]!.trim() };
  }
  return { label: null, claim: trimmed };
}
