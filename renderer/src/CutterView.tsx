import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { SaveState } from '../../shared/autosaver';
import { useAutosaver } from './use-autosaver';
import { cardFromPassage } from '../../shared/card-from-article';
import { buildCite, DEFAULT_CITE_TEMPLATE } from '../../shared/cite-builder';
import { parseCite } from '../../shared/cite-parser';
import { refreshedCite } from '../../shared/cite-refresh';
import { findPassage } from '../../shared/find-passage';
import { COMMANDS, displayKey, keyOfEvent, normalizeKey, resolveKeys, type CommandId, type EditorCommandId } from '../../shared/keymap';
import type { Article, Card, CardFields, Passage } from '../../shared/model';
import type { ArticleSummary } from '../../shared/summaries';
import { bodyFromParagraphs } from '../../shared/schema';
import { DEFAULT_SETTINGS, type Settings, type SettingsPatch } from '../../shared/settings';
import { splitParagraphs } from '../../shared/text';
import { api } from './api';
import { ArticleReader, type ArticleReaderHandle } from './cutter/ArticleReader';
import { CardEditor, type CardEditorHandle, type CardPatch } from './cutter/CardEditor';
import { CardLibrary } from './cutter/CardLibrary';
import { CommandPalette } from './cutter/CommandPalette';
import { IS_MAC } from './cutter/platform';
import { SettingsDialog } from './cutter/SettingsDialog';
import './cutter/cutter.css';
import { PaneToggle, usePane } from './panes';

interface Props {
  /** Whether the Cutter is the area on screen: it stays open, hidden, while another is. */
  shown: boolean;
  articleId: number | undefined;
  /** A card to open (picked in the Library); a new object each time it is asked. */
  cardRequest?: { id: number };
  onPickArticle: () => void;
}

const message = (err: unknown) => (err instanceof Error ? err.message : String(err));

function saveLabel(s: SaveState): string {
  if (s.kind === 'saved') return 'Saved';
  if (s.kind === 'saving') return 'Saving…';
  return `Save failed — retrying in ${Math.round(s.retryInMs / 1000)} s (${s.error})`;
}

const fieldsOf = (c: Card): CardFields => ({
  tag: c.tag, label: c.label, shortCite: c.shortCite, fullCite: c.fullCite, body: c.body,
  articleId: c.articleId, passage: c.passage, textEdited: c.textEdited,
});

