import { chromium } from '@playwright/test';
import { serve } from './tests/e2e/server.mjs';
const srv = await serve({ port: 4199, dir: 'dist' });
const b = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox'] });
const p = await b.newPage({ viewport: { width: 360, height: 740 } });
await p.goto('http://127.0.0.1:4199/#/privacy');
await p.waitForSelector('#app footer');
await p.keyboard.press('Tab');
for (let i = 0; i < 40; i++) { await p.keyboard.press('Tab'); if (await p.evaluate(() => document.activeElement.id) === 'open-file') break; }
await p.locator('#app footer').scrollIntoViewIfNeeded();
await p.screenshot({ path: '/tmp/f.png' });
await b.close(); srv.close?.(); process.exit(0);
