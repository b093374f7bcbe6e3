// Issue 14: Camau in Welsh. The whole journey in Welsh to a Welsh letter; switching mid-journey
// keeps every answer and the place; a Welsh letter from English pages; the choice remembered
// and painted before the wasm; the host's and the browser's language; axe clean on Welsh pages.
import { test, expect, SCHOOL_PATH, expectNoAxeViolations, reveal } from './helpers.mjs';

// English words a Welsh page never uses (see tests/paths.rs, which checks every route natively).
const ENGLISH = /\b(the|and|your|you|with|what|which|must|should|please|have|has|are|not|will|from)\b/i;

/// The text a parent sees on the page (not the hidden other language), without the parts
/// marked as English (the language link, a letter's own words written in English).
const shownWelsh = (page) =>
  page.evaluate(() => {
    const walk = (n) => {
      if (n.nodeType === Node.TEXT_NODE) return n.textContent;
      if (n.nodeType !== Node.ELEMENT_NODE) return '';
      const e = n;
      if (e.matches('script, style, noscript, [hidden], [lang|=en]') || getComputedStyle(e).display === 'none') return '';
      return [...e.childNodes].map(walk).join(' ');
    };
    return walk(document.body).replace(/\s+/g, ' ');
  });

async function toWelsh(page) {
  await page.locator('a.lang-link[data-lang=cy]').click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'cy');
}

