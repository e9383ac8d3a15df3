'use strict';
/**
 * The two apps a benchmark compares:
 * - ours: a snapshot of the working tree (config, src, package.json, tsconfig) in the bench folder, compiled
 *   by the app's own tsc into its dist/, so the run neither reads files that other work is changing nor
 *   writes into the repository;
 * - plain: plain Strapi (JavaScript, no TypeScript) with the same content types and components, the
 *   custom fields of our plugins turned into the plain types they store (datetime, uid, integer), the
 *   same Strapi configuration and limits, Strapi's default middlewares, only the graphql and
 *   users-permissions plugins, and a bootstrap that makes `fa` the default locale and lets the public
 *   read (find/findOne). Core controllers, routes and services come from Strapi's factories.
 * Both share the repository's node_modules through a symlink.
 */
const fs = require('fs');
const path = require('path');
const { spawnSync } = require('child_process');

const REPO = path.resolve(__dirname, '..', '..');

/** Our custom fields and the plain attribute each stores as. Anything else is an error, not a guess. */
const PLAIN_TYPES = {
  'plugin::jalali-date.datetime': () => ({ type: 'datetime' }),
  'plugin::persian-slug.slug': (attribute) => ({
    type: 'uid',
    ...(attribute.targetField ? { targetField: attribute.targetField } : {}),
    ...(attribute.regex ? { regex: attribute.regex } : {}),
  }),
  'plugin::persian-slug.news-code': (attribute) => ({
    type: 'integer',
    ...(attribute.min !== undefined ? { min: attribute.min } : {}),
  }),
};

/** Keys of an attribute that belong to the custom field or the admin, not to the stored type. */
const CUSTOM_ONLY = new Set(['type', 'customField', 'options', 'targetField', 'regex', 'min']);

const toPlainAttributes = (attributes, where) => {
  const out = {};
  for (const [name, attribute] of Object.entries(attributes)) {
    if (attribute.type !== 'customField') {
      out[name] = attribute;
      continue;
    }
    const convert = PLAIN_TYPES[attribute.customField];
    if (!convert) {
      throw new Error(
        `${where}.${name}: custom field ${attribute.customField} has no plain type in bench/lib/apps.js (PLAIN_TYPES)`
      );
    }
    const kept = Object.fromEntries(
      Object.entries(attribute).filter(([key]) => !CUSTOM_ONLY.has(key))
    );
    out[name] = { ...convert(attribute), ...kept };
  }
  return out;
};

const copy = (from, to) => fs.cpSync(from, to, { recursive: true, dereference: false });

const linkNodeModules = (appDir) => {
  const link = path.join(appDir, 'node_modules');
  if (!fs.existsSync(link)) fs.symlinkSync(path.join(REPO, 'node_modules'), link, 'dir');
};

/**
 * Copies the app's sources into `appDir` and compiles them with the project's tsconfig (server code only;
 * the admin is not built: the API does not need it). Returns { appDir, distDir, compileMs }.
 */
const prepareOurApp = ({
  appDir,
  compile = true,
  reuse = false,
  allowTypeErrors = false,
  log = () => {},
}) => {
  if (reuse && fs.existsSync(path.join(appDir, 'dist', 'src', 'index.js'))) {
    log(`reusing the compiled snapshot in ${appDir} (--reuse-app)`);
    return { name: 'ours', appDir, distDir: path.join(appDir, 'dist'), compileMs: 0, reused: true };
  }
  fs.rmSync(appDir, { recursive: true, force: true });
  fs.mkdirSync(appDir, { recursive: true });
  // The plugins load their packages' dist/ (scripts/build-packages.js), copied with src/ below.
  const packages = spawnSync(
    process.execPath,
    [path.join(REPO, 'scripts', 'build-packages.js'), '--js-only'],
    { stdio: 'inherit' }
  );
  if (packages.status !== 0) throw new Error('building the workspace packages failed');
  for (const entry of [
    'package.json',
    'tsconfig.json',
    'config',
    'src',
    'database',
    'public',
    'favicon.png',
  ]) {
    const from = path.join(REPO, entry);
    if (fs.existsSync(from)) copy(from, path.join(appDir, entry));
  }
  // Uploaded files of a developer's own database are not part of the app.
  fs.rmSync(path.join(appDir, 'public', 'uploads'), { recursive: true, force: true });
  fs.mkdirSync(path.join(appDir, 'public', 'uploads'), { recursive: true });
  linkNodeModules(appDir);
  const distDir = path.join(appDir, 'dist');
  let compileMs = 0;
  if (compile) {
    const started = Date.now();
    log('compiling the app (tsc, server only)…');
    const tsc = spawnSync(
      process.execPath,
      [
        path.join(REPO, 'node_modules', 'typescript', 'bin', 'tsc'),
        '-p',
        'tsconfig.json',
        ...(allowTypeErrors ? ['--noEmitOnError', 'false'] : []),
      ],
      { cwd: appDir, encoding: 'utf8' }
    );
    compileMs = Date.now() - started;
    if (
      tsc.status !== 0 &&
      !(allowTypeErrors && fs.existsSync(path.join(distDir, 'src', 'index.js')))
    ) {
      throw new Error(
        `tsc failed in the app snapshot (${appDir}):\n${tsc.stdout}${tsc.stderr}\n` +
          'Fix the type errors, or pass --allow-type-errors to benchmark what tsc emits anyway.'
      );
    }
  }
  return { name: 'ours', appDir, distDir, compileMs };
};

