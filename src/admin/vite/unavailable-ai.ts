import { moduleEdit } from './module-edit';

/**
 * Strapi's admin asks for its AI features (`/admin/ai-feature-config`, dozens of times a visit) and
 * for AI translation jobs (`/i18n/ai-localization-jobs/…`) whether or not AI is available, and the
 * server answers 404 when it is not: AI needs Strapi's paid licence, which Pishkhan has not. Each query
 * hook is wrapped where it is made, so it asks only when Strapi's own `useAIAvailability()` says AI is
 * there.
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

export const aiQueriesOnlyWhenAvailable = () =>
  QUERIES.map(({ module, hook, availability }) => {
    const asked = `${hook}Asked`;
    // `const { …, useXQuery, … } = someApi;`: the hook RTK Query made for the endpoint.
    const made = new RegExp(`(const\\s*\\{[^}]*\\b)${hook}(\\b[^}]*\\}\\s*=\\s*\\w+\\s*;)`);
    return moduleEdit({
      name: `ai-only-when-available-${hook}`,
      modules: module,
      edit: (code) =>
        made.test(code)
          ? [
              `import { useAIAvailability as __pishkhanAiAvailable } from '${availability}';`,
              code.replace(made, `$1${hook}: ${asked}$2`),
              `const ${hook} = (arg, options) => ${asked}(arg, { ...options, skip: Boolean(options?.skip) || !__pishkhanAiAvailable() });`,
            ].join('\n')
          : code,
      cannot: `${hook} is no longer made here; cannot keep it from asking for AI`,
    });
  });
