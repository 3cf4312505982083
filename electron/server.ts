// Browser mode: the same services and Api over HTTP, on 127.0.0.1 only, and only for the page
// that was given the session key printed at start: other local programs get no Api.
import { randomBytes, timingSafeEqual } from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { MAX_REQUEST_BYTES, SESSION_HEADER, SESSION_PARAM, tooBigForBrowserMode, type ApiHandlers, type ApiResponse } from '../shared/api.js';
import { dispatch } from './services/dispatch.js';

export const CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
  "form-action 'none'",
].join('; ');

/** Past the limit, the rest of a request is read and dropped up to this, so the answer arrives instead of a reset. */
const MAX_DRAINED_BYTES = 16 * MAX_REQUEST_BYTES;
const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml', '.png': 'image/png', '.ico': 'image/x-icon', '.json': 'application/json', '.woff2': 'font/woff2',
};

export const DEFAULT_RENDERER_DIR = fileURLToPath(new URL('../../renderer/', import.meta.url));

export interface ServerOptions {
  handlers: ApiHandlers;
  port?: number;
  rendererDir?: string;
}

export interface RunningServer {
  /** The server's origin, http://127.0.0.1:PORT. */
  url: string;
  port: number;
  /** The session key every Api call must carry; new at every start. */
  token: string;
  /** The address to open: the app's page with the session key. */
  address: string;
  close(): Promise<void>;
}

/** Starts the browser-mode server; resolves once it listens on 127.0.0.1. */
export function startServer({ handlers, port = 0, rendererDir = DEFAULT_RENDERER_DIR }: ServerOptions): Promise<RunningServer> {
  const token = randomBytes(24).toString('base64url');
  const server = http.createServer((req, res) => {
    handle(req, res, handlers, rendererDir, server, token).catch((err: unknown) => {
      console.error('[cardfile] request failed:', err);
      if (!res.headersSent) send(res, 500, 'text/plain; charset=utf-8', 'Internal error');
    });
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => {
      const address = server.address();
      const actual = typeof address === 'object' && address ? address.port : port;
      const url = `http://127.0.0.1:${actual}`;
      resolve({
        url,
        port: actual,
        token,
        address: `${url}/?${SESSION_PARAM}=${token}`,
        close: () => new Promise<void>((done) => { server.closeAllConnections(); server.close(() => done()); }),
      });
    });
  });
}

async function handle(req: http.IncomingMessage, res: http.ServerResponse, handlers: ApiHandlers, rendererDir: string, server: http.Server, token: string): Promise<void> {
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  // Host and Origin checks stop DNS rebinding and other sites' pages from reaching the library.
  const allowedHosts = [`127.0.0.1:${port}`, `localhost:${port}`];
  if (!allowedHosts.includes(req.headers.host ?? '')) return send(res, 403, 'text/plain; charset=utf-8', 'Forbidden host');
  const origin = req.headers.origin;
  if (origin !== undefined && !allowedHosts.map((h) => `http://${h}`).includes(origin)) {
    return send(res, 403, 'text/plain; charset=utf-8', 'Forbidden origin');
  }

  const url = new URL(req.url ?? '/', `http://127.0.0.1:${port}`);
  if (url.pathname.startsWith('/api/')) {
    if (req.method !== 'POST') return send(res, 405, 'text/plain; charset=utf-8', 'Use POST');
    if (!(req.headers['content-type'] ?? '').startsWith('application/json')) {
      return send(res, 415, 'text/plain; charset=utf-8', 'Api calls are JSON');
    }
    if (!sameToken(req.headers[SESSION_HEADER], token)) {
      return sendJson(res, 403, { ok: false, error: 'Refused: this page does not carry the session key of the running Cardfile. Open the address Cardfile printed when it started.' });
    }
    if (Number(req.headers['content-length'] ?? 0) > MAX_REQUEST_BYTES) return refuseTooBig(req, res);
    const response = await apiCall(req, handlers, safeDecode(url.pathname.slice('/api/'.length)));
    if (response === TOO_BIG) return refuseTooBig(req, res);
    return sendJson(res, 200, response);
  }
  if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, 'text/plain; charset=utf-8', 'Method not allowed');
  return serveStatic(res, rendererDir, url.pathname);
}

