// Camau's page helper: plain JavaScript beside the wasm app, kept small and separate so the
// app itself stays small. It does seven things, each guarded so that a locked-down browser
// simply skips it:
//  1. keeps a copy of this release on the device (service worker sw.js) and, on a later
//     visit, switches to a new release once and says "Camau has been updated";
//  2. shows the host's own name and help link from camau-config.json, as text only;
//  3. opens links to other websites in a new tab, never inside a frame;
//  4. inside a frame, tells the host page when the parent moves to another page of Camau
//     (so the host's embed.js can bring the top of Camau into view);
//  5. if the wasm app cannot start (no WebAssembly, or its files fail to load), says so and
//     offers the printable guide (guide.html) instead of a page that does nothing;
//  6. in the crash box (shown by the app if it ever stops), copies the answers;
//  7. the language link: remembers the parent's choice on this device ("camau-lang" in
//     localStorage, read before paint by index.html's first script), shows the start page in
//     that language, and tells the app ("camau:lang"), which redraws the page it is on.
(function () {
  'use strict';
  var doc = document;
  var FLAG = 'camau-updated';
  var LANG = 'camau-lang';
  var framed = true;
  function cy() { return doc.documentElement.lang === 'cy'; }

  // 7. The language link ---------------------------------------------------------------------
  // The page shows the language <html lang> names (the start page carries both). Once the app
  // has started it switches when its words are here, and puts <html lang> back if they cannot
  // come; before that, the app starts in the language it finds.
  function setLang(l) {
    if ((l === 'cy') === cy()) return;
    doc.documentElement.lang = l === 'cy' ? 'cy' : 'en-GB';
    var title = doc.querySelector('meta[name=camau-title-' + (l === 'cy' ? 'cy' : 'en') + ']');
    if (!started() && title) doc.title = title.content; // once started, the app titles each page
    var man = doc.querySelector('link[rel=manifest]');
    if (man) man.setAttribute('href', l === 'cy' ? 'manifest-cy.webmanifest' : 'manifest.webmanifest');
    try { dispatchEvent(new Event('camau:lang')); } catch (e) { /* old browser: the next page load */ }
  }
  doc.addEventListener('click', function (e) {
    var a = e.target && e.target.closest ? e.target.closest('a[data-lang]') : null;
    if (!a) return;
    e.preventDefault();
    var l = a.getAttribute('data-lang');
    try { localStorage.setItem(LANG, l); } catch (x) { /* not kept: this visit only */ }
    setLang(l);
  });
  try { framed = window.top !== window.self; } catch (e) { /* cross-origin top: framed */ }

  // 1. Offline copy and updates ------------------------------------------------------------
  // A release is never mixed with another: sw.js keeps each release in its own cache. A new
  // release found during a visit waits; at the start of a later visit we switch to it and
  // reload once, before the parent has done anything. Answers live in localStorage ("camau")
  // and the page in the address, so both survive the reload.
  try {
    if (sessionStorage.getItem(FLAG)) {
      sessionStorage.removeItem(FLAG);
      var note = doc.getElementById('updated');
      if (note) {
        note.hidden = false;
        addEventListener('hashchange', function () { note.hidden = true; }, { once: true });
      }
    }
  } catch (e) { /* storage blocked: no notice */ }

  var sw = null;
  try {
    if (/^https?:$/.test(location.protocol) && 'serviceWorker' in navigator) sw = navigator.serviceWorker;
  } catch (e) { /* blocked in this frame */ }
  var touched = false; // the parent has started using this page: never reload under them
  ['pointerdown', 'keydown', 'input'].forEach(function (t) {
    addEventListener(t, function () { touched = true; }, { capture: true, once: true, passive: true });
  });
  if (sw) {
    sw.register('sw.js').then(function (reg) {
      if (!reg.waiting) return;
      if (sw.controller) {
        sw.addEventListener('controllerchange', function () {
          try { sessionStorage.setItem(FLAG, '1'); } catch (e) { /* no notice then */ }
          if (!touched) location.reload(); // else the new release shows from the next load
        }, { once: true });
      }
      // The browser switches only when the old release's worker has nothing in hand, so ask
      // a moment after this page has loaded (the icon is fetched just after the load event).
      var ask = function () {
        setTimeout(function () { if (reg.waiting) reg.waiting.postMessage('camau:skip-waiting'); }, 1000);
      };
      if (document.readyState === 'complete') ask();
      else addEventListener('load', ask, { once: true });
    }).catch(function () { /* no offline copy: Camau still works online */ });
  }

  // 2. The host's name and help link ------------------------------------------------------
  // camau-config.json beside index.html (same origin, optional):
  //   { "organisation": "…", "help_text": "…", "help_url": "https://… | tel:… | mailto:…" }
  function text(v, max) {
    return typeof v === 'string' ? v.replace(/\s+/g, ' ').trim().slice(0, max) : '';
  }
  function showHost(c) {
    var box = doc.getElementById('host');
    if (!box || !c || typeof c !== 'object') return;
    var org = text(c.organisation, 80), help = text(c.help_text, 80), url = text(c.help_url, 500);
    var link = null;
    if (/^(https?:|tel:|mailto:)/i.test(url)) {
      link = doc.createElement('a');
      link.href = url;
      if (!/^(https?:|tel:|mailto:)$/.test(link.protocol)) link = null;
    }
    if (link) {
      link.textContent = help || box.getAttribute(cy() ? 'data-help-cy' : 'data-help-en') || '';
      if (/^https?:$/.test(link.protocol)) { link.target = '_blank'; link.rel = 'noopener'; }
    }
    if (!org && !help) return;
    if (org) {
      var name = doc.createElement('span');
      name.className = 'host-name';
      name.textContent = org;
      box.appendChild(name);
    }
    if (help || link) {
      if (org) box.appendChild(doc.createTextNode(' · '));
      if (link) box.appendChild(link);
      else box.appendChild(doc.createTextNode(help));
    }
    box.hidden = false;
  }
  // The host's language for its embed ("language": "cy" or "en"), used when the parent has
  // not chosen one: remembered ("camau-host-lang") so the next visit paints in it at once.
  // A settings file without one forgets a language remembered from an earlier one.
  function hostLang(c) {
    if (!c || typeof c !== 'object') return;
    var l = c.language === 'cy' || c.language === 'en' ? c.language : null, chosen = null;
    try {
      chosen = localStorage.getItem(LANG);
      if (l) localStorage.setItem('camau-host-lang', l); else localStorage.removeItem('camau-host-lang');
    } catch (e) { /* not kept */ }
    if (l && !chosen && !/[?&]lang=/.test(location.search)) setLang(l);
  }
  try {
    fetch('camau-config.json', { cache: 'no-store', credentials: 'omit', redirect: 'error' })
      .then(function (r) { return r.ok ? r.json() : null; })
      .then(function (c) { showHost(c); hostLang(c); })
      .catch(function () { /* missing or invalid: nothing to show */ });
  } catch (e) { /* no fetch */ }

  // 3. Links to other websites open in a new tab -------------------------------------------
  doc.addEventListener('click', function (e) {
    var a = e.target && e.target.closest ? e.target.closest('a[href]') : null;
    if (!a || a.target) return;
    if (/^https?:$/.test(a.protocol) && a.origin !== location.origin) {
      a.target = '_blank';
      a.rel = 'noopener';
    }
  }, true);

  // 5. When the app cannot start ----------------------------------------------------------
  function started() {
    var app = doc.getElementById('app');
    return !!(app && app.firstElementChild);
  }
  function cannotStart() {
    var box = doc.getElementById('nowasm');
    if (box && !started()) {
      box.hidden = false;
      var wait = doc.getElementById('starting');
      if (wait) wait.textContent = '';
    }
  }
  if (typeof WebAssembly !== 'object' || typeof WebAssembly.instantiate !== 'function') cannotStart();
  // Trunk's loader fails with an unhandled rejection (a file that did not arrive, a wasm the
  // browser refuses); an error before the app has drawn anything means the same.
  addEventListener('unhandledrejection', cannotStart);
  addEventListener('error', function (e) { if (!e.filename || /\.(js|wasm)$/.test(e.filename)) cannotStart(); });

  // 6. The crash box's copy button ---------------------------------------------------------
  doc.addEventListener('click', function (e) {
    if (!e.target || !e.target.closest || !e.target.closest('#crash-copy')) return;
    var area = doc.getElementById('crash-answers');
    var status = doc.getElementById('crash-status');
    var say = function (ok) { if (status) status.textContent = status.getAttribute('data-' + (ok ? 'copied-' : 'failed-') + (cy() ? 'cy' : 'en')) || ''; };
    var fallback = function () {
      try { area.focus(); area.select(); say(doc.execCommand('copy')); } catch (x) { say(false); }
    };
    try {
      navigator.clipboard.writeText(area.value).then(function () { say(true); }, fallback);
    } catch (x) { fallback(); }
  });

  // 4. Inside a frame: "the parent moved to another page" ---------------------------------
  if (framed) {
    addEventListener('hashchange', function () {
      try { window.parent.postMessage({ type: 'camau:page' }, '*'); } catch (e) { /* ignore */ }
    });
  }
})();
