/**
 * An editor's day in the admin, in a real browser: the first admin registers with the interface in
 * Persian, a fresh browser logs in in Persian and right to left, the articles list shows Jalali dates and
 * sections, a Persian article is written with a section, a quoted official, a Jalali date picked in the
 * calendar, a slug made from the title and a footer typed at the end, then saved and published and read
 * back over REST. Screenshots of the key screens go to docs/screenshots/.
 *
 * The steps share one browser and depend on each other, so they run in order in one file.
 */
import path from 'path';
import type { Page } from 'playwright-core';
import { parseJalaliToUtc, tehranToUtc } from '../../src/jalali';
import { persianSlug } from '../../src/plugins/persian-slug/core';
import { ADMIN } from './harness/admin-user';
import { baseUrl, openBrowser, screenshot, SCREENSHOTS, Session } from './harness/browser';

const ARTICLE = {
  title: 'افتتاح دفتر پیشخوان تازه در مشهد',
  lead: 'دفتر پیشخوان تازه‌ای امروز در مشهد گشایش یافت و صد خدمت دولتی را به مردم می‌رساند.',
  paragraph: 'مدیرکل ارتباطات استان گفت این دفتر به صد خدمت دولتی دسترسی می‌دهد.',
  closing: 'این دفتر هر روز از ساعت هشت تا شانزده باز است.',
  typedFooter: 'انتهای پیام/ ۲۳',
  quote: 'واگذاری خدمات به دفاتر پیشخوان رضایت مردم را بیشتر می‌کند.',
  quoteRole: 'نمایندهٔ مجلس',
  section: 'دفاتر پیشخوان',
  official: 'اصغر سلیمی',
};

/** Picked in the calendar: 20 Esfand 1403, 18:30 Tehran time. */
const PICKED = { year: 1403, month: 12, day: 20, hour: 18, minute: 30 };

const LIST = '/admin/content-manager/collection-types/api::article.article';

let session: Session;
let page: Page;
let documentId = '';
/** Requests the admin made for what the server does not have (404) or does not allow (405). */
const missing: string[] = [];

/** Follows a page for the whole visit, noting the requests answered 404 or 405. */
const watchRequests = (watched: Page) => {
  watched.on('response', (response) => {
    if (response.status() !== 404 && response.status() !== 405) return;
    const { pathname } = new URL(response.url());
    missing.push(`${response.status()} ${response.request().method()} ${pathname}`);
  });
};

const url = (path: string) => `${baseUrl()}${path}`;
const attribute = (selector: string, name: string) =>
  page.locator(selector).first().getAttribute(name);
const dir = () => attribute('html', 'dir');
const lang = () => attribute('html', 'lang');
/** The computed CSS direction of the first element matching the selector. */
const direction = (selector: string) =>
  page.evaluate<string>(
    `getComputedStyle(document.querySelector(${JSON.stringify(selector)})).direction`
  );

/** Waits until `read` gives `expected` (or the time is up, and says what it last read). */
const settle = async <T>(read: () => Promise<T>, expected: T, timeoutMs = 15000): Promise<void> => {
  const deadline = Date.now() + timeoutMs;
  let last = await read();
  while (last !== expected && Date.now() < deadline) {
    await page.waitForTimeout(200);
    last = await read();
  }
  expect(last).toBe(expected);
};

const codeMirror = (index: number) =>
  `document.querySelectorAll('main form .CodeMirror')[${index}]`;
const codeMirrorValue = (index: number) =>
  page.evaluate<string>(`${codeMirror(index)}.CodeMirror.getValue()`);

/**
 * Types into the content manager's markdown editor (CodeMirror 5) the way an input method or a paste
 * does: a line at a time. (Key-by-key typing of Persian letters at machine speed loses characters in
 * CodeMirror 5's asynchronous input reading; people typing are not affected.)
 */
