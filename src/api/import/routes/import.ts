/**
 * `POST /api/import`: the archive importer over HTTP (src/importer/README.md). Only API tokens reach it:
 * a full-access token or a custom one holding `api::import.import.create`; read-only tokens and the
 * public role are refused by Strapi's permission check, and the policy refuses every other kind of
 * caller (a users-permissions login, or a public role an administrator opened by mistake).
 */
export default {
  routes: [
    {
      method: 'POST',
      path: '/import',
      handler: 'api::import.import.create',
      config: { policies: ['api::import.api-token-only'] },
    },
  ],
};
