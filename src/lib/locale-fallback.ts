import type { Core } from '@strapi/strapi';

type Ctx = { query: Record<string, unknown>; set(name: string, value: string): void };
type Response = { data: unknown; meta?: Record<string, unknown> } | undefined;

const localeOf = (response: Response): string | undefined =>
  (response?.data as { locale?: string } | null | undefined)?.locale;

/**
 * A link to a story in a locale it was never translated into shows the default-locale (Persian)
 * version instead of a 404, and says so in `meta.localeFallback` and `Content-Language`.
 * Lists are not padded with other locales: they answer exactly the locale asked for.
 */
export const withLocaleFallback = async (
  strapi: Core.Strapi,
  ctx: Ctx,
  read: () => Promise<Response>
): Promise<Response> => {
  const first = await read();
  const requested = typeof ctx.query.locale === 'string' ? ctx.query.locale : undefined;
  if (first?.data || !requested) {
    const served = localeOf(first);
    if (served) ctx.set('Content-Language', served);
    return first;
  }
  const fallback: string = await strapi.plugin('i18n').service('locales').getDefaultLocale();
  if (requested === fallback) return first;
  ctx.query = { ...ctx.query, locale: fallback };
  const second = await read();
  if (!second?.data) return first;
  ctx.set('Content-Language', fallback);
  return { ...second, meta: { ...second.meta, localeFallback: { requested, served: fallback } } };
};
