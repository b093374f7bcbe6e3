// Issues 7 and 8: nobody gets a blank or frozen page. Without JavaScript or WebAssembly the
// start page says so and offers the printable guide; the outcome page's words (fetched after
// the first page) can fail and be fetched again; a panic in the wasm shows the crash box with
// the answers to copy.
import { test, expect, SCHOOL_PATH, expectNoAxeViolations } from './helpers.mjs';

// The first question and the answer the crash test gives (content/flow.toml).
const FIRST = { title: 'Who is using Camau?', answer: 'A parent', value: 'parent' };

test('without JavaScript: the start page says so and the printable guide has everything', async ({ browser, baseURL }) => {
  const context = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 360, height: 740 }, baseURL });
  const page = await context.newPage();
  const foreign = [];
  context.on('request', (r) => { if (new URL(r.url()).origin !== new URL(baseURL).origin) foreign.push(r.url()); });
  try {
    await page.goto('/');
    await expect(page.locator('#start h1')).toBeVisible();
    const banner = page.locator('#start .banner', { hasText: 'needs JavaScript' });
    await expect(banner).toBeVisible();
    await banner.getByRole('link', { name: 'read the printable guide' }).click();
    await expect(page).toHaveURL(/guide\.html$/);
    await expect(page.locator('h1')).toHaveText("Your child's IDP: what the law says and what to do next");
    await expect(page.locator('body')).toContainText('not legal advice');
    // Situations with when they apply and their legal basis, deadlines, letters with blanks.
    await expect(page.locator('#responsible ~ section').first().locator('.when')).toContainText('Applies when:');
    await expect(page.locator('.basis').first()).toContainText('Legal basis:');
    await expect(page.locator('#deadline-list + ul li').first()).toBeVisible();
    await expect(page.locator('#letters ~ section pre').first()).toContainText('[');
    expect(await page.locator('#letters ~ section').count()).toBeGreaterThan(20);
    // No placeholder is left unfilled, and it reads on a phone.
    expect(await page.locator('main').innerText()).not.toMatch(/\{(child|school|la|lhb|parent|today|due:|date:)/);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    expect(foreign).toEqual([]);
  } finally {
    await context.close();
  }
});

test('the printable guide passes axe and prints', async ({ page }) => {
  await page.goto('/guide.html');
  await expectNoAxeViolations(page, 'guide.html');
  await page.emulateMedia({ media: 'print' });
  await expect(page.locator('#letters ~ section pre').first()).toBeVisible();
});

test('without WebAssembly: a clear message and the guide, never a page that does nothing', async ({ page, guard }) => {
  await page.addInitScript(() => { delete window.WebAssembly; });
  guard.allow(() => true); // Trunk's loader fails loudly without WebAssembly: that is the point.
  await page.goto('/');
  const box = page.locator('#nowasm');
  await expect(box).toBeVisible();
  await expect(box).toContainText('could not start');
  await expect(box.getByRole('link', { name: 'read the printable guide' })).toHaveAttribute('href', 'guide.html');
  await expectNoAxeViolations(page, 'start without wasm');
});

test('the wasm file does not arrive: the same message', async ({ page, guard }) => {
  guard.allow(() => true);
  await page.route(/_bg\.wasm$/, (r) => r.fulfill({ status: 404, body: 'not found' }));
  await page.goto('/');
  await expect(page.locator('#nowasm')).toBeVisible();
});

test('the app started: no such message', async ({ page, camau }) => {
  await camau.open();
  // ready() waited for the footer, mounted in the same task that hides the message.
  await expect(page.locator('#app[data-route="#/"]')).toBeAttached();
  await expect(page.locator('#nowasm')).toBeHidden();
});

