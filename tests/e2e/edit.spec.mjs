// Issue 12: letters ready to send. The parent fills each blank in a field beside the letter and
// may change any word; copy, email, print and download send what they wrote; it is kept on the
// device (under its own key) until "Delete my answers"; a later change of the answers is said,
// and the parent chooses which wording to keep.
import { readFileSync } from 'node:fs';
import { test, expect, SCHOOL_PATH, reveal, expectNoAxeViolations } from './helpers.mjs';

const SAVED = { child: 'Alys', parent: 'Siân Jones', school: 'Ysgol Gŵyr', la: 'cardiff' };
const OWN = 'Ysgol Gŵyr & <the council>';
// The parent is not sure who made the referral, so the first letter asks (with the school named
// in the answers, it has no blank at all: letters.spec.mjs).
const NOT_SURE = { ...SCHOOL_PATH, s20_by: 'not_sure' };

async function firstLetter(page) {
  const box = page.locator('.plan-first details.letter-box').first();
  await box.locator('summary.button').first().click();
  return box;
}

test('from the start page to a filled, changed and copied first letter, counting taps', async ({ page, context, camau, baseURL }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(baseURL).origin });
  await page.addInitScript(() => {
    window.__taps = 0;
    addEventListener('pointerdown', () => { window.__taps++; }, true);
  });
  await camau.start();
  await camau.walk(NOT_SURE);
  await camau.continue(); // "About you": all optional
  await camau.seeResult();
  const box = await firstLetter(page);
  const gap = box.locator('textarea.gap').first();
  await expect(gap).toBeVisible();
  // The blank's field is labelled by its question.
  await expect(box.getByLabel('Who made the referral: the school, the college or the council?')).toBeVisible();
  const left = box.locator('.blanks-left');
  const before = Number((await left.textContent()).match(/^(\d+)/)[1]);
  await gap.fill(OWN);
  // The same blank appears three times in this letter: one answer fills all three.
  await expect(left).toHaveText(new RegExp(`^${before - 3} blanks? left|^No blanks`));
  const text = box.locator('textarea.letter-text');
  await expect(text).toHaveValue(/by Ysgol Gŵyr & <the council>\. /);
  await text.press('End');
  await text.pressSequentially('\nPS: thank you.');
  // The letter is now the parent's own: the blanks' fields no longer write into it, and say so.
  await expect(gap).toHaveAttribute('readonly', '');
  await expect(box.getByText('You have changed the letter itself')).toBeVisible();
  await box.getByRole('button', { name: /^Copy ?: / }).click();
  await expect(box.locator('.action-status')).toHaveText(/^Copied/);
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  expect(copied).toContain(OWN);
  expect(copied.endsWith('PS: thank you.')).toBe(true);
  const taps = await page.evaluate(() => window.__taps);
  console.log(`taps from the start page to an edited, copied first letter: ${taps}`);
  expect(taps).toBeLessThan(40);
  await expectNoAxeViolations(page, 'outcome with a letter open and edited');
});

test('an edited letter is what email, print and download send, survives a reload, and goes with Delete', async ({ page, camau }) => {
  await camau.openWith(NOT_SURE, SAVED, '#/result');
  let box = await firstLetter(page);
  await box.locator('textarea.gap').first().fill(OWN);
  const href = await box.locator('a[href^="mailto:"]').getAttribute('href');
  expect(decodeURIComponent(href)).toContain(OWN);
  await expect(box.locator('.letter-body')).toContainText(OWN); // what printing shows
  const [dl] = await Promise.all([page.waitForEvent('download'), box.getByRole('button', { name: /^Download/ }).click()]);
  expect(readFileSync(await dl.path(), 'utf8')).toContain(OWN);
  expect(await page.evaluate(() => localStorage.getItem('camau-letters'))).toContain('%3Cthe%20council%3E');

  await page.reload();
  await camau.ready();
  box = await firstLetter(page);
  await expect(box.locator('textarea.gap').first()).toHaveValue(OWN);
  await expect(box.locator('textarea.letter-text')).toHaveValue(new RegExp(OWN));

  // Reset: Camau's wording again, the field empty.
  await box.getByRole('button', { name: /^Reset to Camau's wording/ }).click();
  await expect(box.locator('textarea.gap').first()).toHaveValue('');
  await expect(box.locator('textarea.letter-text')).toHaveValue(/\[the school, college or council\]/);
  await expect(box.locator('.action-status')).toHaveText("Back to Camau's wording.");

  await box.locator('textarea.letter-text').fill('My own letter');
  await page.locator('#delete-answers').click();
  await page.locator('#confirm-yes').click();
  expect(await page.evaluate(() => [localStorage.getItem('camau'), localStorage.getItem('camau-letters')])).toEqual([null, null]);
});

test('when an answer changes after the parent changed a letter, they are told and choose', async ({ page, camau }) => {
  await camau.openWith(SCHOOL_PATH, SAVED, '#/result');
  let box = await firstLetter(page);
  await box.locator('textarea.letter-text').fill('My own words for the health board.');
  // The child's name changes: Camau's wording for this letter changes with it.
  await page.goto('/#/about/change');
  await camau.ready();
  await page.locator('#about-child').fill('Gwenllïan');
  await camau.continue();
  await camau.seeResult();
  box = await firstLetter(page);
  const changed = box.locator('.letter-changed');
  await expect(changed).toBeVisible();
  await expect(changed).toContainText("Camau's wording for this letter has changed");
  await expect(box.locator('textarea.letter-text')).toHaveValue('My own words for the health board.');
  await changed.getByRole('button', { name: /^Use the new wording/ }).click();
  await expect(changed).toBeHidden();
  await expect(box.locator('textarea.letter-text')).toHaveValue(/Gwenllïan/);
  // A damaged copy of the edits is said once, and the letters show Camau's wording.
  await page.evaluate(() => localStorage.setItem('camau-letters', 'v=1&e.ask_lhb_answer=1,~%E2%28'));
  await page.reload();
  await camau.ready();
  await expect(page.getByText('Some of your changes to the letters could not be read')).toBeVisible();
  box = await firstLetter(page);
  await expect(box.locator('textarea.letter-text')).toHaveValue(/Gwenllïan/);
});
