// Repeat visit (issue 7): with the offline copy in place, how many requests and bytes still go
// to the network when the parent opens Camau again (network on), and what they are.
//   node bench/repeat.mjs URL [OUT.json]
// Printed, never asserted. Expected: the browser's own update check of sw.js and the host's
// camau-config.json (network first, so a host's new help line shows); everything else from
// the device.
import { chromium } from '@playwright/test';
import { writeFileSync } from 'node:fs';

const [url, outFile] = process.argv.slice(2);
const out = { url, error: null, requests: null, network: [], network_bytes: null, from_device: null };
let browser;
try {
  browser = await chromium.launch({ executablePath: process.env.CHROME_PATH || '/usr/bin/chromium', args: ['--no-sandbox'] });
  const context = await browser.newContext({ viewport: { width: 360, height: 740 } });
  const page = await context.newPage();
  await page.goto(url);
  await page.locator('#app footer').waitFor({ state: 'attached', timeout: 30_000 });
  // The first visit: wait until the offline copy is complete and in charge.
  await page.waitForFunction(async () => {
    const reg = await navigator.serviceWorker.getRegistration();
    return !!(reg && reg.active && reg.active.state === 'activated' && navigator.serviceWorker.controller);
  }, null, { timeout: 30_000 });
  await page.waitForTimeout(500);

  const seen = [];
  context.on('requestfinished', async (r) => {
    const resp = await r.response().catch(() => null);
    // Requests the page made that the service worker answered are "from the device"; the
    // worker's own fetches (r.serviceWorker()) and requests it let through reach the network.
    const viaWorker = resp?.fromServiceWorker() ?? false;
    const size = (await r.sizes().catch(() => null))?.responseBodySize ?? 0;
    seen.push({ url: r.url().replace(url, ''), worker: !!r.serviceWorker(), fromDevice: viaWorker && !r.serviceWorker(), size });
  });
  await page.goto(url);
  await page.locator('#app footer').waitFor({ state: 'attached', timeout: 30_000 });
  await page.waitForTimeout(1500);
  // A page request the worker answered by fetching is listed twice (page and worker): count
  // what reached the network once, by the worker's record.
  const net = seen.filter((s) => !s.fromDevice && (s.worker || !seen.some((w) => w.worker && w.url === s.url)));
  out.requests = seen.filter((s) => !s.worker).length;
  out.from_device = seen.filter((s) => s.fromDevice).length;
  out.network = net.map((s) => `${s.url || 'index.html'} (${s.size} bytes)`);
  out.network_bytes = net.reduce((a, s) => a + s.size, 0);
} catch (e) {
  out.error = String(e?.message ?? e).split('\n')[0];
} finally {
  await browser?.close().catch(() => {});
}
console.log(`\nrepeat visit with the offline copy (${url})`);
console.log(`  page requests ${out.requests ?? '-'}, answered from the device ${out.from_device ?? '-'}`);
console.log(`  to the network: ${out.network.length} request(s), ${out.network_bytes ?? '-'} bytes: ${out.network.join(', ') || 'none'}${out.error ? ` (${out.error})` : ''}`);
if (outFile) writeFileSync(outFile, JSON.stringify(out, null, 2));
