import type { Core } from '@strapi/strapi';
import { registerSearchGraphql } from './graphql';
import { registerAdminListSearch } from './admin-list-search';

export const register = ({ strapi }: { strapi: Core.Strapi }): void => {
  registerSearchGraphql(strapi);
  registerAdminListSearch(strapi);
};
