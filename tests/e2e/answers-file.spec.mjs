// Issue 12: "Save my answers to a file" and "Open saved answers": a parent moves to another
// device or shows an adviser, with nothing sent anywhere. A file that is not Camau's, from a
// newer Camau, or damaged is refused with a clear message, and nothing changes.
import { readFileSync, writeFileSync } from 'node:fs';
import { test, expect, SCHOOL_PATH } from './helpers.mjs';

// Not sure who made the referral: the first letter has a blank to fill.
const NOT_SURE = { ...SCHOOL_PATH, s20_by: 'not_sure' };

const SAVED = { child: 'Alys', parent: 'Siân Jones', school: 'Ysgol Gŵyr', la: 'cardiff' };

test('the answers file round-trips to a second browser, answers and letters', async ({ page, camau, browser, baseURL }, info) => {
  await camau.openWith(NOT_SURE, SAVED, '#/result');
  const box = page.locator('.plan-first details.letter-box').first();
  await box.locator('summary.button').first().click();
  await box.locator('textarea.gap').first().fill('Ysgol Gŵyr & co');
  const [dl] = await Promise.all([page.waitForEvent('download'), page.locator('#save-file').click()]);
  expect(dl.suggestedFilename()).toMatch(/^\d{4}-\d{2}-\d{2} Alys – Camau answers\.txt$/);
  await expect(page.locator('#file-status')).toHaveText(/^Saved as a file/);
  const file = info.outputPath('answers.txt');
  writeFileSync(file, readFileSync(await dl.path()));

  // Another device: a fresh browser context with nothing saved.
  const other = await browser.newContext({ baseURL, viewport: { width: 360, height: 740 } });
  const p2 = await other.newPage();
  await p2.goto('/');
  await expect(p2.locator('#app footer')).toBeAttached({ timeout: 30_000 });
  await p2.locator('#open-file').setInputFiles(file);
  await expect(p2).toHaveURL(/#\/check$/);
  await expect(p2.getByText('Your saved answers are open.')).toBeVisible();
  await expect(p2.locator('#app main')).toContainText('Siân Jones');
  await p2.locator('#app main a[href="#/result"]').click();
  const box2 = p2.locator('.plan-first details.letter-box').first();
  await box2.locator('summary.button').first().click();
  await expect(box2.locator('textarea.gap').first()).toHaveValue('Ysgol Gŵyr & co');
  await other.close();
});

test('a file that is not Camau\'s, or damaged, is refused and nothing changes; replacing asks first', async ({ page, camau, guard }, info) => {
  // The browser's own yes-or-no dialog asks before replacing (the guard answers "no").
  guard.allow((e) => e.kind === 'dialog' && /^confirm: Replace the answers on this device with the ones in the file\?/.test(e.text));
  await camau.openWith(SCHOOL_PATH, SAVED, '#/check');
  const before = await page.evaluate(() => localStorage.getItem('camau'));
  const notes = info.outputPath('notes.txt');
  writeFileSync(notes, 'My notes from the meeting');
  await page.locator('#open-file').setInputFiles(notes);
  await expect(page.locator('#file-status')).toHaveText(/^That file is not one Camau saved, so nothing has changed/);
  const [dl] = await Promise.all([page.waitForEvent('download'), page.locator('#save-file').click()]);
  const good = readFileSync(await dl.path(), 'utf8');
  const damaged = info.outputPath('damaged.txt');
  writeFileSync(damaged, good.replace('Alys', 'Bob'));
  await page.locator('#open-file').setInputFiles(damaged);
  await expect(page.locator('#file-status')).toHaveText(/^That file has been changed or cut short/);
  expect(await page.evaluate(() => localStorage.getItem('camau'))).toBe(before);
  // A good file over answers already here: the parent is asked, and "no" keeps them.
  const goodFile = info.outputPath('good.txt');
  writeFileSync(goodFile, good);
  await page.locator('#open-file').setInputFiles(goodFile);
  await expect(page.locator('#file-status')).toHaveText('Nothing has changed: your answers on this device are kept.');
  expect(guard.errors.some((e) => e.kind === 'dialog'), 'the parent was asked').toBe(true);
  expect(await page.evaluate(() => localStorage.getItem('camau'))).toBe(before);
});
