// Seeded mutations of a valid file: the kinds of damage real files get (flipped bytes, cut-off
// downloads, spliced junk, repeated blocks), reproducible from the seed alone.

const MUTATIONS = ['flip', 'truncate', 'splice-junk', 'repeat', 'zero-run'] as const;
export type Mutation = (typeof MUTATIONS)[number];

export function mutate(input: Uint8Array, random: () => number): { bytes: Uint8Array; how: string } {
  const at = (n: number) => Math.floor(random() * n);
  const kind = MUTATIONS[at(MUTATIONS.length)]!;
  const bytes = Uint8Array.from(input);
  const pos = at(Math.max(1, bytes.length));
  switch (kind) {
    case 'flip': {
      const count = 1 + at(16);
      for (let i = 0; i < count; i++) {
        const where = at(bytes.length);
        bytes[where] = bytes[where]! ^ (1 << at(8));
      }
      return { bytes, how: `${kind} ${count} bits` };
    }
    case 'truncate':
      return { bytes: bytes.slice(0, pos), how: `${kind} at ${pos}` };
    case 'splice-junk': {
      const junk = Uint8Array.from({ length: 1 + at(256) }, () => at(256));
      return { bytes: new Uint8Array([...bytes.slice(0, pos), ...junk, ...bytes.slice(pos)]), how: `${kind} ${junk.length} at ${pos}` };
    }
    case 'repeat': {
      const block = bytes.slice(pos, pos + 1 + at(512));
      return { bytes: new Uint8Array([...bytes.slice(0, pos), ...block, ...block, ...bytes.slice(pos)]), how: `${kind} ${block.length} at ${pos}` };
    }
    case 'zero-run': {
      const end = Math.min(bytes.length, pos + 1 + at(1024));
      bytes.fill(0, pos, end);
      return { bytes, how: `${kind} ${pos}-${end}` };
    }
  }
}

// Markup damage a parser meets in the wild: a tag lost, an element repeated, a DOCTYPE with
// entities (XXE and billion-laughs shapes), nesting thousands deep, an attribute gone wrong.
const MARKUP = ['drop-tag', 'repeat-element', 'doctype-entities', 'deep-nesting', 'junk-attribute'] as const;

export function mutateMarkup(text: string, random: () => number): { text: string; how: string } {
  const at = (n: number) => Math.floor(random() * n);
  const kind = MARKUP[at(MARKUP.length)]!;
  const tags = [...text.matchAll(/<[^<>]{1,200}>/g)];
  const tag = tags[at(Math.max(1, tags.length))];
  const start = tag?.index ?? 0;
  const end = start + (tag?.[0].length ?? 0);
  switch (kind) {
    case 'drop-tag':
      return { text: text.slice(0, start) + text.slice(end), how: `${kind} ${tag?.[0].slice(0, 30) ?? ''}` };
    case 'repeat-element': {
      const piece = text.slice(start, Math.min(text.length, start + 1 + at(2000)));
      return { text: text.slice(0, start) + piece.repeat(2 + at(50)) + text.slice(start), how: `${kind} at ${start}` };
    }
    case 'doctype-entities': {
      const doctype = '<!DOCTYPE d [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;"><!ENTITY x SYSTEM "file:///etc/passwd">]>';
      const at0 = text.startsWith('<?xml') ? text.indexOf('?>') + 2 : 0;
      return { text: text.slice(0, at0) + doctype + text.slice(at0, end) + '&c;&x;' + text.slice(end), how: kind };
    }
    case 'deep-nesting': {
      const depth = 1000 + at(20_000);
      return { text: text.slice(0, end) + '<w:p><span>'.repeat(depth) + text.slice(end), how: `${kind} ${depth}` };
    }
    case 'junk-attribute':
      return { text: text.slice(0, start) + (tag?.[0].replace(/="[^"]*"/, '="\u0000\uFFFF%s%n"') ?? '') + text.slice(end), how: kind };
  }
}
