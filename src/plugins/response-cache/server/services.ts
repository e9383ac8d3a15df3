import type { Core } from '@strapi/strapi';
import { getRuntime } from './runtime';
import { saveSteps } from './register';

/**
 * `strapi.plugin('response-cache').service('cache')`: counters and store figures, and a way for code that
 * writes around Strapi (raw SQL) to invalidate.
 */
export default {
  'save-steps': saveSteps,
  cache: ({ strapi }: { strapi: Core.Strapi }) => ({
    stats() {
      const runtime = getRuntime(strapi);
      if (!runtime?.enabled || !runtime.backend) return { enabled: false as const };
      return { enabled: true as const, ...runtime.counters, ...runtime.backend.stats() };
    },
    async invalidate(reason = 'manual'): Promise<void> {
      await getRuntime(strapi)?.invalidate(reason);
    },
  }),
};
