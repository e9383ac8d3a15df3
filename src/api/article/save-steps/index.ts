import type { Core } from '@strapi/strapi';
import { BODY_LIMIT_ERROR_CODES, checkBodyBlocks } from '../../../lib/write-limits';
import type { SaveStep, StoredRow } from '@pishkhan/save-pipeline';
import { publishedOnPatches } from './published-on';
import { quotedOfficialsNeeds, quotedOfficialsPatch } from './quoted-officials';
import { schedulingStep } from './scheduling';

const ARTICLE = 'api::article.article';
const isArticle = (uid: string) => uid === ARTICLE;

/** The article's own derived fields, kept right on every write path (REST, GraphQL, admin, importer). */
export const articleSaveSteps = (strapi: Core.Strapi): SaveStep[] => [
  schedulingStep(strapi),
  {
    name: 'article.body-limits',
    phase: 'before',
    serves: isArticle,
    actions: ['create', 'update'],
    errorCodes: BODY_LIMIT_ERROR_CODES,
    run: ({ params }) => checkBodyBlocks(params.data?.body),
  },
  {
    // Recomputed per stored row: the admin sends relation changes as connect/disconnect deltas that
    // cannot be read from the request alone.
    name: 'article.quoted-officials',
    phase: 'after',
    serves: isArticle,
    actions: ['create', 'update', 'publish', 'discardDraft'],
    gives: ['row:quotedOfficials'],
    reads: () => quotedOfficialsNeeds(strapi, ARTICLE),
    run(context) {
      for (const row of context.rows) {
        const patch = quotedOfficialsPatch(row);
        if (patch) context.patch(row, patch);
      }
    },
  },
  {
    name: 'article.published-on',
    phase: 'after',
    serves: isArticle,
    actions: ['create', 'update', 'publish', 'discardDraft'],
    gives: ['row:publishedOn'],
    reads: () => ({ fields: ['publishedOn'] }),
    run(context) {
      for (const [row, values] of publishedOnPatches(
        context.rows as Array<StoredRow & { publishedOn?: unknown }>
      ))
        context.patch(row, values);
    },
  },
];
