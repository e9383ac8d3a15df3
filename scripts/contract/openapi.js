/**
 * The OpenAPI 3.1 document of the content API (`/api/…`): Strapi's own generator (@strapi/openapi) for the
 * core routes' parameters and request bodies, extended with what it does not know: the answers of our
 * routes, declared next to each route as `openapi: { … }` (RouteContract in src/lib/openapi-route.ts), read
 * bodies built from the content-type schemas (entity-schemas.js), every `…Jalali` sibling by the
 * jalali-date plugin's own rule, and the error bodies. A content-API route of ours without a declaration
 * stops the generation, so a new route cannot ship undocumented. The routes of Strapi's built-in plugins
 * that frontends use (users-permissions, upload, i18n) take their answers from plugin-routes.js.
 */
const fs = require('fs');
const path = require('path');
const { generate } = require('@strapi/openapi');
const { entitySchemas } = require('./entity-schemas');
const { loadLabels } = require('./labels');
const common = require('./common');
const plugins = require('./plugin-routes');

const { ref } = common;
const CORE_ACTIONS = ['find', 'findOne', 'create', 'update', 'delete'];

/** The Document Service actions behind each core write (a `status=published` write publishes too). */
const SAVE_ACTIONS_OF = { create: ['create', 'publish'], update: ['update', 'publish'] };

/**
 * The `details.code`s an operation answers, per status: those of any request of its method, its own
 * declared ones, and for a core write those of the save steps serving its content type.
 */
const errorCodesOf = (strapi, { method, uid, action, declared }) => {
  const dist = (file) => require(path.join(strapi.dirs.dist.src, file));
  const lists = [dist('lib/error-codes').requestErrorCodes(method.toUpperCase()), declared ?? {}];
  if (SAVE_ACTIONS_OF[action] && strapi.contentTypes[uid]) {
    const steps = dist('save-pipeline').offeredSteps(strapi);
    const codes = steps
      .filter(
        (step) =>
          step.errorCodes &&
          step.serves(uid) &&
          (!step.actions || step.actions.some((each) => SAVE_ACTIONS_OF[action].includes(each)))
      )
      .flatMap((step) => step.errorCodes);
    lists.push({ 400: codes });
  }
  const merged = {};
  for (const list of lists)
    for (const [status, codes] of Object.entries(list))
      merged[status] = [...new Set([...(merged[status] ?? []), ...codes])];
  return merged;
};

/** The error answers of an operation: its codes' enums where it has some, the shared ones elsewhere. */
const errorAnswers = (method, codes) =>
  Object.fromEntries(
    common
      .errorStatuses(method)
      .map((status) => [
        status,
        codes[status]?.length
          ? common.errorResponse(status, codes[status])
          : { $ref: `#/components/responses/Error${status}` },
      ])
  );

/** Every content-API route of src/api and src/plugins, with where it is declared (for messages). */
const ourRoutes = (strapi) => {
  const localPlugins = fs.readdirSync(path.join(strapi.dirs.app.src, 'plugins'));
  const routes = [];
  for (const [api, { routes: files }] of Object.entries(strapi.apis)) {
    for (const [file, router] of Object.entries(files)) {
      if (router.type && router.type !== 'content-api') continue;
      for (const route of router.routes)
        routes.push({ route, fullPath: route.path, source: `src/api/${api}/routes/${file}` });
    }
  }
  for (const name of localPlugins) {
    const routers = strapi.plugin(name)?.routes ?? {};
    const router = Array.isArray(routers)
      ? { routes: routers, type: 'admin' }
      : routers['content-api'];
    if (!router || router.type !== 'content-api') continue;
    for (const route of router.routes) {
      const prefix = route.config?.prefix ?? `/${name}`;
      routes.push({
        route,
        fullPath: `${prefix}${route.path}`,
        source: `src/plugins/${name}/server/routes`,
      });
    }
  }
  return routes;
};

