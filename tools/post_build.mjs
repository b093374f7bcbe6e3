// Trunk post_build hook (Trunk.toml): finishes dist after Trunk has written it, because only
// now are the final hashed file names and the final index.html known.
//   1. Copies the words files (words-<lang>-<start|more>-<hash>.txt, written by build.rs into
//      Cargo's OUT_DIR; the wasm names the four it expects) and the printable guide into the
//      folder, and names each language's start words in index.html's first script, which
//      fetches the page's language's beside the wasm.
//   2. Release builds: gives the wasm's imports short names, in the wasm and its glue
//      (tools/short_names.mjs), minifies the JavaScript of the first load (wasm-bindgen's glue
//      and page.js) with npm's terser, and updates their integrity="sha384-…" in index.html.
//      It fails if the glue holds wasm-streams' classes: Cargo.toml's [patch.crates-io] puts a
//      stand-in without them in its place (crates/no-streams), and they must not come back.
//   3. Lets the start page paint before the wasm download starts: drops Trunk's
//      <link rel="preload"> of the wasm and makes the loader wait for the first frame (at most
//      100 ms). The start page is complete HTML, so the parent reads it sooner (Lighthouse LCP
//      1.66 s → about 1 s, simulated mobile); the app starts a round trip later (bench/run).
//   4. Content-Security-Policy: adds the sha256 of every inline <script> (Trunk's wasm loader)
//      to script-src and of every inline <style> (style/main.css, inlined) to style-src.
//   5. Checks that every address in index.html and the manifest is relative (any host, any path).
//   6. Marks index.html with this release and writes the release and its file list into sw.js.
//
// Trunk runs it with TRUNK_STAGING_DIR (dist/.stage, moved to dist afterwards). It can also be
// run again on a finished folder: node tools/post_build.mjs dist
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync, readdirSync, statSync, existsSync, copyFileSync } from 'node:fs';
import { join, relative, sep, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const dir = process.argv[2] || process.env.TRUNK_STAGING_DIR;
if (!dir) fail('give the folder to finish: node tools/post_build.mjs dist');

function fail(msg) {
  console.error(`post_build: ${msg}`);
  process.exit(1);
}
const sha256 = (data, enc) => createHash('sha256').update(data).digest(enc);

// 1. Files build.rs made ---------------------------------------------------------------------
// The words files, two per language (the wasm names the four it expects), and the printable
// guide.
const WORDS_FILE = /words-(?:en|cy)-(?:start|more)-[0-9a-f]{16}\.txt/g;
let words = [];
let pageWords;
{
  const wasm = readdirSync(dir).find((f) => f.endsWith('.wasm'));
  if (!wasm) fail(`no .wasm in ${dir}`);
  words = [...new Set(readFileSync(join(dir, wasm)).toString('latin1').match(WORDS_FILE) || [])].sort();
  if (words.length !== 4) fail(`${wasm} names ${words.length} words files, not 4 (2 per language)`);
  const root = process.env.TRUNK_SOURCE_DIR || resolve(fileURLToPath(new URL('..', import.meta.url)));
  const target = resolve(root, process.env.CARGO_TARGET_DIR || 'target', 'wasm32-unknown-unknown');
  const outs = existsSync(target)
    ? readdirSync(target).flatMap((profile) => {
        const b = join(target, profile, 'build');
        return existsSync(b) ? readdirSync(b).filter((d) => d.startsWith('camau-')).map((d) => join(b, d, 'out')) : [];
      })
    : [];
  // The newest build script output with these words files (debug and release builds each
  // have one; the newest also has the newest guide.html and page words).
  const out = outs.filter((o) => words.every((n) => existsSync(join(o, n)))).sort((a, b) => statSync(join(b, words[0])).mtimeMs - statSync(join(a, words[0])).mtimeMs)[0];
  if (out) {
    for (const n of words) copyFileSync(join(out, n), join(dir, n));
    for (const g of ['guide.html', 'guide-cy.html']) copyFileSync(join(out, g), join(dir, g));
    pageWords = JSON.parse(readFileSync(join(out, 'page-words.json'), 'utf8'));
  } else if (words.some((n) => !existsSync(join(dir, n)))) {
    fail(`cannot find ${words.join(', ')} (written by build.rs) under ${target}/*/build/camau-*/out`);
  }
  for (const g of ['guide.html', 'guide-cy.html']) if (!existsSync(join(dir, g))) fail(`no ${g} beside the words files`);
}

// index.html is read once here, changed by steps 2–6, and written once at the end of step 6.
const indexPath = join(dir, 'index.html');
if (!existsSync(indexPath)) fail(`no index.html in ${dir}`);
let html = readFileSync(indexPath, 'utf8');

// 1b. index.html's words, in both languages ---------------------------------------------------
// {{key}} becomes the English and the Welsh, each in a span with its lang (the inline script and
// the style show the page's one); {{all:key}} both, always shown (a browser without script);
// {{en:key}} / {{cy:key}} one language as plain text (attributes). **…** is bold and
// [text](href) a link. A words file's name goes where the inline script says CAMAU_START_WORDS.
if (/\{\{(?:(?:en|cy|all):)?[a-z0-9_]+\}\}/.test(html)) {
  if (!pageWords) fail('index.html has {{…}} words, but no page-words.json was found beside the words files');
  const esc = (t) => t.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
  const rich = (t) => esc(t).replace(/\*\*(.+?)\*\*/g, '<strong>$1</strong>').replace(/\[([^\]]+)\]\(([\w.-]+)\)/g, '<a class="target" href="$2">$1</a>');
  html = html.replace(/\{\{(?:(en|cy|all):)?([a-z0-9_]+)\}\}/g, (_, how, key) => {
    for (const l of ['en', 'cy']) if (typeof pageWords[l]?.[key] !== 'string') fail(`index.html names {{${key}}}, which content/ui.toml or its Welsh lacks`);
    if (how === 'en' || how === 'cy') return esc(pageWords[how][key]);
    const span = (l) => `<span lang="${l}"${how === 'all' ? '' : ` data-l="${l}"`}>${rich(pageWords[l][key])}</span>`;
    return how === 'all' ? `${span('en')} ${span('cy')}` : span('en') + span('cy');
  });
}
// The installed app's name and description, one manifest per language (index.html's first
// script names the Welsh one on a Welsh page).
if (pageWords && existsSync(join(dir, 'manifest.webmanifest'))) {
  const man = JSON.parse(readFileSync(join(dir, 'manifest.webmanifest'), 'utf8'));
  for (const [l, file, tag] of [['en', 'manifest.webmanifest', 'en-GB'], ['cy', 'manifest-cy.webmanifest', 'cy']]) {
    const out = { ...man, name: pageWords[l].page_app_name, description: pageWords[l].page_description, lang: tag };
    writeFileSync(join(dir, file), JSON.stringify(out, null, 2) + '\n');
  }
}
if (html.includes('CAMAU_START_WORDS')) {
  const start = Object.fromEntries(['en', 'cy'].map((l) => [l, words.find((n) => n.startsWith(`words-${l}-start-`))]));
  html = html.replace('CAMAU_START_WORDS', JSON.stringify(start));
}

