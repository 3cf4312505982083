// End-to-end harness: the built browser-mode server on a temp library, driven by Debian's Chromium.
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser, type Locator, type Page } from 'playwright-core';
import { afterEach } from 'vitest';
import { httpApiClient, SESSION_PARAM, type Api } from '../../shared/api.js';
import { tempLibraryPath } from './temp-dir.js';

const ROOT = path.resolve(import.meta.dirname, '../..');
export const ARTIFACTS = path.join(ROOT, 'test', 'artifacts');
const CHROMIUM = process.env.CARDFILE_CHROMIUM ?? '/usr/bin/chromium';

// As root and offline, Chromium needs these to start cleanly (DESIGN.md).
export const CHROMIUM_ARGS = [
  '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
  '--disable-sync', '--no-first-run', '--disable-quic',
];

interface BuiltServer {
  startServer: (o: { handlers: unknown; port?: number }) => Promise<{ url: string; token: string; address: string; close(): Promise<void> }>;
}
interface BuiltSession {
  openLibrarySession: (libraryPath: string) => { handlers: unknown; close(): void };
}

async function importBuilt<T>(relative: string): Promise<T> {
  const file = path.join(ROOT, 'dist', 'electron', relative);
  if (!fs.existsSync(file)) throw new Error(`${file} is missing: run npm run build before the end-to-end tests (npm test does).`);
  return (await import(pathToFileURL(file).href)) as T;
}

export interface App {
  url: string;
  libraryPath: string;
  browser: Browser;
  page: Page;
  /** Stops the server and closes the library (the browser too). Safe to call twice. */
  close(): Promise<void>;
  /** Restarts the server on the same library and opens its new address, as a user reopening the app would. */
  restartServer(): Promise<void>;
}

/** The session key of each running server, by its url, for httpApi. */
const sessions = new Map<string, string>();

// Every app a test launches is closed after it, as tempDir() removes its folders.
const running: App[] = [];
afterEach(async () => {
  for (const app of running.splice(0)) await app.close();
});

/** Starts browser mode on a fresh (or given) library and opens it in Chromium; closed after the test. */
export async function launchApp(options: { libraryPath?: string } = {}): Promise<App> {
  const libraryPath = options.libraryPath ?? tempLibraryPath();
  const { startServer } = await importBuilt<BuiltServer>('electron/server.js');
  // As browser mode opens it: a damaged library starts on the recovery screen.
  const { openLibrarySession } = await importBuilt<BuiltSession>('electron/services/library-session.js');

  let session = openLibrarySession(libraryPath);
  let server = await startServer({ handlers: session.handlers });
  const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
  const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  page.on('pageerror', (err) => console.error('[page error]', err.message));
  sessions.set(server.url, server.token);
  await page.goto(server.address);
  await drawn(page);

  const app: App = {
    get url() { return server.url; },
    libraryPath,
    browser,
    page,
    async close() {
      await browser.close().catch(() => undefined);
      await server.close().catch(() => undefined);
      session.close();
    },
    async restartServer() {
      const port = Number(new URL(server.url).port);
      await server.close();
      session.close();
      session = openLibrarySession(libraryPath);
      server = await startServer({ handlers: session.handlers, port });
      sessions.set(server.url, server.token);
      // A new start has a new session key: the user opens the address it printed.
      await page.goto(server.address);
      await drawn(page);
    },
  };
  running.push(app);
  return app;
}

/**
 * The page draws only once the library's status is in (the app, or the recovery screen): a key
 * pressed before that reaches no handler, as a debater's would before the window shows anything.
 */
async function drawn(page: Page): Promise<void> {
  await page.locator('#root > *').first().waitFor();
}

/** Saves a screenshot (of the full page unless told otherwise) under test/artifacts/ and returns its path. */
export async function screenshot(page: Page, name: string, { fullPage = true }: { fullPage?: boolean } = {}): Promise<string> {
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  const file = path.join(ARTIFACTS, `${name}.png`);
  await page.screenshot({ path: file, fullPage });
  return file;
}

/**
 * The running app's Api over its own HTTP transport, to seed and to read what was saved: `url`
 * is a launched app's url, or a server's address with its session key.
 */
export function httpApi(url: string): Api {
  const { origin, searchParams } = new URL(url);
  return httpApiClient(origin, searchParams.get(SESSION_PARAM) ?? sessions.get(origin) ?? '');
}

/**
 * A control on a one-row toolbar, found by `find` in the row or, when it did not fit the width,
 * by `findInMenu` (`find` unless given) in the toolbar's More menu (opened for it).
 */
export async function toolbarItem(toolbar: Locator, find: (scope: Locator) => Locator, findInMenu = find): Promise<Locator> {
  // The row folds again whenever its width changes, as panes settle after a brief opens: a
  // control seen past the edge can be back in the row by the time the menu opens, or after. So
  // look until it is found in either place, and hand back a locator for either place.
  const inRow = find(toolbar.locator('.toolbar-row')).filter({ visible: true });
  const menu = toolbar.getByRole('menu');
  const either = inRow.or(findInMenu(menu));
  const more = toolbar.getByRole('button', { name: /^More/ });
  for (const started = Date.now(); Date.now() - started < 15_000; await toolbar.page().waitForTimeout(100)) {
    if ((await inRow.count()) > 0) return either;
    if ((await menu.count()) === 0 && (await more.count()) > 0) await more.click();
    if ((await findInMenu(menu).count()) > 0) return either;
  }
  throw new Error('The control is neither in the toolbar’s row nor in its More menu.');
}

/** A toolbar button by its name (exact when a string), from the row or, when it did not fit, the More menu. */
export async function toolbarButton(toolbar: Locator, name: string | RegExp): Promise<Locator> {
  const exact = typeof name === 'string';
  return toolbarItem(toolbar, (row) => row.getByRole('button', { name, exact }), (menu) => menu.getByRole('menuitem', { name, exact }));
}

/**
 * Clicks at the end of an editable element's last line of visible text, as a debater does to
 * type there, and makes sure the caret landed in it. Cards out of view are laid out only as they
 * scroll in (content-visibility), so an element can move between the scroll and the click: the
 * click waits for two frames after the scroll, and is made again when the caret went elsewhere.
 */
export async function clickAtEnd(target: Locator): Promise<void> {
  for (let attempt = 0; attempt < 3; attempt++) {
    await target.evaluate((el) => new Promise((settled) => {
      el.scrollIntoView({ block: 'center' });
      requestAnimationFrame(() => requestAnimationFrame(settled));
    }));
    const end = await target.evaluate((el) => {
      const range = document.createRange();
      range.selectNodeContents(el);
      const lines = range.getClientRects();
      const last = lines[lines.length - 1];
      const box = el.getBoundingClientRect();
      return last ? { x: last.right - 1 - box.left, y: last.top + last.height / 2 - box.top } : { x: 2, y: box.height / 2 };
    });
    await target.click({ position: end });
    if (await target.evaluate((el) => { const anchor = getSelection()?.anchorNode; return !!anchor && el.contains(anchor); })) return;
  }
  throw new Error('Three clicks at the end of the element did not put the caret in it.');
}
