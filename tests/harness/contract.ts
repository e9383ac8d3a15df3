import { readFileSync } from 'fs';
import path from 'path';
import Ajv2020, { ErrorObject, ValidateFunction } from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import type request from 'supertest';

/**
 * Every answer of the content API (`/api/…`) checked against docs/openapi.json, the frontend developer's
 * contract: the harness's supertest agents run `contractError` on each response they receive, and the
 * docs examples' test on each curl answer, so an answer the document does not describe fails its test
 * with the differences. Strapi's users-permissions, upload and i18n routes are in the document and checked
 * like ours; routes it leaves out (the admin's, GraphQL, Strapi's email and content-type-builder) are not.
 */
type Operation = { responses: Record<string, Response> };
type Response = { $ref?: string; content?: Record<string, { schema: unknown }> };
type Document = {
  paths: Record<string, Record<string, Operation>>;
  components: { responses: Record<string, Response> };
};

const document: Document = JSON.parse(
  readFileSync(path.resolve(__dirname, '../../docs/openapi.json'), 'utf8')
);

const ajv = new Ajv2020({ strict: false, allErrors: true, validateSchema: false });
addFormats(ajv);
ajv.addSchema(document as object, 'openapi');

const pointer = (...parts: string[]) =>
  parts.map((part) => part.replace(/~/g, '~0').replace(/\//g, '~1')).join('/');

/** Document paths as regular expressions, literal segments first (`/articles/slug/{slug}` before `/articles/{id}`). */
const templates = Object.keys(document.paths)
  .map((template) => ({
    template,
    literal: template.split('/').filter((segment) => segment && !segment.startsWith('{')).length,
    pattern: new RegExp(
      `^${template.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\{\w+\}/g, '[^/]+')}$`
    ),
  }))
  .sort((a, b) => b.literal - a.literal);

const validators = new Map<string, ValidateFunction>();
const validatorFor = (ref: string) => {
  let validate = validators.get(ref);
  if (!validate) {
    validate = ajv.compile({ $ref: ref });
    validators.set(ref, validate);
  }
  return validate;
};

const valueAt = (body: unknown, instancePath: string): unknown =>
  instancePath
    .split('/')
    .slice(1)
    .reduce<unknown>(
      (value, key) =>
        (value as Record<string, unknown> | undefined)?.[
          key.replace(/~1/g, '/').replace(/~0/g, '~')
        ],
      body
    );

const describe = (errors: ErrorObject[], body: unknown): string =>
  errors
    .filter((error) => !['anyOf', 'oneOf', 'if'].includes(error.keyword))
    .slice(0, 12)
    .map((error) => {
      const extra =
        error.keyword === 'additionalProperties'
          ? ` "${(error.params as { additionalProperty: string }).additionalProperty}"`
          : '';
      const value = JSON.stringify(valueAt(body, error.instancePath)) ?? 'undefined';
      return `  at ${error.instancePath || '(body)'}: ${error.message}${extra} (schema ${error.schemaPath})\n    value: ${value.length > 200 ? `${value.slice(0, 200)}…` : value}`;
    })
    .join('\n');

/**
 * Why an answer does not match the document, or null when it does (or is not one the document covers).
 * `url` is the request's URL (absolute or a path), `body` the parsed JSON body or undefined for none.
 */
export const contractError = (
  method: string,
  url: string,
  status: number,
  body: unknown
): string | null => {
  const { pathname } = new URL(url, 'http://localhost');
  if (!pathname.startsWith('/api/')) return null;
  let apiPath = pathname.slice('/api'.length).replace(/(.)\/$/, '$1');
  try {
    apiPath = decodeURIComponent(apiPath);
  } catch {
    // A broken percent-encoding is matched as sent (the API answers 400).
  }
  const found = templates.find(({ pattern }) => pattern.test(apiPath));
  const verb = method.toLowerCase();
  const operation = found && document.paths[found.template][verb];
  if (!found || !operation) return null;
  const where = `${method.toUpperCase()} ${found.template}`;
  let response = operation.responses[String(status)];
  let ref = `openapi#/${pointer('paths', found.template, verb, 'responses', String(status))}`;
  if (!response) return `${where} answered ${status}, which docs/openapi.json does not list for it`;
  if (response.$ref) {
    const name = response.$ref.split('/').pop()!;
    response = document.components.responses[name];
    ref = `openapi#/${pointer('components', 'responses', name)}`;
  }
  const json = response.content?.['application/json'];
  if (!json || verb === 'head' || status === 304) return null;
  if (body === undefined)
    return `${where} answered ${status} without the JSON body docs/openapi.json describes`;
  const validate = validatorFor(`${ref}/content/application~1json/schema`);
  if (validate(body)) return null;
  return `${where} answered ${status} with a body docs/openapi.json does not describe:\n${describe(validate.errors ?? [], body)}`;
};

/** The parsed JSON body, also when a test asked supertest for the raw bytes; undefined when there is none. */
const jsonBody = ({ body, type }: { body: unknown; type?: string }): unknown => {
  if (!/json/.test(type ?? '')) return undefined;
  if (Buffer.isBuffer(body) || typeof body === 'string')
    return body.length ? JSON.parse(body.toString()) : undefined;
  return body;
};

const METHODS = ['get', 'post', 'put', 'patch', 'delete', 'head', 'options'] as const;
type Test = request.Test & {
  method: string;
  url: string;
  assert(resError: unknown, res: unknown, fn?: (error: unknown, res: unknown) => void): void;
};

/** A supertest agent whose every answer is also checked against the contract: a mismatch fails the request's test. */
export const withContract = (agent: request.Agent): request.Agent => {
  for (const method of METHODS) {
    const original = (agent[method] as (...args: unknown[]) => Test).bind(agent);
    (agent as unknown as Record<string, unknown>)[method] = (...args: unknown[]) => {
      const test = original(...args);
      const assert = test.assert.bind(test);
      test.assert = (resError, res, fn) =>
        assert(resError, res, (error: unknown, answered: unknown) => {
          const response = answered as { status: number; body: unknown; type?: string } | undefined;
          const mismatch =
            !error && response
              ? contractError(test.method, test.url, response.status, jsonBody(response))
              : null;
          fn?.call(test, mismatch ? new Error(mismatch) : error, answered);
        });
      return test;
    };
  }
  return agent;
};
