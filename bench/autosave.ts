// What an autosave of a big brief costs after one edit: the Api's validation of the document it
// receives, and the store's save, which rewrites only the card that changed.
import { Library } from '../electron/services/library/library.js';
import { parseApiCall } from '../shared/api.js';
import type { DocJSON } from '../shared/model.js';
import { brief, time, type FormatRow } from './formats.js';

export async function benchAutosave(seed: number, libraryPath: string): Promise<FormatRow[]> {
  const library = Library.open(libraryPath);
  const generated = brief(seed, 1000);
  const bytes = Buffer.byteLength(JSON.stringify(generated.doc));
  const saved = library.briefs.insert({ title: generated.title, kind: 'brief', doc: generated.doc });
  let doc = saved.doc;
  let edit = 0;
  // Each save re-tags one card, as a keystroke in the tag would.
  const retagged = (): DocJSON => {
    const content = [...(doc.content ?? [])];
    const cards = content.flatMap((n, i) => (n.type === 'card' ? [i] : []));
    const at = cards[(edit * 37) % cards.length]!;
    const card = content[at]!;
    content[at] = { ...card, content: [{ type: 'tag', content: [{ type: 'text', text: `Edited tag ${edit++}` }] }, ...(card.content ?? []).slice(1)] };
    return { type: 'doc', content };
  };
  const store = await time(20, () => { doc = library.briefs.update(saved.id, { doc: retagged() }).doc; });
  const validation = await time(20, () => parseApiCall('updateBrief', { id: saved.id, patch: { doc } }));
  const open = await time(10, () => library.briefs.get(saved.id));
  library.close();
  const size = `${(bytes / 2 ** 20).toFixed(1)} MB`;
  return [
    { what: `autosave of a 1,000-card brief (${size}) after one edit: store`, target: 'O(change)', medianMs: store, runs: 20 },
    { what: 'the same autosave: Api validation of the document', target: '–', medianMs: validation, runs: 20 },
    { what: 'open that brief (getBrief: outline and 1,000 cards)', target: '–', medianMs: open, runs: 10 },
  ];
}
