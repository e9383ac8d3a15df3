import type { Core } from '@strapi/strapi';
import type { ImportRequestError } from '../services/import';

type Ctx = {
  request: { body?: unknown; files?: Record<string, unknown> };
  body: unknown;
  status: number;
  badRequest: (message: string, details?: unknown) => void;
  payloadTooLarge: (message: string, details?: unknown) => void;
};

export default ({ strapi }: { strapi: Core.Strapi }) => ({
  /** Imports the files of a JSON or multipart request; see src/importer/README.md for the format. */
  async create(ctx: Ctx) {
    const service = strapi.service('api::import.import') as ReturnType<
      typeof import('../services/import').default
    >;
    const outcome = await service.handle(ctx.request.body, ctx.request.files);
    if ('error' in outcome) {
      const { status, code, message, details } = outcome.error as ImportRequestError;
      if (status === 413) return ctx.payloadTooLarge(message, { code, ...details });
      return ctx.badRequest(message, { code, ...details });
    }
    ctx.body = outcome.response;
    return undefined;
  },
});