/** The screen debaters live in: the article on the left, the card being cut, their cards. */
export function CutterView({ shown, articleId, cardRequest, onPickArticle }: Props) {
  const [shownArticleId, setShownArticleId] = useState(articleId);
  const [article, setArticle] = useState<Article>();
  const [articles, setArticles] = useState<ArticleSummary[]>([]);
  const [cards, setCards] = useState<Card[]>([]);
  const [current, setCurrent] = useState<Card>();
  const [source, setSource] = useState<Passage | null>(null);
  const [settings, setSettings] = useState<Settings>(DEFAULT_SETTINGS);
  const [citeTemplate, setCiteTemplate] = useState(DEFAULT_CITE_TEMPLATE);
  const [notice, setNotice] = useState<{ text: string; undo?: () => void; error?: boolean }>();
  const [dialog, setDialog] = useState<'palette' | 'settings' | 'paste' | 'cite'>();
  // Text pasted with F2 that is not in the open article waits here for its cite line.
  const [uncited, setUncited] = useState<string[]>();
  const [citeLine, setCiteLine] = useState('');
  // A card whose fields changed outside its editor (cite refreshed) is opened afresh.
  const [generation, setGeneration] = useState(0);
  const [pasteText, setPasteText] = useState('');
  const reader = useRef<ArticleReaderHandle>(null);
  const editor = useRef<CardEditorHandle>(null);
  const focusTagOnOpen = useRef(false);
  const [cardsOpen, toggleCards] = usePane('cutter-cards');

  const { saver, state: save } = useAutosaver<CardPatch>((id, patch) => api.updateCard({ id, patch }));

  // An article picked in the Library is opened to cut from: the caret goes into it.
  const [focusReader, setFocusReader] = useState(false);
  useEffect(() => {
    setShownArticleId(articleId);
    setFocusReader(true);
  }, [articleId]);
  // Read again each time the Cutter is shown: articles imported and settings changed meanwhile.
  // Leaving it writes the open card at once, so the other areas see it as it is.
  useEffect(() => {
    if (!shown) {
      void saver.flush();
      return;
    }
    api.getSettings({}).then(setSettings, (err: unknown) => setNotice({ text: message(err), error: true }));
    api.getCiteTemplate({}).then((t) => setCiteTemplate(t.template), () => undefined);
    api.listArticles({}).then(setArticles, () => undefined);
    api.listCards({}).then(setCards, (err: unknown) => setNotice({ text: message(err), error: true }));
  }, [shown, saver]);
  useEffect(() => {
    if (shownArticleId === undefined) return setArticle(undefined);
    let live = true;
    api.getArticle({ id: shownArticleId }).then(
      (a) => { if (live) setArticle(a); },
      (err: unknown) => { if (live) setNotice({ text: message(err), error: true }); },
    );
    return () => { live = false; };
  }, [shownArticleId]);


  useEffect(() => {
    if (current && focusTagOnOpen.current) {
      focusTagOnOpen.current = false;
      editor.current?.focusTag();
    }
  }, [current]);

  const open = useCallback((card: Card, focusTag = false) => {
    focusTagOnOpen.current = focusTag;
    setFocusReader(false);
    setCurrent(card);
    setSource(null);
    if (card.articleId !== null) setShownArticleId(card.articleId);
  }, []);

  useEffect(() => {
    if (!cardRequest) return;
    let live = true;
    api.getCard({ id: cardRequest.id }).then(
      (card) => { if (live) open(card, true); },
      (err: unknown) => { if (live) setNotice({ text: message(err), error: true }); },
    );
    return () => { live = false; };
  }, [cardRequest, open]);

  const createCard = useCallback(async (fields: CardFields) => {
    try {
      const card = await api.createCard(fields);
      setCards((cs) => [card, ...cs]);
      open(card, true);
    } catch (err) {
      setNotice({ text: `The card was not saved: ${message(err)}`, error: true });
    }
  }, [open]);

  const cutPassage = useCallback(() => {
    if (!article) return setNotice({ text: 'Open an article to cut from.', error: true });
    const passage = reader.current?.selectedPassage() ?? null;
    if (!passage) return setNotice({ text: 'Select a passage of the article first (click in it, then Shift+arrows).', error: true });
    reader.current?.collapse();
    void createCard(cardFromPassage(article, passage, citeTemplate));
  }, [article, createCard, citeTemplate]);

  const cardFromText = useCallback((text: string) => {
    const paragraphs = splitParagraphs(text);
    if (paragraphs.length === 0) return setNotice({ text: 'The clipboard holds no text.', error: true });
    // Only text found in the open article takes its cite (and its place there); other text asks for one.
    const passage = article ? findPassage(article.text, text) : null;
    if (!article || !passage) {
      setUncited(paragraphs);
      setCiteLine('');
      setDialog('cite');
      return;
    }
    const cite = buildCite(article, citeTemplate);
    void createCard({
      tag: '', label: null, shortCite: cite.shortCite, fullCite: cite.fullCite,
      body: bodyFromParagraphs(paragraphs), articleId: article.id, passage,
    });
  }, [article, createCard, citeTemplate]);

  const cardWithCite = useCallback((line: string) => {
    if (!uncited) return;
    const parsed = parseCite(line);
    setDialog(undefined);
    setUncited(undefined);
    void createCard({ tag: '', label: null, shortCite: parsed.shortCite, fullCite: line.trim(), body: bodyFromParagraphs(uncited), articleId: null, passage: null });
  }, [uncited, createCard]);

  const refreshCite = useCallback(async () => {
    if (!current || current.articleId === null) return setNotice({ text: 'This card was not cut from an article in the library.', error: true });
    try {
      await saver.flush();
      const source = await api.getArticle({ id: current.articleId });
      const patch = refreshedCite(cards.find((c) => c.id === current.id) ?? current, source, citeTemplate);
      if (!patch) return setNotice({ text: `The cite already matches “${source.title}”.` });
      const updated = await api.updateCard({ id: current.id, patch });
      setCards((cs) => cs.map((c) => (c.id === updated.id ? updated : c)));
      setCurrent(updated);
      setGeneration((g) => g + 1);
      setNotice({ text: `Cite refreshed from “${source.title}”: ${patch.shortCite || 'no short cite'}` });
    } catch (err) {
      setNotice({ text: message(err), error: true });
    }
  }, [current, cards, saver, citeTemplate]);

  const pasteAsCard = useCallback(async () => {
    try {
      cardFromText(await navigator.clipboard.readText());
    } catch {
      // Browsers may refuse clipboard reads: let the debater paste into a box instead.
      setPasteText('');
      setDialog('paste');
    }
  }, [cardFromText]);

  const showSource = useCallback(() => {
    if (!current?.passage || current.articleId === null) return setNotice({ text: 'This card has no source passage.', error: true });
    setShownArticleId(current.articleId);
    setSource(current.passage);
  }, [current]);

  const onChange = useCallback((patch: CardPatch) => {
    if (!current) return;
    const id = current.id;
    saver.queue(id, patch);
    setCards((cs) => cs.map((c) => (c.id === id ? { ...c, ...patch } : c)));
  }, [current, saver]);

  const remove = useCallback(async (card: Card) => {
    try {
      saver.discard(card.id);
      await api.deleteCard({ id: card.id });
      setCards((cs) => cs.filter((c) => c.id !== card.id));
      if (current?.id === card.id) setCurrent(undefined);
      setNotice({
        text: `Deleted “${card.tag || 'Untagged card'}”`,
        undo: () => {
          setNotice(undefined);
          void createCard(fieldsOf(card));
        },
      });
    } catch (err) {
      setNotice({ text: message(err), error: true });
    }
  }, [current, saver, createCard]);

  const duplicate = useCallback(async (card: Card) => {
    await saver.flush();
    const latest = cards.find((c) => c.id === card.id) ?? card;
    void createCard(fieldsOf(latest));
  }, [cards, saver, createCard]);

  const saveSettings = useCallback(async (patch: SettingsPatch) => {
    setSettings(await api.setSettings(patch));
  }, []);

  const keys = useMemo(() => resolveKeys(settings.keys), [settings.keys]);
  const isEditorCommand = (id: CommandId): id is EditorCommandId => COMMANDS.find((c) => c.id === id)?.scope === 'editor';

  const runCommand = useCallback((id: CommandId) => {
    if (isEditorCommand(id)) return void editor.current?.run(id);
    if (id === 'cutPassage') cutPassage();
    else if (id === 'pasteAsCard') void pasteAsCard();
    else if (id === 'editText') editor.current?.toggleTextLock();
    else if (id === 'showSource') showSource();
    else if (id === 'refreshCite') void refreshCite();
    else if (id === 'palette') setDialog('palette');
    else if (id === 'settings') setDialog('settings');
  }, [cutPassage, pasteAsCard, showSource, refreshCite]);

  const enabled = (id: CommandId): boolean => {
    if (isEditorCommand(id)) return editor.current?.can(id) ?? false;
    if (id === 'cutPassage') return article !== undefined;
    if (id === 'editText') return current !== undefined;
    if (id === 'showSource') return current?.passage != null;
    if (id === 'refreshCite') return current?.articleId != null;
    return true;
  };

  // Screen keys (cut, paste as card, palette), only while the Cutter is shown; the editor's own keys are bound inside it.
  useEffect(() => {
    if (!shown) return;
    const onKey = (e: KeyboardEvent) => {
      if (dialog) return;
      const pressed = keyOfEvent(e);
      const command = COMMANDS.find((c) => c.scope === 'app' && keys[c.id].some((k) => normalizeKey(k, IS_MAC) === pressed));
      if (!command) return;
      e.preventDefault();
      runCommand(command.id);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [shown, keys, runCommand, dialog]);

  const articleCite = useMemo(() => (article ? buildCite(article, citeTemplate) : undefined), [article, citeTemplate]);
  const customLabels = useMemo(() => [...new Set(cards.map((c) => c.label).filter((l): l is string => !!l))], [cards]);

  return (
    <div className="cutter">
      <div className="cutter-bar">
        <button onClick={cutPassage} disabled={!article} title="The selected passage becomes a new card">
          Cut card {keys.cutPassage[0] && <kbd>{displayKey(keys.cutPassage[0], IS_MAC)}</kbd>}
        </button>
        <button onClick={() => void pasteAsCard()}>Paste as card {keys.pasteAsCard[0] && <kbd>{displayKey(keys.pasteAsCard[0], IS_MAC)}</kbd>}</button>
        <button onClick={() => setDialog('palette')}>Commands {keys.palette[0] && <kbd>{displayKey(keys.palette[0], IS_MAC)}</kbd>}</button>
        <button onClick={() => setDialog('settings')}>Settings</button>
        <span className="spacer" />
        <output className={`save-state ${save.kind}`} role={save.kind === 'failed' ? 'alert' : 'status'} aria-label="Save state">
          {saveLabel(save)}
        </output>
      </div>
      {notice && (
        <p className={`notice${notice.error ? ' error' : ''}`} role={notice.error ? 'alert' : 'status'}>
          {notice.text}
          {notice.undo && <button className="link" onClick={notice.undo}>Undo</button>}
          <button className="link" aria-label="Dismiss" onClick={() => setNotice(undefined)}>×</button>
        </p>
      )}
      <div className={`cutter-grid${cardsOpen ? '' : ' cards-folded'}`}>
        <article className="panel reader" aria-label="Article">
          {article ? (
            <>
              <h2>{article.title}</h2>
              <dl className="article-meta">
                {([
                  ['Authors', article.authors.map((x) => (x.quals ? `${x.name}, ${x.quals}` : x.name)).join('; ')],
                  ['Publication', article.publication],
                  ['Published', article.publishedDate],
                  ['URL', article.url],
                  ['Accessed', article.accessedDate],
                ] as const).map(([label, value]) => (
                  <div key={label}>
                    <dt>{label}</dt>
                    <dd className={value ? '' : 'missing'}>{value || 'missing'}</dd>
                  </div>
                ))}
              </dl>
              <p className="article-cite">
                <strong>{articleCite?.shortCite}</strong> {articleCite?.fullCite}
              </p>
              <ArticleReader ref={reader} article={article} source={source} autoFocus={focusReader} />
            </>
          ) : (
            <div className="empty-state">
              <p>Pick an article to cut from.</p>
              <button onClick={onPickArticle}>Open the Library (Alt+1)</button>
            </div>
          )}
        </article>
        <div className="panel editor-pane">
          {current ? (
            <CardEditor
              key={`${current.id}:${generation}`}
              ref={editor}
              card={current}
              settings={settings}
              customLabels={customLabels}
              onChange={onChange}
              onShowSource={current.passage ? showSource : undefined}
            />
          ) : (
            <p className="empty">Select a passage and press Cut card, or open a card from the list.</p>
          )}
        </div>
        <div className="side">
          <PaneToggle label="cards" open={cardsOpen} onToggle={toggleCards} />
          {cardsOpen && (
            <CardLibrary
              cards={cards}
              articles={articles}
              currentId={current?.id}
              onOpen={(c) => open(c)}
              onDuplicate={(c) => void duplicate(c)}
              onDelete={(c) => void remove(c)}
            />
          )}
        </div>
      </div>
      {dialog === 'palette' && <CommandPalette keys={keys} enabled={enabled} onRun={runCommand} onClose={() => setDialog(undefined)} />}
      {dialog === 'settings' && <SettingsDialog settings={settings} onSave={saveSettings} onClose={() => setDialog(undefined)} />}
      {dialog === 'cite' && uncited && (
        <div className="overlay" onMouseDown={() => setDialog(undefined)}>
          <form
            className="panel paste-card"
            role="dialog"
            aria-label="Cite for the pasted text"
            onMouseDown={(e) => e.stopPropagation()}
            onKeyDown={(e) => { if (e.key === 'Escape') setDialog(undefined); }}
            onSubmit={(e) => { e.preventDefault(); cardWithCite(citeLine); }}
          >
            <h2>Where is this from?</h2>
            <p className="hint">{article ? `The pasted text is not in “${article.title}”, so its cite would be wrong.` : 'No article is open.'} Paste the cite line (author, date, publication, title); the short cite is read from it.</p>
            <input autoFocus aria-label="Cite line" value={citeLine} placeholder="Joseph Choi, 9-2-21, The Hill, Kremlin says…" onChange={(e) => setCiteLine(e.target.value)} />
            {citeLine.trim() && <p className="cite-preview"><strong>{parseCite(citeLine).shortCite || '(no short cite)'}</strong> {citeLine}</p>}
            <div className="actions">
              <button type="submit">Make card</button>
              <button type="button" onClick={() => cardWithCite('')}>Make card without a cite</button>
              <button type="button" onClick={() => setDialog(undefined)}>Cancel</button>
            </div>
          </form>
        </div>
      )}
      {dialog === 'paste' && (
        <div className="overlay" onMouseDown={() => setDialog(undefined)}>
          <div className="panel paste-card" role="dialog" aria-label="Paste as card" onMouseDown={(e) => e.stopPropagation()}>
            <h2>Paste as card</h2>
            <textarea autoFocus rows={8} value={pasteText} placeholder="Paste the text here (Ctrl+V)" onChange={(e) => setPasteText(e.target.value)} />
            <div className="actions">
              <button disabled={!pasteText.trim()} onClick={() => { setDialog(undefined); cardFromText(pasteText); }}>Make card</button>
              <button onClick={() => setDialog(undefined)}>Cancel</button>
            </div>
          </div>
        </div>
      )}
    </div>
  );
}
