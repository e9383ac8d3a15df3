import type { Core } from '@strapi/strapi';
import { registerSearchGraphql } from './graphql';

export const register = ({ strapi }: { strapi: Core.Strapi }): void => {
  registerSearchGraphql(strapi);
};
