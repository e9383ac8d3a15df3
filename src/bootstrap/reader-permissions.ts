import type { Core } from '@strapi/strapi';

/**
 * What a reader (unauthenticated, or a logged-in end user) may do: read published articles, sections and
 * officials. The lookups by slug and news code, the Jalali archive and search answer to these same
 * actions (their routes' scopes), so the roles hold six permissions, as plain Strapi's would for three
 * content types. Granted on every start so a fresh database is usable; anything else stays closed unless
 * an administrator opens it in Settings → Users & Permissions.
 */
export const READER_ACTIONS = [
  'api::article.article.find',
  'api::article.article.findOne',
  'api::section.section.find',
  'api::section.section.findOne',
  'api::official.official.find',
  'api::official.official.findOne',
];

/**
 * The lookups' own actions, which readers were granted before the lookups answered to their content
 * type's. users-permissions reads and evaluates every permission of the role on every request, so these
 * are revoked rather than left to do nothing: six of them cost each public read 9% more calls
 * (bench/findings.md §16).
 */
export const RETIRED_READER_ACTIONS = [
  'api::article.by-slug.findOne',
  'api::article.by-news-code.findOne',
  'api::article.archive.find',
  'api::section.by-slug.findOne',
  'api::official.by-slug.findOne',
  'plugin::persian-text.search.find',
];

export const revokeRetiredActions = async (
  strapi: Core.Strapi,
  actions: string[]
): Promise<void> => {
  const permissions = strapi.db.query('plugin::users-permissions.permission');
  const retired = await permissions.findMany({ where: { action: { $in: actions } } });
  // One at a time: `delete` also removes the permission's link to its role, `deleteMany` would not.
  for (const { id } of retired) await permissions.delete({ where: { id } });
};

/** Readers who log in (the users-permissions `authenticated` role) read what the public reads. */
export const READER_ROLES = ['public', 'authenticated'];

export const grantReaderActions = async (strapi: Core.Strapi, actions: string[]): Promise<void> => {
  for (const type of READER_ROLES) await grantRoleActions(strapi, type, actions);
};

const grantRoleActions = async (
  strapi: Core.Strapi,
  type: string,
  actions: string[]
): Promise<void> => {
  const role = await strapi.db.query('plugin::users-permissions.role').findOne({ where: { type } });
  if (!role) throw new Error(`The users-permissions ${type} role is missing`);

  const permissions = strapi.db.query('plugin::users-permissions.permission');
  const existing = await permissions.findMany({
    where: { role: role.id, action: { $in: actions } },
  });
  const granted = new Set(existing.map((permission: { action: string }) => permission.action));
  for (const action of actions.filter((candidate) => !granted.has(candidate))) {
    await permissions.create({ data: { action, role: role.id } });
  }
};