const typeInCodeMirror = async (index: number, lines: string[]) => {
  const editor = page.locator('main form .CodeMirror').nth(index);
  const expected = lines.join('\n');
  // A block just added can still be re-rendered by the form under the first words typed: retype then.
  for (let attempt = 1; ; attempt += 1) {
    await editor.scrollIntoViewIfNeeded();
    await editor.click();
    await settle(
      () => page.evaluate<boolean>(`${codeMirror(index)}.contains(document.activeElement)`),
      true
    );
    await page.keyboard.press('Control+A');
    await page.keyboard.press('Delete');
    let typed = '';
    for (const [at, line] of lines.entries()) {
      if (at > 0) {
        await page.keyboard.press('Enter');
        typed += '\n';
      }
      await page.keyboard.insertText(line);
      typed += line;
      // CodeMirror 5 reads its input element asynchronously: let it catch up before the next key, as
      // the pace of a person typing does.
      await settle(() => codeMirrorValue(index), typed, 3000).catch(() => undefined);
    }
    if ((await codeMirrorValue(index)) === expected || attempt === 3) break;
  }
  expect(await codeMirrorValue(index)).toBe(expected);
};

const addBodyBlock = async (name: string) => {
  await page.getByRole('button', { name: /افزودن جزء به متن خبر/ }).click();
  await page
    .getByRole('region', { name: 'اجزای خبر' })
    .getByRole('button', { name, exact: true })
    .click();
};

const pickRelation = async (field: string, search: string, option: string) => {
  await page.locator(`input[name="${field}"]`).click();
  await page.keyboard.type(search);
  await page
    .getByRole('option', { name: new RegExp(option) })
    .first()
    .click();
};

beforeAll(async () => {
  session = await openBrowser();
  page = session.page;
  watchRequests(page);
});

afterAll(async () => {
  await session?.close();
});

afterEach(() => {
  if (session?.errors.length)
    console.warn(`Errors thrown in the page:\n${session.errors.join('\n')}`);
  session.errors.length = 0;
});

test('the first visit offers registration in Persian, right to left, and registers the first admin', async () => {
  await page.goto(url('/admin'));
  await page.locator('input[name=firstname]').waitFor();
  expect(await dir()).toBe('rtl');
  expect(await lang()).toBe('fa');
  expect(await page.evaluate<string | null>("localStorage.getItem('strapi-admin-language')")).toBe(
    'fa'
  );
  await expect(page.getByText('به پیشخوان خوش آمدید').first().isVisible()).resolves.toBe(true);
  // Persian is offered by name in the language picker (Strapi's table has no fa: vite.config.ts adds it).
  await expect(page.getByText('فارسی').first().isVisible()).resolves.toBe(true);

  await page.fill('input[name=firstname]', ADMIN.firstname);
  await page.fill('input[name=lastname]', ADMIN.lastname);
  await page.fill('input[name=email]', ADMIN.email);
  await page.fill('input[name=password]', ADMIN.password);
  await page.fill('input[name=confirmPassword]', ADMIN.password);
  await screenshot(page, '01-register');
  await page.getByRole('button', { name: 'آغاز کنیم' }).click();
  await page.getByText(`سلام ${ADMIN.firstname}`).waitFor();
});

