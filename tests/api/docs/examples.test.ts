import { execFile } from 'child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'fs';
import type { AddressInfo } from 'net';
import os from 'os';
import path from 'path';
import { promisify } from 'util';
import { bootApp, TestApp } from '../../harness/strapi';
import { createApiToken } from '../../harness/tokens';
import { contractError } from '../../harness/contract';

/**
 * Every curl and GraphQL example of docs/api.md (and the README's curl examples), run against the demo
 * content. The curl commands run through a real shell, exactly as written (only the host is this test's
 * server), so what a reader pastes works: a URL curl or Node's HTTP parser refuses fails here too. Each
 * answer must also match docs/openapi.json, like every answer of the harness's agents.
 */
const read = (file: string) => readFileSync(path.resolve(__dirname, '../../..', file), 'utf8');
const doc = read('docs/api.md');
const DOC_HOST = 'http://localhost:1337';

/** The commands of the ```sh blocks: continuation lines joined, comments left out. */
const shellCommands = (markdown: string): string[] =>
  [...markdown.matchAll(/```sh\n([\s\S]*?)```/g)].flatMap((block) =>
    block[1]
      .replace(/\\\n/g, ' ')
      .split('\n')
      .map((line) => line.trim())
      .filter((line) => line && !line.startsWith('#'))
  );

const curls = [...shellCommands(doc), ...shellCommands(read('README.md'))].filter((command) =>
  command.startsWith('curl ')
);
const queries = [...doc.matchAll(/```graphql\n([\s\S]*?)```/g)].map((match) => match[1]);

let app: TestApp;
let base: string;
let curlHome: string;
let token: string;
beforeAll(async () => {
  app = await bootApp();
  token = (await createApiToken(app.strapi)).replace(/^Bearer /, '');
  // The cursor example follows the first page's nextCursor: the demo's one story has no second page.
  await app.strapi.documents('api::article.article').create({
    locale: 'fa',
    status: 'published',
    data: {
      title: 'خبر روز پیش از خبر نمونه',
      lead: 'لید',
      publishedOn: '2017-10-30T09:00:00.000Z',
    } as never,
  });
  const server = app.strapi.server.httpServer;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  // curl reads its config from $CURL_HOME: the status code is written after the body, the command untouched.
  curlHome = mkdtempSync(path.join(os.tmpdir(), 'curl-home-'));
  writeFileSync(path.join(curlHome, '.curlrc'), 'write-out = "\\n%{http_code}"\n');
});
afterAll(async () => {
  await new Promise((resolve) => app?.strapi.server.httpServer.close(resolve));
  await app?.close();
  if (curlHome) rmSync(curlHome, { recursive: true, force: true });
});

const runInShell = async (command: string) => {
  const { stdout } = await promisify(execFile)('bash', ['-c', command.split(DOC_HOST).join(base)], {
    env: { PATH: process.env.PATH, CURL_HOME: curlHome, TOKEN: token, LANG: 'C.UTF-8' },
  });
  const at = stdout.lastIndexOf('\n');
  return { status: Number(stdout.slice(at + 1)), body: stdout.slice(0, at) };
};

it('the docs have examples to try, all against the documented host', () => {
  expect(curls.length).toBeGreaterThanOrEqual(16);
  expect(queries.length).toBeGreaterThanOrEqual(4);
  for (const command of curls) expect(command).toContain(DOC_HOST);
});

it.each(curls.map((command) => [command]))('%s', async (command) => {
  const { status, body } = await runInShell(command);
  expect({ status, body: body.slice(0, 300) }).toMatchObject({ status: 200 });
  const answer = JSON.parse(body);
  // GET unless data is sent without -G (curl then POSTs it).
  const method = /\s-[a-zA-Z]*G/.test(command) || !/\s(-d|--data)/.test(command) ? 'GET' : 'POST';
  expect(
    contractError(
      method,
      command
        .match(/'(http:\/\/[^']+)'|(http:\/\/\S+)/)!
        .slice(1)
        .find(Boolean)!,
      status,
      answer
    )
  ).toBeNull();
  const data = answer.data ?? answer.documents;
  expect(Array.isArray(data) ? data.length : data ? 1 : 0).toBeGreaterThan(0);
  if (answer.documents)
    expect(answer.documents).toEqual(
      answer.documents.map(() => expect.objectContaining({ ok: true }))
    );
});

it.each(queries.map((query) => [query.split('\n')[1].trim(), query]))(
  'GraphQL %s',
  async (_label, query) => {
    const res = await app.http().post('/graphql').send({ query }).expect(200);
    expect(res.body.errors).toBeUndefined();
    for (const value of Object.values(res.body.data)) {
      expect(Array.isArray(value) ? value.length : value).toBeTruthy();
    }
  }
);
