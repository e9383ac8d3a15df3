/**
 * The importer builds an imported story's events only for something that receives them
 * (src/lib/event-audience.ts): a webhook an administrator added gets `entry.create` and `entry.publish`
 * with the populated entry, as from the Document Service; with no webhook and no listener the batch runs
 * no read-back of the new entries at all.
 */
import { createServer, Server } from 'http';
import { AddressInfo } from 'net';
import { bootApp, TestApp } from '../../harness/strapi';
import { ArchiveImporter } from '../../../src/importer/importer';
import { eventIsHeard } from '../../../src/lib/event-audience';
import { ARTICLE, input, story } from './helpers';

let app: TestApp;
let receiver: Server;
const received: Array<{ event: string; entry: { title: string; body: unknown[] } }> = [];

/** The read-back populates the body's components; the batch itself only inserts them. */
const READ_BACK = /\bfrom\s+\S*components_article_paragraphs/i;

/** The SQL run while `work` runs, on every connection of the app. */
const statementsDuring = async (work: () => Promise<unknown>): Promise<string[]> => {
  const seen: string[] = [];
  const record = (query: { sql: string }) => seen.push(query.sql);
  app.strapi.db.connection.client.on('query', record);
  try {
    await work();
  } finally {
    app.strapi.db.connection.client.removeListener('query', record);
  }
  return seen;
};

const importStories = async (numbers: number[]) => {
  const importer = await ArchiveImporter.open(app.strapi, { publish: true });
  const reports = await importer.importFiles(numbers.map((n) => input(`story-${n}.txt`, story(n))));
  expect(reports.map((report) => report.ok)).toEqual(numbers.map(() => true));
};

/** Webhooks are sent from a queue after the commit: wait until `count` arrived. */
const arrived = async (count: number) => {
  for (let waited = 0; received.length < count && waited < 5000; waited += 20)
    await new Promise((resolve) => setTimeout(resolve, 20));
  return received;
};

beforeAll(async () => {
  receiver = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk) => (body += chunk));
    req.on('end', () => {
      const payload = JSON.parse(body);
      if (payload.uid === ARTICLE) received.push({ event: payload.event, entry: payload.entry });
      res.end('ok');
    });
  });
  await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
  app = await bootApp();
});
afterAll(async () => {
  await app?.close();
  await new Promise((resolve) => receiver?.close(resolve));
});

it('reads no new entry back when nothing listens for the events', async () => {
  expect(eventIsHeard(app.strapi, 'entry.create')).toBe(false);
  const sql = await statementsDuring(() => importStories([9101, 9102]));
  expect(sql.some((statement) => /insert into .?articles.? /i.test(statement))).toBe(true);
  expect(sql.filter((statement) => READ_BACK.test(statement))).toEqual([]);
  expect(received).toEqual([]);
});

it("sends a webhook's events, each with its populated entry, and stops when the webhook is removed", async () => {
  const webhooks = app.strapi.get('webhookStore');
  const runner = app.strapi.get('webhookRunner');
  const webhook = await webhooks.createWebhook({
    name: 'archive',
    url: `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/`,
    headers: {},
    events: ['entry.create', 'entry.publish'],
    isEnabled: true,
  });
  runner.add(webhook);
  expect(eventIsHeard(app.strapi, 'entry.publish')).toBe(true);

  const heard = await statementsDuring(() => importStories([9103]));
  expect(heard.filter((statement) => READ_BACK.test(statement)).length).toBeGreaterThan(0);
  const events = await arrived(2);
  expect(events.map(({ event }) => event).sort()).toEqual(['entry.create', 'entry.publish']);
  for (const { entry } of events) {
    expect(entry.title).toBe('تیتر خبر آزمایشی شماره 9103');
    expect(entry.body.length).toBeGreaterThan(0);
  }

  runner.remove(webhook);
  await webhooks.deleteWebhook(webhook.id);
  expect(eventIsHeard(app.strapi, 'entry.create')).toBe(false);
  const sql = await statementsDuring(() => importStories([9104]));
  expect(sql.filter((statement) => READ_BACK.test(statement))).toEqual([]);
  await new Promise((resolve) => setTimeout(resolve, 200));
  expect(received).toHaveLength(2);
});
