import { execFileSync } from 'child_process';
import { mkdtempSync, rmSync } from 'fs';
import os from 'os';
import path from 'path';
import { createTestDatabase, TestDatabase } from '../harness/database';
import { Instance, startInstance } from '../harness/instance-process';
import { fullAccessTokenOver } from '../harness/admin-http';

/**
 * The backup documented in the README (pg_dump / pg_restore, or a copy of the SQLite file) restores
 * everything: articles, our own tables (slug history, news codes, search index) and section policies.
 */
const SEED_SLUG = 'پیش-بینی-یک-نماینده-مجلس-از-واگذاری-خدمات-سازمان-ها-به-دفاتر';
const dir = mkdtempSync(path.join(os.tmpdir(), 'pishkhan-backup-'));
const json = async (res: Response) => (await res.json()) as Record<string, any>;

const prepare = async (app: Instance) => {
  const token = await fullAccessTokenOver(app.url);
  const headers = { 'Content-Type': 'application/json', Authorization: token };
  const [seed] = (await json(await fetch(`${app.url}/api/articles`))).data;
  await fetch(`${app.url}/api/articles/${seed.documentId}?status=published`, {
    method: 'PUT',
    headers,
    body: JSON.stringify({ data: { slug: 'نامک-تازه-خبر' } }),
  });
  const sections = await json(
    await fetch(`${app.url}/api/sections?filters[name][$eq]=${encodeURIComponent('دفاتر پیشخوان')}`)
  );
  await fetch(`${app.url}/api/sections/${sections.data[0].documentId}?status=published`, {
    method: 'PUT',
    headers,
    body: JSON.stringify({ data: { footerMode: 'custom', footerText: 'پایان گزارش' } }),
  });
};

const verify = async (app: Instance) => {
  const old = await fetch(`${app.url}/api/articles/slug/${encodeURIComponent(SEED_SLUG)}`, {
    redirect: 'manual',
  });
  expect(old.status).toBe(301);
  expect((await json(old)).redirect.slug).toBe('نامک-تازه-خبر');
  const [seed] = (await json(await fetch(`${app.url}/api/articles`))).data;
  expect(seed).toMatchObject({ slug: 'نامک-تازه-خبر', newsCode: 1, footer: 'پایان گزارش' });
  const search = await json(await fetch(`${app.url}/api/search?q=${encodeURIComponent('سلیمی')}`));
  expect(search.meta.pagination.total).toBe(1);
};

afterAll(() => rmSync(dir, { recursive: true, force: true }));

it('PostgreSQL: pg_dump, pg_restore into a fresh database', async () => {
  const source: TestDatabase = await createTestDatabase('postgres');
  const target: TestDatabase = await createTestDatabase('postgres');
  let app = await startInstance({ ...source.env, SEED_DEMO: 'true' });
  try {
    await prepare(app);
    await app.stop();
    const dump = path.join(dir, 'pishkhan.dump');
    execFileSync('pg_dump', ['-h', '127.0.0.1', '-U', 'postgres', '-Fc', '-f', dump, source.name!]);
    execFileSync('pg_restore', [
      '-h',
      '127.0.0.1',
      '-U',
      'postgres',
      '--no-owner',
      '-d',
      target.name!,
      dump,
    ]);
    app = await startInstance({ ...target.env, SEED_DEMO: 'true' });
    await verify(app);
  } finally {
    await app.stop();
    await source.drop();
    await target.drop();
  }
}, 400_000);

it('SQLite: the database file copied while stopped', async () => {
  const source: TestDatabase = await createTestDatabase('sqlite');
  let app = await startInstance({ ...source.env, SEED_DEMO: 'true' });
  const copy = path.join(dir, 'restored.db');
  try {
    await prepare(app);
    await app.stop();
    execFileSync('cp', [source.env.DATABASE_FILENAME, copy]);
    app = await startInstance({
      DATABASE_CLIENT: 'sqlite',
      DATABASE_FILENAME: copy,
      SEED_DEMO: 'true',
    });
    await verify(app);
  } finally {
    await app.stop();
    await source.drop();
  }
}, 400_000);
