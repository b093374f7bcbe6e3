// Offline and updates: after a first visit Camau opens and runs the whole journey with no
// network; a new release is picked up on a later visit, never mixed with the old one, with a
// short "updated" notice, and the parent's saved answers survive it.
import { test, expect } from '@playwright/test';
import { host, started, journey, offlineReady, visitedThenOffline, updateWaiting, until, copyDist, removeDir, files, LAUNCH, DIST, readFileSync, writeFileSync, join } from './hosting.mjs';

test.use({ launchOptions: LAUNCH });

const release = (page) => page.evaluate(() => document.querySelector('meta[name=camau-release]')?.content);
const cacheNames = (page) => page.evaluate(() => caches.keys());

test('the service worker keeps every file of the release and nothing else', async ({ page }) => {
  const sw = readFileSync(join(DIST, 'sw.js'), 'utf8');
  const list = JSON.parse(sw.match(/^const FILES = (.*); \/\/ camau:files$/m)[1]);
  // Not part of a release: the worker itself, the host page's helper, the host's settings.
  const expected = files().filter((f) => !['sw.js', 'embed.js', 'camau-config.json'].includes(f)).sort();
  expect(list.map(([f]) => f).sort()).toEqual(expected);
  // Every hashed asset that index.html loads is in the list.
  const html = readFileSync(join(DIST, 'index.html'), 'utf8');
  for (const m of html.matchAll(/(?:src|href)="\.?\/?([^"#?]+\.(?:js|wasm|png|svg|webmanifest))"/g)) {
    expect(list.map(([f]) => f), m[1]).toContain(m[1]);
  }
  const app = await host();
  try {
    await page.goto(app.url);
    await started(page);
    await offlineReady(page);
    const names = await cacheNames(page);
    expect(names).toEqual([`camau ${app.url} ${await release(page)}`]);
    const cached = await page.evaluate(async (name) => (await (await caches.open(name)).keys()).map((r) => r.url), names[0]);
    // (The host's settings are kept too, for offline, but checked against nothing.)
    expect(cached.map((u) => u.slice(app.url.length)).map((u) => u || 'index.html').sort()).toEqual([...expected, 'camau-config.json'].sort());
  } finally {
    await app.close();
  }
});

test('after the first visit, Camau reloads and runs the whole journey with no network', async ({ page, context }) => {
  const app = await host();
  try {
    await visitedThenOffline(page, context, app);
    const seenBefore = app.log.length;
    const failed = [];
    // (camau-config.json is optional and this host has none: offline it simply fails.)
    page.on('requestfailed', (r) => !r.url().endsWith('/camau-config.json') && failed.push(r.url()));
    await page.reload();
    await started(page);
    const pages = await journey(page);
    expect(pages.at(-1)).toBe('#/result');
    await expect(page.locator('#app main h1')).toBeVisible();
    // A fresh tab, offline, opens Camau with the answers kept.
    const second = await context.newPage();
    await second.goto(app.url);
    await started(second);
    await expect(second.locator('#resume a.button')).toBeVisible();
    // A page address (not the start) works offline too.
    await second.goto(app.url + 'index.html#/privacy');
    await expect(second.locator('#app h1')).toBeVisible();
    // Nothing reached the host, except perhaps the browser's own check for a new sw.js
    // (made outside the page, so not covered by the test's offline switch; it fails).
    expect(app.log.slice(seenBefore).map((r) => r.path).filter((p) => p !== '/sw.js'), 'no request reached the host').toEqual([]);
    expect(failed).toEqual([]);
  } finally {
    await context.setOffline(false);
    await app.close();
  }
});

test('a new release is picked up on a later visit, never mixed, with a notice; answers survive', async ({ page }) => {
  test.setTimeout(120_000);
  // Two builds: A is dist as it is; B differs in its start page and manifest (post_build
  // gives it a new release and a new service worker list).
  const a = copyDist();
  const b = copyDist((d) => {
    const p = join(d, 'index.html');
    writeFileSync(p, readFileSync(p, 'utf8').replace('It takes about 5 minutes.', 'It takes about 5 minutes (release B).'));
    const m = join(d, 'manifest.webmanifest');
    writeFileSync(m, readFileSync(m, 'utf8').replace('"short_name": "Camau"', '"short_name": "Camau B"'));
  });
  const app = await host({ dir: a });
  try {
    // Visit 1 (release A): answer the whole journey; the offline copy is made.
    await page.goto(app.url);
    await started(page);
    const relA = await release(page);
    await journey(page, { child: 'Gwen' });
    await offlineReady(page);
    const saved = await page.evaluate(() => localStorage.getItem('camau'));
    expect(saved).toContain('Gwen');

    // Release B is uploaded over A.
    app.serve(b);

    // Visit 2: still all of A (from the device), while B is fetched and waits.
    await page.goto(app.url);
    await started(page);
    expect(await release(page)).toBe(relA);
    await expect(page.locator('#start')).not.toContainText('release B');
    const manifest = await page.evaluate(() => fetch('manifest.webmanifest').then((r) => r.json()));
    expect(manifest.short_name, 'no file of B is mixed into A').toBe('Camau');
    await updateWaiting(page);
    await expect(page.locator('#updated')).toBeHidden();

    // Visit 3: Camau switches to B once, at the start, and says so.
    await page.goto(app.url);
    await expect(page.locator('#updated')).toBeVisible({ timeout: 45_000 });
    await expect(page.locator('#updated')).toContainText('Camau has been updated');
    await started(page);
    const relB = await release(page);
    expect(relB).not.toBe(relA);
    await expect(page.locator('#start')).toContainText('release B');
    expect((await page.evaluate(() => fetch('manifest.webmanifest').then((r) => r.json()))).short_name).toBe('Camau B');
    // Only B's cache is left.
    expect(await cacheNames(page)).toEqual([`camau ${app.url} ${relB}`]);
    // The answers survived: same saved text, and "continue where you left off" is offered.
    expect(await page.evaluate(() => localStorage.getItem('camau'))).toBe(saved);
    await expect(page.locator('#resume a.button')).toBeVisible();
    await page.locator('#resume a.button').click();
    await expect(page).toHaveURL(/#\/check$/);
    await expect(page.locator('#app main')).toContainText('Gwen');
    // The notice goes with the next page.
    await expect(page.locator('#updated')).toBeHidden();

    // B works offline too.
    app.down();
    await page.context().setOffline(true);
    await page.reload();
    await started(page);
    expect(await release(page)).toBe(relB);
  } finally {
    await page.context().setOffline(false);
    await app.close();
    removeDir(a);
    removeDir(b);
  }
});

test('a half-uploaded release (stale index.html) is refused: the old release stays whole', async ({ page }) => {
  const a = copyDist();
  const b = copyDist((d) => {
    const p = join(d, 'index.html');
    writeFileSync(p, readFileSync(p, 'utf8').replace('It takes about 5 minutes.', 'It takes about 5 minutes (release B).'));
  });
  // The host (or a cache in front of it) still serves A's index.html with B's sw.js.
  writeFileSync(join(b, 'index.html'), readFileSync(join(a, 'index.html')));
  const app = await host({ dir: a });
  try {
    await page.goto(app.url);
    await started(page);
    await offlineReady(page);
    const relA = await release(page);
    app.serve(b);
    const switched = app.log.length;
    await page.goto(app.url);
    await started(page);
    // B's worker is tried (the browser fetches sw.js and B's files a moment after the page
    // loads) and given up; A stays in charge, whole.
    await expect.poll(() => app.log.slice(switched).filter((r) => r.path === '/sw.js').length, { timeout: 20_000 }).toBeGreaterThan(0);
    await expect.poll(() => app.log.slice(switched).filter((r) => r.path === '/').length, { timeout: 20_000 }).toBeGreaterThan(1);
    await until(page, async () => {
      const reg = await navigator.serviceWorker.getRegistration();
      return !reg.installing && !reg.waiting && (await caches.keys()).length === 1;
    });
    const reg = await page.evaluate(async () => {
      const r = await navigator.serviceWorker.getRegistration();
      return { waiting: !!r.waiting, active: !!r.active };
    });
    expect(reg).toEqual({ waiting: false, active: true });
    expect(await cacheNames(page)).toEqual([`camau ${app.url} ${relA}`]);
    app.down();
    await page.context().setOffline(true);
    await page.reload();
    await started(page);
    expect(await release(page)).toBe(relA);
  } finally {
    await page.context().setOffline(false);
    await app.close();
    removeDir(a);
    removeDir(b);
  }
});

test('with no network, Camau switches to Welsh and back: both languages are kept offline', async ({ page, context }) => {
  const app = await host();
  try {
    await visitedThenOffline(page, context, app);
    await page.reload();
    await started(page);
    await page.locator('a.button-start').click();
    await expect(page.locator('#app main h1')).toHaveText('Who is using Camau?');
    await page.locator('a.lang-link[data-lang=cy]').click();
    await expect(page.locator('html')).toHaveAttribute('lang', 'cy');
    await expect(page.locator('#app main h1')).toHaveText("Pwy sy'n defnyddio Camau?");
    // The rest of the Welsh pages too (the later words came from the offline copy).
    await page.locator('#app main input[value=parent]').check();
    await page.locator('#app main button[type=submit]').click();
    await expect(page.locator('#app main h1')).toHaveText('Ble mae eich plentyn yn dysgu nawr?');
    await page.locator('a.lang-link[data-lang=en]').click();
    await expect(page.locator('#app main h1')).toHaveText('Where does your child learn now?');
  } finally {
    await app.close();
  }
});