// 2. Short import names, minified JavaScript (release) -----------------------------------------
if ((process.env.TRUNK_PROFILE || 'release') === 'release') {
  const { minify } = await import('terser');
  const { shortImports } = await import('./short_names.mjs');
  const sri = (data) => `sha384-${createHash('sha384').update(data).digest('base64')}`;
  for (const f of readdirSync(dir).filter((f) => /^(camau|page)-[0-9a-f]+\.js$/.test(f))) {
    const p = join(dir, f);
    const orig = readFileSync(p, 'utf8');
    let src = orig;
    if (src.includes('IntoUnderlying')) fail(`${f}: wasm-streams' classes are in the glue: is Cargo.toml's [patch.crates-io] for wasm-streams (crates/no-streams) still in use?`);
    // The wasm's imports get names of a letter or two, in the wasm and in its glue (tools/
    // short_names.mjs): about 3.5 KB brotli. (Nothing to do when run again on a finished folder.)
    const wasmFile = f.replace(/\.js$/, '_bg.wasm');
    if (f.startsWith('camau-') && existsSync(join(dir, wasmFile))) {
      try {
        const r = shortImports(readFileSync(join(dir, wasmFile)), src);
        if (r.renamed) {
          writeFileSync(join(dir, wasmFile), r.wasm);
          src = r.glue;
        }
      } catch (e) {
        fail(`${wasmFile}: cannot shorten its import names: ${e.message}`);
      }
    }
    // The glue is an ES module; page.js a classic script. Property names are never mangled.
    const out = await minify(src, { module: f.startsWith('camau-'), compress: { passes: 2 }, mangle: true, format: { comments: false } });
    const code = out.code && out.code.length < src.length ? out.code : src;
    if (code === orig) continue;
    writeFileSync(p, code);
    html = html.split(sri(orig)).join(sri(code));
  }
}

// 3. No wasm preload --------------------------------------------------------------------------
{
  const FRAME = 'await new Promise((r) => { requestAnimationFrame(() => setTimeout(r)); setTimeout(r, 100); });';
  html = html.replace(/<link rel="preload" href="[^"]*_bg\.wasm"[^>]*>\n?/g, '');
  if (!html.includes(FRAME)) {
    html = html.replace(/(\nconst wasm = await init\()/, `\n${FRAME}$1`);
    if (!html.includes(FRAME)) fail("cannot find Trunk's loader (const wasm = await init(…)) in index.html");
  }
}

// Files that are not part of the app a parent loads: the worker itself, the host page's
// helper, a host's own configuration, and anything hidden or packed.
const NOT_PRECACHED = new Set(['sw.js', 'embed.js', 'camau-config.json']);
function list(d) {
  return readdirSync(d).flatMap((name) => {
    if (name.startsWith('.')) return [];
    const p = join(d, name);
    return statSync(p).isDirectory() ? list(p) : [relative(dir, p).split(sep).join('/')];
  });
}
const files = list(dir).filter((f) => !NOT_PRECACHED.has(f) && !/\.(zip|map|d\.ts)$/.test(f)).sort();
if (!files.includes('index.html')) fail(`no index.html in ${dir}`);

// 4. CSP ------------------------------------------------------------------------------------
const CSP = /<meta http-equiv="Content-Security-Policy" content="([^"]*)">/i;
const csp = html.match(CSP);
if (!csp) fail('index.html has no <meta http-equiv="Content-Security-Policy"> to complete');

