// Issue 5: letters that leave the phone. The optional "about you" details fill the letters;
// copy puts the exact letter on the clipboard and says so to screen readers; the email link is
// correctly encoded; the calendar file is valid RFC 5545 for the computed date; the text
// download is UTF-8; the printed page has no buttons but every letter and citation.
import { readFileSync } from 'node:fs';
import { test, expect, SCHOOL_PATH, daysAgo, addDays, isoDaysAgo, plainWorkingDay, reveal } from './helpers.mjs';

const DETAILS = { child: 'Alys', parent: 'Siân Jones', school: 'Ysgol Gŵyr & St Joseph’s?#%', la: 'Cardiff Council' };
const BOARD = 'Cardiff and Vale University Health Board';
// The same, saved on the device (council by id), for the tests that start at the outcome.
const SAVED = { ...DETAILS, la: 'cardiff' };
const atOutcome = (camau, details = SAVED) => camau.openWith(SCHOOL_PATH, details, '#/result');

/// The letter shown on the page, as the app's plain text ("Subject: …\n\n<body>").
async function letterOnPage(page, id) {
  const art = await reveal(page.locator(`#app article#l-${id}`));
  await expect(art).toBeVisible();
  const subject = await art.locator('.letter-subject').count()
    ? await art.locator('.letter-subject .subject-text').textContent()
    : null;
  const body = await art.locator('.letter-body').textContent();
  return { art, subject, body, text: subject === null ? body : `Subject: ${subject}\n\n${body}` };
}

