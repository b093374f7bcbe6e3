#!/usr/bin/env node
// Start-up on a slow network (issue 15, item 4): a first visit at 360x740 with the CPU slowed
// 4x and the network throttled like Lighthouse's "Slow 4G" and like DevTools' "3G", "Start now"
// tapped the moment it is on the screen, as an eager parent would. For each profile it measures
// when the start page was painted, when the first question showed after the tap (the wasm and
// the start words downloaded and started), and the whole first visit's bytes on the wire,
// including the offline copy the service worker fetches in the background.
//
//   node bench/startup.mjs DIST [OUT.json]
//
// It serves DIST itself, brotli-compressed as static hosts do, and counts the bytes it sends
// (headers too). That server answers every request in full (no 304): a file the page fetched
// and the service worker then fetches again for the offline copy is counted twice, as it
// would be on such a host.
// Timings are never asserted: exits 0, and if a run fails, says why and writes what it has.
import { writeFileSync } from 'node:fs';
import { execSync } from 'node:child_process';
import { chromium } from '@playwright/test';
import { serve } from '../tests/e2e/server.mjs';

const [dist = 'dist', outFile] = process.argv.slice(2);
const chromePath = process.env.CHROME_PATH || execSync('command -v chromium || true', { shell: '/bin/sh' }).toString().trim();

// Lighthouse's mobileSlow4G (its default mobile throttling: 150 ms round trip, 1.6 Mbps, with
// the request latency and throughput it applies in "devtools" mode), and DevTools' 3G preset.
const PROFILES = [
  { name: 'Slow 4G', latency: 562.5, down: (1638.4 * 0.9 * 1024) / 8, up: (675 * 1024) / 8 },
  { name: '3G', latency: 2000, down: (400 * 1024) / 8, up: (400 * 1024) / 8 },
];

async function run(browser, p) {
  const app = await serve({ dir: dist, compress: true });
  const url = app.url;
  // Bytes on the wire: everything the server wrote to the browser's connections (headers too).
  const sockets = new Set();
  app.server.on('connection', (c) => sockets.add(c));
  const bytes = () => [...sockets].reduce((n, c) => n + c.bytesWritten, 0);
  const context = await browser.newContext({ viewport: { width: 360, height: 740 }, serviceWorkers: 'allow' });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: p.latency, downloadThroughput: p.down, uploadThroughput: p.up });
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
  const t0 = Date.now();
  await page.goto(url, { waitUntil: 'commit' });
  const start = page.locator('#start a.button-start');
  await start.waitFor({ state: 'visible', timeout: 120_000 });
  const painted = await page.evaluate(() => performance.getEntriesByType('paint').find((e) => e.name === 'first-contentful-paint')?.startTime ?? null);
  const tapAt = Date.now() - t0;
  await start.click();
  const said = await page.locator('#starting').textContent({ timeout: 5_000 }).catch(() => '');
  await page.locator('#app main h1').waitFor({ state: 'visible', timeout: 180_000 });
  const question = Date.now() - t0;
  // The offline copy: until the service worker is active (it fetches every file first).
  await page.waitForFunction(async () => {
    const reg = await navigator.serviceWorker?.getRegistration();
    return !!(reg && reg.active && reg.active.state === 'activated');
  }, null, { timeout: 300_000, polling: 250 });
  await page.waitForTimeout(500);
  const sent = bytes();
  await context.close();
  await app.close();
  return {
    profile: p.name,
    start_page_painted_ms: painted === null ? null : Math.round(painted),
    tapped_at_ms: tapAt,
    first_question_ms: question,
    wait_after_tap_ms: question - tapAt,
    feedback_while_waiting: (said || '').trim().slice(0, 60) || null,
    first_visit_bytes_incl_offline_copy: sent,
  };
}

const out = { dist, cpu_slowdown: 4, runs: [], error: null };
let browser;
try {
  browser = await chromium.launch({ executablePath: chromePath || undefined, args: ['--no-sandbox'] });
  for (const p of PROFILES) out.runs.push(await run(browser, p));
} catch (e) {
  out.error = String(e?.message || e).split('\n')[0];
} finally {
  await browser?.close();
}
for (const r of out.runs) {
  console.log(`${r.profile.padEnd(8)} start page painted ${r.start_page_painted_ms} ms; "Start now" tapped at ${r.tapped_at_ms} ms; first question at ${r.first_question_ms} ms (${r.wait_after_tap_ms} ms after the tap; meanwhile: ${r.feedback_while_waiting ? `"${r.feedback_while_waiting}…"` : 'nothing said'}); first visit ${(r.first_visit_bytes_incl_offline_copy / 1024).toFixed(1)} KB on the wire with the offline copy`);
}
if (out.error) console.log(`startup: ${out.error}`);
if (outFile) writeFileSync(outFile, JSON.stringify(out, null, 2));
console.log(JSON.stringify(out));
