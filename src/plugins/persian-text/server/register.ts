import type { Core } from '@strapi/strapi';
import { registerHygiene } from './hygiene';
import { registerIndexing } from './index-middleware';
import { registerSearchGraphql } from './graphql';
import { registerAdminListSearch } from './admin-list-search';

export const register = ({ strapi }: { strapi: Core.Strapi }): void => {
  registerHygiene(strapi);
  registerIndexing(strapi);
  registerSearchGraphql(strapi);
  registerAdminListSearch(strapi);
};
