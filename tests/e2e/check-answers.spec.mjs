// Issue 5: "Check your answers". Each answer has a Change link that returns to its question
// and, on continue, back to the check page. Issue 11: a change never deletes an answer:
// answers that no longer apply are kept (not shown, not used) and named in the notice; a
// change back brings them back, so the parent only answers what is new.
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

test('a change that takes questions off the route names them, keeps their answers, and a change back restores them', async ({ page, camau }) => {
  await toCheck(camau);
  const before = await rows(camau);
  const storedBefore = await camau.stored();
  expect(before).toHaveProperty(['When was the referral made?']);
  expect(before).toHaveProperty(['Where is this support written in the IDP?']);
  await camau.main.locator('a[href="#/q/health_involved/change"]').click();
  await camau.answer('no');
  // Every later question on the new route is already answered: the button says it goes back.
  await expect(camau.main.locator('button[type=submit]')).toHaveText('Save and go back to check your answers');
  expect(await camau.continue()).toBe('#/check');
  const gone = ['Where is this support written in the IDP?', 'Has the school, college or council referred your child to the health board?', 'Who made the referral?', 'When was the referral made?', 'Has the health board answered the referral?'];
  // The notice names exactly what no longer applies, by question.
  const notice = page.locator('#messages .notice');
  await expect(notice).toHaveCount(1);
  await expect(notice).not.toContainText('some of your answers');
  for (const q of gone) await expect(notice).toContainText(q);
  await expect(notice).not.toContainText('When was the IDP last reviewed?');
  const after = await rows(camau);
  for (const q of gone) expect(after, q).not.toHaveProperty([q]);
  expect(after['Does your child need therapy or health support to learn?']).toBe('No');
  expect(after['When was the IDP last reviewed?']).toBe(before['When was the IDP last reviewed?']);
  // Kept on the device, but not used.
  const stored = await camau.stored();
  for (const q of ['therapy_section', 's20_made', 's20_by', 's20_date', 'lhb_replied']) expect(stored).toContain(`a.${q}=`);
  await camau.seeResult();
  const ids = await camau.outcomeIds();
  expect(ids).not.toContain('d-nhs_answer');

  // Change it back: nothing to answer again, the same rows and the same saved answers.
  await page.goto('/#/q/health_involved/change');
  await camau.ready();
  await camau.answer('yes');
  await expect(camau.main.locator('button[type=submit]')).toHaveText('Save and go back to check your answers');
  expect(await camau.continue()).toBe('#/check');
  expect(await rows(camau)).toEqual(before);
  const fields = (t) => t.split('&').filter((f) => !f.startsWith('s=')).sort();
  expect(fields(await camau.stored())).toEqual(fields(storedBefore));
  await camau.seeResult();
  expect(await camau.outcomeIds()).toContain('d-nhs_answer');
});

test('the health board now answered: only the new question is asked, every later answer is kept', async ({ page, camau }) => {
  // Issue 11's example: "Has the health board answered?" from "No, not yet" to "Yes: it named…".
  const answers = { ...SCHOOL_PATH, last_review: { daysAgo: 100 }, told: ['no_capacity'], decision: 'la_decision', decision_date: { daysAgo: 20 }, dr_when: 'no' };
  await toCheck(camau, answers);
  const before = await rows(camau);
  await camau.main.locator('a[href="#/q/lhb_replied/change"]').click();
  await camau.answer('no');
  await expect(camau.main.locator('button[type=submit]')).toHaveText('Save and go back to check your answers');
  await camau.answer('identified');
  // A question follows that was never answered: the button says "Continue".
  await expect(camau.main.locator('button[type=submit]')).toHaveText('Continue');
  expect(await camau.continue()).toBe('#/q/nhs_delivered/change');
  await camau.answer('yes');
  await expect(camau.main.locator('button[type=submit]')).toHaveText('Save and go back to check your answers');
  expect(await camau.continue()).toBe('#/check');
  await expect(page.locator('#messages .notice')).toHaveCount(0);
  const after = await rows(camau);
  // Every answer after the change is still there: the review date, what you were told, the decision and its date.
  for (const [q, a] of Object.entries(before)) {
    if (q === 'Has the health board answered the referral?') continue;
    expect(after[q], q).toBe(a);
  }
  expect(Object.keys(after).length).toBe(Object.keys(before).length + 1);
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
  // The school questions are not on a home-education route: not shown, but kept on the device.
  for (const gone of ['Is your child looked after by a council?', "Who keeps your child's IDP?", 'Does your child need support that may be too much for the school or college to arrange?']) {
    expect(after, gone).not.toHaveProperty([gone]);
  }
  const stored = await camau.stored();
  for (const q of ['looked_after', 'idp_holder', 'provision_beyond']) expect(stored).toContain(`a.${q}=`);
  await camau.seeResult();
  await expect(camau.main).not.toContainText('The school keeps');
});
