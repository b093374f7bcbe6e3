// Issue 5 (WCAG 1.4.10 reflow, 2.5.8 target size): at 320 px wide (= 1280 px at 400% zoom),
// on a 360 px phone and at 1280x800, no page scrolls sideways; every link, button and field
// is at least 24x24 CSS px, and the main buttons at least 44 px high.
import { test, expect, encodeSaved, SCHOOL_PATH } from './helpers.mjs';

/// A finished set of answers in the saved format, so every page opens directly.
function saved() {
  return encodeSaved(
    { ...SCHOOL_PATH, review_issues: ['alp_missing', 'short'], told: ['no_capacity'], social_care: 'waiting', decision: 'la_decision', decision_date: { daysAgo: 56 }, dr_when: 'no' },
    { child: 'Alys', parent: 'Siân Jones', school: 'Ysgol Gyfun Gymraeg Bryn Tawe a Chanolfan Adnoddau Arbennig', la: 'cardiff' },
  );
}

const PAGES = { start: '#/', question: '#/q/setting', date: '#/q/s20_date', about: '#/about', check: '#/check', outcome: '#/result' };

async function open(page, camau, hash) {
  await page.goto('/' + hash);
  await camau.ready();
  expect(await camau.hash(), `${hash} opened as itself`).toBe(hash === '#/' ? '#/' : hash);
}

/// Fails with the elements that stick out, if the page scrolls sideways.
async function expectNoSideScroll(page, label) {
  const r = await page.evaluate(() => {
    const w = document.documentElement.clientWidth;
    const wide = [...document.querySelectorAll('body *')]
      .filter((e) => e.getClientRects().length && !e.closest('.visually-hidden, .skip-link'))
      .filter((e) => e.getBoundingClientRect().right > w + 0.5)
      .slice(0, 5)
      .map((e) => `${e.tagName}.${e.className} right=${Math.round(e.getBoundingClientRect().right)}`);
    return { scroll: document.documentElement.scrollWidth, w, wide };
  });
  expect.soft(r.scroll, `${label}: page is ${r.scroll}px wide in a ${r.w}px window: ${r.wide.join(', ')}`).toBeLessThanOrEqual(r.w);
  expect.soft(r.wide, `${label}: elements past the right edge`).toEqual([]);
}

/// Every visible link, button, field and summary: at least 24x24; main buttons 44 px high.
async function expectTargetSizes(page, label) {
  const small = await page.evaluate(() => {
    const out = [];
    for (const e of document.querySelectorAll('a[href], button, input, select, textarea, summary')) {
      if (!e.getClientRects().length || e.closest('[hidden], .visually-hidden') || e.classList.contains('skip-link')) continue;
      const cs = getComputedStyle(e);
      if (cs.visibility === 'hidden' || cs.display === 'none') continue;
      const r = e.getBoundingClientRect();
      const name = `${e.tagName}${e.id ? '#' + e.id : ''}.${e.className} "${(e.textContent || e.value || '').trim().slice(0, 30)}"`;
      if (r.width < 24 || r.height < 24) out.push(`${name} is ${r.width.toFixed(1)}x${r.height.toFixed(1)}`);
      if (e.classList.contains('button') && r.height < 44) out.push(`${name} (main button) is ${r.height.toFixed(1)} high`);
    }
    return out;
  });
  expect.soft(small, `${label}: targets too small`).toEqual([]);
}

for (const [width, height] of [[320, 740], [360, 740], [1280, 800]]) {
  test(`${width}x${height}: no sideways scroll, targets big enough`, async ({ page, camau }) => {
    test.setTimeout(90_000);
    await page.setViewportSize({ width, height });
    await page.addInitScript((v) => {
      if (!sessionStorage.getItem('seeded')) {
        sessionStorage.setItem('seeded', '1');
        localStorage.setItem('camau', v);
      }
    }, saved());
    for (const [name, hash] of Object.entries(PAGES)) {
      await open(page, camau, hash);
      if (name === 'outcome') {
        // With every "Why?" box open, too.
        await camau.main.locator('details.why').evaluateAll((ds) => ds.forEach((d) => { d.open = true; }));
      }
      await expectNoSideScroll(page, `${name} at ${width}px`);
      await expectTargetSizes(page, `${name} at ${width}px`);
    }
    // An error state too (error summary and messages).
    await open(page, camau, '#/q/s20_date');
    await camau.fillDate('31', '2', '2026');
    await camau.continue();
    await camau.expectError();
    await expectNoSideScroll(page, `date error at ${width}px`);
    await expectTargetSizes(page, `date error at ${width}px`);
    if (width === 320) await camau.screenshot('question-error-320');
  });
}

// WCAG 1.4.4: text at 200% on a 320 px screen; long words ("responsible", "disagreement") in
// headings wrap instead of pushing the page sideways.
test('320 px with text at 200%: no sideways scroll on any page, every part open', async ({ page, camau }) => {
  test.setTimeout(90_000);
  await page.setViewportSize({ width: 320, height: 740 });
  await page.addInitScript((v) => {
    if (!sessionStorage.getItem('seeded')) {
      sessionStorage.setItem('seeded', '1');
      localStorage.setItem('camau', v);
    }
    document.addEventListener('DOMContentLoaded', () => { document.documentElement.style.fontSize = '200%'; });
  }, saved());
  for (const [name, hash] of Object.entries(PAGES)) {
    await open(page, camau, hash);
    expect(await page.evaluate(() => getComputedStyle(document.documentElement).fontSize)).toBe('32px');
    if (name === 'outcome') await camau.main.locator('details').evaluateAll((ds) => ds.forEach((d) => { d.open = true; }));
    await expectNoSideScroll(page, `${name} at 320px, text 200%`);
  }
});
