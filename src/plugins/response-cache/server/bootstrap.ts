import type { Core } from '@strapi/strapi';
import { subscribeLifecycles } from './register';
import { getRuntime } from './runtime';

export const bootstrap = async ({ strapi }: { strapi: Core.Strapi }): Promise<void> => {
  const runtime = getRuntime(strapi);
  if (!runtime?.enabled) return;
  subscribeLifecycles(strapi);
  await runtime.start();
};