/** `/archive/:year/:month?/:day?` → `/archive/{year}`, `/archive/{year}/{month}`, `/archive/{year}/{month}/{day}`. */
const documentPaths = (routePath) => {
  const segments = routePath.split('/');
  const firstOptional = segments.findIndex((segment) => segment.endsWith('?'));
  const cut =
    firstOptional === -1
      ? [segments.length]
      : Array.from({ length: segments.length - firstOptional + 1 }, (_, i) => firstOptional + i);
  return cut.map((length) =>
    segments
      .slice(0, length)
      .map((segment) => segment.replace(/^:(\w+)\??$/, '{$1}'))
      .join('/')
  );
};
const strapiPathKey = (routePath) => routePath.replace(/:(\w+)(\?)?/g, '{$1$2}');

const operationId = (method, docPath) =>
  `${method}${docPath
    .split('/')
    .filter(Boolean)
    .map((segment) => segment.replace(/[{}]/g, ''))
    .map((word) => word[0].toUpperCase() + word.slice(1))
    .join('')}`.replace(/[^A-Za-z0-9]/g, '');

/**
 * The answers of Strapi's core actions, as read (with siblings and populated relations), not as written;
 * the same shapes as the declarations' (src/lib/openapi-route.ts, compiled into dist).
 */
const coreResponses = (strapi, action, document, pagination) => {
  const { oneEntry, entryList } = require(path.join(strapi.dirs.dist.src, 'lib/openapi-route'));
  const json = (schema) => ({ content: { 'application/json': { schema } } });
  switch (action) {
    case 'find':
      return {
        200: {
          description: 'A page of published entries.',
          ...json(entryList(document, pagination)),
        },
      };
    case 'findOne':
      return {
        200: {
          description: 'The published entry (or, for a full-access token, the draft asked for).',
          ...json(oneEntry(document)),
        },
      };
    case 'create':
      return {
        201: {
          description: 'The entry as stored, computed fields included.',
          ...json(oneEntry(document)),
        },
      };
    case 'update':
      return {
        200: {
          description: 'The entry as stored, computed fields included.',
          ...json(oneEntry(document)),
        },
      };
    default:
      return { 204: { description: 'Deleted.' } };
  }
};

/** A declared answer: `{ description, schema, example }` or a bare status description. */
const declaredResponses = (responses) =>
  Object.fromEntries(
    Object.entries(responses).map(([status, { description, schema, example, headers }]) => [
      status,
      {
        description,
        ...(headers ? { headers } : {}),
        ...(schema
          ? { content: { 'application/json': { schema, ...(example ? { example } : {}) } } }
          : {}),
      },
    ])
  );

/** `<key>Jalali` after every property named one of `keys`, at any depth (the REST middleware's rule). */
const addJalaliSiblings = (schema, keys, seen = new Set()) => {
  if (!schema || typeof schema !== 'object' || seen.has(schema)) return;
  seen.add(schema);
  if (schema.properties) {
    const entries = [];
    for (const [name, property] of Object.entries(schema.properties)) {
      entries.push([name, property]);
      if (keys.has(name))
        entries.push([
          `${name}Jalali`,
          {
            anyOf: [ref('JalaliDateTime'), { type: 'null' }],
            description: `${name} in the Jalali calendar, Tehran time.`,
          },
        ]);
    }
    schema.properties = Object.fromEntries(entries);
  }
  for (const value of Object.values(schema)) addJalaliSiblings(value, keys, seen);
};

/** Strapi's generator marks each of its schemas with `$schema` and gives datetimes a `default` of now. */
const clean = (value) => {
  if (Array.isArray(value)) return value.map(clean);
  if (!value || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.entries(value)
      .filter(
        ([key, item]) =>
          key !== '$schema' &&
          !(key === 'default' && typeof item === 'string' && /^\d{4}-\d\d-\d\dT/.test(item))
      )
      .map(([key, item]) => [key, clean(item)])
  );
};