/**
 * A variant of our compiled app without some middlewares (an ablation: what does one of them cost?).
 * `drop` holds middleware names as written in config/middlewares.ts, e.g. 'plugin::jalali-date.rest'; with
 * none it is a twin of our app, a second server of the same code (what two servers differ by, §17).
 */
const prepareVariant = ({ ours, appDir, drop, name = null }) => {
  fs.rmSync(appDir, { recursive: true, force: true });
  fs.mkdirSync(appDir, { recursive: true });
  for (const entry of fs.readdirSync(ours.appDir)) {
    if (entry === 'node_modules') continue;
    copy(path.join(ours.appDir, entry), path.join(appDir, entry));
  }
  linkNodeModules(appDir);
  const file = path.join(appDir, 'dist', 'config', 'middlewares.js');
  const loaded = interop(require(path.join(ours.distDir, 'config', 'middlewares.js')));
  const { env } = require(path.join(REPO, 'node_modules', '@strapi', 'utils'));
  const list = typeof loaded === 'function' ? loaded({ env }) : loaded;
  const names = list.map((entry) => (typeof entry === 'string' ? entry : entry && entry.name));
  const unknown = drop.filter((name) => !names.includes(name));
  if (unknown.length)
    throw new Error(
      `--ablate: no middleware ${unknown.join(', ')} in config/middlewares.ts (there are: ${names.join(', ')})`
    );
  if (drop.length)
    fs.appendFileSync(
      file,
      `\n// bench ablation: without ${drop.join(', ')}\n` +
        `const benchOriginal = exports.default;\n` +
        `exports.default = (params) => (typeof benchOriginal === 'function' ? benchOriginal(params) : benchOriginal)\n` +
        `  .filter((entry) => !${JSON.stringify(drop)}.includes(typeof entry === 'string' ? entry : entry && entry.name));\n`
    );
  return {
    name: name || `ours-without-${drop.map((entry) => entry.replace(/^.*::/, '')).join('+')}`,
    appDir,
    distDir: path.join(appDir, 'dist'),
    env: ours.env,
    drop,
  };
};

const readJson = (file) => JSON.parse(fs.readFileSync(file, 'utf8'));
const writeJson = (file, value) => {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, `${JSON.stringify(value, null, 2)}\n`);
};
const writeJs = (file, source) => {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, source);
};

const interop = (module) => (module && module.__esModule ? module.default : module);

/** Plugin configuration of our app without our local plugins (those with `resolve`), evaluated as Strapi would. */
const plainPluginConfig = (ourDist) => {
  const { env } = require(path.join(REPO, 'node_modules', '@strapi', 'utils'));
  const file = path.join(ourDist, 'config', 'plugins.js');
  const loaded = interop(require(file));
  const config = typeof loaded === 'function' ? loaded({ env }) : loaded;
  const kept = {};
  const dropped = [];
  for (const [name, value] of Object.entries(config)) {
    if (value && typeof value === 'object' && typeof value.resolve === 'string') dropped.push(name);
    else kept[name] = value;
  }
  return { kept, dropped };
};

