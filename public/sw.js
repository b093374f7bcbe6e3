// Camau's service worker: keeps one release of Camau on the device so that it opens and works
// with no network. Hand-written, no framework. Registered by page.js.
//
// tools/post_build.mjs fills in RELEASE and FILES after every build (Trunk gives the files
// hashed names only then). RELEASE is a hash of every file's contents, so each release has its
// own cache and files from two releases are never mixed. The two lines below are rewritten in
// place: keep each on one line.
'use strict';
const RELEASE = 'unbuilt'; // camau:release
const FILES = []; // camau:files

// Caches belong to the whole origin, and a host may run two copies of Camau on one origin
// (say /en/ and /cy/): so each cache name carries this copy's scope.
const SCOPE = self.registration.scope;
const PREFIX = 'camau ' + SCOPE + ' ';
const CACHE = PREFIX + RELEASE;
const INDEX = SCOPE; // index.html is kept under the folder's own address
const CONFIG = new URL('camau-config.json', SCOPE).href;
// address -> sha256 (hex) of the file, or null for index.html (checked by its release mark)
const WANT = new Map(FILES.map(([name, sha]) => [name === 'index.html' ? INDEX : new URL(name, SCOPE).href, sha]));

self.addEventListener('install', (event) => {
  event.waitUntil(fill().catch(async (err) => {
    await caches.delete(CACHE);
    throw err; // the old release stays in charge; the browser tries again on a later visit
  }));
});

async function fill() {
  if (!FILES.length) throw new Error('Camau: sw.js has no file list (run tools/post_build.mjs)');
  const cache = await caches.open(CACHE);
  await Promise.all([...WANT].map(async ([url, sha]) => {
    // The browser's own cache first (a hashed file is usually there already, so a slow
    // connection pays for it once); if that copy is not this release's, the network.
    const tries = url === INDEX ? [[url, 'no-cache'], [url + 'index.html', 'no-cache'], [url, 'reload']] : [[url, 'default'], [url, 'reload']];
    for (const [from, mode] of tries) {
      let res;
      try {
        res = await fetch(from, { cache: mode });
      } catch (e) {
        continue;
      }
      if (res.ok && await matches(res.clone(), sha)) {
        return cache.put(url, res.redirected ? await unredirect(res) : res);
      }
    }
    throw new Error('Camau: ' + url + ' is not part of release ' + RELEASE);
  }));
  // The host's settings too, if it has any (not part of the release: never required).
  try {
    const res = await fetch(CONFIG, { cache: 'no-store' });
    if (res.ok) await cache.put(CONFIG, res);
  } catch (e) { /* none */ }
}

async function matches(res, sha) {
  if (sha === null) return (await res.text()).includes('<meta name="camau-release" content="' + RELEASE + '">');
  const digest = await crypto.subtle.digest('SHA-256', await res.arrayBuffer());
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('') === sha;
}

// A response that followed a redirect cannot answer a page load: copy it without the mark.
async function unredirect(res) {
  return new Response(await res.blob(), { status: res.status, statusText: res.statusText, headers: res.headers });
}

self.addEventListener('activate', (event) => {
  event.waitUntil(caches.keys().then((keys) =>
    Promise.all(keys.filter((k) => k.startsWith(PREFIX) && k !== CACHE).map((k) => caches.delete(k)))));
});

// page.js asks a waiting release to take over at the start of a later visit.
self.addEventListener('message', (event) => {
  if (event.data === 'camau:skip-waiting') event.waitUntil(self.skipWaiting());
});

self.addEventListener('fetch', (event) => {
  const req = event.request;
  if (req.method !== 'GET') return;
  const url = new URL(req.url);
  const key = url.origin + url.pathname; // ignore ?query and #page
  if (!key.startsWith(SCOPE)) return;
  if (req.mode === 'navigate' && (key === INDEX || key === INDEX + 'index.html')) {
    event.respondWith(fromCache(INDEX, req));
  } else if (WANT.has(key)) {
    event.respondWith(fromCache(key, req));
  } else if (key === CONFIG) {
    event.respondWith(config(req));
  }
  // Anything else goes to the network as usual.
});

async function fromCache(key, req) {
  const hit = await (await caches.open(CACHE)).match(key);
  return hit || fetch(req);
}

// The host's camau-config.json may change without a new release: network first, and the last
// copy seen when offline.
async function config(req) {
  const cache = await caches.open(CACHE);
  try {
    const res = await fetch(req);
    if (res.ok) await cache.put(CONFIG, res.clone());
    else if (res.status === 404 || res.status === 410) await cache.delete(CONFIG);
    return res;
  } catch (err) {
    // Offline: the last copy seen, or "no settings" (page.js shows nothing then).
    return (await cache.match(CONFIG)) || new Response('{}', { headers: { 'content-type': 'application/json' } });
  }
}
