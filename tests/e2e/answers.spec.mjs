// Issue 11: what a parent types is used or refused, never silently dropped; deleting asks
// first and is announced once; "Start now" never silently keeps saved answers.
import { test, expect, SCHOOL_PATH, encodeSaved, expectNoAxeViolations } from './helpers.mjs';

const UNTIL_DATE = { user: 'parent', setting: 'school', dob: 'unsure', over_school_age: 'no', looked_after: 'no', idp_holder: 'school', provision_beyond: 'yes', health_involved: 'yes', therapy_section: 's2c', s20_made: 'yes', s20_by: 'school' };

test('a date typed after ticking "I do not know" unticks the box, and the date is used', async ({ page, camau }) => {
  await camau.openWith(UNTIL_DATE, {}, '#/q/s20_date');
  const box = camau.main.locator('[id="s20_date-unsure"]');
  await box.check();
  await camau.fillDate(3, 9, 2026);
  await expect(box).not.toBeChecked();
  expect(await camau.continue()).toBe('#/q/lhb_replied');
  expect(await camau.stored()).toContain('a.s20_date=2026-09-03');
});

test('ticking "I do not know" over a typed date is refused with a clear error, and nothing is lost', async ({ page, camau }) => {
  await camau.openWith(UNTIL_DATE, {}, '#/q/s20_date');
  await camau.fillDate(3, 9, 2026);
  await camau.main.locator('[id="s20_date-unsure"]').check();
  expect(await camau.continue()).toBe('#/q/s20_date');
  await camau.expectError('Enter the date, or tick the box to say you do not know it, not both');
  // The date stays as typed, and the box stays ticked, for the parent to choose.
  await expect(camau.main.locator('input.date-input').nth(0)).toHaveValue('3');
  await expect(camau.main.locator('[id="s20_date-unsure"]')).toBeChecked();
  expect(await camau.stored()).not.toContain('a.s20_date=');
  await expectNoAxeViolations(page);
  // Unticking it answers with the date.
  await camau.main.locator('[id="s20_date-unsure"]').uncheck();
  expect(await camau.continue()).toBe('#/q/lhb_replied');
  expect(await camau.stored()).toContain('a.s20_date=2026-09-03');
});

test('a too-long name is refused with the limit its message states, tied to its field, and kept to shorten', async ({ page, camau }) => {
  await camau.openWith(SCHOOL_PATH, {}, '#/about');
  const long = 'Ŵ'.repeat(61);
  const field = page.locator('#about-child');
  await field.fill(long);
  // No maxlength cuts it short in silence.
  await expect(field).toHaveValue(long);
  expect(await camau.continue()).toBe('#/about');
  await camau.expectError('60 characters or fewer');
  await expect(field).toHaveAttribute('aria-invalid', 'true');
  const described = (await field.getAttribute('aria-describedby')).split(' ');
  expect(described).toContain('about-child-error');
  await expect(page.locator('#about-child-error')).toContainText('60 characters or fewer');
  // The summary's link moves focus to the field.
  await camau.main.locator('.error-summary a').click();
  await expect(field).toBeFocused();
  await expectNoAxeViolations(page);
  // Exactly 60 is taken.
  await field.fill('Ŵ'.repeat(60));
  expect(await camau.continue()).toBe('#/check');
  expect(await camau.stored()).toContain('d.child=' + encodeURIComponent('Ŵ'.repeat(60)));
});

test('"Delete my answers" asks once; "No" keeps them; "Yes" deletes them and says so once', async ({ page, camau }) => {
  await camau.openWith(SCHOOL_PATH, { child: 'Alys' }, '#/check');
  const stored = await camau.stored();
  await page.locator('#delete-answers').click();
  const question = page.locator('.confirm-question');
  await expect(question).toHaveText('Delete all your answers from this device? You cannot undo this.');
  await expect(page.locator('.confirm')).toBeFocused();
  await expectNoAxeViolations(page);
  await page.locator('#confirm-no').click();
  await expect(question).toHaveCount(0);
  await expect(page.locator('#delete-answers')).toBeFocused();
  expect(await camau.stored()).toBe(stored);

  await page.locator('#delete-answers').click();
  await page.locator('#confirm-yes').click();
  await expect(page).toHaveURL(/#\/$/);
  expect(await camau.stored()).toBeNull();
  // Said once: one live message on the page, not two.
  await expect(page.getByText('Your answers have been deleted from this device.')).toHaveCount(1);
  // And the start page no longer offers to continue.
  await expect(page.locator('#resume .resume')).toHaveCount(0);
  await expect(page.locator('#start a.button-start')).toBeVisible();
});

test('with saved answers the start page offers "Continue where you left off" and "Start again" only', async ({ page, camau }) => {
  await camau.seed(encodeSaved(SCHOOL_PATH, { child: 'Alys' }));
  await camau.open('#/');
  const resume = page.locator('#resume .resume');
  await expect(resume).toBeVisible();
  await expect(page.locator('#start a.button-start')).toBeHidden();
  await expect(resume.getByRole('link', { name: 'Continue where you left off' })).toBeVisible();
  await camau.screenshot('start-with-saved-answers');
  await expectNoAxeViolations(page);
  // "Start again" asks first; "No" changes nothing.
  await page.locator('#start-again').click();
  await expect(page.locator('.confirm-question')).toContainText('You cannot undo this.');
  // The footer's "Delete my answers" asks in its place: one question on the page at a time.
  await page.locator('#delete-answers').click();
  await expect(page.locator('.confirm')).toHaveCount(1);
  await expect(page.locator('.confirm-question')).toContainText('Delete all your answers');
  await page.locator('#start-again').click();
  await expect(page.locator('.confirm')).toHaveCount(1);
  await page.locator('#confirm-no').click();
  await expect(page.locator('.confirm')).toHaveCount(0);
  expect(await camau.stored()).toContain('a.setting=school');
  // "Yes" deletes them and starts at the first question, with nothing chosen.
  await page.locator('#start-again').click();
  await page.locator('#confirm-yes').click();
  await expect(page).toHaveURL(/#\/q\/user$/);
  expect(await camau.stored()).toBeNull();
  await expect(camau.main.locator('input:checked')).toHaveCount(0);
});

test('an old "Start now" link with saved answers shows the choice instead of keeping them silently', async ({ page, camau }) => {
  await camau.seed(encodeSaved(SCHOOL_PATH));
  await page.goto('/#/start');
  await camau.ready();
  await expect(page).toHaveURL(/#\/$/);
  await expect(page.locator('#resume .resume')).toBeVisible();
  await expect(page.locator('#start a.button-start')).toBeHidden();
});

test('a page left open past midnight shows the new day\'s deadlines', async ({ page, camau }) => {
  // 23:58 on 1 December 2026; a referral on 21 October: the health board's 6 weeks end on 2 December.
  await page.clock.install({ time: new Date(2026, 11, 1, 23, 58) });
  await camau.openWith({ ...SCHOOL_PATH, s20_date: { date: [21, 10, 2026] } }, {}, '#/result');
  const status = camau.main.locator('#d-nhs_answer .deadline-status');
  await expect(status).toHaveText('Due in 1 day');
  // The tab stays open: a few minutes later it is 2 December.
  await page.clock.runFor('05:00');
  await expect(status).toHaveText('Due today');
});
