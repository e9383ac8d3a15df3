import type { Core } from '@strapi/strapi';

type Read = () => unknown;

interface SlugLookups {
  bySlug(ctx: unknown, uid: string, findOne: Read): Promise<unknown>;
  byNewsCode(ctx: unknown, uid: string, findOne: Read): Promise<unknown>;
}

interface JalaliArchive {
  archive(ctx: unknown, uid: string, find: Read): Promise<unknown>;
}

/** The local plugins' reusable controllers, called from the content types' own controllers. */
export const slugLookups = (strapi: Core.Strapi): SlugLookups =>
  strapi.plugin('persian-slug').controller('lookup') as unknown as SlugLookups;

export const jalaliArchive = (strapi: Core.Strapi): JalaliArchive =>
  strapi.plugin('jalali-date').controller('archive') as unknown as JalaliArchive;
