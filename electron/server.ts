// Browser mode: the same services and Api over HTTP, on 127.0.0.1 only.
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ApiHandlers, ApiResponse } from '../shared/api.js';
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

const MAX_BODY_BYTES = 64 * 1024 * 1024;
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
  url: string;
  port: number;
  close(): Promise<void>;
}

/** Starts the browser-mode server; resolves once it listens on 127.0.0.1. */
export function startServer({ handlers, port = 0, rendererDir = DEFAULT_RENDERER_DIR }: ServerOptions): Promise<RunningServer> {
  const server = http.createServer((req, res) => {
    handle(req, res, handlers, rendererDir, server).catch((err: unknown) => {
      console.error('[cardfile] request failed:', err);
      if (!res.headersSent) send(res, 500, 'text/plain; charset=utf-8', 'Internal error');
    });
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => {
      const address = server.address();
      const actual = typeof address === 'object' && address ? address.port : port;
      resolve({
        url: `http://127.0.0.1:${actual}`,
        port: actual,
        close: () => new Promise<void>((done) => { server.closeAllConnections(); server.close(() => done()); }),
      });
    });
  });
}

async function handle(req: http.IncomingMessage, res: http.ServerResponse, handlers: ApiHandlers, rendererDir: string, server: http.Server): Promise<void> {
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
    const response = await apiCall(req, handlers, decodeURIComponent(url.pathname.slice('/api/'.length)));
    return send(res, 200, 'application/json; charset=utf-8', JSON.stringify(response));
  }
  if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, 'text/plain; charset=utf-8', 'Method not allowed');
  return serveStatic(res, rendererDir, url.pathname);
}

async function apiCall(req: http.IncomingMessage, handlers: ApiHandlers, method: string): Promise<ApiResponse<unknown>> {
  let raw: string;
  try {
    raw = await readBody(req);
  } catch (err) {
    return { ok: false, error: (err as Error).message };
  }
  let input: unknown;
  try {
    input = raw.length > 0 ? JSON.parse(raw) : {};
  } catch {
    return { ok: false, error: `Invalid arguments to ${method}: the request is not JSON.` };
  }
  return dispatch(handlers, method, input);
}

function readBody(req: http.IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        reject(new Error(`The request is larger than ${MAX_BODY_BYTES / 1024 / 1024} MB.`));
        req.destroy();
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function serveStatic(res: http.ServerResponse, rendererDir: string, pathname: string): void {
  const root = path.resolve(rendererDir);
  const wanted = path.resolve(root, '.' + path.posix.normalize(decodeURIComponent(pathname)));
  const inside = wanted.startsWith(root + path.sep);
  // Unknown paths get the app shell, so a reload on any view still opens the app.
  const file = inside && isFile(wanted) ? wanted : path.join(root, 'index.html');
  if (!isFile(file)) return send(res, 500, 'text/plain; charset=utf-8', `The renderer is not built (${root}). Run npm run build.`);
  send(res, 200, TYPES[path.extname(file)] ?? 'application/octet-stream', fs.readFileSync(file));
}

function isFile(file: string): boolean {
  return fs.statSync(file, { throwIfNoEntry: false })?.isFile() ?? false;
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