// `trunk serve` adds its live-reload script, whose placeholders it fills in while serving each
// page (so the hash would not match): fill them in now, as it would, so the hash holds.
const servedBase = (process.env.TRUNK_PUBLIC_URL || '').startsWith('/') ? process.env.TRUNK_PUBLIC_URL : '/';
html = html
  .replace(/'\{\{__TRUNK_ADDRESS__\}\}'/g, 'window.location.host')
  .replace(/\{\{__TRUNK_WS_BASE__\}\}/g, servedBase);

// Inline elements are hashed exactly as written between the tags (the browser hashes the same text).
const inline = (tag) =>
  [...html.matchAll(new RegExp(`<${tag}\\b([^>]*)>([\\s\\S]*?)</${tag}\\s*>`, 'gi'))]
    .filter((m) => tag !== 'script' || !/\ssrc\s*=/i.test(m[1]))
    .map((m) => `'sha256-${sha256(m[2].replace(/\r\n?/g, '\n'), 'base64')}'`);
const scriptHashes = [...new Set(inline('script'))];
const styleHashes = [...new Set(inline('style'))];
if (/<[a-z][^>]*\sstyle\s*=/i.test(html.replace(/<(script|style)\b[\s\S]*?<\/\1>/gi, ''))) {
  fail('index.html has a style="…" attribute: the CSP blocks it; use a class in style/main.css');
}
const policy = csp[1]
  .split(';')
  .map((d) => d.trim())
  .filter(Boolean)
  .map((d) => {
    const [name, ...vals] = d.split(/\s+/);
    const kept = vals.filter((v) => !v.startsWith("'sha256-"));
    if (name === 'script-src') kept.push(...scriptHashes);
    if (name === 'style-src') kept.push(...styleHashes);
    return [name, ...kept].join(' ');
  })
  .join('; ');
if (/'unsafe-inline'|'unsafe-eval'|\*/.test(policy)) fail(`the CSP must not allow unsafe-inline, unsafe-eval or *: ${policy}`);
html = html.replace(CSP, `<meta http-equiv="Content-Security-Policy" content="${policy}">`);

// 5. Relative addresses only ----------------------------------------------------------------
for (const m of html.matchAll(/\s(?:src|href|action|poster|data)\s*=\s*["']?([^"'\s>]*)/gi)) {
  const url = m[1];
  if (/^(\/|[a-z][a-z0-9+.-]*:)/i.test(url) && !/^(mailto|tel):/i.test(url)) {
    fail(`index.html refers to "${url}": use a relative address so dist works at any path`);
  }
}
if (files.includes('manifest.webmanifest')) {
  const man = JSON.parse(readFileSync(join(dir, 'manifest.webmanifest'), 'utf8'));
  const urls = [man.start_url, man.scope, man.id, ...(man.icons || []).map((i) => i.src)].filter(Boolean);
  for (const u of urls) if (/^(\/|[a-z][a-z0-9+.-]*:)/i.test(u)) fail(`manifest.webmanifest refers to "${u}": use a relative address`);
}

// 6. Release mark and service worker list ---------------------------------------------------
const RELEASE_MARK = /<meta name="camau-release" content="[^"]*">\n?/;
html = html.replace(RELEASE_MARK, '');
const entries = files.map((f) => [f, f === 'index.html' ? null : sha256(readFileSync(join(dir, f)), 'hex')]);
const release = sha256(
  entries.map(([f, h]) => `${f} ${h ?? sha256(html, 'hex')}`).join('\n'),
  'hex',
).slice(0, 16);
html = html.replace(CSP, (m) => `${m}\n<meta name="camau-release" content="${release}">`);
writeFileSync(indexPath, html);

const swPath = join(dir, 'sw.js');
let sw;
try {
  sw = readFileSync(swPath, 'utf8');
} catch {
  fail(`no sw.js in ${dir} (index.html should copy public/sw.js)`);
}
const before = sw;
sw = sw
  .replace(/^const RELEASE = .*; \/\/ camau:release$/m, `const RELEASE = '${release}'; // camau:release`)
  .replace(/^const FILES = .*; \/\/ camau:files$/m, `const FILES = ${JSON.stringify(entries)}; // camau:files`);
if (!sw.includes(`'${release}'; // camau:release`) || !sw.includes('// camau:files')) fail('sw.js lost its "camau:release" or "camau:files" line');
if (sw === before && !before.includes(release)) fail('sw.js was not updated');
writeFileSync(swPath, sw);

console.log(`post_build: release ${release}, ${entries.length} files kept offline; CSP ${scriptHashes.length} script and ${styleHashes.length} style hash(es)`);
