#!/usr/bin/env node
// Lighthouse on the start page (issue 7): mobile, simulated throttling (Lighthouse's defaults),
// performance only, 3 runs; prints the median of each figure next to its budget.
//
//   node bench/lighthouse.mjs URL [OUT.json]
//
// Writes the figures as JSON to OUT.json (if given) and as stdout's last line. Timings are
// never asserted: exits 0, and if Lighthouse cannot run, says why and writes null figures.
import { accessSync, constants, readFileSync, writeFileSync } from 'node:fs';
import { execSync } from 'node:child_process';

const [url, outFile] = process.argv.slice(2);
const RUNS = 3;
const chromePath = process.env.CHROME_PATH || execSync('command -v chromium || true', { shell: '/bin/sh' }).toString().trim();
// name in the output, Lighthouse audit, budget (text), budget test
const FIGURES = [
  ['performance', null, '100', (v) => v === 100],
  ['fcp_ms', 'first-contentful-paint', '', null],
  ['lcp_ms', 'largest-contentful-paint', '< 1200 ms', (v) => v < 1200],
  ['tbt_ms', 'total-blocking-time', '< 50 ms', (v) => v < 50],
  ['cls', 'cumulative-layout-shift', '0', (v) => v === 0],
  ['transfer_bytes', 'total-byte-weight', '', null], // as served (tests/e2e/server.mjs does not compress)
];
const warnings = new Set();
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

let chrome; // the Chrome of the run under way
// On Ctrl-C: close Chrome (it runs in its own process group), then die of the signal, so
// that bench/run stops too (chrome-launcher's own handler would exit 130 and bench/run go on).
process.once('SIGINT', async () => { await chrome?.kill(); process.kill(process.pid, 'SIGINT'); });

async function once(lighthouse, chromeLauncher) {
  chrome = await chromeLauncher.launch({ chromePath, chromeFlags: ['--headless=new', '--no-sandbox'], handleSIGINT: false });
  try {
    // No config: Lighthouse's default is mobile (Moto G Power) with simulated throttling.
    const { lhr } = await lighthouse(url, { port: chrome.port, output: 'json', logLevel: 'error', onlyCategories: ['performance'] });
    if (lhr.runtimeError) throw new Error(`${lhr.runtimeError.code}: ${lhr.runtimeError.message}`);
    const score = lhr.categories.performance.score;
    for (const w of lhr.runWarnings) warnings.add(w.split('\n')[0]);
    // benchmarkIndex: this machine's CPU speed as Lighthouse sees it (low when the machine is busy).
    // Which element was the largest paint, and how its time splits (TTFB, load delay, render delay).
    const lcpItems = lhr.audits['largest-contentful-paint-element']?.details?.items ?? [];
    const lcp_element = lcpItems[0]?.items?.[0]?.node?.snippet ?? null;
    const lcp_phases = Object.fromEntries((lcpItems[1]?.items ?? []).map((p) => [p.phase, Math.round(p.timing)]));
    return Object.fromEntries([['benchmark_index', lhr.environment.benchmarkIndex], ['lcp_element', lcp_element], ['lcp_phases', lcp_phases], ...FIGURES.map(([name, audit]) =>
      [name, audit ? lhr.audits[audit].numericValue : score == null ? null : Math.round(score * 100)])]);
  } finally {
    await chrome.kill();
  }
}

const out = { url, runs: RUNS, lighthouse: null, error: null, ...Object.fromEntries(FIGURES.map(([n]) => [n, null])) };
try {
  if (!url) throw new Error('usage: node bench/lighthouse.mjs URL [OUT.json]');
  // chrome-launcher crashes the process (an unhandled 'error' event) on a missing Chrome: check first.
  try { accessSync(chromePath, constants.X_OK); } catch { throw new Error(`no Chrome at CHROME_PATH "${chromePath}"`); }
  const { default: lighthouse } = await import('lighthouse');
  const chromeLauncher = await import('chrome-launcher');
  out.lighthouse = JSON.parse(readFileSync(new URL('../node_modules/lighthouse/package.json', import.meta.url))).version;
  const runs = [];
  for (let i = 0; i < RUNS; i++) runs.push(await once(lighthouse, chromeLauncher));
  // The median of each figure on its own (not the figures of the median run).
  for (const name of ['benchmark_index', ...FIGURES.map(([n]) => n)]) {
    const xs = runs.map((r) => r[name]).filter((v) => v != null);
    out[name] = xs.length ? +median(xs).toFixed(name === 'cls' ? 4 : 0) : null;
  }
  out.all = runs;
  out.warnings = [...warnings];
} catch (e) {
  out.error = String(e?.message ?? e).split('\n')[0];
  console.log(`lighthouse could not run: ${out.error}`);
}

console.log(`\nlighthouse ${out.lighthouse ?? '?'} on ${url}: mobile, simulated throttling, median of ${RUNS} (CPU benchmark index ${out.benchmark_index ?? '?'})`);
for (const w of out.warnings ?? []) console.log(`  warning: ${w}`);
for (const [name, , budget, ok] of FIGURES) {
  const v = out[name];
  const mark = v == null || !ok ? '' : ok(v) ? 'ok' : 'OVER';
  console.log(`  ${name.padEnd(16)} ${String(v ?? '-').padStart(9)}   ${budget ? `budget ${budget}` : ''} ${mark}`);
}
if (outFile) writeFileSync(outFile, JSON.stringify(out, null, 2));
console.log(JSON.stringify(out));