test('a fresh browser gets the Persian login page and a right-to-left home in Vazirmatn', async () => {
  // A new browser profile: nothing stored, so the interface language is the default, Persian.
  await session.context.close();
  session.context = await session.browser.newContext({
    viewport: { width: 1440, height: 1000 },
    locale: 'fa-IR',
    timezoneId: 'Asia/Tehran',
  });
  session.context.setDefaultTimeout(30000);
  page = session.page = await session.context.newPage();
  page.on('pageerror', (error) => session.errors.push(error.message));
  watchRequests(page);

  await page.goto(url('/admin/auth/login'));
  await page.locator('input[name=email]').waitFor();
  expect(await dir()).toBe('rtl');
  await expect(page.getByRole('button', { name: 'ورود' }).isVisible()).resolves.toBe(true);
  await page.fill('input[name=email]', ADMIN.email);
  await page.fill('input[name=password]', ADMIN.password);
  // Addresses read left to right even in the right-to-left form.
  expect(await direction('input[name=email]')).toBe('ltr');
  await screenshot(page, '02-login');
  await page.getByRole('button', { name: 'ورود' }).click();

  await page.getByText(`سلام ${ADMIN.firstname}`).waitFor();
  expect(await dir()).toBe('rtl');
  expect(await lang()).toBe('fa');
  // Strapi's one-time announcement of its new media library: an editor closes it.
  const banner = page.getByRole('button', { name: 'بستن این پیام' });
  if (await banner.isVisible()) await banner.click();
  // The main navigation sits on the right.
  const nav = await page.getByRole('navigation').first().boundingBox();
  expect(nav!.x).toBeGreaterThan(700);
  // Persian text is drawn in the bundled Vazirmatn.
  await page.evaluate('document.fonts.ready');
  expect(await page.evaluate<boolean>("document.fonts.check('16px Vazirmatn', 'پیشخوان')")).toBe(
    true
  );
  await screenshot(page, '03-home');
});

test('the articles list shows the Jalali publishing date and the section, sortable by date', async () => {
  await page.goto(url(LIST));
  await page.locator('tbody tr').first().waitFor();
  await expect(page.getByRole('heading', { name: 'خبر' }).first().isVisible()).resolves.toBe(true);
  const headers = await page.locator('thead th').allInnerTexts();
  expect(headers.join(' ')).toEqual(expect.stringContaining('زمان انتشار'));
  expect(headers.join(' ')).toEqual(expect.stringContaining('سرویس'));
  // The demo story: 9 Aban 1396, 19:23 Tehran time.
  expect(await page.locator('[data-testid=jalali-cell]').first().innerText()).toBe(
    '۱۳۹۶/۰۸/۰۹ ۱۹:۲۳'
  );
  expect(await page.locator('[data-testid=section-cell]').first().innerText()).toBe(
    ARTICLE.section
  );

  const dateHeader = page.locator('thead th', { hasText: 'زمان انتشار' });
  await dateHeader.click();
  await page.waitForURL(/sort=publishedOn(%3A|:)ASC/);
  await dateHeader.click();
  await page.waitForURL(/sort=publishedOn(%3A|:)DESC/);
  expect(await dateHeader.getAttribute('aria-sort')).toBe('descending');
  await screenshot(page, '04-articles-list');
});

test('the articles list fits a 1366 px laptop screen, the row actions included', async () => {
  await page.setViewportSize({ width: 1366, height: 768 });
  try {
    await page.goto(url(LIST));
    await page.locator('tbody tr').first().waitFor();
    const table = page.locator('table').first();
    // The table's scrolling box: as wide as what it holds, nothing scrolled out of sight.
    const [scrollWidth, clientWidth] = await table.evaluate((element) => {
      const box = element.parentElement!;
      return [box.scrollWidth, box.clientWidth];
    });
    expect(scrollWidth).toBeLessThanOrEqual(clientWidth);
    const headers = (await page.locator('thead th').allInnerTexts()).join(' ');
    for (const column of ['تیتر', 'سرویس', 'زمان انتشار', 'وضعیت', 'موجود در'])
      expect(headers).toContain(column);
    const box = (await table.boundingBox())!;
    const actions = (await page.locator('tbody tr').first().locator('td').last().boundingBox())!;
    expect(actions.x).toBeGreaterThanOrEqual(box.x);
    expect(actions.x + actions.width).toBeLessThanOrEqual(box.x + box.width + 1);
  } finally {
    await page.setViewportSize({ width: 1440, height: 1000 });
  }
});

