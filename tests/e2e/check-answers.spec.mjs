// Issue 5: "Check your answers". Each answer has a Change link that returns to its question
// and, on continue, back to the check page; answers that no longer apply are dropped.
import { test, expect, SCHOOL_PATH } from './helpers.mjs';

/// The check page's rows as { question: answer }.
async function rows(camau) {
  await expect(camau.page).toHaveURL(/#\/check$/);
  return camau.main.locator('.summary-list').first().locator('.summary-row').evaluateAll((rs) =>
    Object.fromEntries(rs.map((r) => [r.querySelector('.summary-key').textContent.trim(), r.querySelector('.summary-value').textContent.trim()])));
}

/// The check page after a whole school path (journey.spec.mjs walks it; here it is saved).
async function toCheck(camau, answers = SCHOOL_PATH) {
  await camau.openWith(answers, { child: 'Alys' }, '#/check');
  await expect(camau.main.locator('h1')).toHaveText('Check your answers');
}

test('Change returns to the question and, on continue, straight back to the check page', async ({ page, camau }) => {
  await toCheck(camau);
  const before = await rows(camau);
  expect(before['Has social services assessed your child\'s care and support needs?']).toBe('Yes');
  const change = camau.main.locator('a[href="#/q/social_care/change"]');
  // The link says which answer it changes (visually hidden text for screen readers).
  await expect(change).toHaveAccessibleName(/^Change\s+Has social services assessed/);
  await change.click();
  await expect(page).toHaveURL(/#\/q\/social_care\/change$/);
  await expect(camau.main.locator('h1')).toBeFocused();
  await expect(camau.main.locator('input[value=assessed]')).toBeChecked();
  // Its back link goes to the check page, and the button says where it goes.
  await expect(page.locator('#app a.back-link')).toHaveAttribute('href', '#/check');
  await expect(camau.main.locator('button[type=submit]')).toHaveText('Save and go back to check your answers');
  await camau.answer('waiting');
  expect(await camau.continue()).toBe('#/check');
  const after = await rows(camau);
  expect(after['Has social services assessed your child\'s care and support needs?']).toBe('We asked, but there has been no assessment yet');
  // Nothing else moved.
  expect(Object.keys(after)).toEqual(Object.keys(before));
  await expect(page.locator('#messages .notice')).toHaveCount(0);

  // The "about you" rows change on the about page and come back too.
  await camau.main.locator('a[href="#/about/change"]').first().click();
  await expect(page).toHaveURL(/#\/about\/change$/);
  await page.locator('#about-child').fill('Gwen');
  expect(await camau.continue()).toBe('#/check');
  await expect(camau.main.locator('.summary-list').nth(1)).toContainText('Gwen');
});

test('a changed answer that alters the path drops the answers no longer on it', async ({ page, camau }) => {
  await toCheck(camau);
  const before = await rows(camau);
  expect(before).toHaveProperty(['When was the referral made?']);
  expect(before).toHaveProperty(['Where is this support written in the IDP?']);
  await camau.main.locator('a[href="#/q/health_involved/change"]').click();
  await camau.answer('no');
  // Every later question on the new path is already answered: straight back to check.
  expect(await camau.continue()).toBe('#/check');
  await expect(page.locator('#messages .notice')).toContainText('no longer apply');
  const after = await rows(camau);
  for (const gone of ['Where is this support written in the IDP?', 'Has the school, college or council referred your child to the health board?', 'When was the referral made?', 'Has the health board answered the referral?']) {
    expect(after, gone).not.toHaveProperty([gone]);
  }
  expect(after['Does your child need therapy or health support to learn?']).toBe('No');
  expect(after['When was the IDP last reviewed?']).toBe(before['When was the IDP last reviewed?']);
  const stored = await camau.stored();
  for (const q of ['therapy_section', 's20_made', 's20_date', 'lhb_replied']) expect(stored).not.toContain(`a.${q}=`);
  await camau.seeResult();
  const ids = await camau.outcomeIds();
  expect(ids).not.toContain('d-nhs_answer');
  expect(ids).not.toContain('f-s20_what');
});

test('a change that opens new questions asks them, then returns to the check page', async ({ page, camau }) => {
  await toCheck(camau);
  await camau.main.locator('a[href="#/q/setting/change"]').click();
  await expect(page).toHaveURL(/#\/q\/setting\/change$/);
  await camau.answer('ehe');
  // Home education asks a question the school path never did, still in "change" mode.
  expect(await camau.continue()).toBe('#/q/ehe_decided/change');
  await expect(page.locator('#app a.back-link')).toHaveAttribute('href', '#/check');
  await camau.answer('idp');
  let h = await camau.continue();
  // Any other question the new path needs, then the check page.
  const more = { ...SCHOOL_PATH, ehe_decided: 'idp' };
  for (let i = 0; i < 10 && h.startsWith('#/q/'); i++) {
    expect(h).toMatch(/\/change$/);
    h = await camau.answerFrom(more);
  }
  expect(h).toBe('#/check');
  const after = await rows(camau);
  expect(after['Where does your child learn now?']).toBe('Home educated by you');
  expect(after).toHaveProperty(['Has the council decided whether your child has ALN?']);
  // The school questions are not on a home-education path: dropped from page and device.
  for (const gone of ['Is your child looked after by a council?', "Who keeps your child's IDP?", 'Does your child need support that may be too much for the school or college to arrange?']) {
    expect(after, gone).not.toHaveProperty([gone]);
  }
  const stored = await camau.stored();
  for (const q of ['looked_after', 'idp_holder', 'provision_beyond']) expect(stored).not.toContain(`a.${q}=`);
  await camau.seeResult();
  await expect(camau.main).not.toContainText('The school keeps');
});
