// Privacy, proven: the whole journey makes no request to any other origin, and once Camau
// has loaded it asks for nothing but its own static files; no cookies; nothing stored but
// the answers (one key) and the offline copy of Camau itself.
import { test, expect } from '@playwright/test';
import { host, started, journey, offlineReady, watch, files, LAUNCH, DIST, readFileSync, join } from './hosting.mjs';

test.use({ launchOptions: LAUNCH });

let app;
test.beforeAll(async () => { app = await host(); });
test.afterAll(async () => { await app?.close(); });

test('the whole journey: no other origin, and after load only Camau\'s own static files', async ({ page, context }) => {
  const requests = watch(context);
  const own = new Set(files().map((f) => app.url + (f === 'index.html' ? '' : f)));
  own.add(app.url + 'index.html');
  await page.goto(app.url);
  await started(page);
  await offlineReady(page);
  const loaded = requests.length;
  await journey(page, {
    onPage: async () => {
      // Every page of the journey, also printed and with every "Why?" box open.
      await page.evaluate(() => document.querySelectorAll('details').forEach((d) => (d.open = true)));
    },
  });
  await page.goto(app.url + '#/privacy');
  await expect(page.locator('#app h1')).toBeVisible();
  await page.emulateMedia({ media: 'print' });
  await page.emulateMedia({ media: 'screen' });

  const foreign = requests.filter((r) => new URL(r.url).origin !== app.origin && !/^(data|blob|about):/.test(r.url));
  expect(foreign.map((r) => r.url), 'requests to another origin').toEqual([]);
  const after = requests.slice(loaded).map((r) => r.url.split('#')[0].split('?')[0]);
  expect(after.filter((u) => !own.has(u)), 'requests after load that are not Camau\'s own files').toEqual([]);
  // And the server saw nothing but its own files either.
  const have = new Set(files());
  expect(app.log.map((r) => r.path.slice(1) || 'index.html').filter((p) => !have.has(p))).toEqual([]);
});

test('no cookies, and nothing stored but the answers and the offline copy', async ({ page, context }) => {
  await page.goto(app.url);
  await started(page);
  await journey(page);
  await offlineReady(page);
  expect(await context.cookies()).toEqual([]);
  const stored = await page.evaluate(async () => ({
    cookie: document.cookie,
    local: Object.keys(localStorage),
    session: Object.keys(sessionStorage),
    idb: indexedDB.databases ? (await indexedDB.databases()).map((d) => d.name) : [],
    caches: await caches.keys(),
  }));
  expect(stored.cookie).toBe('');
  expect(stored.local).toEqual(['camau']);
  expect(stored.session).toEqual([]);
  expect(stored.idb).toEqual([]);
  expect(stored.caches).toHaveLength(1);
  expect(stored.caches[0]).toMatch(new RegExp(`^camau ${app.url.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} [0-9a-f]{16}$`));
  // The offline copy holds Camau's files only, never an answer.
  const cached = await page.evaluate(async (name) => {
    const c = await caches.open(name);
    const out = [];
    for (const r of await c.keys()) out.push({ url: r.url, text: (await (await c.match(r)).text()).includes('Alys') });
    return out;
  }, stored.caches[0]);
  expect(cached.filter((c) => c.text)).toEqual([]);
  // "Delete my answers" leaves no answer behind.
  await page.locator('#delete-answers').click();
  await page.locator('#confirm-yes').click();
  await expect(page.locator('#start h1')).toBeVisible();
  expect(await page.evaluate(() => Object.keys(localStorage))).toEqual([]);
});

test('no third-party anything in what Camau serves: index.html and the manifest name no other site', async () => {
  const html = readFileSync(join(DIST, 'index.html'), 'utf8');
  expect(html).not.toMatch(/(src|href|content)="(https?:)?\/\//i);
  expect(html).not.toMatch(/@import|url\(\s*["']?(https?:)?\/\//i);
  expect(readFileSync(join(DIST, 'manifest.webmanifest'), 'utf8')).not.toMatch(/https?:\/\//);
  const sw = readFileSync(join(DIST, 'sw.js'), 'utf8');
  expect(sw).not.toMatch(/https?:\/\//);
});

test('the privacy page says what is stored, where, and how to delete it', async ({ page }) => {
  await page.goto(app.url + '#/privacy');
  const main = page.locator('#app main');
  await expect(main).toContainText('stays on this device');
  await expect(main).toContainText('no cookies');
  await expect(main).toContainText("browser's storage");
  await expect(main).toContainText('copy of Camau itself');
  await expect(main).toContainText('Delete my answers from this device');
});
