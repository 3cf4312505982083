// A second start of the desktop app (built main.js, against the 'electron' stand-in): it hands
// over to the running one and quits, before it opens the library or a window.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, expect, it, vi } from 'vitest';
import { fireReady, recorded } from '../helpers/electron-stand-in.js';

vi.mock('electron', async () => (await import('../helpers/electron-stand-in.js')).electron);

const libraryDir = fs.mkdtempSync(path.join(os.tmpdir(), 'cardfile-second-'));
afterAll(() => {
  delete process.env.CARDFILE_LIBRARY;
  fs.rmSync(libraryDir, { recursive: true, force: true });
});

it('quits at once when another Cardfile holds the lock, touching no library', async () => {
  process.env.CARDFILE_LIBRARY = path.join(libraryDir, 'library.cardfile');
  recorded.singleInstanceLock = false;
  await import(pathToFileURL(path.resolve(import.meta.dirname, '../../dist/electron/electron/main.js')).href);
  fireReady();
  await vi.waitFor(() => { if (!recorded.quit) throw new Error('main.js has not quit yet'); });
  await new Promise((resolve) => setTimeout(resolve, 50));
  expect(recorded.windows).toHaveLength(0);
  expect(recorded.handled.size).toBe(0);
  expect(fs.readdirSync(libraryDir)).toEqual([]);
});