test('the list’s date filter is Jalali: Persian field names, the editor’s Jalali input in Tehran time, a Jalali chip', async () => {
  await page.goto(url(LIST));
  await page.locator('tbody tr').first().waitFor();
  await page.getByRole('button', { name: 'پالایه‌ها' }).click();
  // The fields are named as their columns are, not by their code names.
  await page.getByRole('combobox', { name: 'انتخاب فیلد' }).click();
  const fields = await page.getByRole('option').allInnerTexts();
  for (const name of ['زمان انتشار', 'ساخته‌شده', 'نویسنده', 'تیتر'])
    expect(fields).toContain(name);
  for (const code of ['publishedOn', 'createdAt', 'author', 'title'])
    expect(fields).not.toContain(code);
  await page.getByRole('option', { name: 'زمان انتشار', exact: true }).click();
  await page.getByRole('combobox', { name: 'انتخاب پالایه' }).click();
  await page.getByRole('option', { name: 'بزرگ‌تر یا برابر با', exact: true }).click();

  // The editor's Jalali input: a typed Jalali date is read as Jalali, Tehran midnight, no YYYY/MM/DD.
  const dialog = page.getByRole('dialog');
  const input = dialog.locator('[data-testid=jalali-input]');
  expect(await input.getAttribute('placeholder')).not.toMatch(/YYYY|MM\/DD/);
  await input.fill('1405/09/15');
  await input.press('Enter');
  await expect(input.getAttribute('data-value')).resolves.toBe(
    tehranToUtc({ year: 1405, month: 9, day: 15, hour: 0, minute: 0 }).toISOString()
  );
  // Its calendar shows Azar 1405's own days: the 20th picked is 20 Azar.
  await dialog.locator('[data-testid=jalali-open]').click();
  expect(await page.locator('[data-testid=jalali-month-title]').innerText()).toBe('آذر ۱۴۰۵');
  await page.locator('[data-testid=jalali-day-20]').click();
  await screenshot(page, '15-list-filter-jalali-picker');
  await page.locator('[data-testid=jalali-done]').click();
  const picked = tehranToUtc({ year: 1405, month: 9, day: 20, hour: 0, minute: 0 }).toISOString();
  await expect(input.getAttribute('data-value')).resolves.toBe(picked);
  await page.getByRole('button', { name: 'افزودن پالایه' }).click();
  await page.waitForURL((address) =>
    decodeURIComponent(address.search).includes(`[publishedOn][$gte]=${picked}`)
  );
  expect(
    await page.getByText('زمان انتشار بزرگ‌تر یا برابر با ۱۴۰۵/۰۹/۲۰ ۰۰:۰۰').count()
  ).toBeGreaterThan(0);

  // A filter from an address: its chip reads the Jalali date in Tehran time (the demo story, 9 Aban 1396, is before it).
  await page.goto(url(`${LIST}?filters[$and][0][publishedOn][$lt]=2017-11-01T00:00:00.000Z`));
  await page.locator('tbody tr').first().waitFor();
  await page.getByText('زمان انتشار کوچک‌تر از ۱۳۹۶/۰۸/۱۰ ۰۳:۳۰').first().waitFor();
  expect(await page.locator('[data-testid=jalali-cell]').allInnerTexts()).toContain(
    '۱۳۹۶/۰۸/۰۹ ۱۹:۲۳'
  );
  await screenshot(page, '14-articles-list-jalali-filter');
});

test('the list search folds spellings like the public search: «پیش‌بینی» with a ZWNJ, Arabic «پيش بيني»', async () => {
  await page.goto(url(LIST));
  await page.locator('tbody tr').first().waitFor();
  await page.getByRole('button', { name: 'جست‌وجو' }).first().click();
  const search = page.locator('input[name=search]');
  for (const spelling of ['پیش‌بینی', 'پيش بيني']) {
    await search.fill(spelling);
    await search.press('Enter');
    // The admin writes `_q` encoded once more than the rest of the address.
    await page.waitForURL(
      (address) =>
        decodeURIComponent(decodeURIComponent(address.searchParams.get('_q') ?? '')) === spelling
    );
    await page.waitForLoadState('networkidle');
    // The demo story is written «پیش بینی».
    await page
      .locator('[data-testid=title-cell]', { hasText: 'پیش بینی یک نماینده' })
      .first()
      .waitFor();
  }
});

