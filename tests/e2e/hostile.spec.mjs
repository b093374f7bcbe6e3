// Issue 8: hostile and unusual text is shown as text everywhere and runs nothing; bad dates
// get a clear message on the question and nothing invalid is stored; tampered addresses
// always give a working page. The guard (helpers.mjs) fails on any dialog (alert) and page error.
import { test, expect, SCHOOL_PATH, reveal } from './helpers.mjs';

const CHILD = '<img src=x onerror=alert(1)> "Ŵŷâ" &amp; 🙂';
const SCHOOL = '<script>alert(1)</script> "quotes" &amp; Ysgol Gŵyr ŷ â 🏫 {child}';

test('script, markup, quotes, entities, Welsh letters and emoji appear literally and run nothing', async ({ page, context, camau, baseURL }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(baseURL).origin });
  await page.addInitScript(() => {
    window.__ran = [];
    window.alert = (x) => window.__ran.push(String(x));
  });
  await camau.start();
  await camau.walk(SCHOOL_PATH);
  await page.locator('#about-child').fill(CHILD);
  await page.locator('#about-school').fill(SCHOOL);
  // What was typed is kept exactly.
  await expect(page.locator('#about-child')).toHaveValue(CHILD);
  await camau.continue();

  // Check answers: literal text, no element made from it.
  const details = camau.main.locator('.summary-list').nth(1);
  await expect(details.locator('.summary-value').nth(0)).toHaveText(CHILD);
  await expect(details.locator('.summary-value').nth(2)).toHaveText(SCHOOL);
  await camau.seeResult();

  // The letter: subject and body show the text as written ({child} typed by the parent is not a placeholder).
  const letter = await reveal(page.locator('#app article#l-ask_la_takeover'));
  await expect(letter.locator('.letter-subject')).toContainText(`take over ${CHILD}'s IDP`);
  await expect(letter.locator('.letter-body')).toContainText(`kept by ${SCHOOL}.`);
  // The page text: "your child" is replaced by the name in findings.
  await expect(camau.main).toContainText(CHILD);

  // Nothing became markup anywhere in the app.
  expect(await page.locator('#app img, #app script, #messages img, #messages script').count()).toBe(0);
  expect(await page.evaluate(() => [...document.querySelectorAll('[onerror]')].length)).toBe(0);

  // Clipboard gets the same literal text.
  await letter.getByRole('button', { name: /^Copy ?: / }).click();
  await expect(letter.locator('.action-status')).toHaveText(/^Copied/);
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  expect(copied).toContain(`kept by ${SCHOOL}.`);
  await letter.getByRole('button', { name: /^Copy the subject ?: / }).click();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toContain(`take over ${CHILD}'s IDP`);

  // Printing shows it as text too.
  await page.emulateMedia({ media: 'print' });
  await expect(letter.locator('.letter-body')).toContainText(SCHOOL);
  await page.emulateMedia({ media: 'screen' });

  // It survives a reload from storage unchanged.
  await page.reload();
  await camau.ready();
  await expect((await reveal(page.locator('#app article#l-ask_la_takeover'))).locator('.letter-body')).toContainText(`kept by ${SCHOOL}.`);

  expect(await page.evaluate(() => window.__ran)).toEqual([]);
  // <img src=x> never loaded.
  // (The guard checks other origins; this one would be same-origin.)
  expect(camau.guard.requests.filter((u) => /\/x$/.test(new URL(u).pathname))).toEqual([]);
});

test('line breaks and markup in saved details stay text in the page, the letter and the email link', async ({ page, camau }) => {
  // A text field cannot take a line break, but a saved value (older version, tampering) can.
  const school = 'Ysgol <b>Un</b>\nLine two & 100% "sure" #1?';
  await camau.openWith(SCHOOL_PATH, { child: 'Alys', school }, '#/check');
  await expect(camau.main.locator('.summary-list').nth(1).locator('.summary-value').nth(2)).toHaveText(school);
  await page.goto('/#/result');
  const letter = await reveal(page.locator('#app article#l-ask_la_takeover'));
  expect(await letter.locator('.letter-body').textContent()).toContain(`kept by ${school}.`);
  expect(await page.locator('#app b').count()).toBe(0);
  const href = await letter.getByRole('link', { name: 'Open in email' }).getAttribute('href');
  const body = href.split('&body=')[1];
  expect(body).toMatch(/^(?:[A-Za-z0-9\-_.~]|%[0-9A-F]{2})*$/);
  expect(decodeURIComponent(body)).toContain(`kept by ${school.replace('\n', '\r\n')}.`);
});

