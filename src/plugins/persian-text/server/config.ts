/**
 * `config/plugins.ts` → `'persian-text': { config: { hygieneLocales, hygieneFields, nonBlankFields, searchExactTotalUpTo } }`.
 * Hygiene rewrites only the listed fields (`body.text` is the `text` of every body component) of entries
 * in the listed locales. `nonBlankFields` (field → its Persian name) must hold visible text in every
 * locale, drafts included. A search counts its matches exactly up to `searchExactTotalUpTo`; beyond that
 * its total is that lower bound, flagged `totalExact: false`.
 */
export interface PersianTextConfig {
  hygieneLocales: string[];
  hygieneFields: Record<string, string[]>;
  nonBlankFields: Record<string, Record<string, string>>;
  searchExactTotalUpTo: number;
}

export default {
  default: {
    hygieneLocales: ['fa'],
    hygieneFields: {
      'api::article.article': ['title', 'kicker', 'lead', 'author', 'source', 'body.text', 'body.role', 'body.caption'],
      'api::section.section': ['name', 'description'],
      'api::official.official': ['fullName', 'aliases', 'role', 'organization', 'bio'],
    },
    nonBlankFields: {
      'api::article.article': { title: 'عنوان' },
      'api::section.section': { name: 'نام سرویس' },
      'api::official.official': { fullName: 'نام مقام' },
    },
    searchExactTotalUpTo: 1000,
  } as PersianTextConfig,
  validator(config: PersianTextConfig) {
    if (!Array.isArray(config.hygieneLocales)) throw new Error('persian-text: hygieneLocales must be an array of locale codes');
    if (!Number.isInteger(config.searchExactTotalUpTo) || config.searchExactTotalUpTo < 1) {
      throw new Error('persian-text: searchExactTotalUpTo must be a positive whole number');
    }
  },
};
