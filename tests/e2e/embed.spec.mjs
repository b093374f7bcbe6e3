// Embedding: Camau (127.0.0.1) in an <iframe> on a charity's page (localhost, another port:
// another site). The frame posts its height on change and embed.js sizes it, checking where
// messages come from; without embed.js the frame scrolls; storage the browser refuses in a
// frame leaves a working Camau with a clear message and a link to its own tab; links to
// other sites open in a new tab; the host's own name and help link come from
// camau-config.json, as text.
import { test, expect } from '@playwright/test';
import { chromium } from '@playwright/test';
import { mkdtempSync, mkdirSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { host, started, journey, offlineReady, LAUNCH } from './hosting.mjs';

test.use({ launchOptions: LAUNCH });

const PREFIX = '/camau/';
let camau, site, evil;

function hostPage({ embedJs = true, src = camau.url } = {}) {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>A charity</title>
<style>body{margin:0;font-family:sans-serif} iframe[data-camau]{display:block;width:100%;min-height:30rem;border:0}</style></head>
<body><h1>A charity's page</h1><p style="height:400px">Some text above Camau.</p>
<iframe data-camau src="${src}" title="Camau: your child's IDP in Wales" allow="clipboard-write; web-share"></iframe>
<p>Some text below Camau.</p>
<script>window.__msgs = []; addEventListener('message', function (e) { window.__msgs.push({ origin: e.origin, data: e.data }); });</script>
${embedJs ? `<script src="${camau.url}embed.js"></script>` : ''}
</body></html>`;
}

test.beforeAll(async () => {
  camau = await host({ prefix: PREFIX });
  site = await host({ hostname: 'localhost' });
  evil = await host({ hostname: 'localhost' });
});
test.afterAll(async () => {
  await camau?.close();
  await site?.close();
  await evil?.close();
});

async function openHost(page, opts) {
  site.extra = { 'host.html': ['text/html; charset=utf-8', hostPage(opts)] };
  await page.goto(site.origin + '/host.html');
  const frame = await (await page.locator('iframe[data-camau]').elementHandle()).contentFrame();
  await started(frame);
  return frame;
}

const frameHeight = (page) => page.locator('iframe[data-camau]').first().evaluate((f) => f.getBoundingClientRect().height);
const contentHeight = (frame) => frame.evaluate(() => Math.ceil(document.documentElement.getBoundingClientRect().height));
const heightMsgs = (page) => page.evaluate((o) => window.__msgs.filter((m) => m.origin === o && m.data && m.data.type === 'camau:height').map((m) => m.data), camau.origin);

test('the frame posts its height only when it changes, and embed.js sizes the frame to it', async ({ page }) => {
  const frame = await openHost(page);
  const seen = [];
  await journey(frame, {
    onPage: async (hash) => {
      // The frame becomes exactly as tall as Camau's content: no scrollbar inside it.
      await expect.poll(async () => Math.abs((await frameHeight(page)) - (await contentHeight(frame)))).toBeLessThanOrEqual(1);
      const inner = await frame.evaluate(() => ({ sh: document.documentElement.scrollHeight, ch: document.documentElement.clientHeight }));
      expect(inner.sh, `no scrolling inside the frame on ${hash}`).toBeLessThanOrEqual(inner.ch + 1);
      seen.push(await frameHeight(page));
    },
  });
  const msgs = await heightMsgs(page);
  expect(msgs.length).toBeGreaterThan(2);
  for (const m of msgs) {
    expect(Object.keys(m).sort()).toEqual(['height', 'type']);
    expect(Number.isInteger(m.height) && m.height > 0).toBe(true);
  }
  for (let i = 1; i < msgs.length; i++) expect(msgs[i].height, 'sent only on change').not.toBe(msgs[i - 1].height);
  expect(new Set(seen).size, 'heights change as pages change').toBeGreaterThan(2);
  // Moving to another page inside the frame brings its top into view on the host page.
  await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
  await frame.locator('#app a.back-link').click();
  await expect.poll(() => page.locator('iframe[data-camau]').evaluate((f) => Math.round(f.getBoundingClientRect().top))).toBeGreaterThanOrEqual(0);
});

test('embed.js ignores height messages from anywhere but the Camau frame and its origin', async ({ page }) => {
  const frame = await openHost(page);
  await expect.poll(() => frameHeight(page)).toBeGreaterThan(480);
  const before = await frameHeight(page);
  evil.extra = { 'evil.html': ['text/html', `<script>parent.postMessage({ type: 'camau:height', height: 7 }, '*')</script>`] };
  const sevens = () => page.evaluate(() => window.__msgs.filter((m) => m.data && m.data.height === 7).length);
  // The host page itself, and another site's frame on it, pretend to be Camau.
  await page.evaluate(() => window.postMessage({ type: 'camau:height', height: 5 }, '*'));
  await page.evaluate((src) => {
    const f = document.createElement('iframe');
    f.src = src;
    document.body.append(f);
  }, evil.origin + '/evil.html');
  await expect.poll(sevens).toBe(1);
  // And the Camau frame itself, once sent to another site (its window, the wrong origin).
  await frame.evaluate((u) => { location.href = u; }, evil.origin + '/evil.html');
  await expect.poll(sevens).toBe(2);
  // embed.js handles a message in the task it arrives in: a frame later any resize is done.
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(() => r()))));
  expect(await frameHeight(page)).toBe(before);
});

test('without embed.js the frame keeps its own height and scrolls inside', async ({ page }) => {
  const frame = await openHost(page, { embedJs: false });
  await journey(frame);
  // The outcome page is longer than the frame's 30rem: it scrolls inside the frame.
  const h = await frameHeight(page);
  expect(h).toBe(480);
  const inner = await frame.evaluate(() => ({ sh: document.documentElement.scrollHeight, ch: document.documentElement.clientHeight }));
  expect(inner.sh).toBeGreaterThan(inner.ch);
  await frame.evaluate(() => window.scrollTo(0, 1e6));
  expect(await frame.evaluate(() => window.scrollY)).toBeGreaterThan(0);
});

// A Playwright context is a private window: there Chromium refuses storage to a frame from
// another site, so that even reading window.localStorage throws (the known trap).
test('storage refused in the frame: Camau works in memory, says so, and links to its own tab', async ({ page, context }) => {
  const frame = await openHost(page);
  expect(await frame.evaluate(() => { try { return !!window.localStorage; } catch (e) { return e.name; } }), 'the browser refuses storage here').toBe('SecurityError');
  const banner = frame.locator('#messages .banner');
  await expect(banner).toContainText('not letting Camau save your answers');
  const own = banner.locator('a');
  await expect(own).toHaveText('Open Camau in its own tab');
  await expect(own).toHaveAttribute('href', camau.url);
  await expect(own).toHaveAttribute('target', '_blank');
  await expect(own).toHaveAttribute('rel', /noopener/);
  // The whole journey works in memory.
  const pages = await journey(frame);
  expect(pages.at(-1)).toBe('#/result');
  // Its own tab opens Camau at the top level, where storage works.
  const [tab] = await Promise.all([context.waitForEvent('page'), own.click()]);
  await started(tab);
  expect(tab.url()).toBe(camau.url);
  await expect(tab.locator('#messages .banner')).toHaveCount(0);
  await tab.close();
  // Nothing was kept: a new visit to the host page starts afresh.
  const again = await openHost(page);
  await expect(again.locator('#resume a.button')).toHaveCount(0);
});

test('storage that throws only when written (some private modes): the same message', async ({ page, context }) => {
  await context.addInitScript(() => {
    if (window.top === window) return;
    const fake = { getItem: () => null, setItem() { throw new DOMException('quota', 'QuotaExceededError'); }, removeItem() {}, key: () => null, length: 0, clear() {} };
    Object.defineProperty(window, 'localStorage', { get: () => fake });
  });
  const frame = await openHost(page);
  await expect(frame.locator('#messages .banner')).toContainText('not letting Camau save your answers');
  await expect(frame.locator('#messages .banner a')).toHaveAttribute('target', '_blank');
  await journey(frame);
});

// In an ordinary window that allows third-party storage, the embed keeps answers like Camau's
// own tab does. (Whether that storage is shared with Camau's own address or kept apart for
// each host site is the browser's choice: docs-hosting.md says so.)
test('storage allowed in the frame: answers are kept for the next visit to the host page', async () => {
  const profile = mkdtempSync(join(tmpdir(), 'camau-profile-'));
  // An ordinary profile that allows third-party storage (Chromium's "allow all cookies").
  mkdirSync(join(profile, 'Default'));
  writeFileSync(join(profile, 'Default', 'Preferences'), JSON.stringify({ profile: { cookie_controls_mode: 0, block_third_party_cookies: false } }));
  const context = await chromium.launchPersistentContext(profile, { ...LAUNCH, viewport: { width: 360, height: 740 } });
  try {
    const page = context.pages()[0] || (await context.newPage());
    const frame = await openHost(page);
    test.skip(await frame.evaluate(() => { try { return !window.localStorage; } catch { return true; } }), 'this browser refuses third-party storage even in a normal window');
    await expect(frame.locator('#messages .banner')).toHaveCount(0);
    await journey(frame, { child: 'Cerys' });
    expect(await frame.evaluate(() => localStorage.getItem('camau'))).toContain('Cerys');
    const again = await openHost(page);
    await expect(again.locator('#resume a.button').first()).toBeVisible();
    // (Under a loaded CI machine one click in this frame was once lost as the app finished
    // starting; a second tap is what a parent would do, and the answers must still be there.)
    const resume = again.locator('#resume a.button').first();
    await resume.click();
    await again.waitForFunction(() => location.hash === '#/check', null, { timeout: 3000 }).catch(() => resume.click());
    await expect(again.locator('#app main')).toContainText('Cerys');
  } finally {
    await context.close();
    rmSync(profile, { recursive: true, force: true });
  }
});

test('a link to another website opens in a new tab, never inside the frame', async ({ page, context }) => {
  await context.route('https://example.org/**', (r) => r.fulfill({ contentType: 'text/html', body: '<title>elsewhere</title>' }));
  const frame = await openHost(page);
  const before = frame.url();
  // The content has no outside links today; any that are added open in a new tab.
  await frame.evaluate(() => {
    const a = document.createElement('a');
    a.id = 'outside';
    a.href = 'https://example.org/guidance';
    a.textContent = 'Guidance';
    document.querySelector('#start').append(a);
  });
  const [tab] = await Promise.all([context.waitForEvent('page'), frame.locator('#outside').click()]);
  // A new tab starts at about:blank: wait for it to arrive (a single read flaked under load).
  await expect(tab).toHaveURL('https://example.org/guidance');
  expect(frame.url()).toBe(before);
  expect(await frame.locator('#outside').getAttribute('rel')).toContain('noopener');
  await tab.close();
  await page.bringToFront();
  // And every link Camau itself renders to another site already says so.
  await journey(frame);
  const bad = await frame.evaluate(() => [...document.querySelectorAll('a[href]')]
    .filter((a) => /^https?:$/.test(a.protocol) && a.origin !== location.origin && !(a.target === '_blank' && /noopener/.test(a.rel)))
    .map((a) => a.href));
  expect(bad).toEqual([]);
});

test.describe('camau-config.json: the host\'s own name and help link, as text', () => {
  async function withConfig(page, body) {
    camau.extra = body === undefined ? {} : { 'camau-config.json': ['application/json', body] };
    try {
      await page.goto(camau.url);
      await started(page);
      // page.js asks for the file as it starts: wait until nothing is in flight, then a frame.
      await page.waitForLoadState('networkidle');
      await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => r())));
      return page.locator('#host');
    } finally {
      camau.extra = {};
    }
  }

  test('name and an https help link (new tab), shown as text', async ({ page }) => {
    const box = await withConfig(page, JSON.stringify({
      organisation: 'SNAP <b>Cymru</b><img src=x onerror="window.__x=1">',
      help_text: 'Helpline <i>free</i>',
      help_url: 'https://www.example.org/help',
    }));
    await expect(box).toBeVisible();
    await expect(box.locator('.host-name')).toHaveText('SNAP <b>Cymru</b><img src=x onerror="window.__x=1">');
    await expect(box.locator('b, i, img')).toHaveCount(0);
    const link = box.locator('a');
    await expect(link).toHaveText('Helpline <i>free</i>');
    await expect(link).toHaveAttribute('href', 'https://www.example.org/help');
    await expect(link).toHaveAttribute('target', '_blank');
    await expect(link).toHaveAttribute('rel', 'noopener');
    expect(await page.evaluate(() => window.__x)).toBeUndefined();
  });

  test('a tel: link; a javascript: address is never a link', async ({ page }) => {
    let box = await withConfig(page, JSON.stringify({ organisation: 'Family Support', help_text: 'Call 0808 800 0000', help_url: 'tel:08088000000' }));
    await expect(box.locator('a')).toHaveAttribute('href', 'tel:08088000000');
    expect(await box.locator('a').getAttribute('target')).toBeNull();
    box = await withConfig(page, JSON.stringify({ organisation: 'X', help_text: 'Help', help_url: ' javascript:alert(1)' }));
    await expect(box).toHaveText('X · Help');
    await expect(box.locator('a')).toHaveCount(0);
    box = await withConfig(page, JSON.stringify({ organisation: 'X', help_url: 'data:text/html,hi' }));
    await expect(box).toHaveText('X');
  });

  test('missing, empty, invalid or not an object: nothing is shown and Camau works', async ({ page }) => {
    for (const body of [undefined, '', '{"organisation":', '"text"', '[1,2]', '{}', '{"organisation": 42}']) {
      const box = await withConfig(page, body);
      await expect(box, String(body)).toBeHidden();
      await expect(page.locator('a.button-start')).toBeVisible();
    }
  });

  test('offline, the last settings seen are still shown', async ({ page, context }) => {
    camau.extra = { 'camau-config.json': ['application/json', JSON.stringify({ organisation: 'Offline Org' })] };
    try {
      await page.goto(camau.url);
      await started(page);
      await offlineReady(page);
      await expect(page.locator('#host')).toHaveText('Offline Org');
      await context.setOffline(true);
      await page.reload();
      await started(page);
      await expect(page.locator('#host')).toHaveText('Offline Org');
    } finally {
      await context.setOffline(false);
      camau.extra = {};
    }
  });
});
