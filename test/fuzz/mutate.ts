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