test('an editor writes a Persian article: slug from the title, section, quoted official, footer typed at the end', async () => {
  await page.getByRole('link', { name: 'افزودن مورد تازه' }).first().click();
  await page.locator('input[name=title]').waitFor();
  expect(await page.locator('input[name=title]').getAttribute('dir')).toBe('rtl');

  // The slug that saving will give appears as the title is typed, with the story's public address.
  await page.fill('input[name=title]', ARTICLE.title);
  const expectedSlug = persianSlug(ARTICLE.title);
  const suggested = page.locator('[data-testid=slug-suggested]');
  await suggested.waitFor();
  await expect(suggested.getAttribute('data-slug')).resolves.toBe(expectedSlug);
  expect(await page.locator('[data-testid=slug-url]').innerText()).toBe(`/news/…/${expectedSlug}`);
  expect(await page.locator('[data-testid=slug-input]').getAttribute('dir')).toBe('rtl');

  await page.fill('textarea[name=lead]', ARTICLE.lead);
  await pickRelation('section', 'دفاتر', ARTICLE.section);

  await addBodyBlock('بند');
  await typeInCodeMirror(0, [ARTICLE.paragraph]);
  expect(await page.locator('main form .CodeMirror').first().getAttribute('dir')).toBe('rtl');

  await addBodyBlock('نقل‌قول');
  await typeInCodeMirror(1, [ARTICLE.quote]);
  await pickRelation('body.1.official', 'سلیمی', ARTICLE.official);
  await page.fill('input[name="body.1.role"]', ARTICLE.quoteRole);

  // The last paragraph ends with the footer typed by hand, as reporters do.
  await addBodyBlock('بند');
  await typeInCodeMirror(2, [ARTICLE.closing, ARTICLE.typedFooter]);
  // The side panel sees it and says it will be taken out on save.
  const typed = page.locator('[data-testid=footer-typed]');
  await typed.waitFor();
  expect(await typed.innerText()).toEqual(expect.stringContaining('«انتهای پیام/ ۲۳»'));
  // The footer line under the story picks up the reporter code found in the typed footer.
  await settle(() => page.locator('[data-testid=footer-line]').innerText(), 'انتهای پیام/ ۲۳');
  await screenshot(page, '06-article-body');
  // The top of the editor: the slug and its address, and the side panel's warning about the footer.
  await page.getByRole('link', { name: 'بازگشت' }).first().scrollIntoViewIfNeeded();
  await screenshot(page, '05-article-editor');
});

