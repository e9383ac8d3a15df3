import type { Core } from '@strapi/strapi';
import { ensureTables } from './tables';

export const bootstrap = async ({ strapi }: { strapi: Core.Strapi }): Promise<void> => {
  await ensureTables(strapi);
};
