/**
 * The content-API routes of Strapi's built-in plugins that our app exposes (users-permissions, upload,
 * i18n): their paths, parameters and request bodies come from Strapi (the plugins' route declarations,
 * through @strapi/openapi), their answers from here, because Strapi's own answer schemas do not match what
 * the routes send (documentIds as UUIDs, one 200 for every action, no 201 or redirect, users without
 * `publishedAt`'s Jalali sibling…). Entries are the entity schemas of the plugins' content types
 * (entity-schemas.js), so a field added to them shows here. email and content-type-builder are left out:
 * they are tools of the admin that only a full-access token reaches, not a frontend's.
 */
const PLUGINS = ['users-permissions', 'upload', 'i18n'];

/** Content types whose entries these routes answer with (schemas built by entity-schemas.js). */
const PLUGIN_CONTENT_TYPES = [
  'plugin::users-permissions.user',
  'plugin::users-permissions.role',
  'plugin::i18n.locale',
  'plugin::upload.file',
];

/** Keys the plugins' controllers add to their entries. */
const ENTRY_EXTENSIONS = {
  'plugin::upload.file': {
    isUrlSigned: {
      type: 'boolean',
      description: 'Whether `url` is a signed, expiring address (private upload providers)',
    },
  },
  'plugin::i18n.locale': { isDefault: { type: 'boolean' } },
};

const ref = (name) => ({ $ref: `#/components/schemas/${name}` });
const json = (description, schema) => ({
  description,
  content: { 'application/json': { schema } },
});
const ok = { type: 'object', properties: { ok: { const: true } }, required: ['ok'] };
const redirect = (description) => ({
  description,
  headers: { Location: { schema: { type: 'string' }, description: 'Where the browser goes next' } },
});

/**
 * `/connect/(.*)` (a Koa regular expression) as an OpenAPI template; a role's GET (`/roles/:id`) and its
 * PUT and DELETE (`/roles/:role`) under one template, as OpenAPI wants a path's parameters named alike.
 */
const documentPath = (fullPath) =>
  fullPath
    .replace(/\/\(\.\*\)$/, '/{provider}')
    .replace(/^\/users-permissions\/roles\/:id$/, '/users-permissions/roles/:role')
    .replace(/(.)\/$/, '$1')
    .replace(/:(\w+)/g, '{$1}');

/** Every content-API route of PLUGINS: method, document path, Strapi's path key, handler. */
const pluginRoutes = (strapi) =>
  PLUGINS.flatMap((name) => {
    const router = strapi.plugin(name)?.routes?.['content-api'];
    if (!router) return [];
    return router.routes.map((route) => {
      const fullPath = `${route.config?.prefix ?? `/${name}`}${route.path}`;
      return {
        plugin: name,
        method: route.method.toLowerCase(),
        path: documentPath(fullPath),
        strapiPath: fullPath.replace(/(.)\/$/, '$1').replace(/:(\w+)/g, '{$1}'),
        handler: `${name}.${route.handler}`,
      };
    });
  });