function sameToken(sent: string | string[] | undefined, token: string): boolean {
  if (typeof sent !== 'string' || sent.length !== token.length) return false;
  return timingSafeEqual(Buffer.from(sent), Buffer.from(token));
}

function safeDecode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

function sendJson(res: http.ServerResponse, status: number, body: ApiResponse<unknown>): void {
  send(res, status, 'application/json; charset=utf-8', JSON.stringify(body));
}

/**
 * Answers 413 with the reason as an Api error, after reading (and dropping) what the client
 * still sends: closing on a client mid-upload makes it see a reset, not the answer.
 */
function refuseTooBig(req: http.IncomingMessage, res: http.ServerResponse): void {
  const answer = () => sendJson(res, 413, { ok: false, error: tooBigForBrowserMode() });
  if (req.readableEnded) return answer();
  let drained = 0;
  req.removeAllListeners('data');
  req.on('data', (chunk: Buffer) => {
    drained += chunk.length;
    if (drained > MAX_DRAINED_BYTES) req.destroy();
  });
  req.once('end', answer);
  req.resume();
}

const TOO_BIG = Symbol('too big');

async function apiCall(req: http.IncomingMessage, handlers: ApiHandlers, method: string): Promise<ApiResponse<unknown> | typeof TOO_BIG> {
  let raw: string | typeof TOO_BIG;
  try {
    raw = await readBody(req);
  } catch (err) {
    return { ok: false, error: `The request could not be read (${(err as Error).message}).` };
  }
  if (raw === TOO_BIG) return TOO_BIG;
  let input: unknown;
  try {
    input = raw.length > 0 ? JSON.parse(raw) : {};
  } catch {
    return { ok: false, error: `Invalid arguments to ${method}: the request is not JSON.` };
  }
  return dispatch(handlers, method, input);
}

/** The body as text, or TOO_BIG as soon as it passes the limit (the rest is left unread). */
function readBody(req: http.IncomingMessage): Promise<string | typeof TOO_BIG> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_REQUEST_BYTES) {
        req.removeListener('data', onData);
        req.pause();
        resolve(TOO_BIG);
        return;
      }
      chunks.push(chunk);
    };
    req.on('data', onData);
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

/** The app has one page (views are state, not addresses): `/` is the page, anything else a file or 404. */
function serveStatic(res: http.ServerResponse, rendererDir: string, pathname: string): void {
  const root = path.resolve(rendererDir);
  const index = path.join(root, 'index.html');
  if (pathname === '/' || pathname === '/index.html') {
    if (!isFile(index)) return send(res, 500, 'text/plain; charset=utf-8', `The renderer is not built (${root}). Run npm run build.`);
    return send(res, 200, TYPES['.html']!, fs.readFileSync(index));
  }
  const wanted = path.resolve(root, '.' + path.posix.normalize(safeDecode(pathname)));
  if (!wanted.startsWith(root + path.sep) || !isFile(wanted)) return send(res, 404, 'text/plain; charset=utf-8', 'Not found');
  send(res, 200, TYPES[path.extname(wanted)] ?? 'application/octet-stream', fs.readFileSync(wanted));
}

/** Any failure to stat (a name too long, a file used as a folder) means there is no such file. */
function isFile(file: string): boolean {
  try {
    return fs.statSync(file, { throwIfNoEntry: false })?.isFile() ?? false;
  } catch {
    return false;
  }
}

function send(res: http.ServerResponse, status: number, type: string, body: string | Buffer): void {
  res.writeHead(status, {
    'Content-Type': type,
    'Content-Security-Policy': CSP,
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'Cache-Control': 'no-store',
  });
  res.end(body);
}
