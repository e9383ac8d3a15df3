import type { Plugin } from 'vite';

/**
 * Strapi's admin asks for its AI features (`/admin/ai-feature-config`, dozens of times a visit) and
 * for AI translation jobs (`/i18n/ai-localization-jobs/…`) whether or not AI is available, and the
 * server answers 404 when it is not: AI needs Strapi's paid licence, which Pishkhan has not. Each query
 * hook is wrapped where it is made, so it asks only when Strapi's own `useAIAvailability()` says AI is
 * there. The build fails if a module changed shape.
 */
const QUERIES = [
  {
    module: /\/@strapi\/admin\/dist\/admin\/ee\/admin\/src\/services\/ai\.mjs$/,
    hook: 'useGetAiFeatureConfigQuery',
    availability: '../hooks/useAIAvailability.mjs',
  },
  {
    module: /\/@strapi\/i18n\/dist\/admin\/services\/aiLocalizationJobs\.mjs$/,
    hook: 'useGetAILocalizationJobsByDocumentQuery',
    availability: '@strapi/admin/strapi-admin/ee',
  },
];

export const aiQueriesOnlyWhenAvailable = (): Plugin => ({
  name: 'pishkhan:ai-queries-only-when-available',
  enforce: 'pre',
  transform(code, id) {
    const query = QUERIES.find(({ module }) => module.test(id.split('?')[0].replace(/\\/g, '/')));
    if (!query) return null;
    const asked = `${query.hook}Asked`;
    // `const { …, useXQuery, … } = someApi;`: the hook RTK Query made for the endpoint.
    const made = new RegExp(`(const\\s*\\{[^}]*\\b)${query.hook}(\\b[^}]*\\}\\s*=\\s*\\w+\\s*;)`);
    if (!made.test(code)) this.error(`${id}: ${query.hook} is no longer made here; cannot keep it from asking for AI`);
    const patched = [
      `import { useAIAvailability as __pishkhanAiAvailable } from '${query.availability}';`,
      code.replace(made, `$1${query.hook}: ${asked}$2`),
      `const ${query.hook} = (arg, options) => ${asked}(arg, { ...options, skip: Boolean(options?.skip) || !__pishkhanAiAvailable() });`,
    ].join('\n');
    return { code: patched, map: null };
  },
});
