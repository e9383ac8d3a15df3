import { z } from 'zod';
import type { Core } from '@strapi/strapi';

const name = z.string().min(1);

/**
 * `config/plugins.ts` → `'persian-text': { config }`. Hygiene rewrites only the listed fields of each
 * content type (`body.text` is the `text` of every component of `body`) of entries in the listed locales.
 * `nonBlankFields` (field → its Persian name) must hold visible text in every locale, drafts included.
 * `search` names the content type the search index holds and its fields; without it nothing is indexed.
 * A search counts its matches exactly up to `searchExactTotalUpTo`; beyond that its total is that lower
 * bound, flagged `totalExact: false`. Nothing of a host's schema has a default.
 */
export const persianTextConfig = z.object({
  hygieneLocales: z.array(name).default(['fa']),
  hygieneFields: z.record(name, z.array(name)).default({}),
  nonBlankFields: z.record(name, z.record(name, name)).default({}),
  searchExactTotalUpTo: z.number().int().positive().default(1000),
  search: z
    .object({
      uid: name,
      title: name,
      lead: name,
      publishedOn: name,
      slug: name.optional(),
      newsCode: name.optional(),
      /** Shown above the title and searched with it. */
      kicker: name.optional(),
      /** The dynamic zone or component list holding the text, and the field of its text. */
      body: z.object({ field: name, text: name }),
      /** The relation a search narrows by (`section=`), to a tree by `parent`, found by `slug` or documentId. */
      section: z.object({ relation: name, uid: name, parent: name, slug: name }),
    })
    .optional(),
});

export type PersianTextConfig = z.infer<typeof persianTextConfig>;
export type SearchConfig = NonNullable<PersianTextConfig['search']>;

export const textConfig = (strapi: Core.Strapi): PersianTextConfig =>
  strapi.config.get('plugin::persian-text') as PersianTextConfig;

/**
 * Who may search: whoever may list the searched content type (its `find`), as a search answers a filtered
 * list of it; the plugin's own action only where nothing is indexed.
 */
export const searchScope = (strapi: Core.Strapi): string[] => {
  const { search } = textConfig(strapi);
  return [search ? `${search.uid}.find` : 'plugin::persian-text.search.find'];
};

/** Refused at start with every problem named: `persian-text: search.uid: Required`. */
export const parsePersianTextConfig = (config: unknown): PersianTextConfig => {
  const parsed = persianTextConfig.safeParse(config);
  if (parsed.success) return parsed.data;
  const problems = parsed.error.issues.map(
    (issue) => `${issue.path.join('.') || 'config'}: ${issue.message}`
  );
  throw new Error(`persian-text: invalid config in config/plugins.ts (${problems.join('; ')})`);
};

export default {
  default: {
    hygieneLocales: ['fa'],
    hygieneFields: {},
    nonBlankFields: {},
    searchExactTotalUpTo: 1000,
  },
  validator(config: unknown) {
    parsePersianTextConfig(config);
  },
};
