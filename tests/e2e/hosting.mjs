// Shared by the hosting specs (offline, subpath, embed, csp, privacy): a static file host
// that runs inside the test (any folder, any sub-path, switchable between two builds, with a
// log of every request), the browser's launch options, and a walk through the whole journey.
import http from 'node:http';
import { createHash } from 'node:crypto';
import { readFileSync, readdirSync, statSync, mkdtempSync, cpSync, writeFileSync, rmSync } from 'node:fs';
import { join, extname, relative, sep, resolve } from 'node:path';
import { tmpdir } from 'node:os';
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { expect } from '@playwright/test';

export const ROOT = resolve(fileURLToPath(new URL('../..', import.meta.url)));
export const DIST = process.env.CAMAU_DIST ? resolve(process.env.CAMAU_DIST) : join(ROOT, 'dist');

export const LAUNCH = {
  executablePath: process.env.CHROME_PATH || '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
};

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.wasm': 'application/wasm',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.webmanifest': 'application/manifest+json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.txt': 'text/plain; charset=utf-8',
};

/// A plain static host, like any a charity might use: files from `dir` under `prefix`
/// (folder addresses answer with index.html; no rewrites), ETags, no cookies. `mounts` adds
/// more folders on the same origin ({ "/cy/": dir }). `extra` maps a path under the prefix to
/// [type, body] for pages made by a test.
export async function host({ dir = DIST, prefix = '/', hostname = '127.0.0.1', mounts = {}, extra = {} } = {}) {
  const log = [];
  const state = { mounts: { ...mounts, [prefix]: dir }, extra, down: false };
  const server = http.createServer((req, res) => {
    const url = new URL(req.url, 'http://x');
    log.push({ method: req.method, path: url.pathname, time: Date.now() });
    if (state.down) return req.socket.destroy();
    const mount = Object.keys(state.mounts).sort((a, b) => b.length - a.length).find((m) => url.pathname.startsWith(m));
    if (!mount) {
      if (state.mounts[url.pathname + '/']) {
        res.writeHead(301, { location: url.pathname + '/' });
        return res.end();
      }
      res.writeHead(404);
      return res.end('not found');
    }
    const rest = decodeURIComponent(url.pathname.slice(mount.length));
    if (mount === prefix && state.extra[rest]) {
      const [type, body] = state.extra[rest];
      res.writeHead(200, { 'content-type': type, 'cache-control': 'no-cache' });
      return res.end(body);
    }
    const base = state.mounts[mount];
    let file = join(base, rest);
    if (!file.startsWith(base)) {
      res.writeHead(403);
      return res.end();
    }
    try {
      if (statSync(file).isDirectory()) file = join(file, 'index.html');
      const body = readFileSync(file);
      const etag = '"' + createHash('sha1').update(body).digest('hex') + '"';
      if (req.headers['if-none-match'] === etag) {
        res.writeHead(304, { etag });
        return res.end();
      }
      res.writeHead(200, {
        'content-type': TYPES[extname(file)] || 'application/octet-stream',
        'cache-control': 'no-cache',
        etag,
      });
      res.end(req.method === 'HEAD' ? undefined : body);
    } catch {
      res.writeHead(404);
      res.end('not found');
    }
  });
  await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
  const port = server.address().port;
  return {
    port,
    origin: `http://${hostname}:${port}`,
    url: `http://${hostname}:${port}${prefix}`,
    log,
    /// Serves another folder from now on (a new release uploaded over the old one).
    serve(d) { state.mounts[prefix] = d; },
    /// Stops answering (the network is gone), or answers again.
    down(v = true) { state.down = v; },
    set extra(x) { state.extra = x; },
    close: () => new Promise((ok) => { server.closeAllConnections?.(); server.close(ok); }),
  };
}

/// Every file in a built folder, as paths relative to it ("index.html", "sw.js", …).
export function files(dir = DIST) {
  const out = [];
  const walk = (d) => {
    for (const n of readdirSync(d)) {
      if (n.startsWith('.')) continue; // e.g. Trunk's .stage while a build runs
      const p = join(d, n);
      if (statSync(p).isDirectory()) walk(p);
      else out.push(relative(dir, p).split(sep).join('/'));
    }
  };
  walk(dir);
  return out;
}

/// A copy of dist in a temporary folder, optionally changed and finished again by the
/// project's own post_build step (new release, new service worker list).
export function copyDist(change) {
  const d = mkdtempSync(join(tmpdir(), 'camau-dist-'));
  cpSync(DIST, d, { recursive: true });
  if (change) {
    change(d);
    execFileSync('node', [join(ROOT, 'tools/post_build.mjs'), d], { stdio: 'pipe' });
  }
  return d;
}
export const removeDir = (d) => rmSync(d, { recursive: true, force: true });
export { writeFileSync, readFileSync, join };

