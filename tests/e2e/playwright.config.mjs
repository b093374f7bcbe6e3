// Playwright over one release build (dist/, made once by tools/test; the tests never build),
// served on 127.0.0.1 by tests/e2e/server.mjs, in Debian's Chromium on a 360x740 phone.
//   source tools/env.sh && npx playwright test --config tests/e2e/playwright.config.mjs
// CAMAU_DIST=<folder> tests another build; CAMAU_E2E_PORT picks the server's port.
import { defineConfig } from '@playwright/test';
import { fileURLToPath } from 'node:url';
import { resolve } from 'node:path';

const here = fileURLToPath(new URL('.', import.meta.url));
const root = resolve(here, '../..');
const dist = process.env.CAMAU_DIST ? resolve(process.env.CAMAU_DIST) : resolve(root, 'dist');
const port = Number(process.env.CAMAU_E2E_PORT || 4173);

export const LAUNCH = {
  executablePath: process.env.CHROME_PATH || '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
};

export default defineConfig({
  testDir: here,
  testMatch: /.*\.spec\.mjs$/,
  outputDir: resolve(root, 'test-results'),
  workers: 2,
  retries: 0,
  fullyParallel: true,
  forbidOnly: !!process.env.CI,
  reporter: 'list',
  timeout: 60_000,
  expect: { timeout: 10_000 },
  use: {
    baseURL: `http://127.0.0.1:${port}/`,
    viewport: { width: 360, height: 740 },
    launchOptions: LAUNCH,
    locale: 'en-GB',
    // The tests work dates out in Node: the browser gets the same time zone.
    timezoneId: Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC',
    trace: 'off',
    screenshot: 'only-on-failure',
  },
  projects: [{ name: 'chromium', use: { browserName: 'chromium' } }],
  webServer: {
    command: `node "${resolve(here, 'server.mjs')}" --port ${port} --dir "${dist}"`,
    url: `http://127.0.0.1:${port}/index.html`,
    reuseExistingServer: false,
    timeout: 20_000,
    stdout: 'ignore',
    stderr: 'pipe',
  },
});
