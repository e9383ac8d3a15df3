import type { Core } from '@strapi/strapi';
import { findJalaliAttributes } from './fields';
import { ensureDateIndexes } from './indexes';

export const bootstrap = async ({ strapi }: { strapi: Core.Strapi }): Promise<void> => {
  await ensureDateIndexes(strapi, findJalaliAttributes(strapi));
};