test('the optional details fill the letters, and the health board follows the council unless changed', async ({ page, camau }) => {
  await camau.start();
  await camau.walk(SCHOOL_PATH);
  // About you: choosing the council names its health board as the default.
  // (The boards are radios, so each name shows whole on a phone; the council's comes first.)
  const lhb = page.locator('#about-lhb-la-label');
  await expect(lhb).not.toContainText(BOARD);
  await expect(page.locator('#about-lhb-la')).toBeChecked();
  await page.locator('#about-la').selectOption({ label: 'Cardiff Council' });
  await expect(lhb).toContainText(BOARD);
  await page.locator('#about-la').selectOption({ label: 'Powys County Council' });
  await expect(lhb).toContainText('Powys Teaching Health Board');
  // Councils A–Z: a parent finds Cardiff under C.
  const councils = await page.locator('#about-la option').allTextContents();
  expect(councils.slice(1)).toEqual([...councils.slice(1)].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
  await camau.about(DETAILS);
  // Check answers lists them.
  for (const v of ['Alys', 'Siân Jones', DETAILS.school, 'Cardiff Council', BOARD]) await expect(camau.main).toContainText(v);
  await camau.seeResult();

  const health = await letterOnPage(page, 'ask_lhb_answer');
  expect(health.subject).toBe('Section 20 referral for Alys: answer overdue');
  expect(health.body).toContain('My child, Alys, was referred to Cardiff and Vale University Health Board');
  expect(health.body).toContain('Siân Jones');
  // Who made the referral comes from the answers: the school, by name.
  expect(health.body).toContain(`by ${DETAILS.school}.`);
  expect(health.body).toContain(`Copy to: ${DETAILS.school}`);
  const s20 = await daysAgo(page, 56);
  expect(health.body).toContain(` on ${s20.d} `); // the referral date, as "D Month YYYY"
  const plan = await letterOnPage(page, 'ask_la_takeover');
  expect(plan.subject).toBe("Request for Cardiff Council to take over Alys's IDP");
  expect(plan.body).toContain(`kept by ${DETAILS.school}.`);
  for (const l of [health, plan]) expect(l.text).not.toMatch(/\[your child's name\]|\[school name\]|\[local authority\]|\[health board\]|\[your name\]|\{/);

  // The parent overrides the health board: the letters follow.
  await page.goto('/#/check');
  await camau.main.locator('a[href="#/about/change"]').first().click();
  await expect(page).toHaveURL(/#\/about\/change$/);
  await expect(page.locator('#about-child')).toHaveValue('Alys');
  await page.getByRole('radio', { name: 'Powys Teaching Health Board', exact: true }).check();
  await camau.continue();
  await expect(page).toHaveURL(/#\/check$/);
  await expect(camau.main).toContainText('Powys Teaching Health Board');
  await camau.seeResult();
  expect((await letterOnPage(page, 'ask_lhb_answer')).body).toContain('referred to Powys Teaching Health Board');
});

test('without details the letters show clear blanks to fill in', async ({ page, camau }) => {
  await atOutcome(camau, {});
  const plan = await letterOnPage(page, 'ask_la_takeover');
  expect(plan.subject).toBe("Request for [local authority] to take over [your child's name]'s IDP");
  expect(plan.body).toContain('kept by [school name].');
  expect(plan.body).not.toContain('{');
});

test('Copy puts the letter on the clipboard (its subject apart, so a pasted email does not repeat it) and announces it', async ({ page, context, camau, baseURL }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(baseURL).origin });
  await atOutcome(camau);
  const l = await letterOnPage(page, 'ask_lhb_answer');
  const status = l.art.locator('.action-status');
  await expect(status).toHaveAttribute('role', 'status');
  await expect(status).toHaveAttribute('aria-live', 'polite');
  await expect(status).toHaveText('');
  await page.evaluate(() => navigator.clipboard.writeText('something else'));
  await l.art.getByRole('button', { name: /^Copy ?: / }).click();
  await expect(status).toHaveText(/^Copied/);
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  expect(copied).toBe(l.body);
  expect(copied).not.toContain('Subject');
  expect(copied).toContain(BOARD);
  // The subject has its own button, named for its letter.
  await page.evaluate(() => navigator.clipboard.writeText('something else'));
  await l.art.getByRole('button', { name: /^Copy the subject ?: Ask the health board for its overdue answer$/ }).click();
  await expect(status).toHaveText(/^Copied/);
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe('Section 20 referral for Alys: answer overdue');
});

test('Open in email is a mailto link with the subject and body percent-encoded', async ({ page, camau }) => {
  await atOutcome(camau);
  for (const id of ['ask_la_takeover', 'ask_lhb_answer']) {
    const l = await letterOnPage(page, id);
    const href = await l.art.getByRole('link', { name: 'Open in email' }).getAttribute('href');
    const m = href.match(/^mailto:\?subject=([^&]*)&body=([^&]*)$/);
    expect(m, `mailto shape: ${href.slice(0, 80)}`).toBeTruthy();
    const [, subject, body] = m;
    // Only unreserved characters and %XX escapes: no raw space, +, &, ?, #, % or line break.
    for (const part of [subject, body]) expect(part).toMatch(/^(?:[A-Za-z0-9\-_.~]|%[0-9A-F]{2})*$/);
    expect(decodeURIComponent(subject)).toBe(l.subject);
    // Line breaks are CRLF (%0D%0A), never a bare LF.
    expect(body).toContain('%0D%0A');
    expect(body.replace(/%0D%0A/g, '')).not.toMatch(/%0A|%0D/);
    expect(decodeURIComponent(body)).toBe(l.body.replace(/\r?\n/g, '\r\n'));
    // As a mail program reads it (URLSearchParams would turn + into space: there is none).
    const parsed = new URL(href);
    expect(parsed.protocol).toBe('mailto:');
  }
  // The school name's & ? # % survive the trip.
  const plan = await letterOnPage(page, 'ask_la_takeover');
  const href = await plan.art.getByRole('link', { name: 'Open in email' }).getAttribute('href');
  expect(href).toContain(encodeURIComponent('Ysgol Gŵyr & St Joseph’s?#%').replace(/[!'()*]/g, (c) => '%' + c.charCodeAt(0).toString(16).toUpperCase()));
  expect(decodeURIComponent(href.split('&body=')[1])).toContain('kept by Ysgol Gŵyr & St Joseph’s?#%.');
});

test('Add to calendar downloads an .ics file for the computed due date', async ({ page, camau }) => {
  // Referred 2 to 4 weeks ago: the health board's answer is due in 2 to 4 weeks, on a day that
  // is a working day (so the 6 weeks do not run on past a weekend or holiday).
  const ago = [...Array(14).keys()].map((i) => 14 + i).find((n) => plainWorkingDay(addDays(isoDaysAgo(n), 42)));
  await camau.openWith({ ...SCHOOL_PATH, s20_date: { daysAgo: ago } }, SAVED, '#/result');
  const s20 = await daysAgo(page, ago);
  const due = addDays(s20.iso, 42); // the health board's 6 weeks
  const deadline = await reveal(page.locator('#d-nhs_answer'));
  const label = (await deadline.locator('h3').textContent()).trim();
  const [download] = await Promise.all([page.waitForEvent('download'), deadline.getByRole('button', { name: 'Add to calendar' }).click()]);
  // Named for people: the day it was made, the child, what it is.
  expect(download.suggestedFilename()).toBe(`${isoDaysAgo(0)} Alys – ${label.replace(/[/\\:*?"<>|]/g, '')}.ics`);
  await expect(deadline.locator('.action-status')).toHaveText('Calendar file saved. Open it to add the event to your calendar.');
  const raw = readFileSync(await download.path());
  const text = raw.toString('utf8');
  expect(Buffer.from(text, 'utf8').equals(raw)).toBe(true);
  // Every line ends in CRLF; no bare LF or CR; no line over 75 octets.
  expect(text.endsWith('\r\n')).toBe(true);
  expect(text.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
  const physical = text.split('\r\n').slice(0, -1);
  for (const line of physical) expect(Buffer.byteLength(line, 'utf8'), line).toBeLessThanOrEqual(75);
  // Unfold (RFC 5545 3.1) and read the properties.
  const lines = text.replace(/\r\n[ \t]/g, '').split('\r\n').filter(Boolean);
  expect(lines[0]).toBe('BEGIN:VCALENDAR');
  expect(lines.at(-1)).toBe('END:VCALENDAR');
  expect(lines).toContain('VERSION:2.0');
  expect(lines).toContain('BEGIN:VEVENT');
  expect(lines).toContain('END:VEVENT');
  const prop = (name) => lines.find((l) => l.startsWith(name))?.slice(name.length);
  const compact = (iso) => iso.replace(/-/g, '');
  expect(prop('DTSTART;VALUE=DATE:')).toBe(compact(due));
  expect(prop('DTEND;VALUE=DATE:')).toBe(compact(addDays(due, 1)));
  expect(prop('UID:')).toBe(`nhs_answer-${due}@camau`);
  expect(prop('DTSTAMP:')).toMatch(/^\d{8}T000000Z$/);
  // With a reminder 3 days before (RFC 5545 3.6.6: an alarm inside the event).
  const alarm = lines.slice(lines.indexOf('BEGIN:VALARM'), lines.indexOf('END:VALARM') + 1);
  expect(alarm[0]).toBe('BEGIN:VALARM');
  expect(alarm).toContain('ACTION:DISPLAY');
  expect(alarm).toContain('TRIGGER:-P3D');
  expect(alarm.some((l) => l.startsWith('DESCRIPTION:'))).toBe(true);
  expect(lines.indexOf('END:VALARM')).toBeLessThan(lines.indexOf('END:VEVENT'));
  // TEXT values escape backslash, comma, semicolon and newline; unescaped, the summary is the label.
  for (const name of ['SUMMARY:', 'DESCRIPTION:']) {
    const v = prop(name);
    expect(v, name).toBeTruthy();
    expect(v.replace(/\\[\\,;nN]/g, '')).not.toMatch(/[\\,;]/);
  }
  const unescape = (v) => v.replace(/\\([\\,;])/g, '$1').replace(/\\[nN]/g, '\n');
  expect(unescape(prop('SUMMARY:'))).toBe(label);
  // The page shows the same date.
  const [y, m, d] = due.split('-').map(Number);
  const month = new Date(Date.UTC(y, m - 1, 1)).toLocaleString('en-GB', { month: 'long', timeZone: 'UTC' });
  await expect(deadline.locator('.deadline-date')).toHaveText(`${d} ${month} ${y}`);
});

test('calendar text with a comma is escaped, and the date is 12 weeks on', async ({ page, camau }) => {
  // Home educated, the council has not decided: its 12 weeks run from when ALN was raised.
  const path = { user: 'parent', setting: 'ehe', ehe_decided: 'waiting', raised_date: { daysAgo: 30 }, health_involved: 'no', told: ['none'], social_care: 'assessed', decision: 'no' };
  await camau.openWith(path, {}, '#/result');
  const deadline = await reveal(page.locator('#d-la_decision'));
  const label = (await deadline.locator('h3').textContent()).trim();
  expect(label).toContain(','); // "The council's decision on ALN (and the IDP, if needed)"
  const [download] = await Promise.all([page.waitForEvent('download'), deadline.getByRole('button', { name: 'Add to calendar' }).click()]);
  const text = readFileSync(await download.path(), 'utf8');
  const lines = text.replace(/\r\n[ \t]/g, '').split('\r\n');
  const summary = lines.find((l) => l.startsWith('SUMMARY:')).slice('SUMMARY:'.length);
  expect(summary).toBe(label.replace(/\\/g, '\\\\').replace(/([,;])/g, '\\$1'));
  const due = addDays(isoDaysAgo(30), 84);
  expect(lines).toContain(`DTSTART;VALUE=DATE:${due.replace(/-/g, '')}`);
});

test('an overdue deadline is marked once, and offers no calendar event in the past', async ({ page, camau }) => {
  const path = { user: 'parent', setting: 'ehe', ehe_decided: 'waiting', raised_date: { daysAgo: 100 }, health_involved: 'no', told: ['none'], social_care: 'assessed', decision: 'no' };
  await camau.openWith(path, {}, '#/result');
  const deadline = await reveal(page.locator('#d-la_decision'));
  await expect(deadline).toHaveClass(/deadline-overdue/);
  // "Overdue by 2 weeks and 2 days", said once.
  await expect(deadline.locator('.deadline-status')).toHaveText(/^Overdue by \d+ (week|day)/);
  expect((await deadline.locator('.deadline-status').innerText()).match(/Overdue/g)).toHaveLength(1);
  await expect(deadline.getByRole('button', { name: /Add to calendar/ })).toHaveCount(0);
  // The plan says to act now.
  await expect(camau.main.locator('.plan-first .step-when')).toHaveText('Now');
});

test('a letter sent today can be chased: an event 14 days on, with an alarm, the same UID each time', async ({ page, camau }) => {
  await atOutcome(camau);
  const l = await letterOnPage(page, 'ask_la_takeover');
  const chase = l.art.getByRole('button', { name: /^Remind me to chase if no reply/ });
  const uids = [];
  for (let i = 0; i < 2; i++) {
    const [download] = await Promise.all([page.waitForEvent('download'), chase.click()]);
    const lines = readFileSync(await download.path(), 'utf8').replace(/\r\n[ \t]/g, '').split('\r\n');
    const prop = (name) => lines.find((x) => x.startsWith(name))?.slice(name.length);
    expect(prop('DTSTART;VALUE=DATE:')).toBe(isoDaysAgo(-14).replace(/-/g, ''));
    expect(prop('SUMMARY:')).toMatch(/^Chase if no reply: Ask the council to take over/);
    expect(lines).toContain('TRIGGER:-P3D');
    uids.push(prop('UID:'));
  }
  expect(uids[0]).toBe('chase-ask_la_takeover@camau');
  expect(uids[1]).toBe(uids[0]); // a second download updates the event, never a duplicate
  await expect(l.art.locator('.action-status')).toHaveText('Calendar file saved. Open it to add the event to your calendar.');
});

test('Download saves the letter as a UTF-8 text file', async ({ page, camau }) => {
  await atOutcome(camau);
  const l = await letterOnPage(page, 'ask_la_takeover');
  const [download] = await Promise.all([page.waitForEvent('download'), l.art.getByRole('button', { name: 'Download' }).click()]);
  expect(download.suggestedFilename()).toBe(`${isoDaysAgo(0)} Alys – Ask the council to take over the IDP.txt`);
  const raw = readFileSync(await download.path());
  // Valid UTF-8 (a strict decoder accepts it) and exactly the letter, Welsh letters included.
  const text = new TextDecoder('utf-8', { fatal: true }).decode(raw).replace(/^\uFEFF/, '');
  expect(text).toBe(l.text);
  expect(raw.includes(Buffer.from('Gŵyr', 'utf8'))).toBe(true);
  await expect(l.art.locator('.action-status')).toHaveText('Saved as a text file.');
});

test('printing hides the buttons and shows every letter in full', async ({ page, camau }) => {
  await atOutcome(camau);
  await page.emulateMedia({ media: 'print' });
  const main = camau.main;
  for (const sel of ['button', 'a.button', '.back-link', 'header.header', 'footer.footer', '.no-print']) {
    const n = await page.locator(sel).count();
    for (let i = 0; i < n; i++) await expect(page.locator(sel).nth(i), `${sel} #${i} when printing`).toBeHidden();
  }
  const letters = main.locator('article.letter');
  expect(await letters.count()).toBeGreaterThan(1);
  for (let i = 0; i < (await letters.count()); i++) {
    const body = letters.nth(i).locator('.letter-body');
    await expect(body).toBeVisible();
    // In full: nothing clipped by a height limit or scrolling box.
    expect(await body.evaluate((e) => e.scrollHeight <= e.clientHeight + 1 && getComputedStyle(e).overflowY !== 'scroll')).toBe(true);
  }
  await expect(main.locator('h1')).toBeVisible();
  await expect(main.locator('.finding').first()).toBeVisible();
});

test('printing shows the legal basis inside every closed "Why?" box', async ({ page, camau }) => {
  await atOutcome(camau);
  const why = camau.main.locator('details.why:not(.more)');
  expect(await why.count()).toBeGreaterThan(3);
  // Closed on screen, as the parent left them.
  await expect(why.first()).not.toHaveAttribute('open', /.*/);
  await page.emulateMedia({ media: 'print' });
  const n = await why.count();
  for (let i = 0; i < n; i++) {
    await expect(why.nth(i).locator('li').first(), `citation in Why? box #${i} when printing`).toBeVisible();
  }
});

test('the browser\'s own print command opens the "Why?" boxes first', async ({ page, camau }) => {
  await atOutcome(camau);
  const why = camau.main.locator('details.why:not(.more)');
  await expect(why.first()).not.toHaveAttribute('open', /.*/);
  // What Ctrl+P or the browser menu fires before printing.
  await page.evaluate(() => window.dispatchEvent(new Event('beforeprint')));
  await page.emulateMedia({ media: 'print' });
  const n = await why.count();
  for (let i = 0; i < n; i++) await expect(why.nth(i).locator('li').first()).toBeVisible();
});

test('a step with a date of its own goes in the calendar on that day, with an alarm', async ({ page, camau }) => {
  // The school decided to stop the IDP 3 weeks ago: the right to ask the council to
  // reconsider runs out 4 weeks after the decision (a step dated "by" that day).
  const cease = { user: 'parent', dob: 'unsure', over_school_age: 'no', looked_after: 'no', health_involved: 'no', told: ['none'], social_care: 'not_needed', setting: 'school', idp_holder: 'school', provision_beyond: 'no', last_review: { daysAgo: 180 }, review_issues: ['none'], decision: 'school_cease', decision_date: { daysAgo: 21 } };
  await camau.openWith(cease, SAVED, '#/result');
  const button = page.locator('.plan-first [data-action="step-ics"]');
  await expect(button).toBeVisible();
  const [download] = await Promise.all([page.waitForEvent('download'), button.click()]);
  const lines = readFileSync(await download.path(), 'utf8').replace(/\r\n[ \t]/g, '').split('\r\n');
  const start = lines.find((x) => x.startsWith('DTSTART;VALUE=DATE:')).slice(19);
  expect(start > isoDaysAgo(0).replace(/-/g, ''), 'never an event in the past').toBe(true);
  expect(lines).toContain('TRIGGER:-P3D');
  expect(lines.find((x) => x.startsWith('UID:'))).toMatch(/^UID:step-[a-z0-9_]+@camau$/);
  await expect(page.locator('.plan-first .action-status').last()).toHaveText(/^Calendar file saved/);
});

test('the full name, date of birth and a way to reply go into the letters, and stay on the device', async ({ page, camau }) => {
  await camau.openWith(SCHOOL_PATH, SAVED, '#/about/change');
  await page.locator('#about-full').fill('Alys Gwenllïan Jones');
  // The date of birth was an answer (SCHOOL_PATH): it is never asked for again.
  await expect(page.locator('#about-dob')).toHaveCount(0);
  await page.locator('#about-contact').fill('sian@example.org');
  await camau.continue();
  await expect(camau.main).toContainText('Alys Gwenllïan Jones');
  await camau.seeResult();
  const l = await letterOnPage(page, 'ask_lhb_answer');
  expect(l.body).toContain('Re: Alys Gwenllïan Jones, date of birth 4 March 2015');
  expect(l.body).toContain('Yours sincerely,\nSiân Jones\nsian@example.org');
  expect(await page.evaluate(() => localStorage.getItem('camau'))).toContain('a.dob=2015-03-04');
});

// The outcome page is painted with its closed boxes empty and fills them when the browser is
// idle (render::outcome_split): a box the parent opens before then, or a print, must not be empty.
// Gives the page window.__toOutcomeNow(): clicks "See your plan" on the check page and resolves
// as soon as the outcome is in the page, still in the same task (before any idle time).
const outcomeNow = (page) => page.addInitScript(() => {
  window.__toOutcomeNow = () => new Promise((done) => {
    const mo = new MutationObserver(() => {
      if (document.querySelector('#app main p.lead')) {
        mo.disconnect();
        done();
      }
    });
    mo.observe(document.getElementById('app'), { subtree: true, childList: true });
    document.querySelector('#app main a[href="#/result"]').click();
  });
});

test('a letter opened the moment the page appears, and a print straight away, are complete', async ({ page, camau }) => {
  await outcomeNow(page);
  await camau.openWith(SCHOOL_PATH, SAVED, '#/check');
  // All in one task: the outcome drawn (in a microtask after the click), then the first
  // letter's box opened before the browser has been idle.
  const first = await page.evaluate(async () => {
    await window.__toOutcomeNow();
    const empty = document.querySelectorAll('#app main details[data-body]').length;
    const box = document.querySelector('#app main details.letter-box');
    box.querySelector('summary').click();
    return { empty, open: box.open, text: box.querySelector('textarea.letter-text')?.value ?? null, after: document.querySelectorAll('#app main details[data-body]').length };
  });
  expect(first.empty, 'the page is painted with its boxes empty').toBeGreaterThan(5);
  expect(first.open).toBe(true);
  expect(first.text).toMatch(/\n\nDear /);
  expect(first.after).toBe(first.empty - 1);
  await camau.whole();

  // Back, and again with a print asked for at once: every box filled and open first.
  await page.goBack();
  await expect(page).toHaveURL(/#\/check$/);
  const printed = await page.evaluate(async () => {
    await window.__toOutcomeNow();
    const empty = document.querySelectorAll('#app main details[data-body]').length;
    window.dispatchEvent(new Event('beforeprint'));
    const boxes = [...document.querySelectorAll('#app main details')];
    return { empty, left: document.querySelectorAll('#app main details[data-body]').length, closed: boxes.filter((d) => !d.open).length, letters: document.querySelectorAll('#app main article.letter').length };
  });
  expect(printed.empty).toBeGreaterThan(5);
  expect(printed).toMatchObject({ left: 0, closed: 0 });
  expect(printed.letters).toBeGreaterThan(1);
  // And the page the parent then sees is the same page, once, with no box filled twice.
  expect(await page.locator('#app main article.letter').count()).toBe(printed.letters);
});

test('"See the letter" in a later step, pressed the moment the page appears, opens the letter written out', async ({ page, camau }) => {
  // A path (found by walking the graph) on which a later step offers a letter an earlier step
  // has written out already.
  const path = {
    user: 'parent', setting: 'young_not_in', dob: { daysAgo: 20 }, idp_holder: 'la', health_involved: 'not_sure',
    therapy_section: 's2b', s20_made: 'not_sure', last_review: { daysAgo: 400 },
    review_issues: ['outcomes_same', 'no_voice', 'not_recorded', 'no_escalation', 'health_left_out'],
    told: ['once_a_year', 'health_no_reply', 'therapy_health_job', 'mislabelled', 'school_try_first'],
    social_care: 'not_needed', decision: 'fei_decision', decision_date: { daysAgo: 3 }, dr_when: 'not_sure',
  };
  await outcomeNow(page);
  await camau.openWith(path, SAVED, '#/check');
  const seen = await page.evaluate(async () => {
    await window.__toOutcomeNow();
    const button = document.querySelector('#app main [data-action="open"]');
    if (!button) return null;
    const empty = document.querySelectorAll('#app main details[data-body]').length;
    button.click();
    const box = document.getElementById(`open-${button.dataset.letter}`);
    return { empty, open: box?.open, text: box?.querySelector('textarea.letter-text')?.value ?? null, focused: document.activeElement?.id };
  });
  expect(seen, 'the page offers "See the letter"').not.toBeNull();
  expect(seen.empty, 'the page is painted with its boxes empty').toBeGreaterThan(5);
  expect(seen.open).toBe(true);
  expect(seen.text).toMatch(/\n\nDear /);
  expect(seen.focused).toMatch(/^open-\d+-s$/);
  await camau.whole();
});