test('the Jalali date is typed or picked in the calendar, with the Gregorian date beneath and a Persian error', async () => {
  const input = page.locator('[data-testid=jalali-input]');
  await input.scrollIntoViewIfNeeded();

  // An impossible date: 1402 is not a leap year, Esfand has 29 days.
  await input.fill('۱۴۰۲/۱۲/۳۰ ۱۰:۰۰');
  await input.press('Enter');
  const error = page.getByText(/این تاریخ پذیرفتنی نیست/).first();
  await error.waitFor();
  expect(await error.innerText()).toMatch(/اسفند|۲۹|روز/);
  expect(await input.getAttribute('data-value')).toBe('');
  await screenshot(page, '07-jalali-error');

  // Typed the way archives print dates.
  await input.fill('9 آبان 1396 ساعت 19:23');
  await input.press('Enter');
  await expect(input.getAttribute('data-value')).resolves.toBe(
    parseJalaliToUtc('9 آبان 1396 ساعت 19:23').toISOString()
  );
  expect(await input.inputValue()).toBe('۱۳۹۶/۰۸/۰۹ ۱۹:۲۳');

  // Picked in the calendar: step months and years to Esfand 1403, pick the 20th, type 18:30.
  await page.locator('[data-testid=jalali-open]').click();
  const calendar = page.locator('[data-testid=jalali-calendar]');
  await calendar.waitFor();
  expect(await page.locator('[data-testid=jalali-month-title]').innerText()).toBe('آبان ۱۳۹۶');
  // Saturday first: the first weekday column is ش.
  expect(await calendar.locator('[role=columnheader]').first().innerText()).toBe('ش');
  for (let guard = 0; guard < 400; guard += 1) {
    const year = Number(await calendar.getAttribute('data-year'));
    const month = Number(await calendar.getAttribute('data-month'));
    if (year === PICKED.year && month === PICKED.month) break;
    if (year < PICKED.year - 1 || (year === PICKED.year - 1 && month <= PICKED.month))
      await page.locator('[data-testid=jalali-next-year]').click();
    else await page.locator('[data-testid=jalali-next-month]').click();
  }
  expect(await page.locator('[data-testid=jalali-month-title]').innerText()).toBe('اسفند ۱۴۰۳');
  await page.locator(`[data-testid=jalali-day-${PICKED.day}]`).click();
  await page.locator('[data-testid=jalali-time]').fill('۱۸:۳۰');
  await screenshot(page, '08-jalali-picker');
  await page.locator('[data-testid=jalali-done]').click();

  const expected = tehranToUtc(PICKED).toISOString();
  await expect(input.getAttribute('data-value')).resolves.toBe(expected);
  expect(await input.inputValue()).toBe('۱۴۰۳/۱۲/۲۰ ۱۸:۳۰');
  // 20 Esfand 1403 is Monday 10 March 2025.
  expect(await page.locator('[data-testid=jalali-gregorian-date]').innerText()).toEqual(
    expect.stringMatching(/۱۰ مارس ۲۰۲۵/)
  );
  expect(await page.locator('[data-testid=jalali-utc]').innerText()).toBe('2025-03-10T15:00Z');
});

test('saving removes the typed footer, gives a news code and the slug; publishing succeeds', async () => {
  await page.getByRole('button', { name: 'ذخیره', exact: true }).click();
  await page.getByText('سند ذخیره شد').first().waitFor();
  await page.waitForURL(/api::article\.article\/[a-z0-9]{20,}/);
  documentId = page.url().split('?')[0].split('/').pop()!;

  // The server took the footer out of the body and kept the reporter code it carried.
  const removed = page.locator('[data-testid=footer-removed]');
  await removed.waitFor();
  expect(await removed.innerText()).toEqual(expect.stringContaining('انتهای پیام/ ۲۳'));
  await settle(() => page.locator('[data-testid=footer-line]').innerText(), 'انتهای پیام/ ۲۳');
  expect(await page.locator('input[name=reporterCode]').inputValue()).toBe('23');
  // The news code and the slug were given on save; the address uses both.
  const newsCode = await page.locator('[data-testid=news-code]').getAttribute('data-value');
  expect(newsCode).toMatch(/^\d+$/);
  expect(await page.locator('[data-testid=slug-input]').inputValue()).toBe(
    persianSlug(ARTICLE.title)
  );
  await settle(
    () => page.locator('[data-testid=slug-url]').innerText(),
    `/news/${newsCode}/${persianSlug(ARTICLE.title)}`
  );
  await screenshot(page, '09-article-saved');

  await page.getByRole('button', { name: 'انتشار', exact: true }).click();
  await page.getByText('سند منتشر شد').first().waitFor();
  await screenshot(page, '10-article-published');
});