test('a name or school that is too long gets an error message, and nothing is saved', async ({ page, camau }) => {
  await camau.start();
  await camau.walk(SCHOOL_PATH);
  await page.locator('#about-child').fill('A'.repeat(61));
  await camau.continue();
  await expect(page).toHaveURL(/#\/about$/);
  await camau.expectError("Your child's first name must be 60 characters or fewer");
  await expect(page.locator('#about-child')).toHaveValue('A'.repeat(61));
  expect(await camau.stored()).not.toContain('d.child');
  // The error link takes the parent to the field.
  await camau.main.locator('.error-summary a').click();
  await expect(page.locator('#about-child')).toBeFocused();
  // 60 Welsh letters (multi-byte) are fine.
  await page.locator('#about-child').fill('ŵ'.repeat(60));
  await page.locator('#about-school').fill('S'.repeat(121));
  await camau.continue();
  await camau.expectError('The school or college name must be 120 characters or fewer');
  await page.locator('#about-school').fill('S'.repeat(120));
  expect(await camau.continue()).toBe('#/check');
  await expect(camau.main).toContainText('ŵ'.repeat(60));
});

test('impossible, future, very old and partial dates each get a clear message on the question', async ({ page, camau }) => {
  await camau.start();
  for (let i = 0; i < 10 && (await camau.qid()) !== 's20_date'; i++) await camau.answerFrom(SCHOOL_PATH);
  expect(await camau.qid()).toBe('s20_date');
  const next = new Date();
  next.setDate(next.getDate() + 40);
  const cases = [
    [['31', '2', '2026'], 'The date must be a real date'],
    [[String(next.getDate()), String(next.getMonth() + 1), String(next.getFullYear())], 'The date must be today or in the past'],
    [['1', '1', '1900'], 'The date must be in the last 30 years'],
    [['12', '3', ''], 'The date must include a year'],
    [['', '3', '2025'], 'The date must include a day'],
    [['12', '', '2025'], 'The date must include a month'],
    [['', '', ''], 'Enter the date'],
    [['a', 'b', 'cdef'], 'Enter the date in numbers'],
    [['1', '2', '25'], 'The year must have 4 numbers'],
    [['0', '13', '2025'], 'The date must be a real date'],
  ];
  for (const [[d, m, y], msg] of cases) {
    await camau.fillDate(d, m, y);
    const h = await camau.continue();
    expect(h, `${d}/${m}/${y} is refused`).toBe('#/q/s20_date');
    await camau.expectError(msg);
    await expect(camau.main.locator('.error-message')).toContainText(msg);
    // The fieldset is described by the error, so a screen reader hears it.
    const described = await camau.main.locator('fieldset').getAttribute('aria-describedby');
    expect(described).toContain('s20_date-error');
    expect(await camau.stored()).not.toContain('a.s20_date');
  }
  // A real date then goes through.
  await camau.fillDate('1', '3', String(new Date().getFullYear() - 1));
  expect(await camau.continue()).toBe('#/q/lhb_replied');
  expect(await camau.stored()).toContain(`a.s20_date=${new Date().getFullYear() - 1}-03-01`);
});

test.describe('tampered and truncated addresses give a working page', () => {
  const HASHES = ['#/q/nonexistent', '#/q/', '#/q', '#/', '#/che', '#/result/', '#/q/setting/chan/ge/x', '#/about/x', '#%', '#/q/%E0%A4%A',
    '#/q/setting%00', '#/' + 'q/'.repeat(2000), '#main', '#/q/<script>alert(1)</script>', '#/q/setting/change/../../result'];

  /// A working page: a heading, no crash box, and the parent can go on to the next question.
  async function worksFrom(page, camau, hash, how) {
    await expect(camau.h1(), `${how} ${hash.slice(0, 40)}`).toBeVisible();
    await expect(page.locator('#crash')).toBeHidden();
    const start = page.locator('#start a.button-start');
    if (await start.isVisible()) await start.click();
    await expect.poll(() => camau.qid(), `${how} ${hash.slice(0, 40)}: then the first question`).toBe('user');
    await camau.answerFrom(SCHOOL_PATH);
    // (A link ending in /change keeps the "change" mode: still the next question.)
    await expect(page).toHaveURL(/#\/q\/setting(\/change)?$/);
  }

  test('opened as a new page', async ({ page, camau }) => {
    for (const hash of HASHES) {
      await page.goto('about:blank');
      await camau.open(hash);
      await worksFrom(page, camau, hash, 'opened at');
      await page.evaluate(() => localStorage.clear());
    }
  });

  test('followed from inside Camau', async ({ page, camau }) => {
    await camau.open();
    for (const hash of HASHES) {
      // Nothing answered, on the device or in memory.
      await camau.deleteAnswers();
      await expect(page.locator('#start h1')).toBeVisible();
      await page.evaluate((h) => { location.hash = h; }, hash);
      await worksFrom(page, camau, hash, 'moved to');
    }
  });

  test('an address that does not match any page says so', async ({ page, camau }) => {
    await camau.open('#/q/nonexistent');
    await expect(page.locator('#messages .notice')).toContainText('That link did not match a page in Camau');
    await expect(page.locator('#start h1')).toBeVisible();
  });

  test('links deep into the journey before answering lead to the first question', async ({ page, camau }) => {
    for (const hash of ['#/result', '#/check', '#/about', '#/q/s20_date', '#/q/decision/change']) {
      await camau.open(hash);
      await expect(page, hash).toHaveURL(/#\/q\/user$/);
      await expect(camau.main.locator('h1')).toHaveText('Who is using Camau?');
    }
    // With some answers, a link past them leads to the next one due.
    await camau.answerFrom(SCHOOL_PATH);
    await page.goto('/#/result');
    await expect(page).toHaveURL(/#\/q\/setting$/);
    await page.goto('/#/q/ehe_decided'); // not on this path
    await expect(page).toHaveURL(/#\/q\/setting$/);
  });
});
