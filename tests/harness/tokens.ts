import type { Core } from '@strapi/strapi';

/** An API token of the given type, as an administrator would create it in Settings → API Tokens. */
export const createApiToken = async (
  strapi: Core.Strapi,
  type: 'full-access' | 'read-only' = 'full-access'
): Promise<string> => {
  const token = await strapi.service('admin::api-token').create({
    name: `test-${type}-${Math.random().toString(36).slice(2)}`,
    type,
    lifespan: null,
  });
  return `Bearer ${token.accessKey}`;
};
