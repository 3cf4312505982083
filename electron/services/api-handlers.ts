import type { ApiHandlers } from '../../shared/api.js';
import { insertNodes } from '../../shared/brief-doc.js';
import type { Brief } from '../../shared/model.js';
import { restoreBackup } from './backup/restore-backup.js';
import { createBackup, listBackups } from './backup/rolling-backups.js';
import { CITE_TEMPLATE_SETTING, DEFAULT_CITE_TEMPLATE } from '../../shared/cite-builder.js';
import { chromiumPrinter } from './exporters/chromium-printer.js';
import type { PdfPrinter } from './exporters/pdf-printer.js';
import { articleFromText } from './importers/text-importer.js';
import { jobHandlers } from './jobs/job-handlers.js';
import { JobRunner } from './jobs/job-runner.js';
import { LibraryError } from './library/library-error.js';
import type { Library } from './library/library.js';
import { waitingForWriters } from './library/wait-for-writers.js';
import { articleSummaries } from './library/summaries.js';
import { SearchThread } from './search/search-thread.js';
import { openLibraryStatusHandlers } from './library-status.js';
import { readSettings, SETTING_NAMES } from '../../shared/settings.js';

export interface HandlerOptions {
  /** Prints PDFs: Electron's printToPDF in the app; Debian's Chromium (playwright-core) by default. */
  pdfPrinter?: PdfPrinter;
  /** Runs imports and exports in a worker; one is made over the library's file when not given. */
  jobs?: JobRunner;
}

/** Binds every Api method to the services over one open library. */
export function createHandlers(library: Library, options: HandlerOptions = {}): ApiHandlers {
  const pdfPrinter = options.pdfPrinter ?? chromiumPrinter();
  const searches = new SearchThread(library.path);
  const jobs = options.jobs ?? new JobRunner(library.path, pdfPrinter);
  const appendCards = (brief: Brief, cardIds: number[], position?: number): Brief => {
    const nodes = cardIds.map((cardId) => library.cards.copyOf(cardId));
    return library.briefs.update(brief.id, { doc: insertNodes(brief.doc, nodes, position) });
  };
  // The current speech doc is the one touched last, as in Verbatim's "active speech document".
  const currentSpeech = (): Brief => {
    const latest = library.briefs.list('speech')[0];
    return latest ? library.briefs.get(latest.id) : library.briefs.insert({ title: 'Speech doc', kind: 'speech', doc: { type: 'doc', content: [] } });
  };
  // The thread that answers calls never waits for another writer's lock: the call waits, off it.
  return waitingForWriters(library.db, {
    libraryInfo: () => library.info(),
    listArticles: (page) => articleSummaries(library.db, page),
    getArticle: ({ id }) => library.articles.get(id),
    createArticle: (fields) => library.articles.insert(fields),
    updateArticle: ({ id, patch }) => library.articles.update(id, patch),
    deleteArticle: ({ id }) => library.articles.delete(id),
    importText: ({ text, title }) => library.articles.insert(articleFromText(text, { title, source: 'the pasted text' })),
    listCards: (options) => library.cards.list(options),
    getCard: ({ id }) => library.cards.get(id),
    createCard: (fields) => library.cards.insert(fields),
    updateCard: ({ id, patch }) => library.cards.update(id, patch),
    deleteCard: ({ id }) => library.cards.delete(id),
    listBriefs: () => library.briefs.list(),
    briefOutlines: () => library.briefs.outlines(),
    getBrief: ({ id }) => library.briefs.get(id),
    createBrief: (fields) => library.briefs.insert(fields),
    updateBrief: ({ id, patch }) => library.briefs.update(id, patch),
    editBrief: ({ id, ...edit }) => {
      const brief = library.briefs.edit(id, edit);
      return brief ? { applied: true, brief } : { applied: false };
    },
    mergeBrief: ({ id, ...fields }) => library.briefs.merge(id, fields),
    deleteBrief: ({ id }) => library.briefs.delete(id),
    appendCardsToBrief: ({ briefId, cardIds, position }) => library.transaction(() => appendCards(library.briefs.get(briefId), cardIds, position)),
    copyCards: ({ cardIds }) => cardIds.map((cardId) => library.cards.copyOf(cardId)),
    sendToSpeech: ({ cardIds }) => library.transaction(() => appendCards(currentSpeech(), cardIds)),
    getSettings: () => readSettings((name) => library.getSetting(name)),
    setSettings: (patch) =>
      library.transaction(() => {
        for (const name of SETTING_NAMES) if (patch[name] !== undefined) library.setSetting(name, patch[name]);
        return readSettings((name) => library.getSetting(name));
      }),
    sendNodesToSpeech: ({ nodes, speechId }) =>
      library.transaction(() => {
        const speech = speechId === undefined ? currentSpeech() : library.briefs.get(speechId);
        if (speech.kind !== 'speech') throw new LibraryError('invalid', `“${speech.title}” is a brief, not a speech doc.`);
        // The store checks the whole doc against the schema, so a node that is not a heading or card is refused.
        // Cards sent keep their uid here: the store sees it lives in the brief and makes a copy.
        return library.briefs.update(speech.id, { doc: insertNodes(speech.doc, nodes) });
      }),
    listBackups: () => listBackups(library.path),
    backupNow: async () => (await createBackup(library, 'manual', { force: true }))!,
    restoreBackup: ({ name }) => restoreBackup(library, name),
    ...jobHandlers(jobs),
    getCiteTemplate: () => ({ template: library.getSetting<string>(CITE_TEMPLATE_SETTING) ?? DEFAULT_CITE_TEMPLATE }),
    setCiteTemplate: ({ template }) => {
      // An emptied template means "back to the default", never a blank cite.
      const value = template.trim() || DEFAULT_CITE_TEMPLATE;
      library.setSetting(CITE_TEMPLATE_SETTING, value);
      return { template: value };
    },
    search: (options) => searches.search(options),
    suggest: ({ query }) => searches.suggest(query),
    ...openLibraryStatusHandlers(library),
  });
}
