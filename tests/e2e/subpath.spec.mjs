// Any static host, any path: the same dist works from a sub-path such as /support/aln-helper/
// with no server rules, offline too, and two copies on one site keep out of each other's way.
import { test, expect } from '@playwright/test';
import { host, started, journey, offlineReady, watch, files, LAUNCH, DIST, readFileSync, join } from './hosting.mjs';

test.use({ launchOptions: LAUNCH });

const PREFIX = '/support/aln-helper/';

test('every address in index.html and the manifest is relative', async () => {
  const html = readFileSync(join(DIST, 'index.html'), 'utf8');
  for (const m of html.matchAll(/\s(?:src|href)="([^"]*)"/g)) {
    expect(m[1], 'relative address').not.toMatch(/^(\/|[a-z][a-z0-9+.-]*:)/i);
  }
  const manifest = JSON.parse(readFileSync(join(DIST, 'manifest.webmanifest'), 'utf8'));
  expect(manifest.start_url).toBe('./');
  expect(manifest.scope).toBe('./');
  for (const i of manifest.icons) expect(i.src).not.toMatch(/^(\/|[a-z]+:)/i);
  const sw = readFileSync(join(DIST, 'sw.js'), 'utf8');
  expect(sw).not.toMatch(/['"]\/[^/]/); // no address from the site's root
});

test(`served under ${PREFIX}: the whole journey, offline too, and nothing asked of the site's root`, async ({ page, context }) => {
  const app = await host({ prefix: PREFIX });
  const requests = watch(context);
  try {
    await page.goto(app.url);
    await started(page);
    await journey(page);
    await offlineReady(page);
    // The worker, its scope, the manifest and the icons all live under the sub-path.
    const info = await page.evaluate(async () => {
      const reg = await navigator.serviceWorker.getRegistration();
      const link = document.querySelector('link[rel=manifest]');
      const man = await (await fetch(link.href)).json();
      return { scope: reg.scope, script: reg.active.scriptURL, manifest: link.href, start: new URL(man.start_url, link.href).href, scope2: new URL(man.scope, link.href).href };
    });
    expect(info).toEqual({ scope: app.url, script: app.url + 'sw.js', manifest: app.url + 'manifest.webmanifest', start: app.url, scope2: app.url });
    const outside = requests.map((r) => new URL(r.url)).filter((u) => !u.pathname.startsWith(PREFIX));
    expect(outside.map(String), 'requests outside the sub-path').toEqual([]);
    expect(app.log.filter((r) => !r.path.startsWith(PREFIX)).map((r) => r.path)).toEqual([]);
    // Offline, at the sub-path and at its index.html.
    app.down();
    await context.setOffline(true);
    await page.goto(app.url + 'index.html#/privacy');
    await expect(page.locator('#app h1')).toBeVisible();
    await page.goto(app.url);
    await started(page);
    await expect(page.locator('#resume a.button')).toBeVisible();
  } finally {
    await context.setOffline(false);
    await app.close();
  }
});

test('two copies on one site (/en/ and /cy/) each keep their own offline copy', async ({ page }) => {
  const app = await host({ prefix: '/en/', mounts: { '/cy/': DIST } });
  const other = app.url.replace('/en/', '/cy/');
  try {
    await page.goto(app.url);
    await started(page);
    await offlineReady(page);
    await page.goto(other);
    await started(page);
    await offlineReady(page);
    const names = (await page.evaluate(() => caches.keys())).sort();
    expect(names).toHaveLength(2);
    expect(names[0].startsWith(`camau ${other} `)).toBe(true);
    expect(names[1].startsWith(`camau ${app.url} `)).toBe(true);
    app.down();
    await page.context().setOffline(true);
    for (const u of [app.url, other]) {
      await page.goto(u);
      await started(page);
    }
  } finally {
    await page.context().setOffline(false);
    await app.close();
  }
});

test('the files in dist are all a host needs: nothing is fetched that is not there', async ({ page, context }) => {
  const app = await host({ prefix: PREFIX });
  const requests = watch(context);
  try {
    await page.goto(app.url);
    await started(page);
    await offlineReady(page);
    const have = new Set(files());
    const asked = requests.map((r) => new URL(r.url).pathname.slice(PREFIX.length) || 'index.html');
    expect(asked.filter((f) => !have.has(f)), 'requests for files dist does not have').toEqual([]);
  } finally {
    await app.close();
  }
});
