import type { Core } from '@strapi/strapi';
import { getEngine } from './engine';
import { rebuildIndex } from './indexer';

export const bootstrap = async ({ strapi }: { strapi: Core.Strapi }): Promise<void> => {
  if ((await getEngine(strapi).ensure()) === 'rebuild') {
    strapi.log.info(
      'persian-text: the search index layout changed; rebuilding it from the published articles'
    );
    const documents = await rebuildIndex(strapi);
    strapi.log.info(`persian-text: search index rebuilt (${documents} documents)`);
  }
};
