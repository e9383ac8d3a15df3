/**
 * No English on the screens an editor uses every day (issue #23): login, home, the articles list, a new
 * article, a stored long article with a body block's menu and the Markdown toolbar
 * open, the media library with its dialogs, the profile. On each screen its text (the visually hidden
 * text screen readers read included) and the labels, placeholders and titles shown on hover are
 * searched for English strings editors have met there.
 */
import path from 'path';
import type { Page, Route } from 'playwright-core';
import { ADMIN } from './harness/admin-user';
import { baseUrl, openBrowser, SCREENSHOTS, Session } from './harness/browser';

const LIST = '/admin/content-manager/collection-types/api::article.article';

/** English once seen on these screens, matched against each text and attribute. */
const ENGLISH: RegExp[] = [
  /Add component (above|below)/i,
  /Bulleted list|Numbered list/i,
  /Persian \(fa\)|\(default\)/i,
  /super admin/i,
  /Active devices/i,
  /Guided tour/i,
  /انتخابانتخاب/,
  /Loading\.\.\./i,
  /Import from URL/i,
  /\bUpload\b/i,
  /\bLocales\b/i,
  /YYYY|MM\/DD/,
  /Notifications alt/i,
  /^T$/,
  /object Object/,
  /^(draft|published)$/i,
  /^API$/,
  // Code names of fields, as the list's filter once offered them.
  /^(publishedOn|createdAt|updatedAt|createdBy|updatedBy|documentId|author|newsCode|title)$/,
];

let session: Session;
let page: Page;

const url = (address: string) => `${baseUrl()}${address}`;

/** What the page gives an editor to read: text nodes, rendered lines, and hover and screen-reader labels. */
const readable = (): Promise<string[]> =>
  page.evaluate<string[]>(`(() => {
    const found = document.body.innerText.split('\\n');
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      if (!['SCRIPT', 'STYLE'].includes(node.parentElement.tagName)) found.push(node.data);
    }
    for (const element of document.body.querySelectorAll('[aria-label], [placeholder], [title], [alt]')) {
      for (const name of ['aria-label', 'placeholder', 'title', 'alt']) found.push(element.getAttribute(name) || '');
    }
    return found.map((text) => text.trim()).filter(Boolean);
  })()`);

/** English found on the current test's screens, checked at its end so that its steps go on past it. */
let english: string[] = [];

/** Notes the strings of ENGLISH on the page, and the messages it lacked. */
const readForEnglish = async (): Promise<void> => {
  // Widgets, lists and menus fill in after the first paint.
  await page.waitForLoadState('networkidle');
  await page.waitForTimeout(500);
  for (const text of await readable()) {
    if (ENGLISH.some((pattern) => pattern.test(text)) && !english.includes(text))
      english.push(text);
  }
  for (const id of await page.evaluate<string[]>('window.__pishkhanMissingMessages ?? []')) {
    if (!missingTranslations.includes(id)) missingTranslations.push(id);
  }
};

/**
 * Messages the screens asked for that neither Persian nor English has (the admin records them:
 * src/admin/vite/missing-messages.ts), on the current test's screens.
 */
let missingTranslations: string[] = [];

beforeEach(async () => {
  english = [];
  missingTranslations = [];
  await page?.evaluate('window.__pishkhanMissingMessages = []').catch(() => undefined);
});

