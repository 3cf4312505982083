import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../../electron/cli.js';
import { isLocalAddress } from '../../../electron/services/importers/fetch-url.js';
import { importInto } from '../../../electron/services/importers/import-into-library.js';
import { Library } from '../../../electron/services/library/library.js';
import { tempLibraryPath } from '../../helpers/temp-dir.js';

const ARTICLE = `<!doctype html><html><head><meta charset="utf-8">
<title>Kremlin: US military assistance could ’cause unpredictable actions’ by Ukraine | TheHill</title>
<meta property="og:site_name" content="The Hill">
<meta property="og:url" content="https://thehill.com/policy/international/570568-kremlin-us-military-assistance">
<meta property="article:published_time" content="2021-09-02T10:24:00-04:00">
<script type="application/ld+json">{"@context":"https://schema.org","@type":"NewsArticle",
 "headline":"Kremlin: US military assistance could ’cause unpredictable actions’ by Ukraine",
 "author":[{"@type":"Person","name":"Joseph Choi","jobTitle":"Staff Writer"}],"publisher":{"@type":"Organization","name":"The Hill"}}</script>
<script>document.title = 'pwned'; fetch('http://127.0.0.1:1/steal');</script>
</head><body>
<nav><a href="/">Home</a><a href="/subscribe">Subscribe</a></nav>
<article><h1>Kremlin: US military assistance could ’cause unpredictable actions’ by Ukraine</h1>
<p>A Kremlin spokesperson on Thursday raised concerns about the U.S. offering military assistance to Ukraine, saying such actions could make the Eastern European country behave unpredictably and “can only be a cause for regret.”</p>
<figure><img src="/x.jpg" onerror="document.body.innerHTML='pwned'"><figcaption>Dmitry Peskov. Photo: AP</figcaption></figure>
<p>“We believe this could potentially cause unpredictable actions by the Ukrainian side in terms of attempting to resolve the Ukrainian conflict by force. This is very dangerous,” Kremlin spokesman Dmitry Peskov told reporters, according to Reuters.<script>alert('pwned')</script></p>
<p>During a meeting at the White House on Wednesday, Ukrainian President Volodymyr Zelensky and President Biden reportedly focused much of their discussion on countering Russian aggression.</p>
</article><aside><h3>Related</h3><a href="/other">Another story you may like</a></aside>
<footer>Share this article · © 2021 Capitol Hill Publishing</footer></body></html>`;

let server: http.Server;
let base = '';
let closedPort = 0;
const requests: string[] = [];