/** Strapi's own middlewares from our list, in our order, without any plugin or app middleware. */
const plainMiddlewares = (ourDist) => {
  const loaded = interop(require(path.join(ourDist, 'config', 'middlewares.js')));
  // config/middlewares.ts is a function of env (the JSON body's limits) since the json-body middleware.
  const { env } = require(path.join(REPO, 'node_modules', '@strapi', 'utils'));
  const list = typeof loaded === 'function' ? loaded({ env }) : loaded;
  const nameOf = (entry) => (typeof entry === 'string' ? entry : entry && entry.name);
  return list
    .filter((entry) => String(nameOf(entry)).startsWith('strapi::'))
    .map((entry) => (nameOf(entry) === 'strapi::body' ? 'strapi::body' : entry));
};

const PLAIN_INDEX = `'use strict';
/** Plain Strapi for the benchmarks: fa is the default locale and the public may read (find, findOne). */
const CONTENT_TYPES = __CONTENT_TYPES__;

module.exports = {
  register() {},
  async bootstrap({ strapi }) {
    const locales = strapi.plugin('i18n').service('locales');
    if (!(await locales.findByCode('fa'))) await locales.create({ code: 'fa', name: 'Persian (fa)' });
    if ((await locales.getDefaultLocale()) !== 'fa') await locales.setDefaultLocale({ code: 'fa' });

    const role = await strapi.db.query('plugin::users-permissions.role').findOne({ where: { type: 'public' } });
    const permissions = strapi.db.query('plugin::users-permissions.permission');
    const actions = CONTENT_TYPES.flatMap((uid) => [uid + '.find', uid + '.findOne']);
    const existing = await permissions.findMany({ where: { role: role.id, action: { $in: actions } } });
    const granted = new Set(existing.map((permission) => permission.action));
    for (const action of actions) if (!granted.has(action)) await permissions.create({ data: { action, role: role.id } });
  },
};
`;

/**
 * Generates the plain-Strapi baseline in `appDir` from the repository's schemas and our compiled config
 * (`ourDist`). Returns a description of what was converted, for the report.
 */
