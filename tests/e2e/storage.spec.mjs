// Issues 5 and 8: answers kept on the device, deleted for real, not saved on request, and
// bad or unavailable storage never gives a blank page: always a working page and a clear message.
import { test, expect, SCHOOL_PATH, SAVED_VERSION } from './helpers.mjs';

const KEY = 'camau';

/// Puts `value` under the app's key before the app's first load in this tab (once).
async function seed(page, value) {
  await page.addInitScript(([k, v]) => {
    if (sessionStorage.getItem('seeded')) return;
    sessionStorage.setItem('seeded', '1');
    localStorage.setItem(k, v);
  }, [KEY, value]);
}

/// A working start page: heading, Start now leads to the first question.
async function works(page, camau) {
  await expect(page.locator('#start h1')).toBeVisible();
  await page.locator('#start a.button-start').click();
  await expect(page).toHaveURL(/#\/q\/user$/);
  await expect(camau.main.locator('h1')).toHaveText('Who is using Camau?');
  await expect(page.locator('#crash')).toBeHidden();
}

const notice = (page) => page.locator('#messages .notice');
const banner = (page) => page.locator('#messages .banner');

test('"Delete my answers from this device" removes them from storage and memory', async ({ page, camau }) => {
  await camau.start();
  await camau.answerFrom(SCHOOL_PATH);
  await camau.answerFrom(SCHOOL_PATH);
  expect(await camau.stored()).toContain('a.setting=school');
  await page.getByRole('button', { name: 'Delete my answers from this device' }).click();
  // It asks first (answers.spec.mjs tests "No").
  await page.getByRole('button', { name: 'Yes, delete my answers' }).click();
  await expect(page.locator('#start h1')).toBeVisible();
  await expect(notice(page)).toContainText('Your answers have been deleted from this device.');
  expect(await page.evaluate((k) => Object.keys(localStorage).filter((x) => x.startsWith(k)), KEY)).toEqual([]);
  await expect(page.locator('#resume')).toBeEmpty();
  // Gone after a reload too, and the questions start blank.
  await page.reload();
  await camau.ready();
  expect(await camau.stored()).toBeNull();
  await expect(page.locator('#resume')).toBeEmpty();
  await works(page, camau);
  await expect(camau.main.locator('input:checked')).toHaveCount(0);
});

test('coming back: "Continue where you left off" or "Start again"', async ({ page, camau }) => {
  await camau.start();
  for (let i = 0; i < 3; i++) await camau.answerFrom(SCHOOL_PATH);
  const next = await camau.hash();
  await page.goto('/');
  await page.reload();
  await camau.ready();
  const resume = page.locator('#resume');
  await expect(resume).toContainText('You have answers saved on this device');
  await resume.getByRole('link', { name: 'Continue where you left off' }).click();
  await expect(page).toHaveURL(new RegExp(`${next.replace(/[/#]/g, '\\$&')}$`));
  await page.goto('/');
  await page.reload();
  await camau.ready();
  await resume.getByRole('button', { name: 'Start again' }).click();
  await resume.getByRole('button', { name: 'Yes, delete them and start again' }).click();
  await expect(page).toHaveURL(/#\/q\/user$/);
  await expect(camau.main.locator('input:checked')).toHaveCount(0);
  expect(await camau.stored()).toBeNull();
});

test('"Do not save my answers on this device" stops saving, and deletes what was saved', async ({ page, camau }) => {
  await camau.start();
  await camau.answerFrom(SCHOOL_PATH);
  expect(await camau.stored()).not.toBeNull();
  await page.getByRole('link', { name: 'Privacy' }).click();
  await expect(page).toHaveURL(/#\/privacy$/);
  const box = page.getByLabel('Do not save my answers on this device');
  await expect(box).not.toBeChecked();
  await box.check();
  expect(await camau.stored()).toBeNull();
  // Answers still work in this visit, but nothing reaches the device.
  await page.goto('/#/q/looked_after');
  await camau.ready();
  await camau.answerFrom(SCHOOL_PATH);
  await camau.answerFrom(SCHOOL_PATH);
  await camau.answerFrom(SCHOOL_PATH);
  await camau.answerFrom(SCHOOL_PATH);
  expect(await page.evaluate(() => Object.keys(localStorage))).not.toContain(KEY);
  await page.locator('#app a.back-link').click();
  await expect(camau.main.locator('input[value=school]')).toBeChecked(); // kept in memory
  // A new visit has nothing to continue.
  await page.goto('/');
  await page.reload();
  await camau.ready();
  await expect(page.locator('#resume')).toBeEmpty();
});

test.describe('bad data saved on the device', () => {
  test('malformed text: the parent is told, and can start again', async ({ page, camau }) => {
    await seed(page, '%%%\u0000 not camau at all \uFFFF');
    await camau.open();
    await expect(notice(page)).toContainText('We could not read the answers saved on this device');
    await works(page, camau);
    await camau.answerFrom(SCHOOL_PATH);
    expect(await camau.stored()).toMatch(new RegExp(`^v=${SAVED_VERSION}&s=\\d{4}-\\d\\d-\\d\\d&a\\.user=parent`));
  });

  test('JSON from something else: the parent is told, nothing crashes', async ({ page, camau }) => {
    await seed(page, JSON.stringify({ v: 1, answers: { setting: 'school' }, x: [1, null, { y: '</script>' }] }));
    await camau.open('#/q/looked_after');
    await expect(notice(page)).toContainText('We could not read the answers saved on this device');
    // Nothing was read, so the link to a later question goes to the first one.
    await expect(page).toHaveURL(/#\/q\/user$/);
    await expect(camau.main.locator('h1')).toBeVisible();
  });

  test('the previous version\'s format: every answer kept, no alarm, saved again in the new format with the day', async ({ page, camau }) => {
    // Exactly what Camau wrote before format 2 (no day of saving).
    const v1 = 'v=1&a.setting=school&a.looked_after=no&a.idp_holder=school&d.child=Si%C3%A2n&d.la=cardiff';
    await seed(page, v1);
    await camau.open();
    await expect(notice(page)).toHaveCount(0);
    await expect(banner(page)).toHaveCount(0);
    await expect(page.locator('#resume')).toContainText('Continue where you left off');
    await expect(page.locator('#resume')).not.toContainText('You last saved');
    await page.locator('#resume a.button').click();
    // The three answers are kept; the questions added since (who is using Camau, the date of
    // birth) are asked, with no alarm: nothing was lost.
    await expect(page).toHaveURL(/#\/q\/user$/);
    await camau.answerFrom(SCHOOL_PATH);
    await expect(page).toHaveURL(/#\/q\/dob$/);
    await page.locator('#app a.back-link').click();
    await expect(page).toHaveURL(/#\/q\/setting$/);
    await expect(camau.main.locator('input[value=school]')).toBeChecked();
    // Any change saves it in the new format, with the day, and the start page then says when.
    await camau.continue();
    const today = await page.evaluate(() => { const d = new Date(); return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`; });
    const stored = await camau.stored();
    expect(stored).toMatch(new RegExp(`^v=${SAVED_VERSION}&s=${today}&a\\.user=parent&a\\.setting=school&a\\.looked_after=no&a\\.idp_holder=school`));
    expect(stored).toContain('d.child=Si%C3%A2n&d.la=cardiff');
    await page.goto('/');
    await camau.ready();
    await expect(page.locator('#resume')).toContainText('You last saved these answers on');
  });

  test('a detail that cannot be read (broken text): the parent told where to give it again, the answers kept', async ({ page, camau }) => {
    await seed(page, 'v=2&a.setting=school&d.child=%E2%82&d.school=Ysgol');
    await camau.open();
    await expect(notice(page)).toContainText("could not be read. You can give them again on the page 'About you and your child'");
    await expect(notice(page)).not.toContainText('d.child');
    await expect(page.locator('#resume')).toContainText('Continue where you left off');
  });

  test('a newer version: read, the parent told, and never overwritten', async ({ page, camau }) => {
    const saved = 'v=99&a.user=parent&a.setting=school&a.dob=unsure&a.over_school_age=no&a.looked_after=no&a.new_question=zzz&x.future=1';
    await seed(page, saved);
    await camau.open();
    await expect(notice(page)).toContainText('saved by a newer version of Camau');
    await expect(banner(page)).toContainText('not being saved');
    // What it could read is there.
    await expect(page.locator('#resume')).toContainText('Continue where you left off');
    await page.locator('#resume a.button').click();
    await expect(page).toHaveURL(/#\/q\/idp_holder$/);
    await camau.answerFrom(SCHOOL_PATH);
    expect(await camau.stored()).toBe(saved);
  });

  test('answers to questions or options that no longer exist: dropped, the rest kept, the parent told which to answer again', async ({ page, camau }) => {
    await seed(page, 'v=1&a.user=parent&a.setting=school&a.dob=unsure&a.over_school_age=no&a.looked_after=maybe_later&a.question_removed_long_ago=yes&a.idp_holder=school');
    await camau.open();
    await expect(notice(page)).toContainText('Please answer these again');
    await expect(notice(page)).toContainText('Is your child looked after by a council?');
    await expect(notice(page)).not.toContainText('question_removed_long_ago');
    await page.locator('#resume a.button').click();
    // The first question still to answer is the one that was dropped.
    await expect(page).toHaveURL(/#\/q\/looked_after$/);
    await expect(camau.main.locator('input:checked')).toHaveCount(0);
    await page.locator('#app a.back-link').click();
    await expect(page).toHaveURL(/#\/q\/over_school_age$/);
    await expect(camau.main.locator('input[value=no]')).toBeChecked();
  });

  test('an answer under a retired question or option (its meaning changed): dropped, and the parent asked the new question by name', async ({ page, camau }) => {
    // "Have you asked for disagreement resolution?" (dr_used) became "… within 8 weeks of the
    // decision?" (dr_when); "Taught by the council outside school" (eotas) became "… and not on
    // any school's roll" (eotas_off_roll).
    const path = 'a.user=parent&a.dob=unsure&a.over_school_age=no&a.looked_after=no&a.idp_holder=la&a.health_involved=no&a.last_review=2026-06-01&a.review_issues=none&a.told=none&a.social_care=not_needed&a.decision=la_decision&a.decision_date=2026-11-01';
    await seed(page, `v=3&a.setting=school&${path}&a.dr_used=yes`);
    await camau.open();
    await expect(notice(page)).toContainText('Please answer these again');
    await expect(notice(page)).toContainText('Did you ask the council for disagreement resolution within 8 weeks of the decision?');
    await expect(notice(page)).not.toContainText('dr_used');
    await page.locator('#resume a.button').click();
    await expect(page).toHaveURL(/#\/q\/dr_when$/);
    await expect(camau.main.locator('input:checked')).toHaveCount(0);

    const page2 = await page.context().newPage();
    await seed(page2, `v=3&a.setting=eotas&${path}`);
    await page2.goto('/');
    await expect(page2.locator('#messages .notice')).toContainText('Where does your child learn now?');
    await page2.locator('#resume a.button').click();
    await expect(page2).toHaveURL(/#\/q\/setting$/);
  });

  test('an oversized value is refused with a message, and a too-long name is shortened', async ({ page, camau }) => {
    await seed(page, 'v=1&a.setting=school&d.child=' + 'x'.repeat(100_000));
    await camau.open();
    await expect(notice(page)).toContainText('We could not read the answers saved on this device');
    await works(page, camau);

    const page2 = await page.context().newPage();
    await seed(page2, 'v=1&a.setting=school&d.child=' + 'Ŵ'.repeat(500));
    await page2.goto('/');
    await expect(page2.locator('#messages .notice')).toContainText('too long and have been shortened');
    await expect(page2.locator('#resume')).toContainText('Continue where you left off');
    await page2.close();
  });
});

test.describe('storage the browser refuses', () => {
  test('storage that throws on access: the page works and says answers will not be kept', async ({ page, camau }) => {
    await page.addInitScript(() => {
      Object.defineProperty(window, 'localStorage', {
        configurable: true,
        get() { throw new DOMException('The operation is insecure.', 'SecurityError'); },
      });
    });
    await camau.open();
    await expect(banner(page)).toContainText('not letting Camau save your answers');
    await works(page, camau);
    await camau.answerFrom(SCHOOL_PATH);
    await camau.answerFrom(SCHOOL_PATH);
    await camau.answerFrom(SCHOOL_PATH);
    await camau.answerFrom(SCHOOL_PATH);
    await expect(page).toHaveURL(/#\/q\/idp_holder$/);
    await page.getByRole('link', { name: 'Privacy' }).click();
    await expect(page.getByLabel('Do not save my answers on this device')).toBeDisabled();
    await expect(banner(page)).toBeVisible();
  });

  test('storage that is full: the page works and says the latest answers are not kept', async ({ page, camau }) => {
    await page.addInitScript(() => {
      const set = Storage.prototype.setItem;
      Storage.prototype.setItem = function (k, v) {
        if (k === 'camau') throw new DOMException('Quota exceeded', 'QuotaExceededError');
        return set.call(this, k, v);
      };
    });
    await camau.open();
    await expect(banner(page)).toHaveCount(0);
    await works(page, camau);
    await camau.answerFrom(SCHOOL_PATH);
    await expect(banner(page)).toContainText('storage is full');
    await camau.answerFrom(SCHOOL_PATH);
    await camau.answerFrom(SCHOOL_PATH);
    await camau.answerFrom(SCHOOL_PATH);
    await expect(page).toHaveURL(/#\/q\/idp_holder$/);
  });
});
