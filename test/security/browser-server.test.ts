// The browser-mode server: loopback only, and only for the Cardfile page itself.
import fs from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHandlers } from '../../electron/services/api-handlers.js';
import { Library } from '../../electron/services/library/library.js';
import { CSP, startServer, type RunningServer } from '../../electron/server.js';
import { MAX_REQUEST_BYTES, SESSION_HEADER, SESSION_PARAM } from '../../shared/api.js';
import { tempDir, tempLibraryPath } from '../helpers/temp-dir.js';

let server: RunningServer;
let library: Library;
let rendererDir: string;

beforeAll(async () => {
  rendererDir = fs.mkdtempSync(path.join(os.tmpdir(), 'cardfile-renderer-'));
  fs.writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html><title>Cardfile</title>');
  fs.mkdirSync(path.join(rendererDir, 'assets'));
  fs.writeFileSync(path.join(rendererDir, 'assets', 'app.js'), 'console.log(1)');
  library = Library.open(path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'cardfile-lib-')), 'library.cardfile'));
  server = await startServer({ handlers: createHandlers(library), rendererDir });
});
afterAll(async () => {
  await server.close();
  library.close();
  fs.rmSync(rendererDir, { recursive: true, force: true });
  fs.rmSync(path.dirname(library.path), { recursive: true, force: true });
});

/**
 * A request with any Host and Origin, as a hostile page or rebinding DNS would send them; with
 * the session key unless told otherwise. `body` may be given in chunks, streamed one by one.
 */
function request(options: { method?: string; path?: string; headers?: Record<string, string>; body?: string | Buffer[]; session?: string | null }) {
  return new Promise<{ status: number; headers: http.IncomingHttpHeaders; body: string }>((resolve, reject) => {
    const session = options.session === undefined ? { [SESSION_HEADER]: server.token } : options.session === null ? {} : { [SESSION_HEADER]: options.session };
    const req = http.request({
      host: '127.0.0.1', port: server.port, method: options.method ?? 'GET', path: options.path ?? '/',
      headers: { Host: `127.0.0.1:${server.port}`, ...session, ...options.headers }, agent: false,
    }, (res) => {
      let body = '';
      res.setEncoding('utf8').on('data', (d: string) => { body += d; });
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on('error', reject);
    if (Array.isArray(options.body)) {
      const chunks = [...options.body];
      const next = (): void => {
        const chunk = chunks.shift();
        if (chunk === undefined) req.end();
        else if (req.write(chunk)) next();
        else req.once('drain', next);
      };
      next();
    } else req.end(options.body ?? '');
  });
}

const json = { 'Content-Type': 'application/json' };

function refusesConnection(host: string, port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ host, port, timeout: 2000 });
    socket.on('connect', () => { socket.destroy(); resolve(false); });
    socket.on('timeout', () => { socket.destroy(); resolve(true); });
    socket.on('error', () => resolve(true));
  });
}