test('the pages after the first question wait for their words, say so if they fail, and try again', async ({ page, camau, guard }) => {
  let fail = true;
  await page.route(/words-en-more-[0-9a-f]{16}\.txt$/, (r) => (fail ? r.abort('internetdisconnected') : r.continue()));
  guard.allow(/words-|Failed to fetch|ERR_INTERNET_DISCONNECTED/);
  await camau.start();
  // The first question's words are the start words, fetched beside the app: it works without
  // the later words.
  await camau.answerFrom({ user: 'parent' });
  await expect(page).toHaveURL(/#\/q\/setting$/);
  await expect(camau.main.getByRole('status')).toContainText('could not get the words');
  await expectNoAxeViolations(page, 'question, words failed');
  // The answer is kept.
  expect(await camau.stored()).toContain('a.user=parent');
  fail = false;
  await camau.main.getByRole('button', { name: 'Try again' }).click();
  await expect(camau.main.locator('h1')).toHaveText('Where does your child learn now?');
  await expect(camau.main.locator('h1')).toBeFocused();
  // The rest of the way, and the outcome, have their words.
  await camau.walk(SCHOOL_PATH);
  await camau.about({ child: 'Alys' });
  await camau.seeResult();
  await expect(camau.main.locator('p.lead')).toBeVisible();
});

test('a words file from another release (or a host\'s "not found" page) is refused, not shown', async ({ page, camau, guard }) => {
  await page.route(/words-en-more-[0-9a-f]{16}\.txt$/, (r) => r.fulfill({ status: 200, contentType: 'text/html', body: '<!doctype html><title>Not found</title>' }));
  guard.allow(/words-/);
  await camau.openWith(SCHOOL_PATH, { child: 'Alys' }, '#/check');
  await expect(camau.main.getByRole('status')).toContainText('could not get the words');
  expect(await camau.main.innerText()).not.toContain('Not found');
});

/// Answers the first question, then makes the wasm panic for real on the next Continue: the
/// browser refuses to make elements from then on, Leptos unwraps that (panic = "abort"), and
/// the panic goes through the same hook as any other.
async function panicAfterOneAnswer(page, camau, guard) {
  await page.addInitScript(() => {
    const make = Document.prototype.createElement;
    Document.prototype.createElement = function (...a) {
      if (window.__refuse) throw new Error('test: createElement refused');
      return make.apply(this, a);
    };
  });
  guard.allow(/unreachable|createElement refused|RuntimeError/);
  await camau.start();
  await camau.answer(FIRST.value);
  await camau.continue();
  await page.evaluate(() => { window.__refuse = true; });
  // Pages are HTML text in one Leptos view, which keeps its elements from page to page; on
  // the start page it has none, so the next page makes the wasm call createElement, and panic.
  await page.locator('header a.brand').click();
  await page.locator('#resume a.button').click();
}

test('a panic in the wasm: the crash box, the answers to copy, and a reload that keeps them', async ({ page, context, camau, guard, baseURL }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(baseURL).origin });
  await panicAfterOneAnswer(page, camau, guard);

  const crash = page.locator('#crash');
  await expect(crash).toBeVisible();
  await expect(crash.locator('h1')).toHaveText('Something went wrong', { useInnerText: true });
  await expect(page.locator('#crash-saved')).toHaveText('Your answers are still saved on this device.', { useInnerText: true });
  await expect(page.locator('#app')).toBeHidden();
  await page.evaluate(() => { window.__refuse = false; }); // (axe makes elements too)
  // The answer given so far, as text: the question and the answer chosen.
  const text = await page.locator('#crash-answers').inputValue();
  expect(text).toContain(FIRST.title);
  expect(text).toContain(FIRST.answer);
  await expectNoAxeViolations(page, 'crash box');

  await page.locator('#crash-copy').click();
  await expect(page.locator('#crash-status')).toHaveText('Copied.');
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(text);

  // Reloading brings Camau back with the answers kept.
  await crash.getByRole('link', { name: 'Reload Camau' }).click();
  await camau.ready();
  expect(await camau.stored()).toContain('a.user=parent');
});

test('a panic when storage is refused: the crash box says the answers are not kept, and offers them to copy', async ({ page, camau, guard }) => {
  await page.addInitScript(() => {
    Object.defineProperty(window, 'localStorage', {
      configurable: true,
      get() { throw new DOMException('The operation is insecure.', 'SecurityError'); },
    });
  });
  await panicAfterOneAnswer(page, camau, guard);
  await expect(page.locator('#crash')).toBeVisible();
  await expect(page.locator('#crash-saved')).toHaveText('Your latest answers are not saved on this device, so copy them below before you reload.');
  expect(await page.locator('#crash-answers').inputValue()).toContain(FIRST.answer);
});

test('"Start now" tapped before the app has arrived: it says so at once, then the first question appears', async ({ page, camau }) => {
  // The wasm is held back until the test lets it through (a slow connection).
  let release;
  const held = new Promise((r) => { release = r; });
  await page.route(/_bg\.wasm$/, async (r) => { await held; await r.continue(); });
  await page.goto('/');
  await page.locator('#start a.button-start').click();
  const wait = page.locator('#starting');
  await expect(wait).toHaveText(/still loading/);
  await expect(wait).toHaveAttribute('role', 'status');
  release();
  await expect(page).toHaveURL(/#\/q\/user$/);
  await expect(camau.main.locator('h1')).toHaveText('Who is using Camau?');
  await expect(page.locator('#start')).toBeHidden();
  await expect(wait).toHaveText('');
});
