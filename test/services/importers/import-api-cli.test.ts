import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../../electron/cli.js';
import { createHandlers } from '../../../electron/services/api-handlers.js';
import { dispatch } from '../../../electron/services/dispatch.js';
import { Library } from '../../../electron/services/library/library.js';
import { apiClient } from '../../../shared/api.js';
import { DEFAULT_CITE_TEMPLATE } from '../../../shared/cite-builder.js';
import { corpusPath, corpusText } from '../../helpers/corpus.js';
import { tempDir, tempLibraryPath } from '../../helpers/temp-dir.js';

describe('import through the Api (file bytes, as browser mode sends them)', () => {
  it('imports, reports duplicates and failures as outcomes, and keeps the cite template', async () => {
    const library = Library.open(tempLibraryPath());
    const handlers = createHandlers(library);
    const api = apiClient((method, input) => dispatch(handlers, method, input));
    const dataBase64 = Buffer.from(corpusText('article004')).toString('base64');
    const first = await api.importData({ name: '004.txt', dataBase64 });
    expect(first).toMatchObject({ status: 'imported', kind: 'article', title: 'Putin Shuts the Door on US “Last Try” for Cooperation in Syria' });
    expect(await api.importData({ name: 'again.txt', dataBase64 })).toMatchObject({ status: 'duplicate', id: first.status === 'imported' ? first.id : -1 });
    expect(await api.importData({ name: 'junk.txt', dataBase64: Buffer.from([0, 1, 2, 3, 0, 0]).toString('base64') })).toEqual({
      source: 'junk.txt', status: 'failed', failure: 'refused', error: 'Could not import junk.txt: it is not text (it looks like a binary file).',
    });
    expect(await api.importUrl({ url: 'gopher://example.org/' })).toMatchObject({ status: 'failed', error: expect.stringMatching(/only http and https/) });
    expect(library.info().articles).toBe(1);

    expect(await api.getCiteTemplate({})).toEqual({ template: DEFAULT_CITE_TEMPLATE });
    expect(await api.setCiteTemplate({ template: '**%last% %y%** %author%, %date%' })).toEqual({ template: '**%last% %y%** %author%, %date%' });
    expect(library.getSetting('citeTemplate')).toBe('**%last% %y%** %author%, %date%');
    expect(await api.setCiteTemplate({ template: '  ' })).toEqual({ template: DEFAULT_CITE_TEMPLATE });
    library.close();
  });

  it('files the cards of an imported brief in the library, where search finds them, and a re-import is a duplicate', async () => {
    const library = Library.open(tempLibraryPath());
    const handlers = createHandlers(library);
    const api = apiClient((method, input) => dispatch(handlers, method, input));
    const dataBase64 = Buffer.from(corpusText('block')).toString('base64');
    const outcome = await api.importData({ name: 'russia-block.txt', dataBase64 });
    expect(outcome).toMatchObject({ status: 'imported', kind: 'brief' });

    // The brief owns its cards: none is filed a second time among the cut cards, and search finds each where it lives.
    const brief = await api.getBrief({ id: (await api.listBriefs({}))[0]!.id });
    const cardNodes = (brief.doc.content ?? []).filter((n) => n.type === 'card');
    expect(await api.listCards({})).toEqual([]);
    expect(new Set(cardNodes.map((n) => n.attrs?.['cardId'])).size).toBe(cardNodes.length);
    const [choi] = (await api.search({ query: 'author:Choi', limit: 5 })).hits;
    expect(choi).toMatchObject({ label: 'Non-unique', briefId: brief.id, briefTitle: brief.title, tag: expect.stringContaining('US pressure on the Ukraine') });

    const found = await api.search({ query: 'Dara’a deal', limit: 5 });
    expect(found.hits[0]?.tag).toBe('Russian mediation in Syria fails');

    expect(await api.importData({ name: 'russia-block.txt', dataBase64 })).toMatchObject({ status: 'duplicate', kind: 'brief' });
    expect(library.info()).toMatchObject({ briefs: 1, cards: cardNodes.length });
    library.close();
  });
});

describe('cardfile import', () => {
  it('imports files and folders with a progress line each, a summary, and exit 1 when one failed', async () => {
    const dir = tempDir();
    fs.copyFileSync(corpusPath('ceasefire'), path.join(dir, 'a-ceasefire.txt'));
    fs.copyFileSync(corpusPath('aleppo'), path.join(dir, 'b-aleppo.txt'));
    fs.writeFileSync(path.join(dir, 'ignored.png'), Buffer.from([0x89, 0x50]));
    const junk = path.join(tempDir(), 'junk.txt');
    fs.writeFileSync(junk, Buffer.from([0, 0, 0, 7]));
    const libraryPath = tempLibraryPath();
    const out: string[] = [];
    const err: string[] = [];
    const code = await runCli(['--library', libraryPath, 'import', dir, junk, corpusPath('ceasefire')], (l) => out.push(l), (l) => err.push(l));
    expect(code).toBe(1);
    expect(out).toEqual([
      `[1/4] imported ${path.join(dir, 'a-ceasefire.txt')} as article 1: No Ceasefire in Syria Any More`,
      `[2/4] imported ${path.join(dir, 'b-aleppo.txt')} as article 2: Aleppo Violence Shows Russia, US at a 'Deadlock' Over Syria`,
      `[4/4] ${corpusPath('ceasefire')} is already in the library as article 1: No Ceasefire in Syria Any More`,
      '2 imported, 1 duplicate, 1 failed',
    ]);
    expect(err).toEqual([`[3/4] Could not import ${junk}: it is not text (it looks like a binary file).`]);
    const library = Library.open(libraryPath);
    expect(library.info().articles).toBe(2);
    library.close();
  });

  it('exits 0 when everything came in', async () => {
    const out: string[] = [];
    expect(await runCli(['--library', tempLibraryPath(), 'import', corpusPath('article001')], (l) => out.push(l), () => {})).toBe(0);
    expect(out.at(-1)).toBe('1 imported, 0 duplicates, 0 failed');
  });
});
