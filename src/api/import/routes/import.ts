import type { RouteContract } from '../../../lib/openapi-route';
import { importReport, importRequest } from '../report-schema';
import { IMPORT_REQUEST_ERROR_CODES } from '../services/import';

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
      openapi: {
        summary: 'Import archived story files (UTF-8 or Windows-1256 text or Markdown) as articles',
        requestBody: importRequest,
        errorCodes: IMPORT_REQUEST_ERROR_CODES,
        responses: {
          200: {
            description: "Each document's outcome (and, for a real run, what was written)",
            schema: importReport,
          },
        },
      } satisfies RouteContract,
    },
  ],
};