test('the published article reads back over REST with every field', async () => {
  const response = await fetch(
    url(`/api/articles?filters[documentId][$eq]=${documentId}&locale=fa&populate=*`)
  );
  expect(response.status).toBe(200);
  const { data } = (await response.json()) as { data: Array<Record<string, any>> };
  expect(data).toHaveLength(1);
  const [article] = data;
  expect(article.title).toBe(ARTICLE.title);
  expect(article.slug).toBe(persianSlug(ARTICLE.title));
  expect(article.newsCode).toEqual(expect.any(Number));
  expect(article.lead).toBe(ARTICLE.lead);
  expect(article.locale).toBe('fa');
  expect(article.section.name).toBe(ARTICLE.section);
  expect(
    article.quotedOfficials.map((official: { fullName: string }) => official.fullName)
  ).toEqual([ARTICLE.official]);
  expect(article.publishedOn).toBe(tehranToUtc(PICKED).toISOString());
  expect(article.publishedOnJalali).toEqual(
    expect.objectContaining({
      year: 1403,
      month: 12,
      day: 20,
      hour: 18,
      minute: 30,
      date: '۱۴۰۳/۱۲/۲۰',
      time: '۱۸:۳۰',
    })
  );
  expect(article.body).toEqual([
    expect.objectContaining({ __component: 'article.paragraph', text: ARTICLE.paragraph }),
    expect.objectContaining({
      __component: 'article.quote',
      text: ARTICLE.quote,
      role: ARTICLE.quoteRole,
    }),
    expect.objectContaining({ __component: 'article.paragraph', text: ARTICLE.closing }),
  ]);
  expect(article.reporterCode).toBe('23');
  expect(article.footer).toBe('انتهای پیام');
  expect(article.footerLine).toBe('انتهای پیام/ ۲۳');
  expect(article.publishedAt).toEqual(expect.any(String));
});

test('after a published story’s slug is changed and published, the slug panel shows the new one as published', async () => {
  const published = persianSlug(ARTICLE.title);
  const renamed = persianSlug('دفتر تازه پیشخوان در مشهد');
  await page.locator('[data-testid=slug-input]').fill(renamed);
  const current = page.locator('[data-testid=slug-current]');
  await settle(() => current.innerText().catch(() => ''), `نامک منتشرشدهٔ فعلی: ${published}`);

  await page.getByRole('button', { name: 'انتشار', exact: true }).click();
  await page.getByText('سند منتشر شد').first().waitFor();
  // The new slug is the published one now: no "current published slug" naming the old one.
  await settle(() => current.count(), 0);
  expect(await page.locator('[data-testid=slug-input]').inputValue()).toBe(renamed);
});

test('publishing a never-saved story the footer policy refuses saves its draft and shows the warning', async () => {
  await page.goto(url(`${LIST}/create`));
  await page.locator('input[name=title]').waitFor();
  const title = 'دو خبر چسبیده به هم';
  await page.fill('input[name=title]', title);
  await page.fill('textarea[name=lead]', 'دو خبر که در یک متن چسبانده شده‌اند.');
  // Two stories pasted together: a footer in the middle and one at the end.
  await addBodyBlock('بند');
  await typeInCodeMirror(0, [
    'خبر نخست در یک بند.',
    'انتهای پیام',
    'خبر دوم که به اشتباه چسبانده شد.',
    'انتهای پیام/ ۲۳',
  ]);
  await page.locator('[data-testid=footer-mid-story]').waitFor();

  await page.getByRole('button', { name: 'انتشار', exact: true }).click();
  // Saved as «ذخیره» would have: the page is the stored draft's, the refusal and the warning shown.
  await page.waitForURL(/api::article\.article\/[a-z0-9]{20,}/);
  await page.getByText('سند ذخیره شد').first().waitFor();
  await page.locator('[data-testid^=footer-mid-story]').first().waitFor();
  expect(await page.getByText('سند منتشر شد').count()).toBe(0);
  await page.reload();
  await settle(() => page.locator('input[name=title]').inputValue(), title);
  await page.locator('[data-testid^=footer-mid-story]').first().waitFor();
});

