import type { Core } from '@strapi/strapi';

/**
 * What an unauthenticated reader may do: read published articles, sections and officials (lists,
 * findOne, slug and news-code lookups, the Jalali archive, search).
 * Granted on every start so a fresh database is usable; anything else stays closed unless an
 * administrator opens it in Settings → Users & Permissions.
 */
export const PUBLIC_ACTIONS = [
  'api::article.article.find',
  'api::article.article.findOne',
  'api::article.article.findBySlug',
  'api::article.article.findByNewsCode',
  'api::article.article.archive',
  'api::section.section.find',
  'api::section.section.findOne',
  'api::section.section.findBySlug',
  'api::official.official.find',
  'api::official.official.findOne',
  'api::official.official.findBySlug',
  'plugin::persian-text.search.search',
];

export const grantPublicActions = async (strapi: Core.Strapi, actions: string[]): Promise<void> => {
  const role = await strapi.db
    .query('plugin::users-permissions.role')
    .findOne({ where: { type: 'public' } });
  if (!role) throw new Error('The users-permissions public role is missing');

  const permissions = strapi.db.query('plugin::users-permissions.permission');
  const existing = await permissions.findMany({ where: { role: role.id, action: { $in: actions } } });
  const granted = new Set(existing.map((permission: { action: string }) => permission.action));
  for (const action of actions.filter((candidate) => !granted.has(candidate))) {
    await permissions.create({ data: { action, role: role.id } });
  }
};
