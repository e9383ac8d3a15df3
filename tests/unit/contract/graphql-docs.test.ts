import { readFileSync } from 'fs';
import path from 'path';
import { buildSchema, parse, validate } from 'graphql';

/**
 * Every GraphQL query of docs/api.md (its ```graphql blocks and the bodies its curl examples send to
 * /graphql, README's too) is valid against docs/schema.graphql, the schema `npm run contract` prints from
 * the app (and `.ci/run` checks is current): a renamed field or argument fails here.
 */
const read = (file: string) => readFileSync(path.resolve(__dirname, '../../..', file), 'utf8');
const schema = buildSchema(read('docs/schema.graphql'));

const markdown = [read('docs/api.md'), read('README.md')];
const blocks = markdown.flatMap((text) =>
  [...text.matchAll(/```graphql\n([\s\S]*?)```/g)].map((match) => match[1])
);
const curlQueries = markdown.flatMap((text) =>
  [...text.matchAll(/```sh\n([\s\S]*?)```/g)]
    .map((block) => block[1].replace(/\\\n/g, ' '))
    .flatMap((commands) => [...commands.matchAll(/\/graphql[^\n]*?-d '(\{[^']*\})'/g)])
    .map((match) => (JSON.parse(match[1]) as { query: string }).query)
);

it('the docs hold GraphQL queries to check', () => {
  expect(blocks.length).toBeGreaterThanOrEqual(4);
  expect(curlQueries.length).toBeGreaterThanOrEqual(1);
});

it.each(
  [...blocks, ...curlQueries].map((query) => [
    query
      .trim()
      .split('\n')
      .find((line) => line.trim() !== '{')!
      .trim()
      .slice(0, 80),
    query,
  ])
)('%s', (_label, query) => {
  expect(validate(schema, parse(query)).map((error) => error.message)).toEqual([]);
});

it('a query naming a field the schema does not have is refused (the check can fail)', () => {
  expect(
    validate(schema, parse('{ articles { headline } }')).map((error) => error.message)
  ).toEqual(['Cannot query field "headline" on type "Article".']);
});
