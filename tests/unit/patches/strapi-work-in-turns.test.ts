/**
 * patches/@strapi+core+5.54.0.patch (entity validator) and patches/@strapi+utils+5.54.0.patch
 * (traverseEntity): a long dynamic zone was validated, and traversed by each of Strapi's visitors, in one
 * synchronous stretch, so no other request was answered for seconds during a 5,000-block save. Patched to
 * give other requests a turn: the validator every 10 ms of its own work, the traversal when the event loop
 * has not turned for 50 ms. These tests pin what must not change (results, cast values, error paths and
 * order), that a turn is given (a `setImmediate` queued before the work runs before it ends; unpatched,
 * the work ends first), and that a short traversal, as every read makes, is not given one.
 */
import path from 'path';
import { traverseEntity } from '@strapi/utils';

// Not among @strapi/core's exports: required by its path.
const entityValidator = require(
  path.join(__dirname, '../../../node_modules/@strapi/core/dist/services/entity-validator/index.js')
);

const paragraph = {
  uid: 'article.paragraph',
  modelType: 'component',
  info: { displayName: 'Paragraph' },
  attributes: {
    text: { type: 'richtext', required: true, maxLength: 200 },
    words: { type: 'integer' },
  },
};
const article = {
  uid: 'api::article.article',
  modelType: 'contentType',
  kind: 'collectionType',
  info: { displayName: 'Article' },
  options: {},
  attributes: {
    title: { type: 'string', required: true },
    body: { type: 'dynamiczone', components: ['article.paragraph'] },
  },
};
const models: Record<string, unknown> = { [article.uid]: article, [paragraph.uid]: paragraph };
beforeAll(() => {
  (global as unknown as { strapi: unknown }).strapi = {
    getModel: (uid: string) => models[uid],
    components: { [paragraph.uid]: paragraph },
  };
});
afterAll(() => {
  delete (global as unknown as { strapi?: unknown }).strapi;
});

const body = (n: number) =>
  Array.from({ length: n }, (_, i) => ({
    __component: 'article.paragraph',
    text: `بند ${i}`,
    words: String(i),
  }));

/** Whether a `setImmediate` queued before `work` starts runs before it settles. */
const givesTurns = async (work: () => Promise<unknown>) => {
  let turned = false;
  setImmediate(() => {
    turned = true;
  });
  await work().catch(() => undefined);
  return turned;
};

/** Holds the event loop for about `ms` milliseconds (a visitor with work to do). */
const busy = (ms: number) => {
  const end = performance.now() + ms;
  while (performance.now() < end);
};

describe('entity validator', () => {
  it('a long dynamic zone is cast and validated as before: values cast, order kept', async () => {
    const valid = await entityValidator.validateEntityCreation(
      article,
      { title: 'خبر', body: body(600) },
      { isDraft: false }
    );
    expect(valid.body).toHaveLength(600);
    expect(valid.body[0]).toEqual({ __component: 'article.paragraph', text: 'بند 0', words: 0 });
    expect(valid.body[599]).toEqual({
      __component: 'article.paragraph',
      text: 'بند 599',
      words: 599,
    });
  });

  it('its errors name the item by its index in the whole body, every one of them', async () => {
    const long = body(600);
    delete (long[77] as { text?: string }).text;
    long[512].text = 'ب'.repeat(201);
    const error = await entityValidator
      .validateEntityCreation(article, { title: 'خبر', body: long }, { isDraft: false })
      .catch((caught: unknown) => caught);
    expect(error).toMatchObject({ name: 'ValidationError' });
    const paths = (error as { details: { errors: Array<{ path: string[] }> } }).details.errors.map(
      (e) => e.path.join('.')
    );
    expect(paths).toEqual(['body.77.text', 'body.512.text']);
  });

  it('a short dynamic zone is validated by yup as before (same errors)', async () => {
    const short = body(5);
    delete (short[3] as { text?: string }).text;
    const error = await entityValidator
      .validateEntityCreation(article, { title: 'خبر', body: short }, { isDraft: false })
      .catch((caught: unknown) => caught);
    expect(
      (error as { details: { errors: Array<{ path: string[] }> } }).details.errors.map((e) =>
        e.path.join('.')
      )
    ).toEqual(['body.3.text']);
  });

  it('gives other requests a turn while it validates a long body', async () => {
    expect(
      await givesTurns(() =>
        entityValidator.validateEntityCreation(
          article,
          { title: 'خبر', body: body(3000) },
          { isDraft: false }
        )
      )
    ).toBe(true);
  });
});

describe('traverseEntity', () => {
  const traverse = (
    visitor: (
      options: { key: string; value: unknown },
      utils: { set(key: string, value: unknown): void }
    ) => unknown,
    data: unknown
  ) =>
    (
      traverseEntity as unknown as (
        v: unknown,
        o: unknown,
        d: unknown
      ) => Promise<{ body: Array<{ text: string }> }>
    )(visitor, { schema: article, getModel: (uid: string) => models[uid] }, data);

  it('visits every item of a long dynamic zone, results in order', async () => {
    const result = await traverse(
      ({ key, value }, { set }) => {
        if (key === 'text') set(key, `${value as string}!`);
      },
      { title: 'خبر', body: body(3000) }
    );
    expect(result.body).toHaveLength(3000);
    expect(result.body.map((item) => item.text)).toEqual(body(3000).map((item) => `${item.text}!`));
  });

  it('rejects with the first failing item in index order', async () => {
    const failing = traverse(
      ({ key, value }) => {
        busy(0.01);
        if (key === 'text' && (value === 'بند 2500' || value === 'بند 2900'))
          throw new Error(value as string);
      },
      { title: 'خبر', body: body(3000) }
    );
    await expect(failing).rejects.toThrow('بند 2500');
  });

  it('gives other requests a turn while it traverses a long body', async () => {
    expect(
      await givesTurns(() => traverse(() => busy(0.03), { title: 'خبر', body: body(3000) }))
    ).toBe(true);
  });

  it('keeps the loop for a short body, even after the loop has idled', async () => {
    // Timed from the first item after a turn, not from the last turn given: a read's traversal after a
    // pause used to yield at its first array, interleaving every request with the next.
    await new Promise((resolve) => setTimeout(resolve, 60));
    expect(
      await givesTurns(() => traverse(() => busy(0.01), { title: 'خبر', body: body(5) }))
    ).toBe(false);
  });
});
