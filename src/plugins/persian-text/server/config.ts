/**
 * `config/plugins.ts` → `'persian-text': { config: { hygieneLocales, hygieneFields } }`.
 * Hygiene rewrites only the listed fields (`body.text` is the `text` of every body component) of entries
 * in the listed locales.
 */
export interface PersianTextConfig {
  hygieneLocales: string[];
  hygieneFields: Record<string, string[]>;
}

export default {
  default: {
    hygieneLocales: ['fa'],
    hygieneFields: {
      'api::article.article': ['title', 'kicker', 'lead', 'author', 'source', 'body.text', 'body.role', 'body.caption'],
      'api::section.section': ['name', 'description'],
      'api::official.official': ['fullName', 'aliases', 'role', 'organization', 'bio'],
    },
  } as PersianTextConfig,
  validator(config: PersianTextConfig) {
    if (!Array.isArray(config.hygieneLocales)) throw new Error('persian-text: hygieneLocales must be an array of locale codes');
  },
};
