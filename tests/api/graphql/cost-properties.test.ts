import fc from 'fast-check';
import { bootApp, TestApp } from '../../harness/strapi';

/** Part of the schema: scalars, and relations (a page size when they are lists) to other types. */
const TYPES: Record<
  string,
  { scalars: string[]; relations: Record<string, { type: string; list: boolean }> }
> = {
  Article: {
    scalars: ['title', 'slug', 'lead', 'newsCode'],
    relations: {
      section: { type: 'Section', list: false },
      quotedOfficials: { type: 'Official', list: true },
    },
  },
  Section: {
    scalars: ['name', 'slug'],
    relations: {
      parent: { type: 'Section', list: false },
      articles: { type: 'Article', list: true },
      children: { type: 'Section', list: true },
    },
  },
  Official: {
    scalars: ['fullName', 'role'],
    relations: { articles: { type: 'Article', list: true } },
  },
};

interface Field {
  name: string;
  pageSize?: number;
  selection?: Field[];
}

const pageSize = fc.option(fc.integer({ min: 1, max: 100 }), { nil: undefined });

/** A random selection on `type`: some of its scalars and at most one relation, nesting `levels` more at most. */
const selection = (type: string, levels: number): fc.Arbitrary<Field[]> => {
  const { scalars, relations } = TYPES[type];
  const relation: fc.Arbitrary<Field | undefined> =
    levels === 0
      ? fc.constant(undefined)
      : fc.option(
          fc.constantFrom(...Object.keys(relations)).chain((name) =>
            fc.record({
              name: fc.constant(name),
              pageSize: relations[name].list ? pageSize : fc.constant(undefined),
              selection: selection(relations[name].type, levels - 1),
            })
          ),
          { nil: undefined, freq: 6 }
        );
  return fc
    .tuple(fc.subarray(scalars, { minLength: 1 }), relation)
    .map(([names, nested]) => [...names.map((name) => ({ name })), ...(nested ? [nested] : [])]);
};

const root = fc
  .record({
    name: fc.constantFrom('articles', 'sections'),
    pageSize,
    levels: fc.integer({ min: 0, max: 9 }),
  })
  .chain(({ name, pageSize: size, levels }) =>
    selection(name === 'articles' ? 'Article' : 'Section', levels).map(
      (inner): Field => ({ name, pageSize: size, selection: inner })
    )
  );

const text = (field: Field): string => {
  const args = field.pageSize === undefined ? '' : `(pagination: { pageSize: ${field.pageSize} })`;
  return `${field.name}${args}${field.selection ? ` { ${field.selection.map(text).join(' ')} }` : ''}`;
};

// The rule of docs/api.md ("GraphQL limits"), written out independently of the server's code.
const isList = (field: Field) =>
  ['articles', 'sections', 'quotedOfficials', 'children'].includes(field.name);
const cost = (field: Field): number => {
  const inner = 1 + (field.selection ?? []).reduce((sum, child) => sum + cost(child), 0);
  return isList(field) ? (field.pageSize ?? 25) * inner : inner;
};
const depth = (field: Field): number => 1 + Math.max(0, ...(field.selection ?? []).map(depth));

let app: TestApp;
beforeAll(async () => {
  app = await bootApp();
});
afterAll(async () => {
  await app?.close();
});

it('random nested selections: answered within the limits, refused with the limit named beyond them, never a 5xx', async () => {
  const seen = { answered: 0, depth: 0, cost: 0 };
  await fc.assert(
    fc.asyncProperty(root, async (field) => {
      const res = await app
        .http()
        .post('/graphql')
        .send({ query: `{ ${text(field)} }` });
      expect(res.status).toBeLessThan(500);
      if (depth(field) > 8) {
        expect(res.status).toBe(400);
        expect(res.body.errors[0].extensions).toMatchObject({
          limit: 'depth',
          found: depth(field),
        });
        seen.depth += 1;
      } else if (cost(field) > 3000) {
        expect(res.status).toBe(400);
        expect(res.body.errors[0].extensions).toMatchObject({ limit: 'cost', found: cost(field) });
        seen.cost += 1;
      } else {
        expect(res.body.errors).toBeUndefined();
        expect(res.status).toBe(200);
        seen.answered += 1;
      }
    }),
    { numRuns: 100 }
  );
  // Each outcome was reached, so the property tested something on every side of the limits.
  expect(Math.min(seen.answered, seen.depth, seen.cost)).toBeGreaterThan(0);
}, 120000);
