import type { Core } from '@strapi/strapi';
import { findSlugFields } from './fields';
import { registerSlugGraphql } from './graphql';
import { setSlugSpecs } from './specs';

export const register = ({ strapi }: { strapi: Core.Strapi }): void => {
  strapi.customFields.register([
    {
      name: 'slug',
      plugin: 'persian-slug',
      type: 'uid',
      inputSize: { default: 12, isResizable: true },
    },
    {
      name: 'news-code',
      plugin: 'persian-slug',
      type: 'integer',
      inputSize: { default: 4, isResizable: true },
    },
  ]);
  const specs = findSlugFields(strapi);
  setSlugSpecs(specs);
  // Before the graphql plugin builds its schema in its bootstrap.
  registerSlugGraphql(strapi, specs);
};
