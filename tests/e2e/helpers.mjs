// Shared by the journey specs: a page object for Camau (start, answer, fillDate, continue,
// walk a whole path), axe checks, screenshots, and a guard that fails a test on any request
// to another origin and on any console error or uncaught page error.
//
// Use `test` from here (not from @playwright/test): it adds two fixtures,
//   guard  (automatic) – records every request, console error and page error of the test's
//                        browser context and fails the test at the end if anything is wrong;
//   camau              – the page object for the test's page.
import { test as base, expect } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { settled } from './hosting.mjs';
import { mkdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { resolve, join } from 'node:path';

export { expect };
export const HERE = fileURLToPath(new URL('.', import.meta.url));
export const ARTIFACTS = resolve(HERE, 'artifacts');
export const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

/// Zero axe violations (WCAG 2.0/2.1/2.2 A and AA) on the page as it is now.
export async function expectNoAxeViolations(page, label = '') {
  // Only violations are needed: skipping the passes list makes axe much faster on long pages.
  const results = await new AxeBuilder({ page }).options({ resultTypes: ['violations'] }).withTags(WCAG_TAGS).analyze();
  const report = results.violations.map((v) =>
    `${v.id} (${v.impact}): ${v.help}\n` + v.nodes.slice(0, 5).map((n) => `    ${n.target.join(' ')}: ${n.failureSummary?.split('\n').join(' ')}`).join('\n'));
  expect(report, `axe violations on ${label || (await page.evaluate(() => location.hash)) || 'start'}`).toEqual([]);
}

/// Records every request of a browser context and every console error / page error of its
/// pages. `check()` fails on any of them (run automatically after each test).
export class Guard {
  constructor(context, baseURL) {
    this.origin = new URL(baseURL).origin;
    this.requests = [];
    this.errors = [];
    this.allowed = [];
    context.on('request', (r) => this.requests.push(r.url()));
    const watchPage = (p) => {
      p.on('console', (m) => {
        if (m.type() !== 'error') return;
        this.errors.push({ kind: 'console', text: m.text(), url: m.location()?.url || '' });
      });
      p.on('pageerror', (e) => this.errors.push({ kind: 'pageerror', text: String(e?.stack || e), url: '' }));
      p.on('dialog', (d) => {
        this.errors.push({ kind: 'dialog', text: `${d.type()}: ${d.message()}`, url: '' });
        d.dismiss().catch(() => {});
      });
    };
    context.pages().forEach(watchPage);
    context.on('page', watchPage);
  }
  /// Lets a test expect a console error it causes on purpose (a RegExp on its text, or a
  /// function of { kind, text, url }).
  allow(re) {
    this.allowed.push(re);
  }
  /// Requests that left the app's own origin (data: URLs and same-origin blob: URLs are local).
  foreign() {
    return this.requests.filter((u) => {
      if (/^(data|about):/.test(u)) return false;
      try {
        return new URL(u).origin !== this.origin;
      } catch {
        return true;
      }
    });
  }
  /// Console errors, page errors and dialogs not allowed by the test.
  problems() {
    return this.errors.filter((e) => !this.allowed.some((a) => (typeof a === 'function' ? a(e) : a.test(e.text))));
  }
  check() {
    expect(this.foreign(), 'requests to another origin').toEqual([]);
    expect(this.problems().map((e) => `${e.kind}: ${e.text}${e.url ? ` (${e.url})` : ''}`), 'console errors, page errors and dialogs').toEqual([]);
  }
}

/// The date `days` before today in the browser's own time zone, as { d, m, y, iso }.
export async function daysAgo(page, days) {
  return page.evaluate((n) => {
    const t = new Date();
    const x = new Date(t.getFullYear(), t.getMonth(), t.getDate() - n);
    const pad = (v) => String(v).padStart(2, '0');
    return { d: x.getDate(), m: x.getMonth() + 1, y: x.getFullYear(), iso: `${x.getFullYear()}-${pad(x.getMonth() + 1)}-${pad(x.getDate())}` };
  }, days);
}

/// Adds days to an ISO date (calendar arithmetic, no time zones).
export function addDays(iso, n) {
  const [y, m, d] = iso.split('-').map(Number);
  const x = new Date(Date.UTC(y, m - 1, d + n));
  return x.toISOString().slice(0, 10);
}

/// A whole school path: school keeps the IDP, provision may be beyond it, health involved,
/// a section 20 referral 8 weeks ago with no answer (overdue), no review date.
/// Dates are { daysAgo: N } or 'unsure'; many-choice answers are arrays.
export const SCHOOL_PATH = {
  user: 'parent',
  setting: 'school',
  // A date of birth answers "over compulsory school age?" (a child of 11: no), so it is not asked.
  dob: { date: [4, 3, 2015] },
  over_school_age: 'no',
  looked_after: 'no',
  idp_holder: 'school',
  provision_beyond: 'yes',
  health_involved: 'yes',
  therapy_section: 's2c',
  s20_made: 'yes',
  s20_by: 'school',
  s20_date: { daysAgo: 56 },
  lhb_replied: 'no',
  last_review: 'unsure',
  idp_given: 'unsure',
  review_issues: ['none'],
  told: ['none'],
  social_care: 'assessed',
  decision: 'no',
};

/// Whether a date is a working day in Wales whatever the year: a Wednesday or Thursday (the
/// moveable bank holidays are Mondays and Good Friday; the substitute days Mondays and
/// Tuesdays) that is not Christmas Day, Boxing Day or New Year's Day. A test of a deadline that
/// runs on past a holiday (`Date::next_working_day`) picks its dates with this, so it holds on
/// any day it is run.
export function plainWorkingDay(iso) {
  const [y, m, d] = iso.split('-').map(Number);
  const wd = new Date(Date.UTC(y, m - 1, d)).getUTCDay();
  return wd >= 3 && wd <= 4 && !(m === 12 && (d === 25 || d === 26)) && !(m === 1 && d === 1);
}

/// An ISO date `days` before today (this machine's time zone, which the browser is given too).
export function isoDaysAgo(days) {
  const t = new Date();
  const x = new Date(t.getFullYear(), t.getMonth(), t.getDate() - days);
  return `${x.getFullYear()}-${String(x.getMonth() + 1).padStart(2, '0')}-${String(x.getDate()).padStart(2, '0')}`;
}

/// The saved format's version now (its one home is `codec::VERSION` in src/engine/codec.rs),
/// so seeded specs test today's format, not the migration from an old one.
export const SAVED_VERSION = Number(readFileSync(resolve(HERE, '../../src/engine/codec.rs'), 'utf8').match(/pub const VERSION: u32 = (\d+);/)[1]);

/// Answers (as in SCHOOL_PATH) and details ({ child, parent, school, la: id, lhb: id }) in
/// Camau's saved format (src/engine/codec.rs), so a test can open any page directly.
export function encodeSaved(answers = SCHOOL_PATH, details = {}) {
  const enc = (v) => encodeURIComponent(v).replace(/[!'()*]/g, (c) => '%' + c.charCodeAt(0).toString(16).toUpperCase());
  const out = [`v=${SAVED_VERSION}`, `s=${isoDaysAgo(0)}`];
  for (const [q, a] of Object.entries(answers)) {
    let v;
    if (a === 'unsure') v = 'unsure';
    else if (a && typeof a === 'object' && 'daysAgo' in a) v = isoDaysAgo(a.daysAgo);
    else if (a && typeof a === 'object' && 'date' in a) v = `${a.date[2]}-${String(a.date[1]).padStart(2, '0')}-${String(a.date[0]).padStart(2, '0')}`;
    else v = [].concat(a).join(',');
    out.push(`a.${q}=${enc(v)}`);
  }
  for (const k of ['child', 'parent', 'school', 'la', 'lhb']) if (details[k]) out.push(`d.${k}=${enc(details[k])}`);
  return out.join('&');
}

/// The page object.
export class Camau {
  constructor(page, guard) {
    this.page = page;
    this.guard = guard;
    this.main = page.locator('#app main');
  }

  hash() {
    return this.page.evaluate(() => location.hash);
  }
  /// The question id from the address (#/q/<id>[/change]), or null.
  async qid() {
    const m = (await this.hash()).match(/^#\/q\/([a-z0-9_]+)/);
    return m ? m[1] : null;
  }
  /// The visible page heading (the static start page's or the app's).
  h1() {
    return this.page.locator('#start:not([hidden]) h1, #app h1').first();
  }

  /// Opens Camau at `hash` and waits for the wasm to mount.
  async open(hash = '') {
    await this.page.goto('/' + hash);
    await this.ready();
  }
  /// The app has started (its footer is rendered by the wasm).
  async ready() {
    await expect(this.page.locator('#app footer')).toBeAttached({ timeout: 30_000 });
    await expect(this.h1()).toBeVisible();
    // A page after the first question shows a short wait until its words arrive (`render::
    // waiting_html`): the page asked for is the one drawn after it.
    await expect(this.page.locator('#waiting')).toHaveCount(0, { timeout: 30_000 });
  }

  /// From the start page: "Start now" to the first question.
  async start() {
    if (!/^(#\/?)?$/.test(await this.hash().catch(() => 'x')) || this.page.url() === 'about:blank') await this.open();
    else await this.ready();
    await expect(this.page.locator('#start h1')).toBeVisible();
    await this.page.locator('#start a.button-start').click();
    await expect(this.page).toHaveURL(/#\/q\/user$/);
    await expect(this.main.locator('h1')).toBeVisible();
  }

  /// Chooses an option of the question shown: by option id (the input's value) or label text.
  async answer(option) {
    const qid = await this.qid();
    // By option id (the input's value) on this question's own inputs (which waits for the page
    // to be drawn), or else by its label.
    const input = /^[a-z0-9_]+$/.test(option)
      ? this.main.locator(`input.choice-input[name="${qid}"][value="${option}"]`)
      : this.main.getByLabel(option, { exact: true });
    await expect(input, `option ${option} on ${qid}`).toHaveCount(1);
    await input.check();
  }

  /// Types a date into the day, month and year fields (strings or numbers; '' leaves a field empty).
  async fillDate(d, m, y) {
    const f = this.main.locator('input.date-input');
    await expect(f).toHaveCount(3);
    await f.nth(0).fill(String(d));
    await f.nth(1).fill(String(m));
    await f.nth(2).fill(String(y));
  }

  /// Presses the page's main button and waits for the next page or an error summary.
  /// Returns the new address.
  async continue() {
    const before = await this.hash();
    await this.main.locator('button[type=submit]').click();
    await this.page.waitForFunction((h) => location.hash !== h || !!document.querySelector('#app .error-summary'), before);
    await settled(this.page);
    await expect(this.h1()).toBeVisible();
    return this.hash();
  }

  /// The error summary on the page, focused, with `text` in it.
  async expectError(text) {
    const summary = this.main.locator('.error-summary');
    await expect(summary).toBeVisible();
    if (text) await expect(summary).toContainText(text);
    await expect(summary).toBeFocused();
    await expect(this.main.locator('.error-message')).toBeVisible();
    await expect(this.page).toHaveTitle(/^Error: /);
  }

  /// Answers the question shown from `answers` (see SCHOOL_PATH) and continues.
  async answerFrom(answers) {
    const qid = await this.qid();
    if (!(qid in answers)) throw new Error(`no answer given for question ${qid}`);
    const a = answers[qid];
    if (a === 'unsure') {
      await this.main.locator(`[id="${qid}-unsure"]`).check();
    } else if (a && typeof a === 'object' && 'daysAgo' in a) {
      const x = await daysAgo(this.page, a.daysAgo);
      await this.fillDate(x.d, x.m, x.y);
    } else if (a && typeof a === 'object' && 'date' in a) {
      await this.fillDate(...a.date);
    } else {
      for (const o of [].concat(a)) await this.answer(o);
    }
    const next = await this.continue();
    expect(next, `after answering ${qid}`).not.toBe(`#/q/${qid}`);
    return next;
  }

  /// Answers questions from `answers` until the questions end (the "about you" or check
  /// page). `onPage(hash)` runs on every page shown, the first question included.
  async walk(answers, { onPage = async () => {} } = {}) {
    for (let i = 0; i < 60; i++) {
      const h = await this.hash();
      await onPage(h);
      if (!h.startsWith('#/q/')) return h;
      await this.answerFrom(answers);
    }
    throw new Error('the questions did not end');
  }

  /// Fills the optional "about you" page (any of child, parent, school, la, lhb) and continues.
  async about(details = {}) {
    await expect(this.page).toHaveURL(/#\/about/);
    if (details.child !== undefined) await this.page.locator('#about-child').fill(details.child);
    if (details.parent !== undefined) await this.page.locator('#about-parent').fill(details.parent);
    if (details.school !== undefined) await this.page.locator('#about-school').fill(details.school);
    if (details.la !== undefined) await this.page.locator('#about-la').selectOption({ label: details.la });
    if (details.lhb !== undefined) await this.page.getByRole('radio', { name: details.lhb, exact: true }).check();
    return this.continue();
  }

  /// From the check page to the outcome.
  async seeResult() {
    await expect(this.page).toHaveURL(/#\/check$/);
    await this.main.locator('a[href="#/result"]').click();
    await expect(this.page).toHaveURL(/#\/result$/);
    await expect(this.main.locator('h1')).toBeVisible();
    // The outcome itself, not the short wait for its words (fetched after the first page).
    await expect(this.main.locator('p.lead')).toBeVisible();
    await this.whole();
  }

  /// The outcome page once every closed box is filled: the app paints it with the boxes empty
  /// (marked `data-body`), then fills them when the browser is idle (see `render::outcome_split`).
  async whole() {
    await expect(this.main.locator('details[data-body]')).toHaveCount(0);
  }

  /// Start to outcome in one go. Returns the list of addresses seen.
  async toOutcome(answers = SCHOOL_PATH, details = {}, { onPage = async () => {} } = {}) {
    const seen = [];
    const visit = async (h) => {
      seen.push(h);
      await onPage(h);
    };
    await this.start();
    await this.walk(answers, { onPage: visit });
    await this.about(details);
    await visit(await this.hash());
    await this.seeResult();
    await visit(await this.hash());
    return seen;
  }

  /// The question shown has exactly the saved answer from `answers` (see SCHOOL_PATH) chosen.
  async expectShows(answers) {
    const qid = await this.qid();
    const a = answers[qid];
    const label = `the saved answer on ${qid}`;
    if (a === 'unsure') {
      await expect(this.main.locator(`[id="${qid}-unsure"]`), label).toBeChecked();
    } else if (a && typeof a === 'object' && ('daysAgo' in a || 'date' in a)) {
      const [y, m, d] = 'date' in a ? [a.date[2], a.date[1], a.date[0]] : isoDaysAgo(a.daysAgo).split('-').map(Number);
      const f = this.main.locator('input.date-input');
      await expect(f.nth(0), label).toHaveValue(String(d));
      await expect(f.nth(1), label).toHaveValue(String(m));
      await expect(f.nth(2), label).toHaveValue(String(y));
    } else {
      const want = [].concat(a).sort();
      await expect.poll(() => this.main.locator('input.choice-input:checked').evaluateAll((els) => els.map((e) => e.value).sort()), label).toEqual(want);
    }
  }

  /// The ids of what the outcome page shows: findings (f-…), deadlines (d-…), letters (l-…).
  async outcomeIds() {
    await expect(this.page).toHaveURL(/#\/result$/);
    await this.whole();
    return this.main.locator('[id^="f-"], [id^="d-"], article[id^="l-"]').evaluateAll((els) => els.map((e) => e.id));
  }

  /// A full-page screenshot in tests/e2e/artifacts/ (not committed).
  async screenshot(name) {
    mkdirSync(ARTIFACTS, { recursive: true });
    await this.page.screenshot({ path: join(ARTIFACTS, `${name}.png`), fullPage: true });
  }

  /// Saves `text` on the device before Camau's first load in this tab (once per tab).
  async seed(text) {
    await this.page.addInitScript((v) => {
      if (sessionStorage.getItem('camau-test-seeded')) return;
      sessionStorage.setItem('camau-test-seeded', '1');
      localStorage.setItem('camau', v);
    }, text);
  }

  /// Opens `hash` with these answers and details already saved (see encodeSaved).
  async openWith(answers, details, hash) {
    await this.seed(encodeSaved(answers, details));
    await this.open(hash);
    expect(await this.hash(), `${hash} opened as itself`).toBe(hash);
    if (hash === '#/result') {
      await expect(this.main.locator('p.lead')).toBeVisible();
      await this.whole();
    }
  }

  /// "Delete my answers from this device", then "Yes, delete my answers" when it asks.
  async deleteAnswers() {
    await this.page.locator('#delete-answers').click();
    await this.page.locator('#confirm-yes').click();
  }

  /// The text saved on this device (null when nothing is).
  stored() {
    return this.page.evaluate(() => localStorage.getItem('camau'));
  }
}

export const test = base.extend({
  guard: [
    async ({ context, baseURL }, use) => {
      const g = new Guard(context, baseURL);
      await use(g);
      g.check();
    },
    { auto: true },
  ],
  camau: async ({ page, guard }, use) => {
    await use(new Camau(page, guard));
  },
});

/// Opens every closed part of the page around `locator` (the letter inside its "Open the
/// letter" box, a deadline inside "Deadlines"), as a parent opening them would, and returns it.
export async function reveal(locator) {
  await locator.evaluate((el) => {
    for (let d = el.closest('details'); d; d = d.parentElement && d.parentElement.closest('details')) d.open = true;
  });
  return locator;
}