test('the media library is in Persian', async () => {
  await page.goto(url('/admin/plugins/upload'));
  await page.getByRole('heading', { name: 'کتابخانهٔ رسانه' }).first().waitFor();
  expect(await dir()).toBe('rtl');
  await screenshot(page, '11-media-library');

  // A file's details open in a side panel at the page's end (the left), off the main menu on the right.
  await page
    .locator('input[type=file]')
    .first()
    .setInputFiles(path.join(SCREENSHOTS, '02-login.png'));
  // The upload's progress dialog names the file too until it closes: click until the file's details open.
  const drawer = page.locator('[data-animation-direction=left]');
  const opened = async () => {
    if (!(await drawer.isVisible()))
      await page
        .getByText('02-login.png')
        .first()
        .click({ timeout: 2000 })
        .catch(() => undefined);
    return drawer.isVisible();
  };
  await settle(opened, true, 30000);
  await page.waitForTimeout(500);
  const panel = (await drawer.boundingBox())!;
  const nav = (await page.getByRole('navigation').first().boundingBox())!;
  expect(panel.x + panel.width).toBeLessThanOrEqual(nav.x);
  expect(panel.x).toBeLessThan(100);
  await screenshot(page, '13-media-file-details');
});

test('in the English interface the page is left to right but Persian entries are still written right to left', async () => {
  await page.goto(url('/admin/me'));
  await page.getByText('زبان رابط کاربری').first().waitFor();
  await page.getByRole('combobox', { name: 'زبان رابط کاربری' }).click();
  await page.getByRole('option', { name: 'English' }).click();
  await page.getByRole('button', { name: 'ذخیره', exact: true }).click();
  await page.locator('html[lang=en]').waitFor({ state: 'attached' });
  expect(await dir()).toBe('ltr');

  await page.goto(url(`${LIST}/${documentId}?plugins[i18n][locale]=fa`));
  const title = page.locator('input[name=title]');
  await title.waitFor();
  expect(await dir()).toBe('ltr');
  expect(await title.inputValue()).toBe(ARTICLE.title);
  expect(await title.getAttribute('dir')).toBe('rtl');
  expect(await direction('input[name=title]')).toBe('rtl');
  expect(await page.locator('textarea[name=lead]').getAttribute('dir')).toBe('rtl');
  // Stored body blocks open collapsed: open the first paragraph to see its editor.
  await page
    .getByRole('button', { name: /Paragraph/ })
    .first()
    .click();
  await page.locator('main form .CodeMirror').first().waitFor();
  expect(await page.locator('main form .CodeMirror').first().getAttribute('dir')).toBe('rtl');
  await screenshot(page, '12-english-interface-persian-entry');

  // An English entry in the same interface is left to right.
  await page.goto(url(`${LIST}/create?plugins[i18n][locale]=en`));
  await page.locator('input[name=title]').waitFor();
  await settle(() => page.locator('input[name=title]').getAttribute('dir'), 'ltr');
});

test('in the English interface a long Persian title in the list is cut at its end, keeping its first words', async () => {
  await page.goto(url(`${LIST}?plugins[i18n][locale]=fa`));
  // The demo story's title is longer than its column.
  const cell = page.locator('tbody td', { hasText: 'نماینده مجلس' }).first();
  await cell.waitFor();
  expect(await dir()).toBe('ltr');
  // The first two words lie inside the clipped box, and the box does clip (the title is cut).
  // (Typed loosely: the tests compile without the DOM's types; 4 is NodeFilter.SHOW_TEXT.)
  const firstWordsShown = await cell.evaluate((td: any) => {
    const text = td.ownerDocument.createTreeWalker(td, 4).nextNode();
    const clip = text.parentElement;
    const range = td.ownerDocument.createRange();
    range.setStart(text, 0);
    range.setEnd(text, text.data.indexOf(' ', text.data.indexOf(' ') + 1));
    const words = range.getBoundingClientRect();
    const box = clip.getBoundingClientRect();
    return (
      clip.scrollWidth > clip.clientWidth &&
      words.left >= box.left - 1 &&
      words.right <= box.right + 1
    );
  });
  expect(firstWordsShown).toBe(true);
});

test('the whole visit asked the server for nothing it does not have', () => {
  // Strapi's admin asks for its AI features, AI translation jobs and preview links whether or not they
  // are set up; none of them is used here.
  expect(missing).toEqual([]);
});