const preparePlainApp = ({ appDir, ourDist }) => {
  fs.rmSync(appDir, { recursive: true, force: true });
  fs.mkdirSync(appDir, { recursive: true });
  const ourPackage = readJson(path.join(REPO, 'package.json'));
  writeJson(path.join(appDir, 'package.json'), {
    name: 'pishkhan-cms-plain-baseline',
    version: ourPackage.version,
    private: true,
    description:
      'Plain Strapi with Pishkhan content types, generated by bench/lib/apps.js (benchmark baseline)',
    dependencies: Object.fromEntries(
      Object.entries(ourPackage.dependencies).filter(([name]) =>
        [
          '@strapi/strapi',
          '@strapi/plugin-graphql',
          '@strapi/plugin-users-permissions',
          'better-sqlite3',
          'pg',
        ].includes(name)
      )
    ),
    strapi: { uuid: 'pishkhan-bench-plain', telemetryDisabled: true },
  });
  linkNodeModules(appDir);
  fs.mkdirSync(path.join(appDir, 'public', 'uploads'), { recursive: true });
  if (fs.existsSync(path.join(REPO, 'favicon.png')))
    fs.copyFileSync(path.join(REPO, 'favicon.png'), path.join(appDir, 'favicon.png'));

  // Configuration: the compiled files of our app where they hold no plugin of ours.
  for (const name of ['admin', 'api', 'database', 'logger', 'server']) {
    const from = path.join(ourDist, 'config', `${name}.js`);
    if (!fs.existsSync(from)) continue;
    fs.mkdirSync(path.join(appDir, 'config'), { recursive: true });
    fs.copyFileSync(from, path.join(appDir, 'config', `${name}.js`));
  }
  // Middlewares and plugins: our compiled config, evaluated at start-up with the same env, filtered.
  const middlewares = plainMiddlewares(ourDist);
  const ourConfig = JSON.stringify(path.join(ourDist, 'config'));
  writeJs(
    path.join(appDir, 'config', 'middlewares.js'),
    `'use strict';
// Strapi's own middlewares, in the order of the app's config/middlewares.ts, without plugin or app middlewares.
const path = require('path');
const loaded = require(path.join(${ourConfig}, 'middlewares.js'));
const config = loaded && loaded.__esModule ? loaded.default : loaded;
module.exports = (params) => {
  const list = typeof config === 'function' ? config(params) : config;
  return list
    .filter((entry) => String(typeof entry === 'string' ? entry : entry && entry.name).startsWith('strapi::'))
    // Our app reads JSON in its own middleware and has Strapi's body parser skip it: plain Strapi parses it.
    .map((entry) => (entry && entry.name === 'strapi::body' ? 'strapi::body' : entry));
};
`
  );
  const plugins = plainPluginConfig(ourDist);
  writeJs(
    path.join(appDir, 'config', 'plugins.js'),
    `'use strict';
// The app's config/plugins.ts, evaluated with the same env, without the local plugins (those with \`resolve\`).
const path = require('path');
const loaded = require(path.join(${ourConfig}, 'plugins.js'));
const config = loaded && loaded.__esModule ? loaded.default : loaded;
module.exports = (params) => {
  const all = typeof config === 'function' ? config(params) : config;
  return Object.fromEntries(Object.entries(all).filter(([, value]) => !(value && typeof value.resolve === 'string')));
};
`
  );

  // Content types: same schemas, custom fields as their plain types; factories for the rest.
  const converted = [];
  const contentTypes = [];
  const apiRoot = path.join(REPO, 'src', 'api');
  for (const api of fs.readdirSync(apiRoot)) {
    const typesDir = path.join(apiRoot, api, 'content-types');
    if (!fs.existsSync(typesDir)) continue;
    for (const type of fs.readdirSync(typesDir)) {
      const schemaFile = path.join(typesDir, type, 'schema.json');
      if (!fs.existsSync(schemaFile)) continue;
      const schema = readJson(schemaFile);
      const uid = `api::${api}.${type}`;
      const attributes = toPlainAttributes(schema.attributes, uid);
      for (const [name, attribute] of Object.entries(schema.attributes)) {
        if (attribute.type === 'customField')
          converted.push({
            uid,
            field: name,
            from: attribute.customField,
            to: attributes[name].type,
          });
      }
      writeJson(path.join(appDir, 'src', 'api', api, 'content-types', type, 'schema.json'), {
        ...schema,
        attributes,
      });
      const factory = (kind) =>
        `'use strict';\nconst { factories } = require('@strapi/strapi');\n\nmodule.exports = factories.createCore${kind}('${uid}');\n`;
      writeJs(
        path.join(appDir, 'src', 'api', api, 'controllers', `${type}.js`),
        factory('Controller')
      );
      writeJs(path.join(appDir, 'src', 'api', api, 'routes', `${type}.js`), factory('Router'));
      writeJs(path.join(appDir, 'src', 'api', api, 'services', `${type}.js`), factory('Service'));
      contentTypes.push(uid);
    }
  }
  const componentsRoot = path.join(REPO, 'src', 'components');
  if (fs.existsSync(componentsRoot)) {
    for (const category of fs.readdirSync(componentsRoot)) {
      for (const file of fs
        .readdirSync(path.join(componentsRoot, category))
        .filter((name) => name.endsWith('.json'))) {
        const schema = readJson(path.join(componentsRoot, category, file));
        const uid = `${category}.${file.replace(/\.json$/, '')}`;
        const attributes = toPlainAttributes(schema.attributes, uid);
        for (const [name, attribute] of Object.entries(schema.attributes)) {
          if (attribute.type === 'customField')
            converted.push({
              uid,
              field: name,
              from: attribute.customField,
              to: attributes[name].type,
            });
        }
        writeJson(path.join(appDir, 'src', 'components', category, file), {
          ...schema,
          attributes,
        });
      }
    }
  }
  writeJs(
    path.join(appDir, 'src', 'index.js'),
    PLAIN_INDEX.replace('__CONTENT_TYPES__', JSON.stringify(contentTypes))
  );
  return {
    name: 'plain',
    appDir,
    distDir: appDir,
    contentTypes,
    converted,
    droppedPlugins: plugins.dropped,
    middlewares: middlewares.map((entry) => (typeof entry === 'string' ? entry : entry.name)),
  };
};

module.exports = { prepareOurApp, preparePlainApp, prepareVariant, toPlainAttributes, REPO };
