// Issue 5 (WCAG 2.1.1, 2.4.3, 2.4.7): the whole journey by keyboard alone (Tab, Space,
// Enter, and typing into the date fields). Focus moves to the heading of each new page and
// to the error summary on an error; whatever has keyboard focus is visibly marked.
import { test, expect, expectNoAxeViolations, daysAgo } from './helpers.mjs';

/// What has focus: tag, id, classes, text and whether a focus style is visible.
const focused = (page) => page.evaluate(() => {
  const e = document.activeElement;
  if (!e || e === document.body) return { tag: 'BODY' };
  const cs = getComputedStyle(e);
  const visible = (cs.outlineStyle !== 'none' && parseFloat(cs.outlineWidth) > 0 && cs.outlineColor !== 'rgba(0, 0, 0, 0)') || cs.boxShadow !== 'none';
  return {
    tag: e.tagName, id: e.id, type: e.getAttribute('type') || '', cls: e.className || '', value: e.value || '',
    text: (e.textContent || '').trim().slice(0, 80), shown: (e.innerText || '').trim().slice(0, 80), href: e.getAttribute('href') || '', visible, bg: cs.backgroundColor,
  };
});

/// Presses Tab until `want(focused)` holds; fails after `max` presses. Every element reached
/// on the way must show a visible focus indicator.
async function tabTo(page, want, what, max = 40) {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    const f = await focused(page);
    expect(f.tag, `Tab reached nothing on the way to ${what}`).not.toBe('BODY');
    expect(f.visible, `visible focus on ${f.tag}#${f.id}.${f.cls} "${f.text}"`).toBe(true);
    if (want(f)) return f;
  }
  throw new Error(`Tab never reached ${what}`);
}

const isH1 = (page) => page.evaluate(() => document.activeElement?.tagName === 'H1' && !!document.activeElement.closest('#app, #start'));

