// Issue 12, item 11: keep or share the plan. A short plan (the steps, their dates, the letters'
// titles, the answers it is based on, the day it was made) can be copied, downloaded and
// printed on at most 2 A4 pages; one letter can be printed alone; afterwards the whole page
// prints again.
import { readFileSync } from 'node:fs';
import { test, expect, SCHOOL_PATH, isoDaysAgo, reveal, expectNoAxeViolations } from './helpers.mjs';

const SAVED = { child: 'Siân', parent: 'Megan Jones', school: 'Ysgol y Môr', la: 'cardiff' };

/// The browser's print dialog is not opened in a test: `print()` is recorded instead, and the
/// page stays as the app left it for printing.
async function stubPrint(page) {
  await page.addInitScript(() => {
    window.__printed = 0;
    window.print = () => { window.__printed++; };
  });
}

/// A4 pages in a PDF of the page as printed.
async function printedPages(page) {
  const pdf = await page.pdf({ format: 'A4', preferCSSPageSize: true });
  return (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) || []).length;
}

test('Copy the plan puts the short plan on the clipboard: made today, steps with dates and letters, the answers', async ({ page, context, camau, baseURL }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(baseURL).origin });
  await camau.openWith(SCHOOL_PATH, SAVED, '#/result');
  const keep = page.locator('section.keep-plan');
  await expect(keep.getByRole('heading', { name: 'Keep or share your plan' })).toBeVisible();
  await keep.getByRole('button', { name: 'Copy the plan' }).click();
  await expect(keep.locator('.action-status')).toHaveText(/^Copied/);
  const text = await page.evaluate(() => navigator.clipboard.readText());
  expect(text.startsWith('Your plan from Camau: Siân\n\nMade on ')).toBe(true);
  expect(text).toContain('1. Ask the health board for its overdue answer: Now.');
  expect(text).toContain('Letter: Ask the health board for its overdue answer');
  expect(text).toContain('Based on your answers');
  expect(text).toContain('Has the health board answered the referral? No');
  expect(text).toContain('SNAP Cymru');
  // The same plan as a file, named for people.
  const [download] = await Promise.all([page.waitForEvent('download'), keep.getByRole('button', { name: 'Download the plan' }).click()]);
  expect(download.suggestedFilename()).toBe(`${isoDaysAgo(0)} Siân – Your plan from Camau.txt`);
  expect(new TextDecoder('utf-8', { fatal: true }).decode(readFileSync(await download.path()))).toBe(text);
  await expectNoAxeViolations(page, 'outcome with the plan kept');
});

test('Print the plan prints the short plan alone on at most 2 A4 pages; then the whole page prints again', async ({ page, camau }) => {
  await stubPrint(page);
  await camau.openWith(SCHOOL_PATH, SAVED, '#/result');
  const all = await printedPages(page);
  await page.locator('section.keep-plan').getByRole('button', { name: 'Print the plan' }).click();
  expect(await page.evaluate(() => window.__printed)).toBe(1);
  await page.emulateMedia({ media: 'print' });
  const one = page.locator('#print-one');
  await expect(one).toBeVisible();
  await expect(one.locator('h1')).toHaveText('Your plan from Camau: Siân');
  await expect(one).toContainText('1. Ask the health board for its overdue answer: Now.');
  await expect(page.locator('.plan-first')).toBeHidden();
  await expect(page.locator('section.reference')).toBeHidden();
  const pages = await printedPages(page);
  console.log(`the short plan prints on ${pages} A4 page(s); the whole page on ${all}`);
  expect(pages).toBeLessThanOrEqual(2);
  expect(pages).toBeLessThan(all);
  // After printing, the page prints whole again.
  await page.evaluate(() => window.dispatchEvent(new Event('afterprint')));
  await expect(page.locator('.plan-first')).toBeVisible();
  await expect(one).toBeHidden();
});

test('a letter prints alone, with its subject and the text as the parent left it', async ({ page, camau }) => {
  await stubPrint(page);
  await camau.openWith(SCHOOL_PATH, SAVED, '#/result');
  const art = await reveal(page.locator('#app article#l-ask_lhb_answer'));
  await art.locator('textarea.letter-text').fill('Dear ALN lead,\n\nMy own words & <more>.');
  await art.getByRole('button', { name: /^Print ?: Ask the health board for its overdue answer$/ }).click();
  expect(await page.evaluate(() => window.__printed)).toBe(1);
  await page.emulateMedia({ media: 'print' });
  const one = page.locator('#print-one');
  await expect(one.locator('h1')).toHaveText('Ask the health board for its overdue answer');
  await expect(one).toContainText('Subject: Section 20 referral for Siân: answer overdue');
  await expect(one.locator('.letter-body')).toHaveText('Dear ALN lead,\n\nMy own words & <more>.');
  await expect(page.locator('.plan-first')).toBeHidden();
  expect(await printedPages(page)).toBe(1);
});
