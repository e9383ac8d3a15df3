import type { Core } from '@strapi/strapi';

type LookupController = {
  bySlug(ctx: unknown, uid: string, findOne: () => Promise<unknown>): Promise<unknown>;
  byNewsCode(ctx: unknown, uid: string, findOne: () => Promise<unknown>): Promise<unknown>;
};

/** The persian-slug plugin's lookups, called from the content types' own controllers. */
export const lookups = (strapi: Core.Strapi): LookupController =>
  strapi.plugin('persian-slug').controller('lookup') as unknown as LookupController;