test('keyboard alone: start to outcome, focus on each new heading and on the error summary', async ({ page, camau }) => {
  test.setTimeout(120_000);
  await camau.open();
  // The skip link is the first stop, and visible when focused.
  const skip = await tabTo(page, (f) => f.cls.includes('skip-link'), 'the skip link', 1);
  expect(skip.shown).toBe('Skip to main content');
  await expect(page.locator('a.skip-link')).toBeInViewport();
  await tabTo(page, (f) => f.cls.includes('button-start'), 'Start now');
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/#\/q\/user$/);
  await expect(camau.main.locator('h1')).toBeFocused();
  // The skip link works on the app's pages too: focus moves into the page, which stays.
  await page.keyboard.press('Shift+Tab');
  for (let i = 0; i < 10 && !(await page.evaluate(() => document.activeElement?.classList.contains('skip-link'))); i++) await page.keyboard.press('Shift+Tab');
  await page.keyboard.press('Enter');
  await expect(page.locator('#app main')).toBeFocused();
  await expect(page).toHaveURL(/#\/q\/user$/);

  // An error first: Continue with nothing chosen.
  await tabTo(page, (f) => f.tag === 'BUTTON' && f.type === 'submit', 'Continue');
  await page.keyboard.press('Enter');
  await expect(camau.main.locator('.error-summary')).toBeFocused();
  await expect(page).toHaveURL(/#\/q\/user$/);
  // The summary's link takes focus to the first option.
  await tabTo(page, (f) => f.tag === 'A' && f.href === '#user-parent', 'the error link', 2);
  await page.keyboard.press('Enter');
  await expect(page.locator('#user-parent')).toBeFocused();
  await page.keyboard.press('Space');
  await expect(page.locator('#user-parent')).toBeChecked();
  await tabTo(page, (f) => f.tag === 'BUTTON' && f.type === 'submit', 'Continue');
  await page.keyboard.press('Enter');

  // Every following question: the first option (Space), or a date typed in, then Continue.
  const date = await daysAgo(page, 20);
  const pages = [];
  for (let i = 0; i < 40; i++) {
    await page.waitForFunction(() => !!document.querySelector('#app h1'));
    const h = await camau.hash();
    if (pages.at(-1) === h) throw new Error(`stuck on ${h}`);
    pages.push(h);
    if (!h.startsWith('#/q/')) break;
    await expect.poll(() => isH1(page), `focus on the heading of ${h}`).toBe(true);
    if (await camau.main.locator('input.date-input').count()) {
      for (const [suffix, v] of [['day', date.d], ['month', date.m], ['year', date.y]]) {
        await tabTo(page, (f) => f.id.endsWith(`-${suffix}`), `the ${suffix} field`);
        await page.keyboard.type(String(v));
      }
    } else {
      await tabTo(page, (f) => f.tag === 'INPUT' && (f.type === 'radio' || f.type === 'checkbox'), 'the first option');
      await page.keyboard.press('Space');
      expect(await page.evaluate(() => document.activeElement.checked), `Space chose an option on ${h}`).toBe(true);
    }
    await tabTo(page, (f) => f.tag === 'BUTTON' && f.type === 'submit', 'Continue');
    await page.keyboard.press('Enter');
    await page.waitForFunction((x) => location.hash !== x || !!document.querySelector('#app .error-summary'), h);
    expect(await camau.main.locator('.error-summary').count(), `no error on ${h}`).toBe(0);
  }
  expect(pages.length).toBeGreaterThan(8);

  // About you: type a name, Tab through the selects, Continue.
  expect(pages.at(-1)).toBe('#/about');
  await expect.poll(() => isH1(page)).toBe(true);
  await tabTo(page, (f) => f.id === 'about-child', 'the name field');
  await page.keyboard.type('Alys');
  await tabTo(page, (f) => f.tag === 'BUTTON' && f.type === 'submit', 'Continue');
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/#\/check$/);
  await expect.poll(() => isH1(page)).toBe(true);
  await tabTo(page, (f) => f.href === '#/result', 'See what this means for you', 80);
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/#\/result$/);
  await expect(page.locator('#app main p.lead')).toBeVisible();
  await expect.poll(() => isH1(page)).toBe(true);

  // On the outcome: the first step's letter opens with Enter, and its Copy button is next.
  await tabTo(page, (f) => f.tag === 'SUMMARY', 'the first letter', 60);
  expect(await page.evaluate(() => document.activeElement.textContent)).toMatch(/^Open the letter: /);
  await page.keyboard.press('Enter');
  expect(await page.evaluate(() => document.activeElement.parentElement.open)).toBe(true);
  await tabTo(page, (f) => f.tag === 'BUTTON' && f.text.startsWith('Copy: '), 'its Copy button', 40);
  await expectNoAxeViolations(page, 'result, keyboard');
});

test('the Back link and the footer work from the keyboard', async ({ page, camau }) => {
  await camau.start();
  await camau.answerFrom({ user: 'parent' });
  await expect(camau.main.locator('h1')).toBeFocused();
  // Shift+Tab from the heading reaches the Back link.
  await page.keyboard.press('Shift+Tab');
  let f = await focused(page);
  expect(f.cls).toContain('back-link');
  expect(f.visible).toBe(true);
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/#\/q\/user$/);
  await expect(camau.main.locator('h1')).toBeFocused();
  await expect(page.locator('#user-parent')).toBeChecked();
  // The footer's delete button, by keyboard.
  f = await tabTo(page, (x) => x.tag === 'BUTTON' && x.text === 'Delete my answers from this device', 'Delete my answers', 30);
  await page.keyboard.press('Enter');
  // It asks first: the question has focus, and Tab reaches "Yes".
  await expect(page.locator('.confirm')).toBeFocused();
  await tabTo(page, (x) => x.tag === 'BUTTON' && x.text === 'Yes, delete my answers', 'Yes, delete', 3);
  await page.keyboard.press('Enter');
  await expect(page.locator('#start h1')).toBeVisible();
  await expect(page.locator('#start h1')).toBeFocused();
  expect(await camau.stored()).toBeNull();
});
