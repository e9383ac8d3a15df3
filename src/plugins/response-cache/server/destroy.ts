import type { Core } from '@strapi/strapi';
import { getRuntime } from './runtime';

/** A process that stops after writing (the importer, scripts) leaves a generation no earlier answer has. */
export const destroy = async ({ strapi }: { strapi: Core.Strapi }): Promise<void> => {
  await getRuntime(strapi)?.close();
};