/** Strapi's generator allows any safe integer; our API refuses numbers out of these ranges with 400 (src/lib/pagination-range.ts). */
const withPaginationRange = (parameter, ranges) => {
  const key = /^pagination\[(\w+)\]$/.exec(parameter.name)?.[1];
  if (!ranges[key]) return parameter;
  const { min, max } = ranges[key];
  return {
    ...parameter,
    schema: {
      ...parameter.schema,
      type: 'integer',
      exclusiveMinimum: undefined,
      minimum: min,
      maximum: max,
    },
  };
};

/** The optional keys that `src/api/<api>/openapi-fields` add to a content type's answers (e.g. the schedule, for writers). */
const answerExtensions = (strapi) => {
  const apis = path.join(strapi.dirs.dist.src, 'api');
  const extensions = {};
  for (const api of fs.readdirSync(apis)) {
    const file = path.join(apis, api, 'openapi-fields.js');
    if (fs.existsSync(file)) Object.assign(extensions, require(file).default);
  }
  return extensions;
};

const buildDocument = (strapi, { jalaliKeys, weekdays, months, paginationRanges }) => {
  const { document: generated } = generate(strapi, { type: 'content-api' });
  const routes = ourRoutes(strapi);
  const contentTypes = [
    ...new Set(
      routes
        .map(({ route }) => route.handler.split('.').slice(0, 2).join('.'))
        .filter((uid) => strapi.contentTypes[uid])
    ),
  ];
  const entities = entitySchemas(
    strapi,
    [...contentTypes, ...plugins.PLUGIN_CONTENT_TYPES],
    loadLabels(strapi.dirs.app.root)
  );
  for (const [uid, fields] of Object.entries({
    ...answerExtensions(strapi),
    ...plugins.ENTRY_EXTENSIONS,
  })) {
    Object.assign(entities.schemas[entities.documentName(uid)].properties, fields);
  }

  const paths = {};
  const missing = [];
  for (const { route, fullPath, source } of routes) {
    const method = route.method.toLowerCase();
    const [uid, action] = [
      route.handler.split('.').slice(0, 2).join('.'),
      route.handler.split('.').pop(),
    ];
    // A core route may declare additions (CoreRouteContract: its own query parameters and error codes).
    const isCore =
      strapi.contentTypes[uid] && CORE_ACTIONS.includes(action) && !route.openapi?.responses;
    if (!isCore && !route.openapi) {
      missing.push(`${route.method} /api${fullPath} (${source})`);
      continue;
    }
    const declared = route.openapi ?? {};
    const strapiOperation = generated.paths[strapiPathKey(fullPath)]?.[method] ?? {};
    // A declared route that reads like a core action takes that action's query parameters (populate, filters…).
    const queryOf = declared.queryOf && generated.paths[strapiPathKey(declared.queryOf.path)]?.get;
    const query = [...(strapiOperation.parameters ?? []), ...(queryOf?.parameters ?? [])].filter(
      (parameter) => parameter.in === 'query'
    );
    const variants = documentPaths(fullPath);
    for (const docPath of variants) {
      const pathParameters = [...docPath.matchAll(/\{(\w+)\}/g)].map(([, name]) => ({
        name,
        in: 'path',
        required: true,
        schema:
          declared.params?.[name] ??
          (name === 'id' ? { type: 'string', description: 'The documentId' } : { type: 'string' }),
      }));
      const responses = isCore
        ? coreResponses(strapi, action, entities.documentName(uid), declared.pagination)
        : declaredResponses(declared.responses);
      for (const [status, answer] of Object.entries(
        errorAnswers(
          method,
          errorCodesOf(strapi, { method, uid, action, declared: declared.errorCodes })
        )
      ))
        responses[status] ??= answer;
      // Every read may come from the response cache, which answers a matching If-None-Match with 304 (docs/cache.md).
      if (method === 'get') responses[304] ??= { $ref: '#/components/responses/NotModified' };
      paths[docPath] ??= {};
      paths[docPath][method] = {
        operationId: operationId(method, docPath),
        tags: strapiOperation.tags ?? [uid.split('.').pop()],
        ...(declared.summary ? { summary: declared.summary } : {}),
        ...(declared.description ? { description: declared.description } : {}),
        parameters: [
          ...pathParameters,
          ...query.filter(
            (parameter) => !(declared.query ?? []).some((own) => own.name === parameter.name)
          ),
          ...(declared.query ?? []),
        ].map((parameter) => withPaginationRange(parameter, paginationRanges)),
        ...(strapiOperation.requestBody || declared.requestBody
          ? { requestBody: declared.requestBody ?? strapiOperation.requestBody }
          : {}),
        responses,
        // Reads are public (a token may be sent, and reads drafts when it has full access); writes need one.
        security: method === 'get' ? [{}, { bearerAuth: [] }] : [{ bearerAuth: [] }],
      };
    }
  }
  const pluginResponses = plugins.pluginResponses(entities.documentName);
  for (const route of plugins.pluginRoutes(strapi)) {
    const strapiOperation = generated.paths[route.strapiPath]?.[route.method] ?? {};
    const responses = pluginResponses[route.handler];
    if (!responses) {
      missing.push(
        `${route.method.toUpperCase()} /api${route.path} (${route.handler}: no answers in scripts/contract/plugin-routes.js)`
      );
      continue;
    }
    const pathParameters = [...route.path.matchAll(/\{(\w+)\}/g)].map(([, name]) => ({
      name,
      in: 'path',
      required: true,
      schema: { type: 'string' },
    }));
    const operation = {
      operationId: operationId(route.method, route.path),
      tags: [route.plugin],
      parameters: [
        ...pathParameters,
        ...(strapiOperation.parameters ?? []).filter((parameter) => parameter.in === 'query'),
      ].map((parameter) => withPaginationRange(parameter, paginationRanges)),
      ...(route.handler === 'upload.content-api.upload'
        ? { requestBody: plugins.UPLOAD_BODY }
        : strapiOperation.requestBody
          ? { requestBody: strapiOperation.requestBody }
          : {}),
      responses: { ...responses },
      security: plugins.pluginSecurity(route.handler),
    };
    for (const [status, answer] of Object.entries(
      errorAnswers(route.method, errorCodesOf(strapi, { method: route.method }))
    ))
      operation.responses[status] ??= answer;
    paths[route.path] ??= {};
    paths[route.path][route.method] = operation;
  }
  if (missing.length) {
    throw new Error(
      `These content-API routes have no \`openapi\` declaration next to them:\n  ${missing.join('\n  ')}`
    );
  }

  const document = clean({
    openapi: '3.1.0',
    info: {
      title: 'Pishkhan CMS content API',
      version: generated.info.version,
      description:
        'The REST API for frontends of Pishkhan CMS (Strapi 5). Published content is public; writes and ' +
        '`POST /import` need an API token. Generated by `npm run contract` from the routes and content types; ' +
        'prose and examples: docs/api.md.',
    },
    servers: [{ url: '/api', description: 'This server' }],
    tags: [
      ...new Set(
        Object.values(paths).flatMap((item) => Object.values(item).flatMap((op) => op.tags))
      ),
    ]
      .sort()
      .map((name) => ({ name })),
    paths: Object.fromEntries(Object.entries(paths).sort(([a], [b]) => a.localeCompare(b))),
    components: {
      securitySchemes: {
        bearerAuth: {
          type: 'http',
          scheme: 'bearer',
          description: 'An API token (Settings → API Tokens).',
        },
      },
      schemas: {
        ...common.schemas({ weekdays, months }),
        ...entities.schemas,
        ...plugins.pluginSchemas(entities.documentName, entities.schemas),
      },
      responses: {
        NotModified: {
          description:
            'Not Modified: the `If-None-Match` ETag still matches the answer (docs/cache.md).',
        },
        ...common.errorResponses(),
      },
    },
  });
  for (const schema of Object.values(document.components.schemas))
    addJalaliSiblings(schema, jalaliKeys);
  for (const item of Object.values(document.paths)) {
    for (const operation of Object.values(item)) {
      for (const [status, response] of Object.entries(operation.responses))
        if (status < 300) addJalaliSiblings(response.content, jalaliKeys);
    }
  }
  return document;
};

module.exports = { buildDocument };
