/**
 * The embedded cache and another process writing to the same database (the importer CLI, scripts, a
 * second process on one host): the shared generation file makes the next read of this instance see it.
 */
import { execFile } from 'child_process';
import path from 'path';
import { promisify } from 'util';
import { bootApp, TestApp } from '../../harness/strapi';
import { cacheStats } from './helpers';

let app: TestApp;

beforeAll(async () => {
  app = await bootApp();
}, 120_000);
afterAll(async () => {
  await app?.close();
});

it('a story published by another process is seen by the next read', async () => {
  const list = '/api/articles?locale=fa';
  const [seed] = (await app.http().get(list).expect(200)).body.data;
  const one = `/api/articles/${seed.documentId}?locale=fa`;
  for (const url of [list, one]) await app.http().get(url).expect(200);
  expect((await app.http().get(list)).headers['x-cache']).toBe('HIT');
  expect((await app.http().get(one)).headers['x-cache']).toBe('HIT');
  expect(cacheStats(app.strapi).generationSource).toMatch(/^file /);

  const env = { ...process.env, LOG_LEVEL: 'warn' } as NodeJS.ProcessEnv;
  await promisify(execFile)(
    process.execPath,
    [path.join(__dirname, 'write-elsewhere.js'), seed.documentId, 'تیتر نوشته‌شده در فرایندی دیگر'],
    {
      env,
      timeout: 60_000,
    }
  );

  expect((await app.http().get(list).expect(200)).body.data[0].title).toBe(
    'تیتر نوشته‌شده در فرایندی دیگر'
  );
  const after = await app.http().get(one).expect(200);
  expect(after.body.data.title).toBe('تیتر نوشته‌شده در فرایندی دیگر');
});
