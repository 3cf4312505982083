import { describe, expect, it } from 'vitest';
import { CHROMIUM_ENV, chromiumCandidates, findChromium, NO_CHROMIUM } from '../../../electron/services/exporters/find-chromium.js';

// One row per computer a debater may have: which browser file exists there, and what is printed with.
const ROWS: { name: string; platform: string; env: Record<string, string>; installed: string[]; expected: string | null }[] = [
  { name: 'Debian/Ubuntu with chromium on PATH', platform: 'linux', env: { PATH: '/usr/local/bin:/usr/bin' }, installed: ['/usr/bin/chromium'], expected: '/usr/bin/chromium' },
  { name: 'Linux with Google Chrome only', platform: 'linux', env: { PATH: '/usr/bin' }, installed: ['/usr/bin/google-chrome-stable'], expected: '/usr/bin/google-chrome-stable' },
  { name: 'Ubuntu snap, /snap/bin not on PATH', platform: 'linux', env: { PATH: '/usr/bin' }, installed: ['/snap/bin/chromium'], expected: '/snap/bin/chromium' },
  { name: 'Linux, Chrome in /opt only', platform: 'linux', env: { PATH: '' }, installed: ['/opt/google/chrome/chrome'], expected: '/opt/google/chrome/chrome' },
  { name: 'Linux, PATH order wins', platform: 'linux', env: { PATH: '/home/d/bin:/usr/bin' }, installed: ['/usr/bin/chromium', '/home/d/bin/google-chrome'], expected: '/home/d/bin/google-chrome' },
  { name: 'macOS with Chrome', platform: 'darwin', env: { HOME: '/Users/d', PATH: '/usr/bin' }, installed: ['/Applications/Google Chrome.app/Contents/MacOS/Google Chrome'], expected: '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome' },
  { name: 'macOS, Edge in ~/Applications', platform: 'darwin', env: { HOME: '/Users/d' }, installed: ['/Users/d/Applications/Microsoft Edge.app/Contents/MacOS/Microsoft Edge'], expected: '/Users/d/Applications/Microsoft Edge.app/Contents/MacOS/Microsoft Edge' },
  { name: 'Windows with Edge only (every Windows 10/11)', platform: 'win32', env: { PROGRAMFILES: 'C:\\Program Files', 'PROGRAMFILES(X86)': 'C:\\Program Files (x86)', Path: 'C:\\Windows' }, installed: ['C:\\Program Files (x86)\\Microsoft\\Edge\\Application\\msedge.exe'], expected: 'C:\\Program Files (x86)\\Microsoft\\Edge\\Application\\msedge.exe' },
  { name: 'Windows, Chrome installed per user', platform: 'win32', env: { LOCALAPPDATA: 'C:\\Users\\d\\AppData\\Local' }, installed: ['C:\\Users\\d\\AppData\\Local\\Google\\Chrome\\Application\\chrome.exe'], expected: 'C:\\Users\\d\\AppData\\Local\\Google\\Chrome\\Application\\chrome.exe' },
  { name: 'CARDFILE_CHROMIUM chosen over what is installed', platform: 'linux', env: { PATH: '/usr/bin', [CHROMIUM_ENV]: '/opt/brave/brave' }, installed: ['/usr/bin/chromium', '/opt/brave/brave'], expected: '/opt/brave/brave' },
  { name: 'no browser at all', platform: 'linux', env: { PATH: '/usr/bin' }, installed: [], expected: null },
  { name: 'no browser on Windows', platform: 'win32', env: { PROGRAMFILES: 'C:\\Program Files' }, installed: [], expected: null },
];

describe('findChromium: the browser PDFs are printed with', () => {
  it.each(ROWS)('$name', ({ platform, env, installed, expected }) => {
    const found = findChromium(platform, env, (file) => installed.includes(file));
    expect(found).toEqual(expected === null ? { ok: false, error: NO_CHROMIUM } : { ok: true, path: expected });
  });

  it('says what to do when none is found: install one or set CARDFILE_CHROMIUM', () => {
    expect(NO_CHROMIUM).toMatch(/Chrome, Chromium or Microsoft Edge/);
    expect(NO_CHROMIUM).toContain(CHROMIUM_ENV);
  });

  it('does not fall back when CARDFILE_CHROMIUM names no file: the wrong setting is said', () => {
    const found = findChromium('linux', { PATH: '/usr/bin', [CHROMIUM_ENV]: '/opt/missing/chrome' }, (file) => file === '/usr/bin/chromium');
    expect(found).toEqual({ ok: false, error: expect.stringContaining('CARDFILE_CHROMIUM is set to /opt/missing/chrome, which is not a file') });
  });

  it('tries each place once', () => {
    const candidates = chromiumCandidates('linux', { PATH: '/usr/bin:/usr/bin' });
    expect(new Set(candidates).size).toBe(candidates.length);
  });
});
