import type { Core } from '@strapi/strapi';

type Read = () => unknown;

interface SlugLookups {
  bySlug(ctx: unknown, uid: string, findOne: Read): Promise<unknown>;
  byNewsCode(ctx: unknown, uid: string, findOne: Read): Promise<unknown>;
}

interface JalaliArchive {
  archive(ctx: unknown, uid: string, find: Read): Promise<unknown>;
}

/** The local plugins' reusable controllers, called from the content types' lookup controllers. */
export const slugLookups = (strapi: Core.Strapi): SlugLookups =>
  strapi.plugin('persian-slug').controller('lookup') as unknown as SlugLookups;

export const jalaliArchive = (strapi: Core.Strapi): JalaliArchive =>
  strapi.plugin('jalali-date').controller('archive') as unknown as JalaliArchive;

/**
 * The content type's own find or findOne for `ctx`, so a lookup answers exactly as the core route would
 * (populate, sanitization, locale fallback).
 */
export const coreAction =
  (strapi: Core.Strapi, uid: string, action: 'find' | 'findOne', ctx: unknown): Read =>
  () => {
    const controller = strapi.controller(uid as never) as unknown as Record<
      string,
      (ctx: unknown, next: unknown) => unknown
    >;
    return controller[action](ctx, undefined);
  };