test('a whole journey in Welsh, from the start page to a Welsh letter', async ({ page, camau }) => {
  test.setTimeout(120_000);
  await camau.open();
  await toWelsh(page);
  await expect(page.locator('#start h1')).toHaveText(/beth mae'r gyfraith yn ei ddweud/, { useInnerText: true });
  await expect(page).toHaveTitle(/^CDU eich plentyn/);
  await expect(page.locator('a.lang-link[data-lang=en]')).toBeVisible();
  await expect(page.locator('a.lang-link[data-lang=en]')).toHaveAttribute('lang', 'en');
  expect(await shownWelsh(page)).not.toMatch(ENGLISH);
  await page.locator('#start a.button-start').click();
  await expect(page).toHaveURL(/#\/q\/user$/);
  await expect(camau.main.locator('h1')).toHaveText('Pwy sy\'n defnyddio Camau?');
  // An error in Welsh: the summary, and "Gwall:" in the title.
  await camau.main.locator('button[type=submit]').click();
  await expect(camau.main.locator('.error-summary h2')).toHaveText('Mae problem');
  await expect(page).toHaveTitle(/^Gwall: /);
  await expectNoAxeViolations(page, 'Welsh question with an error');
  const seen = [];
  await camau.walk(SCHOOL_PATH, {
    onPage: async (h) => {
      seen.push(h);
      const text = await shownWelsh(page);
      expect(text, `English on the Welsh page ${h}`).not.toMatch(ENGLISH);
      expect(text, `a placeholder left on ${h}`).not.toMatch(/[{}]/);
    },
  });
  expect(seen.length).toBeGreaterThan(10);
  await expect(page.locator('#app a.back-link').first()).toHaveText(/Yn ôl/);
  await camau.about({ child: 'Siân ŵ', parent: 'Gwyn', school: 'Ysgol y Môr & <Dyffryn>' });
  await camau.seeResult();
  await expect(camau.main.locator('h1')).toHaveText('Beth mae hyn yn ei olygu i\'ch plentyn');
  expect(await shownWelsh(page)).not.toMatch(ENGLISH);
  await expectNoAxeViolations(page, 'Welsh outcome');
  // The first step's letter: in Welsh, with the names as typed (not mutated, not escaped twice).
  const letter = await reveal(camau.main.locator('textarea.letter-text').first());
  const text = await letter.inputValue();
  expect(text).toMatch(/Annwyl/);
  expect(text).toMatch(/Yn gywir|Yr eiddoch yn gywir/);
  expect(text).toContain('Gwyn');
  expect(text).not.toMatch(ENGLISH);
  expect(text).not.toMatch(/[{}]/);
  // The page and the letter are both Welsh: the letter needs no lang of its own.
  expect(await letter.getAttribute('lang')).toBeNull();
});

test('switching language mid-journey keeps every answer, the place, and works back', async ({ page, camau }) => {
  await camau.start();
  await camau.answerFrom(SCHOOL_PATH); // user
  await camau.answerFrom(SCHOOL_PATH); // setting
  await expect(page).toHaveURL(/#\/q\/dob$/);
  await camau.fillDate(4, 3, 2015); // typed, not yet sent
  const stored = await camau.stored();
  await toWelsh(page);
  // The same page, in Welsh, with nothing asked again and nothing lost.
  await expect(page).toHaveURL(/#\/q\/dob$/);
  await expect(camau.main.locator('h1')).not.toHaveText(/date of birth/i);
  await expect(camau.main.locator('label.date-label').first()).toHaveText('Diwrnod');
  // What was typed but not yet sent is still in the fields.
  await expect(camau.main.locator('input.date-input').nth(0)).toHaveValue('4');
  await expect(camau.main.locator('input.date-input').nth(2)).toHaveValue('2015');
  expect(await camau.stored()).toBe(stored);
  // The footer follows (it is not redrawn with the page).
  expect(await page.locator('footer').innerText()).not.toMatch(ENGLISH);
  // Focus stays on the language link, now the one back to English, and it stays in the Tab order.
  await expect(page.locator('a.lang-link[data-lang=en]')).toBeFocused();
  expect(await page.locator('a.lang-link[data-lang=en]').getAttribute('tabindex')).toBeNull();
  await expectNoAxeViolations(page, 'Welsh date question');
  // Back: the answer given in English is there, in Welsh.
  await page.locator('#app a.back-link').click();
  await expect(page).toHaveURL(/#\/q\/setting$/);
  await expect(camau.main.locator('input[value=school]')).toBeChecked();
  // A reload remembers the choice: Welsh before the app starts, and in the app.
  await page.reload();
  await expect(page.locator('html')).toHaveAttribute('lang', 'cy');
  await camau.ready();
  await expect(camau.main.locator('input[value=school]')).toBeChecked();
  await expect(camau.main.locator('h1')).toHaveText('Ble mae eich plentyn yn dysgu nawr?');
  // And back to English, on the same page.
  await page.locator('a.lang-link[data-lang=en]').click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en-GB');
  await expect(camau.main.locator('h1')).toHaveText('Where does your child learn now?');
  await expect(page).toHaveURL(/#\/q\/setting$/);
  expect(await camau.stored()).toBe(stored);
});

test('a Welsh letter from English pages, and an English letter from Welsh ones', async ({ page, camau }) => {
  test.setTimeout(90_000);
  await camau.toOutcome(SCHOOL_PATH, { child: 'Siân', parent: 'Gwyn' });
  const letter = () => camau.main.locator('textarea.letter-text').first();
  await reveal(letter());
  expect(await letter().inputValue()).toMatch(/^.*\n\nDear /);
  const cy = await reveal(camau.main.locator('#letters-cy'));
  await expect(cy).toHaveAttribute('lang', 'cy');
  await expect(cy).toHaveAttribute('aria-pressed', 'false');
  await cy.click();
  await expect(camau.main.locator('#letters-cy')).toHaveAttribute('aria-pressed', 'true');
  // The page is drawn again with the Welsh letters; focus stays on the button pressed (its part
  // open again), which keeps its place in the Tab order.
  await expect(camau.main.locator('#letters-cy')).toBeFocused();
  expect(await camau.main.locator('#letters-cy').getAttribute('tabindex')).toBeNull();
  await reveal(letter());
  await expect(letter()).toHaveAttribute('lang', 'cy');
  const text = await letter().inputValue();
  expect(text).toMatch(/Annwyl/);
  expect(text).toContain('Siân');
  // The page stays English; only the letters changed.
  await expect(camau.main.locator('h1')).toHaveText('What this means for your child');
  await expect(page.locator('html')).toHaveAttribute('lang', 'en-GB');
  await expectNoAxeViolations(page, 'English page, Welsh letters');
  // Email carries the Welsh letter.
  const mail = await camau.main.locator('a[href^="mailto:"]').first().getAttribute('href');
  expect(decodeURIComponent(mail)).toContain('Annwyl');
  // Remembered: after a reload the letters are still Welsh.
  await page.reload();
  await camau.ready();
  await reveal(letter());
  await expect(letter()).toHaveAttribute('lang', 'cy');
  // Welsh pages, English letters: the letter is marked English.
  await toWelsh(page);
  await (await reveal(camau.main.locator('#letters-en'))).click();
  await reveal(letter());
  expect(await letter().inputValue()).toMatch(/Dear /);
  await expect(letter()).toHaveAttribute('lang', 'en');
  await expect(camau.main.locator('h1')).toHaveText('Beth mae hyn yn ei olygu i\'ch plentyn');
});

test('a browser set to Welsh opens in Welsh; a host can choose Welsh for its embed', async ({ browser, baseURL }) => {
  const ctx = await browser.newContext({ baseURL, locale: 'cy-GB', viewport: { width: 360, height: 740 } });
  const page = await ctx.newPage();
  await page.goto('/');
  await expect(page.locator('html')).toHaveAttribute('lang', 'cy');
  await expect(page.locator('#start h1')).toHaveText(/gyfraith/, { useInnerText: true });
  await ctx.close();
  // The host's settings file: Welsh unless the parent chose otherwise.
  const host = await browser.newContext({ baseURL, viewport: { width: 360, height: 740 } });
  const p = await host.newPage();
  await p.route('**/camau-config.json', (r) => r.fulfill({ contentType: 'application/json', body: JSON.stringify({ organisation: 'Elusen', language: 'cy' }) }));
  await p.goto('/');
  await expect(p.locator('html')).toHaveAttribute('lang', 'cy');
  await expect(p.locator('#host')).toContainText('Elusen');
  await expect(p.locator('#app footer')).toBeAttached({ timeout: 30_000 });
  // The parent's own choice wins over the host's.
  await p.locator('a.lang-link[data-lang=en]').click();
  await expect(p.locator('html')).toHaveAttribute('lang', 'en-GB');
  await p.reload();
  await expect(p.locator('html')).toHaveAttribute('lang', 'en-GB');
  await host.close();
});

test('without JavaScript: the message in both languages, and the printable guide in Welsh', async ({ browser, baseURL }) => {
  const context = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 360, height: 740 }, baseURL });
  const page = await context.newPage();
  try {
    await page.goto('/');
    const banner = page.locator('#start .banner', { hasText: 'needs JavaScript' });
    await expect(banner.locator('[lang=cy]')).toBeVisible();
    await banner.getByRole('link', { name: "darllenwch y canllaw i'w argraffu" }).click();
    await expect(page).toHaveURL(/guide-cy\.html$/);
    await expect(page.locator('html')).toHaveAttribute('lang', 'cy');
    await expect(page.locator('body')).toContainText('nid cyngor cyfreithiol');
    expect(await page.locator('main').innerText()).not.toMatch(/\b(the|your|must|should|please)\b/);
    // The same guide in English, one link away.
    await expect(page.getByRole('link', { name: 'English' })).toHaveAttribute('href', 'guide.html');
  } finally {
    await context.close();
  }
});

test('the Welsh printable guide passes axe', async ({ page }) => {
  await page.goto('/guide-cy.html');
  await expectNoAxeViolations(page, 'guide-cy.html');
});

test("a host that stops choosing Welsh: the next visit follows the browser again", async ({ browser, baseURL }) => {
  // (No offline copy: the settings file is then always the one this test serves.)
  const ctx = await browser.newContext({ baseURL, viewport: { width: 360, height: 740 }, serviceWorkers: 'block' });
  const p = await ctx.newPage();
  let config = { language: 'cy' };
  await p.route('**/camau-config.json', (r) => r.fulfill({ contentType: 'application/json', body: JSON.stringify(config) }));
  await p.goto('/');
  await expect(p.locator('html')).toHaveAttribute('lang', 'cy');
  await p.reload();
  // Remembered: painted in Welsh before the settings file is read again.
  await expect(p.locator('html')).toHaveAttribute('lang', 'cy');
  config = { organisation: 'Elusen' };
  await p.reload();
  await expect(p.locator('#host')).toContainText('Elusen');
  await expect.poll(() => p.evaluate(() => localStorage.getItem('camau-host-lang'))).toBeNull();
  await p.reload();
  await expect(p.locator('html')).toHaveAttribute('lang', 'en-GB');
  await ctx.close();
});

test('a letter changed by hand, then wanted in Welsh: their words stay, and they choose', async ({ page, camau }) => {
  test.setTimeout(90_000);
  await camau.toOutcome(SCHOOL_PATH, { child: 'Siân', parent: 'Gwyn' });
  const letter = () => camau.main.locator('textarea.letter-text').first();
  const mine = 'Fy ngeiriau fy hun & <my own words> for Ysgol Gŵyr.';
  await (await reveal(letter())).fill(mine);
  await (await reveal(camau.main.locator('#letters-cy'))).click();
  await expect(camau.main.locator('#letters-cy')).toHaveAttribute('aria-pressed', 'true');
  // Nothing the parent wrote is lost: the letter is still theirs, and the page says Camau's
  // wording has changed (now the Welsh), offering it.
  await reveal(letter());
  await expect(letter()).toHaveValue(mine);
  const article = camau.main.locator('article.letter').first();
  const changed = article.locator('.letter-changed');
  await expect(changed).toBeVisible();
  await expect(changed).toContainText("Camau's wording for this letter has changed");
  await expectNoAxeViolations(page, 'a changed letter, letters in Welsh');
  await changed.getByRole('button', { name: /^Use the new wording/ }).click();
  await expect(changed).toBeHidden();
  await expect(letter()).toHaveValue(/Annwyl/);
  await expect(letter()).toHaveValue(/Siân/);
  await expect(letter()).toHaveAttribute('lang', 'cy');
});
