// Byte budget of the first load (issue 7): every file index.html makes the browser fetch
// before the first question is usable. Sizes are deterministic, so this may fail CI.
// Prints a table; exits 1 when a budget is broken. Usage: node tests/budget.mjs [dist]
import { readFileSync, existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import zlib from 'node:zlib';

const dist = process.argv[2] || 'dist';
const KB = 1024;
// index.html with its inlined CSS and the static start page: one round trip.
const FIRST_ROUND_TRIP = 14 * KB;
// The target for the whole first load.
const TARGET = 120 * KB;
// What CI enforces. The legal corrections of issue 13 (new questions and findings, and
// holiday-aware dates in the engine) took the first load 0.9 KB past the target on
// 2 December 2026, after moving every word a later page needs into the words file; its second
// part (who is using Camau and the voices, a date of birth answering the age question, three
// more questions and ten findings in the compiled graph) took it to 122.3 KB the same day.
// Issue 15 (a 90 KB first load) brings it back under and lowers this to what it reaches plus 3 KB.
const CEILING = 123 * KB;
// The outcome page's words (words-<hash>.txt), fetched once the first page is up: not part
// of the first load, but counted here so that moving bytes there is not free.
const LATER = 24 * KB;

const br = (b) => zlib.brotliCompressSync(b, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11, [zlib.constants.BROTLI_PARAM_SIZE_HINT]: b.length } }).length;
const gz = (b) => zlib.gzipSync(b, { level: 9 }).length;

const html = readFileSync(join(dist, 'index.html'));
const text = html.toString('utf8');
// Files the page itself loads: scripts, preloads, stylesheets, the wasm, icons.
const refs = new Set();
for (const m of text.matchAll(/(?:src|href)="([^"#?]+)"/g)) {
  const f = m[1].replace(/^\.\//, '');
  if (/^(https?:|mailto:|tel:|data:)/.test(f) || f === '' || f.endsWith('/')) continue;
  if (/\.(js|wasm|css|svg|png|webmanifest)$/.test(f) && existsSync(join(dist, f))) refs.add(f);
}
for (const m of text.matchAll(/['"]\.?\/?([\w.-]+_bg\.wasm)['"]/g)) if (existsSync(join(dist, m[1]))) refs.add(m[1]);
// The wasm is named by wasm-bindgen's JS when index.html does not name it.
for (const f of [...refs]) if (f.endsWith('.js') && !f.includes('_bg')) {
  const w = f.replace(/\.js$/, '_bg.wasm');
  if (existsSync(join(dist, w))) refs.add(w);
}

const rows = [['index.html', html]];
for (const f of [...refs].sort()) rows.push([f, readFileSync(join(dist, f))]);
let total = { raw: 0, gz: 0, br: 0 };
console.log('file'.padEnd(44), 'raw'.padStart(9), 'gzip'.padStart(9), 'brotli'.padStart(9));
for (const [name, buf] of rows) {
  const r = { raw: buf.length, gz: gz(buf), br: br(buf) };
  total.raw += r.raw; total.gz += r.gz; total.br += r.br;
  console.log(name.padEnd(44), String(r.raw).padStart(9), String(r.gz).padStart(9), String(r.br).padStart(9));
}
console.log('first load total'.padEnd(44), String(total.raw).padStart(9), String(total.gz).padStart(9), String(total.br).padStart(9));

// Fetched after the first page is up (and kept offline with the rest).
const later = readdirSync(dist).filter((f) => /^words-[0-9a-f]{16}\.txt$/.test(f)).map((f) => [f, readFileSync(join(dist, f))]);
let laterBr = 0;
for (const [name, buf] of later) {
  const b = br(buf);
  laterBr += b;
  console.log(`${name} (after the first page)`.padEnd(44), String(buf.length).padStart(9), String(gz(buf)).padStart(9), String(b).padStart(9));
}
console.log('whole app (first load + later)'.padEnd(44), ''.padStart(9), ''.padStart(9), String(total.br + laterBr).padStart(9));

let passed = 0, failed = 0;
const check = (ok, what) => { ok ? passed++ : failed++; console.log(`${ok ? 'ok  ' : 'FAIL'} ${what}`); };
const htmlBr = br(html);
check(htmlBr <= FIRST_ROUND_TRIP, `index.html ${(htmlBr / KB).toFixed(1)} KB brotli <= ${FIRST_ROUND_TRIP / KB} KB (first round trip)`);
check(total.br <= CEILING, `first load ${(total.br / KB).toFixed(1)} KB brotli <= ${CEILING / KB} KB`);
if (total.br > TARGET) console.log(`note the first load is ${((total.br - TARGET) / KB).toFixed(1)} KB over the ${TARGET / KB} KB target (issue 15)`);
check(rows.some(([n]) => n.endsWith('.wasm')), 'the wasm is counted in the first load');
check(later.length === 1 && laterBr <= LATER, `the outcome page's words: one file, ${(laterBr / KB).toFixed(1)} KB brotli <= ${LATER / KB} KB`);
check(existsSync(join(dist, 'guide.html')), 'the printable guide (guide.html) is in dist');
console.log(`budget: ${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
