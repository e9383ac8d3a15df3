import type { Core } from '@strapi/strapi';
import { findJalaliAttributes } from './fields';
import { registerJalaliGraphql } from './graphql';

export const register = ({ strapi }: { strapi: Core.Strapi }): void => {
  strapi.customFields.register({
    name: 'datetime',
    plugin: 'jalali-date',
    type: 'datetime',
    inputSize: { default: 6, isResizable: true },
  });
  // Before the graphql plugin builds its schema in its own bootstrap.
  registerJalaliGraphql(strapi, findJalaliAttributes(strapi));
};
