import type { Core } from '@strapi/strapi';
import { ensureTables } from './tables';
import { getService } from './get-service';

export const bootstrap = async ({ strapi }: { strapi: Core.Strapi }): Promise<void> => {
  await ensureTables(strapi);
  await getService(strapi, 'maintenance').reconcile();
};
