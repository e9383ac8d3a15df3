import { readFileSync } from 'fs';
import path from 'path';

/**
 * docs/api.md's table of `details.code`s ("Errors") says what docs/openapi.json says: for each row's
 * route and status, the document's enum is exactly the codes of the rows that apply to it (its own, and
 * those of every GET or every JSON body), and no code is in one but not the other.
 */
const read = (file: string) => readFileSync(path.resolve(__dirname, '../../..', file), 'utf8');
type Response = { $ref?: string; content?: { 'application/json': { schema: Schema } } };
type Schema = { properties?: Record<string, Schema>; enum?: string[] };
const document = JSON.parse(read('docs/openapi.json')) as {
  paths: Record<string, Record<string, { responses: Record<string, Response> }>>;
};

const enumOf = (method: string, apiPath: string, status: string): string[] => {
  const response = document.paths[apiPath]?.[method]?.responses[status];
  if (Number(status) < 400 || !response || response.$ref) return [];
  const schema = response.content!['application/json'].schema;
  return schema.properties!.error.properties!.details.properties!.code.enum!;
};

const section = /\n## Errors\n([\s\S]*?)\n## /.exec(read('docs/api.md'))![1];
const rows = [
  ...section.matchAll(/^\| `(GET|POST|PUT|DELETE) \/api([^`]*)`([^|]*)\| (\d{3}) \| (.*) \|$/gm),
].map(([, method, apiPath, scope, status, codes]) => ({
  method: method.toLowerCase(),
  apiPath,
  status,
  every: /every `GET`/.test(scope)
    ? ['get']
    : /every `POST`/.test(scope)
      ? ['post', 'put', 'patch']
      : [],
  codes: [...codes.matchAll(/`([^`]+)`/g)].map((match) => match[1]),
}));

it('the table is there, with a row for each kind of refusal', () => {
  expect(rows.length).toBeGreaterThanOrEqual(10);
});

it.each(rows.map((row) => [`${row.method.toUpperCase()} ${row.apiPath} ${row.status}`, row]))(
  '%s: the codes of the rows that apply, and no others',
  (_label, row) => {
    const applying = rows.filter(
      (other) =>
        other.status === row.status &&
        ((other.method === row.method && other.apiPath === row.apiPath) ||
          other.every.includes(row.method))
    );
    const expected = new Set(applying.flatMap((other) => other.codes));
    expect(new Set(enumOf(row.method, row.apiPath, row.status))).toEqual(expected);
  }
);

it('every code the document lists is in the table', () => {
  const listed = new Set<string>();
  for (const [apiPath, item] of Object.entries(document.paths))
    for (const [method, operation] of Object.entries(item))
      for (const status of Object.keys(operation.responses))
        for (const code of enumOf(method, apiPath, status)) listed.add(code);
  expect(listed).toEqual(new Set(rows.flatMap((row) => row.codes)));
});
