import type { Core } from '@strapi/strapi';
import { articleSaveSteps } from './api/article/save-steps';
import { orderSteps, pluginSaveSteps, savePipeline, SaveStep } from '@pishkhan/save-pipeline';

/**
 * THE SAVE, top to bottom (docs/save-pipeline.md). Every Document Service write (admin, REST, GraphQL,
 * importer, scripts) runs these steps in this order; each step is declared by the plugin that owns it
 * (its `save-steps` service, or the article API for the article's own fields), with the content types
 * and actions it serves, what it needs and what it gives. A step offered and not listed here, a name
 * listed that nobody offers, or a step placed before what it needs stops the start.
 */
export const SAVE_ORDER = [
  // Around the whole save: the cached answers go once the save is over, committed or failed.
  'response-cache.invalidate',
  // A publish whose publishedOn is still to come becomes a schedule; the document stays a draft (docs/api.md, "Scheduling").
  'article.scheduling',

  // Before the write, in the document's transaction: the data as it will be stored; any step may refuse.
  'article.body-limits', // a 400 for an oversized body before any work is done on it
  'footer-policy.strip-footer', // typed footer removed, reporter code found, footer mid-story refused on publish
  'footer-policy.section-policy', // a section's own footer setting validated
  'persian-text.hygiene', // Persian text cleaned; control characters and blank titles refused
  'persian-slug.claim', // the slug: typed one claimed, or the first free base-N from the clean title

  // Strapi writes (its own validation refuses here). Then the document's rows are read once, the steps
  // below record their values, and each changed row is written once; the answer shows what was stored.
  'persian-slug.history', // slug registry follows the rows (current, published, redirects)
  'persian-slug.news-code', // the document's news code, taken only now that the write succeeded
  'article.quoted-officials', // quotedOfficials from the body's quotes
  'footer-policy.footer', // footer and footerLine from the section chain and reporter code
  'footer-policy.section-footers', // a section's change reaches the footers of the articles below it
  'article.published-on', // publishedOn defaults to the first publication
  'persian-text.search-index', // the published versions as the rows now stand
] as const;

/** The steps every plugin offers, and the app's own (also read by `npm run contract` for their error codes). */
export const offeredSteps = (strapi: Core.Strapi): SaveStep[] => [
  ...pluginSaveSteps(strapi),
  ...articleSaveSteps(strapi),
];

export const registerSavePipeline = (strapi: Core.Strapi): void => {
  strapi.documents.use(savePipeline(strapi, orderSteps(offeredSteps(strapi), SAVE_ORDER)));
};
