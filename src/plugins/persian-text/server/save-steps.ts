import type { Core } from '@strapi/strapi';
import { ROW_WRITES, SaveStep, SaveStepsService, StoredRow } from '@pishkhan/save-pipeline';
import { textConfig } from './config';
import { getEngine } from './engine';
import { HYGIENE_ERROR_CODES, prepareForSave } from './hygiene';
import { indexNeeds, toIndexed } from './indexer';

/** persian-text's part of the save pipeline (the app orders it: src/save-pipeline.ts). */
const saveSteps = ({ strapi }: { strapi: Core.Strapi }): SaveStepsService => {
  const config = () => textConfig(strapi);
  return {
    steps: (): SaveStep[] => [
      {
        // Every write path (admin, REST, GraphQL, importer) goes through here or `prepareForSave`.
        name: 'persian-text.hygiene',
        phase: 'before',
        serves: (uid) => uid in config().hygieneFields || uid in config().nonBlankFields,
        actions: ['create', 'update'],
        errorCodes: HYGIENE_ERROR_CODES,
        gives: ['clean-text'],
        run(context) {
          if (context.params.data) {
            context.params.data = prepareForSave(
              strapi,
              context.uid,
              context.locale,
              context.params.data,
              context.action === 'create'
            );
          }
        },
      },
      {
        // The index holds exactly the published versions, one per locale, in the write's own transaction.
        name: 'persian-text.search-index',
        phase: 'after',
        serves: (uid) => uid === config().search?.uid,
        actions: ROW_WRITES,
        needs: ['row:newsCode', 'row:publishedOn'],
        reads: () => indexNeeds(config().search!),
        async run(context) {
          const published = context.rows.filter(
            (row: StoredRow) => row.publishedAt !== null && row.publishedAt !== undefined
          );
          await getEngine(strapi).replace(
            context.documentId!,
            published.map((row) => toIndexed(config().search!, row))
          );
        },
      },
    ],
  };
};

export default saveSteps;