/** The answers of each handler, with the names of the entity schemas (`names(uid)`). */
const pluginResponses = (names) => {
  const user = ref(names('plugin::users-permissions.user'));
  const file = ref(names('plugin::upload.file'));
  const locale = ref(names('plugin::i18n.locale'));
  const auth = ref('UsersPermissionsAuth');
  const roleWithPermissions = ref('UsersPermissionsRoleAnswer');
  return {
    'users-permissions.auth.connect': {
      302: redirect("Off to the provider's login page."),
    },
    'users-permissions.auth.callback': {
      200: json('Logged in: the JWT for `Authorization: Bearer`, and the user.', auth),
    },
    'users-permissions.auth.register': {
      200: json('Registered: logged in, or (when email confirmation is on) the user alone.', {
        anyOf: [
          auth,
          {
            type: 'object',
            properties: { user },
            required: ['user'],
            additionalProperties: false,
          },
        ],
      }),
    },
    'users-permissions.auth.forgotPassword': {
      200: json('An email is on its way if the address is known.', ok),
    },
    'users-permissions.auth.resetPassword': {
      200: json('The password is changed and the user logged in.', auth),
    },
    'users-permissions.auth.emailConfirmation': {
      200: json('Confirmed (with `returnUser=true`): logged in.', auth),
      302: redirect('Confirmed: off to the configured page.'),
    },
    'users-permissions.auth.sendEmailConfirmation': {
      200: json('The confirmation email is sent again.', {
        type: 'object',
        properties: { email: { type: 'string' }, sent: { const: true } },
        required: ['email', 'sent'],
        additionalProperties: false,
      }),
    },
    'users-permissions.auth.changePassword': {
      200: json('The password is changed; every other session is ended.', auth),
    },
    'users-permissions.auth.refresh': {
      200: json('A new JWT for the refresh token (and a new refresh token when not in a cookie).', {
        type: 'object',
        properties: { jwt: { type: 'string' }, refreshToken: { type: 'string' } },
        required: ['jwt'],
        additionalProperties: false,
      }),
    },
    'users-permissions.auth.logout': { 200: json('Logged out.', ok) },
    'users-permissions.auth.getSessions': {
      200: json("The user's sessions.", {
        type: 'object',
        properties: {
          data: {
            type: 'array',
            items: {
              type: 'object',
              description:
                'A login of the user: the current one first, then the most recently used',
              properties: {
                id: {
                  type: 'string',
                  description: 'The session id, for DELETE /auth/sessions/{id}',
                },
                deviceId: { type: ['string', 'null'] },
                deviceName: { type: 'string' },
                current: { type: 'boolean' },
                loginAt: { type: 'string', format: 'date-time' },
                lastActiveAt: { type: 'string', format: 'date-time' },
              },
              required: ['id', 'deviceId', 'current'],
              additionalProperties: false,
            },
          },
        },
        required: ['data'],
        additionalProperties: false,
      }),
    },
    'users-permissions.auth.revokeSession': {
      200: json('The session is ended.', {
        type: 'object',
        properties: { data: { type: 'object', additionalProperties: false } },
        required: ['data'],
        additionalProperties: false,
      }),
    },
    'users-permissions.user.count': { 200: json('How many users match.', { type: 'integer' }) },
    'users-permissions.user.find': {
      200: json('The users (a plain array, not `{ data }`).', { type: 'array', items: user }),
    },
    'users-permissions.user.me': { 200: json('The logged-in user.', user) },
    'users-permissions.user.findOne': {
      200: json('The user.', user),
      204: { description: 'No user has this id (Strapi answers an empty 204, not a 404).' },
    },
    'users-permissions.user.create': { 201: json('The user as stored.', user) },
    'users-permissions.user.update': { 200: json('The user as stored.', user) },
    'users-permissions.user.destroy': { 200: json('The deleted user.', user) },
    'users-permissions.role.findOne': {
      200: json('The role with its permissions.', {
        type: 'object',
        properties: { role: roleWithPermissions },
        required: ['role'],
        additionalProperties: false,
      }),
    },
    'users-permissions.role.find': {
      200: json('The roles, with how many users each has.', {
        type: 'object',
        properties: { roles: { type: 'array', items: roleWithPermissions } },
        required: ['roles'],
        additionalProperties: false,
      }),
    },
    'users-permissions.role.createRole': { 200: json('Created.', ok) },
    'users-permissions.role.updateRole': { 200: json('Updated.', ok) },
    'users-permissions.role.deleteRole': { 200: json('Deleted.', ok) },
    'users-permissions.permissions.getPermissions': {
      200: json('Every action a role may be given.', {
        type: 'object',
        properties: { permissions: ref('UsersPermissionsPermissions') },
        required: ['permissions'],
        additionalProperties: false,
      }),
    },
    'upload.content-api.upload': {
      201: json('The stored files (or, with `?id=`, the file whose details were changed).', {
        anyOf: [{ type: 'array', items: file }, file],
      }),
    },
    'upload.content-api.find': {
      200: json('The files (a plain array, not `{ data }`).', { type: 'array', items: file }),
    },
    'upload.content-api.findPage': {
      200: json('A page of files.', {
        type: 'object',
        properties: {
          data: { type: 'array', items: file },
          meta: {
            type: 'object',
            properties: { pagination: ref('Pagination') },
            required: ['pagination'],
            additionalProperties: false,
          },
        },
        required: ['data', 'meta'],
        additionalProperties: false,
      }),
    },
    'upload.content-api.findOne': { 200: json('The file.', file) },
    'upload.content-api.destroy': { 200: json('The deleted file.', file) },
    'i18n.locales.listLocales': {
      200: json('The locales content may be written in (a plain array).', {
        type: 'array',
        items: locale,
      }),
    },
  };
};

