import { createHash } from 'crypto';
import { readFileSync } from 'fs';
import path from 'path';
import type { Core } from '@strapi/strapi';

type Ctx = {
  status: number;
  body: unknown;
  fresh: boolean;
  set(name: string, value: string): void;
  type: string;
};

/**
 * Serves docs/openapi.json as committed, read once: it changes with a deploy, not at run time. Sent as
 * bytes, so the Jalali middleware (which would add siblings to the schemas' `publishedAt` properties)
 * leaves it as it is.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  let document: { bytes: Buffer; etag: string } | undefined;
  const load = () => {
    if (!document) {
      const bytes = readFileSync(path.join(strapi.dirs.app.root, 'docs', 'openapi.json'));
      document = {
        bytes,
        etag: `"${createHash('sha256').update(bytes).digest('base64url').slice(0, 27)}"`,
      };
    }
    return document;
  };
  return {
    async find(ctx: Ctx) {
      const { bytes, etag } = load();
      ctx.set('ETag', etag);
      ctx.set('Cache-Control', 'public, max-age=300');
      ctx.type = 'application/json; charset=utf-8';
      ctx.status = 200;
      if (ctx.fresh) {
        ctx.status = 304;
        return;
      }
      ctx.body = bytes;
    },
  };
};