beforeAll(async () => {
  server = http.createServer((req, res) => {
    const url = req.url ?? '/';
    const hop = /^\/hop\/(\d+)$/.exec(url);
    if (url === '/article') return void res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(ARTICLE);
    if (url === '/moved') return void res.writeHead(301, { location: '/article' }).end();
    if (hop) return void res.writeHead(302, { location: `/hop/${Number(hop[1]) + 1}` }).end();
    requests.push(url);
    if (url === '/to-local') return void res.writeHead(302, { location: `http://127.0.0.2:${(server.address() as AddressInfo).port}/article` }).end();
    if (url === '/to-file') return void res.writeHead(302, { location: 'file:///etc/passwd' }).end();
    if (url === '/huge') {
      res.writeHead(200, { 'content-type': 'text/html' });
      const chunk = Buffer.alloc(1024 * 1024, 'a');
      let sent = 0;
      const pump = () => { while (sent < 30 && res.write(chunk)) sent++; if (sent < 30) res.once('drain', pump); else res.end(); };
      return pump();
    }
    if (url === '/slow') return void res.writeHead(200, { 'content-type': 'text/html' }); // never ends
    if (url === '/report.pdf') return void res.writeHead(200, { 'content-type': 'application/pdf' }).end('%PDF-1.4 not really');
    res.writeHead(404, 'Not Found').end('no');
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  // A port that was free a moment ago: nothing listens there.
  const probe = http.createServer();
  await new Promise<void>((done) => probe.listen(0, '127.0.0.1', done));
  closedPort = (probe.address() as AddressInfo).port;
  await new Promise((done) => probe.close(done));
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((done) => server.close(done));
});

describe('import by URL from a local server', () => {
  it('imports the main text with its citation, scripts neither run nor survive', async () => {
    const library = Library.open(tempLibraryPath());
    const outcome = await importInto(library, { url: `${base}/moved` }, { allowLocal: true });
    expect(outcome).toMatchObject({ status: 'imported', kind: 'article', title: 'Kremlin: US military assistance could ’cause unpredictable actions’ by Ukraine' });
    const article = library.articles.list()[0]!;
    expect(article).toMatchObject({
      authors: [{ name: 'Joseph Choi', quals: 'Staff Writer' }],
      publication: 'The Hill',
      publishedDate: '2021-09-02',
      url: 'https://thehill.com/policy/international/570568-kremlin-us-military-assistance',
      sourceKind: 'url',
    });
    expect(article.accessedDate).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    const paragraphs = article.text.split('\n\n');
    expect(paragraphs).toHaveLength(3);
    expect(paragraphs[1]).toMatch(/^“We believe .* according to Reuters\.$/);
    for (const junk of ['pwned', 'alert', 'Subscribe', 'Related', 'Photo: AP', 'Share this', 'Home']) expect(article.text).not.toContain(junk);
    // The same address again is a duplicate, not a second copy.
    expect(await importInto(library, { url: `${base}/article` }, { allowLocal: true })).toMatchObject({ status: 'duplicate', id: article.id });
    expect(library.info().articles).toBe(1);
    library.close();
  });

  it.each([
    ['not http', () => 'ftp://example.org/x', /only http and https addresses/],
    ['not an address', () => 'thehill dot com', /not a web address/],
    ['a 404', () => `${base}/missing`, /the site answered 404 Not Found/],
    ['too many redirects', () => `${base}/hop/0`, /redirects more than 5 times/],
    ['a redirect to a file: address', () => `${base}/to-file`, /only http and https/],
    ['over the size cap', () => `${base}/huge`, /larger than 20 MB/],
    ['no answer in time', () => `${base}/slow`, /did not answer within 0.5 s/],
    ['connection refused', () => `http://127.0.0.1:${closedPort}/x`, /refused the connection/],
    ['a broken PDF', () => `${base}/report.pdf`, /PDF is truncated or damaged/],
  ])('%s: one clear error, library unchanged', async (_name, url, problem) => {
    const library = Library.open(tempLibraryPath());
    const outcome = await importInto(library, { url: url() }, { allowLocal: true, fetchLimits: { timeoutMs: url().endsWith('/slow') ? 500 : 15_000, maxBytes: 20 * 1024 * 1024, maxRedirects: 5 } });
    expect(outcome.status).toBe('failed');
    expect(outcome.status === 'failed' && outcome.error).toMatch(new RegExp(`^Could not import ${url().replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: `));
    expect(outcome.status === 'failed' && outcome.error).toMatch(problem);
    expect(library.info()).toMatchObject({ articles: 0, briefs: 0 });
    library.close();
  });
});

describe('addresses on this computer or the local network', () => {
  it.each([
    ['127.0.0.1', true], ['127.8.9.10', true], ['0.0.0.0', true], ['10.1.2.3', true], ['172.16.0.1', true], ['172.31.255.255', true],
    ['192.168.1.1', true], ['169.254.169.254', true], ['100.64.0.1', true], ['224.0.0.1', true], ['255.255.255.255', true],
    ['::1', true], ['::', true], ['fe80::1', true], ['fd12:3456::1', true], ['::ffff:127.0.0.1', true], ['::ffff:7f00:1', true], ['::ffff:192.168.0.1', true],
    ['not an address', true],
    ['93.184.216.34', false], ['172.32.0.1', false], ['8.8.8.8', false], ['2606:4700::1111', false], ['::ffff:8.8.8.8', false],
  ])('%s is local: %s', (ip, local) => {
    expect(isLocalAddress(ip)).toBe(local);
  });

  it.each([
    'http://127.0.0.1:PORT/article', 'http://0.0.0.0:PORT/article', 'http://2130706433:PORT/article', 'http://0x7f.1:PORT/article',
    'http://localhost:PORT/article', 'http://[::1]:PORT/article', 'http://[::ffff:127.0.0.1]:PORT/article', 'http://169.254.169.254/latest/meta-data/',
    'http://192.168.1.1/', 'http://10.0.0.1/',
  ])('%s is refused before any connection, as the user may confirm', async (template) => {
    const library = Library.open(tempLibraryPath());
    const url = template.replace('PORT', new URL(base).port);
    const before = requests.length;
    const outcome = await importInto(library, { url });
    expect(outcome).toMatchObject({ status: 'failed', failure: 'local-address', error: expect.stringMatching(/on this computer or your local network.*--allow-local/) });
    expect(requests.length).toBe(before);
    expect(library.info()).toMatchObject({ articles: 0 });
    library.close();
  });

  it('checks every redirect: a public page redirecting to a local address is refused there', async () => {
    const library = Library.open(tempLibraryPath());
    // The test server stands for the public site; only 127.0.0.2 counts as local here.
    const outcome = await importInto(library, { url: `${base}/to-local` }, { isLocalAddress: (ip) => ip === '127.0.0.2' });
    expect(outcome).toMatchObject({ status: 'failed', failure: 'local-address', error: expect.stringMatching(/127\.0\.0\.2:\d+ is an address on this computer/) });
    expect(requests.at(-1)).toBe('/to-local');
    expect(library.info()).toMatchObject({ articles: 0 });
    library.close();
  });

  it('imports from a local address once confirmed: --allow-local in the CLI, allowLocal in the Api', async () => {
    const lib = tempLibraryPath();
    const err: string[] = [];
    expect(await runCli(['--library', lib, 'import', `${base}/article`], () => undefined, (l) => err.push(l))).toBe(1);
    expect(err.join('\n')).toMatch(/--allow-local/);
    expect(await runCli(['--library', lib, '--allow-local', 'import', `${base}/article`], () => undefined, (l) => err.push(l))).toBe(0);
    const library = Library.open(lib);
    expect(library.info().articles).toBe(1);
    library.close();
  });
});
