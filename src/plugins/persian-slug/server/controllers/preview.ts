import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { firstFreeCandidate, persianSlug, SlugError } from '../../core';
import { getService } from '../get-service';
import { slugSpecs } from '../specs';

type Ctx = { query: Record<string, unknown>; body: unknown };

const text = (value: unknown) => (typeof value === 'string' ? value : '');

/**
 * For the admin's slug input: the slug that saving would give (`from` is the title being typed, or `slug`
 * a slug being typed), and whether it is free in that locale. Reserves nothing.
 */
const previewController = ({ strapi }: { strapi: Core.Strapi }) => ({
  async preview(ctx: Ctx) {
    const spec = slugSpecs().get(text(ctx.query.uid));
    if (!spec) throw new errors.ValidationError(`Unknown content type "${text(ctx.query.uid)}"`);
    const locale =
      text(ctx.query.locale) || (await strapi.plugin('i18n').service('locales').getDefaultLocale());
    const documentId = text(ctx.query.documentId) || undefined;
    const typed = text(ctx.query.slug).trim();
    const registry = getService(strapi, 'registry');
    let base: string;
    try {
      base = persianSlug(typed || text(ctx.query.from), { mode: spec.mode });
    } catch (error) {
      if (!(error instanceof SlugError)) throw error;
      ctx.body = {
        slug: null,
        free: false,
        error: { code: error.code, message: error.message, messageFa: error.messageFa },
      };
      return;
    }
    const current = documentId ? await registry.current(spec.uid, locale, documentId) : null;
    const isFree = async (slug: string) => {
      const owner = await registry.lookup(spec.uid, locale, slug);
      return !owner || owner.documentId === documentId;
    };
    // A typed slug is shown as it is, free or not; one made from the title is the first free.
    const slug = typed ? base : await firstFreeCandidate(base, isFree);
    ctx.body = { slug, free: typed ? await isFree(slug) : true, current };
  },
});

export default previewController;
