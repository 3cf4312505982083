// What an autosave of a big brief costs after one edit, through the Api as the editor calls it
// (validation, then the store): editBrief, which carries only the card that changed, beside
// updateBrief with the whole document, as autosaves were before and are still after a conflict.
import { createHandlers } from '../electron/services/api-handlers.js';
import { dispatch } from '../electron/services/dispatch.js';
import { Library } from '../electron/services/library/library.js';
import type { ApiMethod } from '../shared/api.js';
import type { Brief, BriefSummary, DocJSON } from '../shared/model.js';
import { brief, time, type FormatRow } from './formats.js';

export async function benchAutosave(seed: number, libraryPath: string): Promise<FormatRow[]> {
  const library = Library.open(libraryPath);
  const handlers = createHandlers(library);
  const call = async <T>(method: ApiMethod, input: unknown): Promise<T> => {
    const response = await dispatch(handlers, method, input);
    if (!response.ok) throw new Error(response.error);
    return response.value as T;
  };
  const generated = brief(seed, 1000);
  const bytes = Buffer.byteLength(JSON.stringify(generated.doc));
  const saved = library.briefs.insert({ title: generated.title, kind: 'brief', doc: generated.doc });
  let doc = saved.doc;
  let revision = saved.updatedAt;
  const cardAt = doc.content!.flatMap((n, i) => (n.type === 'card' ? [i] : []));
  let edit = 0;
  // Each save re-tags one card, as a keystroke in the tag would.
  const retag = (): { at: number; node: DocJSON } => {
    const at = cardAt[(edit * 37) % cardAt.length]!;
    const card = doc.content![at]!;
    const node = { ...card, content: [{ type: 'tag', content: [{ type: 'text', text: `Edited tag ${edit++}` }] }, ...(card.content ?? []).slice(1)] };
    doc = { ...doc, content: doc.content!.map((n, i) => (i === at ? node : n)) };
    return { at, node };
  };
  const whole = await time(20, async () => {
    retag();
    const brief = await call<Brief>('updateBrief', { id: saved.id, patch: { doc } });
    revision = brief.updatedAt;
  });
  const changed = await time(20, async () => {
    const { at, node } = retag();
    const result = await call<{ applied: true; brief: BriefSummary }>('editBrief', { id: saved.id, revision, from: at, to: at + 1, nodes: [node] });
    revision = result.brief.updatedAt;
  });
  const open = await time(10, () => library.briefs.get(saved.id));
  library.close();
  const size = `${(bytes / 2 ** 20).toFixed(1)} MB`;
  return [
    { what: `autosave of a 1,000-card brief (${size}) after one edit: editBrief (the changed card), Api and store`, target: 'O(change)', medianMs: changed, runs: 20, peer: { name: 'updateBrief, whole doc', medianMs: whole } },
    { what: 'open that brief (getBrief: outline and 1,000 cards)', target: '–', medianMs: open, runs: 10 },
  ];
}
