import { createHash } from 'crypto';
import type { Core } from '@strapi/strapi';
import { footerDefaults } from './config';
import { refreshFooters } from './materialize';

/** When the configured default changed since the last start, every stored footer is recomputed once. */
export const bootstrap = async ({ strapi }: { strapi: Core.Strapi }): Promise<void> => {
  const store = strapi.store({ type: 'plugin', name: 'footer-policy', key: 'defaults-hash' });
  const hash = createHash('sha256')
    .update(JSON.stringify(footerDefaults(strapi)))
    .digest('hex');
  if ((await store.get({})) === hash) return;
  const changed = await refreshFooters(strapi, {});
  await store.set({ value: hash });
  if (changed)
    strapi.log.info(`footer-policy: default changed, ${changed} article footer(s) recomputed`);
};
