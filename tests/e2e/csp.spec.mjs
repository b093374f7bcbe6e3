// The Content-Security-Policy is present and in force: Camau's own files run with no
// violation, and anything injected (inline script, event handler, eval, another site's
// script, style or address) is refused.
import { test, expect } from '@playwright/test';
import { host, started, journey, LAUNCH, DIST, readFileSync, join } from './hosting.mjs';

test.use({ launchOptions: LAUNCH });

let app, other;
test.beforeAll(async () => {
  app = await host();
  other = await host({ hostname: 'localhost', extra: { 'x.js': ['text/javascript', 'window.__foreign = 1;'], 'x.css': ['text/css', 'body{color:red}'] } });
});
test.afterAll(async () => {
  await app?.close();
  await other?.close();
});

// Every violation the page reports, recorded from before any of its own scripts run.
async function recordViolations(page) {
  await page.addInitScript(() => {
    window.__violations = [];
    document.addEventListener('securitypolicyviolation', (e) =>
      window.__violations.push({ directive: e.effectiveDirective, blocked: e.blockedURI, sample: e.sample }));
  });
}

test('the policy in dist/index.html allows only Camau itself, with hashes instead of unsafe-inline', async () => {
  const html = readFileSync(join(DIST, 'index.html'), 'utf8');
  const meta = html.match(/<meta http-equiv="Content-Security-Policy" content="([^"]*)">/);
  expect(meta, 'CSP meta tag').toBeTruthy();
  // It comes before anything it must govern.
  expect(html.indexOf(meta[0])).toBeLessThan(html.search(/<(script|style|link)\b/));
  const d = Object.fromEntries(meta[1].split(';').map((x) => x.trim().split(/\s+/)).map(([k, ...v]) => [k, v]));
  expect(d['default-src']).toEqual(["'self'"]);
  expect(d['script-src'].slice(0, 2)).toEqual(["'self'", "'wasm-unsafe-eval'"]);
  expect(d['script-src'].slice(2).every((v) => /^'sha256-[A-Za-z0-9+/]+=*'$/.test(v))).toBe(true);
  expect(d['style-src'][0]).toBe("'self'");
  expect(d['style-src'].slice(1).every((v) => /^'sha256-/.test(v))).toBe(true);
  for (const [k, v] of Object.entries({
    'img-src': ["'self'", 'data:'], 'connect-src': ["'self'"], 'manifest-src': ["'self'"], 'worker-src': ["'self'"],
    'base-uri': ["'none'"], 'form-action': ["'none'"], 'object-src': ["'none'"],
  })) expect(d[k], k).toEqual(v);
  expect(meta[1]).not.toMatch(/unsafe-inline|'unsafe-eval'|\*/);
  // One hash per inline script (Trunk's wasm loader) and none spare.
  const inlineScripts = [...html.matchAll(/<script\b([^>]*)>/g)].filter((m) => !/\ssrc=/.test(m[1]));
  expect(d['script-src'].length - 2).toBe(inlineScripts.length);
});

test('Camau runs the whole journey with no CSP violation', async ({ page }) => {
  await recordViolations(page);
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(app.url);
  await started(page);
  await journey(page);
  await page.goto(app.url + '#/privacy');
  await expect(page.locator('#app h1')).toBeVisible();
  expect(await page.evaluate(() => window.__violations)).toEqual([]);
  expect(errors).toEqual([]);
});

test('injected inline script, handler, string eval, foreign script, style and fetch are all blocked', async ({ page }) => {
  await recordViolations(page);
  await page.goto(app.url);
  await started(page);
  const before = other.log.length;
  const result = await page.evaluate(async (foreign) => {
    const wait = () => new Promise((r) => setTimeout(r, 300));
    const s = document.createElement('script');
    s.textContent = 'window.__inline = 1;';
    document.body.append(s);
    const img = document.createElement('img');
    img.setAttribute('onerror', 'window.__handler = 1');
    img.src = 'data:,not-an-image';
    document.body.append(img);
    // (DevTools may eval in this call itself; a string timer is compiled later, by the page.)
    setTimeout('window.__evaled = 1', 0);
    const ext = document.createElement('script');
    ext.src = foreign + 'x.js';
    document.body.append(ext);
    const css = document.createElement('link');
    css.rel = 'stylesheet';
    css.href = foreign + 'x.css';
    document.head.append(css);
    const st = document.createElement('style');
    st.textContent = 'body{background:rgb(255,0,0)}';
    document.head.append(st);
    const box = document.createElement('div');
    box.setAttribute('style', 'color: rgb(1, 2, 3)');
    document.body.append(box);
    let fetched = 'sent';
    try { await fetch(foreign + 'x.js'); } catch (e) { fetched = e.name; }
    await wait();
    return {
      inline: window.__inline, handler: window.__handler, foreign: window.__foreign, evaled: window.__evaled, fetched,
      bg: getComputedStyle(document.body).backgroundColor, boxColor: getComputedStyle(box).color,
    };
  }, other.url);
  expect(result.inline).toBeUndefined();
  expect(result.handler).toBeUndefined();
  expect(result.foreign).toBeUndefined();
  expect(result.evaled).toBeUndefined();
  expect(result.fetched).toBe('TypeError');
  expect(result.bg).not.toBe('rgb(255, 0, 0)');
  expect(result.boxColor).not.toBe('rgb(1, 2, 3)');
  expect(other.log.length, 'nothing reached the other origin').toBe(before);
  const directives = (await page.evaluate(() => window.__violations)).map((v) => v.directive);
  for (const d of ['script-src-elem', 'script-src-attr', 'script-src', 'style-src-elem', 'style-src-attr', 'connect-src']) {
    expect(directives, d).toContain(d);
  }
});
