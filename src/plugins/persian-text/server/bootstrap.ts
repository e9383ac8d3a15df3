import type { Core } from '@strapi/strapi';
import { getEngine } from './engine';

export const bootstrap = async ({ strapi }: { strapi: Core.Strapi }): Promise<void> => {
  await getEngine(strapi).ensure();
};