/// Waits until `fn` (run in the page, may be async) returns something truthy. (waitForFunction
/// does not wait for a promise: an async predicate would pass at once.)
export async function until(target, fn, arg, timeout = 30_000) {
  const end = Date.now() + timeout;
  for (;;) {
    const v = await target.evaluate(fn, arg).catch(() => null);
    if (v) return v;
    if (Date.now() > end) throw new Error(`timed out waiting for ${fn}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/// Waits until Camau's service worker has kept this release on the device (active).
export async function offlineReady(page) {
  await until(page, async () => {
    const reg = await navigator.serviceWorker.getRegistration();
    return !!(reg && reg.active && reg.active.state === 'activated');
  });
}

/// A first visit to `app` until the offline copy is in place, then the network goes: the host
/// stops answering and the browser is offline.
export async function visitedThenOffline(page, context, app) {
  await page.goto(app.url);
  await started(page);
  await offlineReady(page);
  app.down();
  await context.setOffline(true);
}

/// Waits until a new release has been fetched and waits to take over.
export async function updateWaiting(page) {
  await until(page, async () => {
    const reg = await navigator.serviceWorker.getRegistration();
    return !!(reg && reg.waiting && reg.waiting.state === 'installed');
  });
}

/// The app inside `target` (a Page or a Frame) has started: the wasm has mounted (the footer
/// is its own) and a page's heading shows.
export async function started(target) {
  await expect(target.locator('#app footer')).toBeAttached({ timeout: 30_000 });
  await expect(target.locator('main:not([hidden]) h1').first()).toBeVisible();
}

/// Waits until the page drawn is the one the address names (`#app[data-route]` is set in the
/// same task as the render), so a test never reads the page before a link's `hashchange`.
export async function settled(target) {
  await target.waitForFunction(() => {
    const app = document.getElementById('app');
    return !!app && app.dataset.route === (location.hash || '#/');
  });
}

/// Presses the page's submit button and waits for the next page or the error summary. Inside a
/// frame that embed.js is still resizing, a click can land where the button was a moment ago;
/// such a click is tried once more, and a page that answers neither click fails with its text.
async function submit(target, main, hash) {
  await tap(target, main, main.locator('button[type=submit]'), hash);
}

/// Taps `control` on page `hash` and waits for another page or an error summary, trying a lost
/// tap once more (see `submit`); fails with the page's text if neither tap did anything.
async function tap(target, main, control, hash) {
  const moved = (h) => location.hash !== h || !!document.querySelector('.error-summary');
  for (let attempt = 0; attempt < 2; attempt++) {
    await control.click();
    try {
      await target.waitForFunction(moved, hash, { timeout: 10_000 });
      return;
    } catch {}
  }
  throw new Error(`a tap on ${hash} did nothing: ${await main.innerText()}`);
}

/// Walks the whole journey from the start page to the outcome: the first option of every
/// question, a date eight weeks ago (or "I do not know"), the optional details left blank.
/// Calls `onPage(hash)` on every page. Returns the list of pages seen.
export async function journey(target, { onPage = async () => {}, child = 'Alys' } = {}) {
  const seen = [];
  const hashOf = () => target.evaluate(() => location.hash);
  const weeksAgo = new Date(Date.now() - 56 * 864e5);
  await target.locator('a.button-start').click();
  for (let step = 0; step < 80; step++) {
    await settled(target);
    await expect(target.locator('main:not([hidden]) h1').first()).toBeVisible();
    const hash = await hashOf();
    seen.push(hash);
    await onPage(hash);
    if (hash.startsWith('#/q/')) {
      const main = target.locator('#app main');
      const radios = main.locator('input[type=radio]');
      const boxes = main.locator('.choices input[type=checkbox]');
      if (await main.locator('input.date-input').count()) {
        const day = main.locator('input.date-input').nth(0);
        await day.fill(String(weeksAgo.getDate()));
        await main.locator('input.date-input').nth(1).fill(String(weeksAgo.getMonth() + 1));
        await main.locator('input.date-input').nth(2).fill(String(weeksAgo.getFullYear()));
      } else if (await radios.count()) {
        await radios.first().check();
      } else if (await boxes.count()) {
        await boxes.first().check();
      }
      await submit(target, main, hash);
      if ((await hashOf()) === hash) {
        // The date did not fit this question: say "I do not know" instead.
        await main.locator('input.date-input').nth(0).fill('');
        await main.locator('input.date-input').nth(1).fill('');
        await main.locator('input.date-input').nth(2).fill('');
        await main.locator('.choices input[type=checkbox]').first().check();
        await main.locator('button[type=submit]').click();
        await target.waitForFunction((h) => location.hash !== h, hash);
      }
    } else if (hash.startsWith('#/about')) {
      await target.locator('#about-child').fill(child);
      await target.locator('#app main button[type=submit]').click();
      await target.waitForFunction(() => location.hash === '#/check');
    } else if (hash === '#/check') {
      const main = target.locator('#app main');
      await tap(target, main, main.locator('a[href="#/result"]'), hash);
      expect(await hashOf()).toBe('#/result');
    } else if (hash === '#/result') {
      // The outcome itself, not the short wait for its words (fetched after the first page).
      await expect(target.locator('#app main p.lead')).toBeVisible();
      return seen;
    } else {
      throw new Error(`unexpected page ${hash}`);
    }
  }
  throw new Error(`the journey did not end: ${seen.join(' ')}`);
}

/// Records every request the browser context makes (pages, frames and service workers).
export function watch(context) {
  const requests = [];
  context.on('request', (r) => requests.push({ url: r.url(), sw: !!r.serviceWorker(), time: Date.now() }));
  return requests;
}
