/**
 * Scheduling in the admin (issue #22), in a real browser: an editor publishes a story dated in the future
 * and sees «زمان‌بندی‌شده برای …» in Tehran time instead of a published story; finds it in the articles
 * list's «زمان‌بندی‌شده‌ها» menu with its time and filters the list to it; moves it by changing the date in
 * the Jalali input and saving; cancels it. Readers see nothing of it throughout.
 */
import type { Page } from 'playwright-core';
import { ADMIN } from './harness/admin-user';
import { baseUrl, openBrowser, screenshot, Session } from './harness/browser';

const LIST = '/admin/content-manager/collection-types/api::article.article';
const TITLE = 'گفت‌وگوی تحریم‌دار با وزیر نیرو';

let session: Session;
let page: Page;
let jwt = '';
let documentId = '';

const url = (address: string) => `${baseUrl()}${address}`;
const adminApi = (address: string, method = 'GET', body?: unknown) =>
  fetch(url(address), {
    method,
    headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${jwt}` },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
const status = () => page.locator('[data-testid=schedule-status]');
const publicStatus = async () => (await fetch(url(`/api/articles/${documentId}`))).status;

beforeAll(async () => {
  const init = (await (await fetch(url('/admin/init'))).json()) as { data: { hasAdmin: boolean } };
  if (!init.data.hasAdmin) {
    await fetch(url('/admin/register-admin'), {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(ADMIN),
    });
  }
  const login = await fetch(url('/admin/login'), {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ email: ADMIN.email, password: ADMIN.password }),
  });
  jwt = ((await login.json()) as { data: { token: string } }).data.token;
  expect((await adminApi('/admin/users/me', 'PUT', { preferedLanguage: 'fa' })).status).toBe(200);
  // A draft dated 1 Farvardin 1406, 08:00 Tehran time.
  const created = await adminApi(`${LIST.replace('/admin', '')}?plugins[i18n][locale]=fa`, 'POST', {
    title: TITLE,
    lead: 'این گفت‌وگو تا صبح نوروز منتشر نمی‌شود.',
    publishedOn: '2027-03-21T04:30:00.000Z',
  });
  expect(created.status).toBe(201);
  documentId = ((await created.json()) as { data: { documentId: string } }).data.documentId;

  session = await openBrowser();
  page = session.page;
  await page.goto(url('/admin/auth/login'));
  await page.fill('input[name=email]', ADMIN.email);
  await page.fill('input[name=password]', ADMIN.password);
  await page.getByRole('button', { name: 'ورود' }).click();
  await page.getByText(`سلام ${ADMIN.firstname}`).waitFor();
});

afterAll(async () => {
  await session?.close();
});

test('publishing a story dated in the future schedules it: «زمان‌بندی‌شده برای …», nothing public', async () => {
  await page.goto(url(`${LIST}/${documentId}?plugins[i18n][locale]=fa`));
  await page.locator('[data-testid=schedule-panel]').waitFor();
  await expect(status().innerText()).resolves.toBe('زمان‌بندی نشده است.');
  await page.getByRole('button', { name: 'انتشار', exact: true }).click();
  // The notice says what happened: scheduled, not Strapi's «سند منتشر شد» (dismissed well before its 4 s).
  await page.getByText('زمان‌بندی شد برای یک‌شنبه ۱ فروردین ۱۴۰۶ ساعت ۰۸:۰۰').waitFor();
  await page.getByText('سند منتشر شد').waitFor({ state: 'detached', timeout: 1500 });
  await page.getByText('زمان‌بندی‌شده برای یک‌شنبه ۱ فروردین ۱۴۰۶ ساعت ۰۸:۰۰').first().waitFor();
  // Beside Strapi's پیش‌نویس badge, the header says the story is scheduled.
  await page
    .locator('[data-testid=schedule-badge]', {
      hasText: 'زمان‌بندی‌شده برای یک‌شنبه ۱ فروردین ۱۴۰۶ ساعت ۰۸:۰۰',
    })
    .waitFor();
  await screenshot(page, '16-article-scheduled');
  expect(await publicStatus()).toBe(404);
});

test('the articles list marks the scheduled stories with their time and filters to them', async () => {
  await page.goto(url(`${LIST}?plugins[i18n][locale]=fa`));
  // The story's publication cell shows its time with a clock, and says it is scheduled.
  const cell = page.locator('tbody tr', { hasText: TITLE }).locator('[data-testid=scheduled-cell]');
  await expect(cell.innerText()).resolves.toBe('۱۴۰۶/۰۱/۰۱ ۰۸:۰۰');
  await expect(cell.getAttribute('title')).resolves.toBe(
    'زمان‌بندی‌شده برای یک‌شنبه ۱ فروردین ۱۴۰۶ ساعت ۰۸:۰۰'
  );
  await page.getByRole('button', { name: /زمان‌بندی‌شده‌ها/ }).click();
  const item = page.getByRole('menuitem', { name: new RegExp(`${TITLE} — ۱۴۰۶/۰۱/۰۱ ۰۸:۰۰`) });
  await item.waitFor();
  await page.getByRole('menuitem', { name: 'فقط همین‌ها در فهرست' }).click();
  await page.waitForURL(/documentId/);
  // The filtered list first shows a «Loading content» row: wait for the story's row, then count.
  await page.locator('tbody tr', { hasText: TITLE }).waitFor();
  await expect(page.locator('tbody tr').count()).resolves.toBe(1);
  await screenshot(page, '17-scheduled-stories');
  await page.goto(url(`${LIST}/${documentId}?plugins[i18n][locale]=fa`));
  await page.locator('[data-testid=schedule-panel]').waitFor();
});

test('changing the date and saving moves the schedule', async () => {
  const input = page.locator('[data-testid=jalali-input]').first();
  await input.fill('۱۴۰۶/۰۱/۰۲ ۰۹:۱۵');
  await input.press('Enter');
  await page.getByRole('button', { name: 'ذخیره', exact: true }).click();
  await page.getByText('سند ذخیره شد').first().waitFor();
  await page.getByText('زمان‌بندی‌شده برای دوشنبه ۲ فروردین ۱۴۰۶ ساعت ۰۹:۱۵').first().waitFor();
  const schedule = (await (
    await adminApi(`/scheduling/articles/${documentId}?locale=fa`)
  ).json()) as { scheduledAt: string };
  expect(schedule.scheduledAt).toBe('2027-03-22T05:45:00.000Z');
  expect(await publicStatus()).toBe(404);
});

test('cancelling leaves an unscheduled draft', async () => {
  await page.locator('[data-testid=cancel-schedule]').click();
  await page.getByText('زمان‌بندی لغو شد').first().waitFor();
  await expect(status().innerText()).resolves.toBe('زمان‌بندی نشده است.');
  await page.locator('[data-testid=schedule-badge]').waitFor({ state: 'detached' });
  await page.reload();
  await page.locator('[data-testid=schedule-panel]').waitFor();
  await expect(status().innerText()).resolves.toBe('زمان‌بندی نشده است.');
  const schedule = (await (
    await adminApi(`/scheduling/articles/${documentId}?locale=fa`)
  ).json()) as { scheduledAt: string | null };
  expect(schedule.scheduledAt).toBeNull();
  expect(await publicStatus()).toBe(404);
});