/** The shared schemas of these answers; `entities` are the entity schemas by name. */
const pluginSchemas = (names, entities) => {
  const role = entities[names('plugin::users-permissions.role')];
  return {
    UsersPermissionsRoleAnswer: {
      ...role,
      description:
        'A role as its routes answer it: with how many users it has and its permissions.',
      properties: {
        ...role.properties,
        nb_users: { type: 'integer' },
        permissions: ref('UsersPermissionsPermissions'),
      },
    },
    UsersPermissionsAuth: {
      description:
        'A login: `jwt` for `Authorization: Bearer`; `refreshToken` only when the refresh token is not set as an httpOnly cookie (our configuration sets the cookie).',
      type: 'object',
      properties: {
        jwt: { type: 'string' },
        refreshToken: { type: 'string' },
        user: ref(names('plugin::users-permissions.user')),
      },
      required: ['jwt', 'user'],
      additionalProperties: false,
    },
    UsersPermissionsPermissions: {
      description: 'Per plugin or API, per controller, per action: whether the role may call it.',
      type: 'object',
      additionalProperties: {
        type: 'object',
        properties: {
          controllers: {
            type: 'object',
            additionalProperties: {
              type: 'object',
              additionalProperties: {
                type: 'object',
                properties: { enabled: { type: 'boolean' }, policy: { type: 'string' } },
                required: ['enabled', 'policy'],
                additionalProperties: false,
              },
            },
          },
        },
        required: ['controllers'],
        additionalProperties: false,
      },
    },
  };
};

/** A multipart upload, which Strapi's route declaration does not describe. */
const UPLOAD_BODY = {
  required: true,
  content: {
    'multipart/form-data': {
      schema: {
        type: 'object',
        properties: {
          files: {
            description: 'One file, or several under the same name',
            oneOf: [
              { type: 'string', format: 'binary' },
              { type: 'array', items: { type: 'string', format: 'binary' } },
            ],
          },
          fileInfo: {
            type: 'string',
            description: 'JSON: `{ name, alternativeText, caption }` (an array for several files)',
          },
          ref: { type: 'string' },
          refId: { type: 'string' },
          field: { type: 'string' },
        },
      },
    },
  },
};

/**
 * Who may call: the login routes are public, a logged-in user's own routes take the user's JWT, the rest
 * an API token (full access, or one holding the action).
 */
const PUBLIC = new Set([
  'users-permissions.auth.connect',
  'users-permissions.auth.callback',
  'users-permissions.auth.register',
  'users-permissions.auth.forgotPassword',
  'users-permissions.auth.resetPassword',
  'users-permissions.auth.emailConfirmation',
  'users-permissions.auth.sendEmailConfirmation',
  'users-permissions.auth.refresh',
]);

const pluginSecurity = (handler) => (PUBLIC.has(handler) ? [{}] : [{ bearerAuth: [] }]);

module.exports = {
  PLUGIN_CONTENT_TYPES,
  ENTRY_EXTENSIONS,
  pluginRoutes,
  pluginResponses,
  pluginSchemas,
  pluginSecurity,
  UPLOAD_BODY,
};
