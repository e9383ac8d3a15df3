import type { Core } from '@strapi/strapi';
import { reconcileRegistry } from '../reconcile';
import { slugSpecs } from '../specs';
import registry from './registry';

/** Run at every start; also callable after bulk data changes made outside the Document Service. */
const maintenance = ({ strapi }: { strapi: Core.Strapi }) => ({
  reconcile: () => reconcileRegistry(strapi, slugSpecs(), registry({ strapi })),
});

export default maintenance;
export type MaintenanceService = ReturnType<typeof maintenance>;