beforeAll(async () => {
  session = await openBrowser();
  page = session.page;
  // Run on its own, on a fresh database: the first admin is registered over the API.
  const init = (await (await fetch(url('/admin/init'))).json()) as { data: { hasAdmin: boolean } };
  if (!init.data.hasAdmin) {
    const registered = await fetch(url('/admin/register-admin'), {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(ADMIN),
    });
    expect(registered.status).toBe(200);
  }
  // The editor test leaves the admin's interface in English: back to Persian.
  const login = await fetch(url('/admin/login'), {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ email: ADMIN.email, password: ADMIN.password }),
  });
  const { data } = (await login.json()) as { data: { token: string } };
  const persian = await fetch(url('/admin/users/me'), {
    method: 'PUT',
    headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${data.token}` },
    body: JSON.stringify({ preferedLanguage: 'fa' }),
  });
  expect(persian.status).toBe(200);
});

afterAll(async () => {
  await session?.close();
});

test('the login page', async () => {
  await page.goto(url('/admin/auth/login'));
  await page.locator('input[name=email]').waitFor();
  await readForEnglish();
  await page.fill('input[name=email]', ADMIN.email);
  await page.fill('input[name=password]', ADMIN.password);
  await page.getByRole('button', { name: 'ورود' }).click();
  await page.getByText(`سلام ${ADMIN.firstname}`).waitFor();
  expect(english).toEqual([]);
  expect(missingTranslations).toEqual([]);
});

test('the home page and the user menu', async () => {
  await readForEnglish();
  // The user menu at the foot of the navigation names the editor's role.
  await page.getByRole('navigation').getByRole('button').last().click();
  await page.getByRole('menu').waitFor();
  await readForEnglish();
  await page.keyboard.press('Escape');
  expect(english).toEqual([]);
  expect(missingTranslations).toEqual([]);
});

test('the articles list and its filters', async () => {
  await page.goto(url(LIST));
  await page.locator('tbody tr').first().waitFor();
  await readForEnglish();
  // The filters: the field select open, then a date field's input.
  await page.getByRole('button', { name: 'پالایه‌ها' }).click();
  await page.getByRole('combobox', { name: 'انتخاب فیلد' }).click();
  await page.getByRole('option').first().waitFor();
  await readForEnglish();
  await page.getByRole('option', { name: 'ساخته‌شده', exact: true }).click();
  await page.getByRole('dialog').locator('[data-testid=jalali-input]').waitFor();
  await readForEnglish();
  await page.keyboard.press('Escape');
  expect(english).toEqual([]);
  expect(missingTranslations).toEqual([]);
});

test('a new article and its locale picker', async () => {
  await page.goto(url(`${LIST}/create`));
  await page.locator('input[name=title]').waitFor();
  await readForEnglish();
  await page.getByRole('combobox', { name: /زبان/ }).first().click();
  await page.getByRole('option').first().waitFor();
  await readForEnglish();
  await page.keyboard.press('Escape');
  expect(english).toEqual([]);
  expect(missingTranslations).toEqual([]);
});

test('a stored long article: a body block’s menu and the Markdown toolbar', async () => {
  await page.goto(url(LIST));
  await page.locator('[data-testid=title-cell]').first().click();
  await page.locator('input[name=title]').waitFor();
  // Stored body blocks open collapsed: open the first paragraph to show its Markdown toolbar.
  await page.getByRole('button', { name: /^بند/ }).first().click();
  await page.locator('main form .CodeMirror').first().waitFor();
  await readForEnglish();
  // The document's menu (the first «کارهای بیشتر»), then a block's, with its "add a block above" submenu open.
  await page
    .locator('main form')
    .getByRole('button', { name: 'کارهای بیشتر', exact: true })
    .first()
    .click();
  await page.getByRole('menuitem').first().waitFor();
  await readForEnglish();
  await page.keyboard.press('Escape');
  await page
    .locator('main form')
    .getByRole('button', { name: 'کارهای بیشتر', exact: true })
    .last()
    .click();
  await page.getByRole('menuitem').first().hover();
  await page.getByText('افزودن جزء در بالا', { exact: true }).waitFor();
  await page.getByText('افزودن جزء در پایین', { exact: true }).waitFor();
  await readForEnglish();
  await page.keyboard.press('Escape');
  expect(english).toEqual([]);
  expect(missingTranslations).toEqual([]);
});

test('the media library, its upload progress and its import-from-URL dialog', async () => {
  // The library's files answered slowly: the page says it is loading, in Persian.
  const slowly = async (route: Route) => {
    await new Promise((resolve) => setTimeout(resolve, 1500));
    await route.continue().catch(() => undefined);
  };
  await page.route('**/upload/**', slowly);
  await page.goto(url('/admin/plugins/upload'));
  await page.getByText('در حال بارگذاری…', { exact: true }).first().waitFor();
  await readForEnglish();
  await page.unroute('**/upload/**', slowly);
  await page.getByRole('heading', { name: 'کتابخانهٔ رسانه' }).first().waitFor();
  await readForEnglish();
  await page
    .locator('input[type=file]')
    .first()
    .setInputFiles(path.join(SCREENSHOTS, '02-login.png'));
  await page.getByText('02-login.png').first().waitFor();
  await readForEnglish();
  await page.getByRole('button', { name: 'تازه', exact: true }).click();
  await page.getByRole('menuitem', { name: 'بارگذاری از نشانی اینترنتی' }).click();
  await page.getByRole('dialog').waitFor();
  await readForEnglish();
  await page.keyboard.press('Escape');
  expect(english).toEqual([]);
  expect(missingTranslations).toEqual([]);
});

// Strapi shows the profile's "Guided tour" section in development builds only: not to editors.
test('the profile and its language select', async () => {
  await page.goto(url('/admin/me'));
  await page.getByText('زبان رابط کاربری').first().waitFor();
  await readForEnglish();
  const select = page.getByRole('combobox', { name: 'زبان رابط کاربری' });
  await select.click();
  await page.getByRole('option', { name: 'فارسی' }).waitFor();
  await readForEnglish();
  await page.keyboard.press('Escape');
  expect(english).toEqual([]);
  expect(missingTranslations).toEqual([]);
});

test('the profile of an editor who never chose an interface language shows the language in use', async () => {
  const login = await fetch(url('/admin/login'), {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ email: ADMIN.email, password: ADMIN.password }),
  });
  const { data } = (await login.json()) as { data: { token: string } };
  const never = await fetch(url('/admin/users/me'), {
    method: 'PUT',
    headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${data.token}` },
    body: JSON.stringify({ preferedLanguage: null }),
  });
  expect(never.status).toBe(200);
  await page.goto(url('/admin/me'));
  const select = page.getByRole('combobox', { name: 'زبان رابط کاربری' });
  await select.waitFor();
  await readForEnglish();
  expect((await select.innerText()).trim()).toBe('فارسی');
  expect(english).toEqual([]);
  expect(missingTranslations).toEqual([]);
});
