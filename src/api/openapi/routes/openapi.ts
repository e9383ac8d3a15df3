import type { RouteContract } from '../../../lib/openapi-route';

/** `GET /api/openapi.json`: the committed OpenAPI document (docs/openapi.json, `npm run contract`), public. */
export default {
  routes: [
    {
      method: 'GET',
      path: '/openapi.json',
      handler: 'api::openapi.openapi.find',
      config: { auth: false },
      openapi: {
        summary: 'This document (OpenAPI 3.1), for generating typed clients',
        responses: {
          200: {
            description: 'The document; `Cache-Control: public, max-age=300` with an `ETag`',
            schema: {
              type: 'object',
              properties: { openapi: { const: '3.1.0' } },
              required: ['openapi', 'info', 'paths', 'components'],
            },
          },
          304: { description: 'Not modified (`If-None-Match` matched the `ETag`)' },
        },
      } satisfies RouteContract,
    },
  ],
};
