import { afterEach, describe, expect, it } from 'vitest';
import { apiClient } from '../../shared/api.js';
import { createHandlers } from '../../electron/services/api-handlers.js';
import { dispatch } from '../../electron/services/dispatch.js';
import { Library } from '../../electron/services/library/library.js';
import { tempLibraryPath } from '../helpers/temp-dir.js';
import type { DocJSON } from '../../shared/model.js';
import { block, card, doc } from '../shared/brief-builders.js';

let library: Library | undefined;

// The store gives every card it saves a uid: compare documents without them.
const withoutUids = (nodes: DocJSON[] | undefined) =>
  (nodes ?? []).map((n) => (n.type === 'card' ? { ...n, attrs: { ...n.attrs, cardId: typeof n.attrs?.['cardId'] } } : n));
const expected = (nodes: DocJSON[]) => withoutUids(nodes).map((n) => (n.type === 'card' ? { ...n, attrs: { ...n.attrs, cardId: 'string' } } : n));
afterEach(() => library?.close());

function open() {
  library = Library.open(tempLibraryPath());
  const handlers = createHandlers(library);
  return apiClient((method, input) => dispatch(handlers, method, input));
}

describe('sendNodesToSpeech', () => {
  it('creates the speech doc when there is none, then appends to the current one', async () => {
    const api = open();
    const first = await api.sendNodesToSpeech({ nodes: doc(block('AT: x'), card('One')) });
    expect(first.kind).toBe('speech');
    expect(withoutUids(first.doc.content)).toEqual(expected(doc(block('AT: x'), card('One'))));
    const second = await api.sendNodesToSpeech({ nodes: doc(card('Two', 'Ace 21', [['body']])) });
    expect(second.id).toBe(first.id);
    expect(withoutUids((await api.getBrief({ id: first.id })).doc.content)).toEqual(expected(doc(block('AT: x'), card('One'), card('Two', 'Ace 21', [['body']]))));
  });

  it('appends to the speech doc named, and refuses a brief or a node that is not a heading or card', async () => {
    const api = open();
    const older = await api.createBrief({ title: 'Older speech', kind: 'speech' });
    await api.createBrief({ title: 'Newer speech', kind: 'speech' });
    const brief = await api.createBrief({ title: 'Russia brief' });
    await api.sendNodesToSpeech({ nodes: doc(card('One')), speechId: older.id });
    expect(withoutUids((await api.getBrief({ id: older.id })).doc.content)).toEqual(expected(doc(card('One'))));
    await expect(api.sendNodesToSpeech({ nodes: doc(card('One')), speechId: brief.id })).rejects.toThrow('“Russia brief” is a brief, not a speech doc.');
    await expect(api.sendNodesToSpeech({ nodes: [{ type: 'paragraph' }], speechId: older.id })).rejects.toThrow(/does not fit the card schema/);
    expect(withoutUids((await api.getBrief({ id: older.id })).doc.content)).toEqual(expected(doc(card('One'))));
  });
});
