// A hostile article, stored through the Api and opened in the app in Chromium, must run no
// script: React renders it as text, and the CSP stops inline script even if markup got through.
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { httpApi, launchApp } from '../helpers/e2e.js';

const PAYLOADS = [
  '<script>window.__pwned = "script"</script>',
  '<img src="x" onerror="window.__pwned = \'onerror\'; alert(1)">',
  '<svg onload="window.__pwned = \'svg\'"></svg>',
  '<iframe srcdoc="<script>parent.__pwned = \'iframe\'</script>"></iframe>',
  '<a href="javascript:window.__pwned = \'link\'">click</a>',
  '"><img src=x onerror=window.__pwned=\'attr\'>',
];
const HOSTILE_TEXT = `Hostile paragraph one. ${PAYLOADS.join(' ')}\n\nThe second paragraph ${PAYLOADS[1]} ends here.`;
const HOSTILE_HTML = `<!doctype html><html><head><title>Hostile page</title><script>window.__pwned = "head"</script>
<meta http-equiv="refresh" content="0;url=javascript:window.__pwned='refresh'"></head>
<body onload="window.__pwned='body'"><article><h1>Hostile page</h1><p>A real paragraph about Syria and Russian mediation, long enough to be the article text that a reader keeps.</p>
${PAYLOADS.join('\n')}<p>Another paragraph with <b onmouseover="window.__pwned='hover'">bold words</b> that stays as text for the debater to cut.</p></article></body></html>`;

describe('a hostile article in the app', () => {
  it('runs no script when stored through the Api, listed and opened in the Cutter', async () => {
    const app = await launchApp();
    const { page } = app;
    const api = httpApi(app.url);
    const title = `Pasted <img src=x onerror="window.__pwned='title'"> article`;
    await api.createArticle({ title, text: HOSTILE_TEXT, publication: PAYLOADS[0], url: "javascript:window.__pwned='url'" });
    await api.importData({ name: 'hostile.html', dataBase64: Buffer.from(HOSTILE_HTML).toString('base64') });
    await api.createCard({ tag: `Turn: ${PAYLOADS[1]}`, shortCite: PAYLOADS[2], fullCite: PAYLOADS[4] });

    const dialogs: string[] = [];
    page.on('dialog', (dialog) => { dialogs.push(dialog.message()); void dialog.dismiss(); });
    const violations: string[] = [];
    await page.exposeFunction('__cspViolation', (directive: string) => { violations.push(directive); });
    await page.reload();
    await page.evaluate(() => document.addEventListener('securitypolicyviolation', (e) => {
      (window as unknown as { __cspViolation(d: string): void }).__cspViolation(e.violatedDirective);
    }));

    const articles = page.getByRole('list', { name: 'Articles' });
    await expect.poll(() => articles.getByRole('button').count()).toBeGreaterThanOrEqual(2);
    for (const name of [/Pasted <img/, /Hostile page/]) {
      await page.getByRole('tab', { name: 'Library' }).click();
      await articles.getByRole('button', { name }).first().click();
      await expect.poll(() => page.getByRole('tab', { name: 'Cutter' }).getAttribute('aria-selected')).toBe('true');
      await expect.poll(() => page.locator('main').innerText()).toMatch(/Hostile paragraph one|A real paragraph about Syria/);
      // Error events for broken images fire once each image has settled: wait for that.
      await imagesSettled(page);
    }
    await page.getByRole('tab', { name: 'Library' }).click();
    await imagesSettled(page);

    // What the page shows is the markup as text, never as elements.
    const dangerous = await page.evaluate(() => document.querySelectorAll('main [onerror], main [onload], main iframe, main svg[onload], main a[href^="javascript:"], main script').length);
    expect(dangerous).toBe(0);
    expect(await page.evaluate(() => (window as unknown as { __pwned?: string }).__pwned)).toBeUndefined();
    expect(dialogs).toEqual([]);
    // The HTML importer keeps the words and drops the script, handlers and frames.
    const hostile = (await api.listArticles({})).find((a) => a.title === 'Hostile page');
    const fromHtml = hostile && (await api.getArticle({ id: hostile.id }));
    expect(fromHtml?.text).toContain('A real paragraph about Syria');
    expect(fromHtml?.text).not.toMatch(/__pwned = "head"|onerror|onload|srcdoc|javascript:/);

    // The CSP is the second wall: inline script and handlers that reach the DOM do not run.
    await page.evaluate(() => {
      const box = document.createElement('div');
      box.innerHTML = '<img src="x" onerror="window.__pwned = \'injected\'">';
      document.body.append(box);
      const script = document.createElement('script');
      script.textContent = 'window.__pwned = "inline"';
      document.body.append(script);
    });
    // Each blocked handler and script reports a violation: once both are in, both were refused.
    await expect.poll(() => violations).toEqual(expect.arrayContaining(['script-src-attr', 'script-src-elem']));
    expect(await page.evaluate(() => (window as unknown as { __pwned?: string }).__pwned)).toBeUndefined();
  });
});

/** Every image on the page has loaded or failed, and the events of that have run. */
async function imagesSettled(page: Page): Promise<void> {
  await page.waitForFunction(() => Array.from(document.images).every((img) => img.complete));
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0))));
}