describe('browser-mode server', () => {
  it('listens on 127.0.0.1 only, not on the machine’s other addresses', async () => {
    expect(server.url).toBe(`http://127.0.0.1:${server.port}`);
    expect(await refusesConnection('127.0.0.1', server.port)).toBe(false);
    const others = Object.values(os.networkInterfaces()).flat()
      .filter((a): a is os.NetworkInterfaceInfo => !!a && !a.internal && !a.address.startsWith('fe80'))
      .map((a) => a.address);
    for (const address of ['::1', ...others]) expect(await refusesConnection(address, server.port), address).toBe(true);
  });

  it.each([
    ['a rebinding DNS name in Host', { Host: 'evil.example:80' }],
    ['the right port on another name', { Host: `evil.example` }],
    ['a foreign Origin', { Origin: 'https://evil.example' }],
    ['a look-alike Origin', { Origin: `http://127.0.0.1:${'PORT'}.evil.example` }],
    ['a null Origin (sandboxed frame, file page)', { Origin: 'null' }],
  ])('refuses %s, for the page and the Api', async (_what, headers) => {
    const h = Object.fromEntries(Object.entries(headers).map(([k, v]) => [k, v.replace('PORT', String(server.port))]));
    const page = await request({ headers: h });
    expect(page.status).toBe(403);
    expect(page.body).not.toContain('Cardfile');
    const api = await request({ method: 'POST', path: '/api/listArticles', headers: { ...h, 'Content-Type': 'application/json' }, body: '{}' });
    expect(api.status).toBe(403);
  });

  it('answers its own page and its own Origin', async () => {
    expect((await request({ headers: { Origin: `http://127.0.0.1:${server.port}` } })).status).toBe(200);
    expect((await request({ headers: { Host: `localhost:${server.port}` } })).status).toBe(200);
    const api = await request({ method: 'POST', path: '/api/libraryInfo', headers: { Origin: `http://127.0.0.1:${server.port}`, 'Content-Type': 'application/json' }, body: '{}' });
    expect(JSON.parse(api.body)).toMatchObject({ ok: true });
  });

  it.each([
    ['text/plain (a simple cross-site form post)', 'text/plain'],
    ['a form', 'application/x-www-form-urlencoded'],
    ['multipart', 'multipart/form-data; boundary=x'],
  ])('refuses Api posts that are not JSON: %s', async (_what, type) => {
    const before = library.info();
    const res = await request({ method: 'POST', path: '/api/importText', headers: { 'Content-Type': type }, body: '{"text":"planted"}' });
    expect(res.status).toBe(415);
    expect(library.info()).toEqual(before);
  });

  it('refuses Api calls that are not POST', async () => {
    expect((await request({ method: 'GET', path: '/api/listArticles' })).status).toBe(405);
  });

  it('does not serve files outside the renderer folder', async () => {
    const secret = path.join(tempDir(), 'secret.txt');
    fs.writeFileSync(secret, 'library secrets');
    for (const p of ['/../../../../../../etc/passwd', '/%2e%2e/%2e%2e/%2e%2e/etc/passwd', `/..%2f..%2f..%2f..${secret}`]) {
      const res = await request({ path: p });
      expect(res.body).not.toMatch(/root:|library secrets/);
    }
    expect(fs.existsSync(tempLibraryPath())).toBe(false);
  });

  it('gives the Api only to callers with the session key printed at start, new at every start', async () => {
    expect(server.address).toBe(`${server.url}/?${SESSION_PARAM}=${server.token}`);
    expect(server.token.length).toBeGreaterThanOrEqual(32);
    for (const session of [null, '', 'x'.repeat(server.token.length), server.token.slice(1)]) {
      const res = await request({ method: 'POST', path: '/api/listArticles', headers: json, body: '{}', session });
      expect(res.status, String(session)).toBe(403);
      expect(JSON.parse(res.body)).toMatchObject({ ok: false, error: expect.stringMatching(/session key/) });
    }
    const other = await startServer({ handlers: createHandlers(library), rendererDir });
    try {
      expect(other.token).not.toBe(server.token);
    } finally {
      await other.close();
    }
  });

  it('answers a request over the size limit with what to do, not a reset, and stays up', async () => {
    const before = library.info();
    const chunk = Buffer.alloc(1024 * 1024, 'a');
    const chunks = Array.from({ length: MAX_REQUEST_BYTES / chunk.length + 2 }, () => chunk);
    // Streamed without a length, then declared: both ways are read to the end and refused.
    const streamed = await request({ method: 'POST', path: '/api/importText', headers: { ...json, 'Transfer-Encoding': 'chunked' }, body: chunks });
    const declared = await request({ method: 'POST', path: '/api/importText', headers: { ...json, 'Content-Length': String(chunks.length * chunk.length) }, body: chunks });
    for (const res of [streamed, declared]) {
      expect(res.status).toBe(413);
      expect(JSON.parse(res.body)).toMatchObject({ ok: false, error: expect.stringMatching(/too big for browser mode.*desktop app.*cardfile import FILE/) });
    }
    expect(library.info()).toEqual(before);
    expect(JSON.parse((await request({ method: 'POST', path: '/api/libraryInfo', headers: json, body: '{}' })).body)).toMatchObject({ ok: true });
  });

  it.each([
    ['a file used as a folder', '/index.html/x'],
    ['a name longer than any file system allows', `/${'a'.repeat(300)}`],
    ['a long name in a folder', `/assets/${'b'.repeat(4000)}.js`],
    ['an unknown view', '/no/such/view'],
    ['a broken escape', '/%E0%A4%A'],
  ])('answers 404 for %s', async (_what, p) => {
    const res = await request({ path: p });
    expect(res.status).toBe(404);
    expect(res.body).toBe('Not found');
  });

  it('answers a document nested 900 deep with an error value, not a 500', async () => {
    let body: object = { type: 'paragraph' };
    for (let i = 0; i < 900; i++) body = { type: 'body', content: [body] };
    const res = await request({ method: 'POST', path: '/api/createCard', headers: json, body: JSON.stringify({ tag: 'deep', body }) });
    expect(res.status).toBe(200);
    expect(JSON.parse(res.body)).toEqual({ ok: false, error: expect.stringMatching(/createCard: nested more than 200 levels deep/) });
  });

  it('sends a strict Content-Security-Policy with every response', async () => {
    const responses = await Promise.all([
      request({ path: '/' }),
      request({ path: '/assets/app.js' }),
      request({ path: '/no/such/view' }),
      request({ method: 'POST', path: '/api/libraryInfo', headers: { 'Content-Type': 'application/json' }, body: '{}' }),
      request({ method: 'POST', path: '/api/nope', headers: { 'Content-Type': 'application/json' }, body: '{}' }),
      request({ method: 'POST', path: '/api/libraryInfo', headers: { 'Content-Type': 'text/plain' } }),
      request({ method: 'DELETE', path: '/' }),
      request({ headers: { Host: 'evil.example' } }),
    ]);
    for (const res of responses) {
      expect(res.headers['content-security-policy'], `status ${res.status}`).toBe(CSP);
      expect(res.headers['x-content-type-options']).toBe('nosniff');
    }
    const directives = new Map(CSP.split(';').map((d) => d.trim().split(/\s+/)).map(([name, ...values]) => [name!, values]));
    expect(directives.get('default-src')).toEqual(["'self'"]);
    expect(directives.get('script-src')).toEqual(["'self'"]);
    expect(directives.get('object-src')).toEqual(["'none'"]);
    expect(directives.get('base-uri')).toEqual(["'none'"]);
    expect(directives.get('frame-ancestors')).toEqual(["'none'"]);
    expect(CSP).not.toMatch(/unsafe-eval|\*|http:|https:/);
  });
});
