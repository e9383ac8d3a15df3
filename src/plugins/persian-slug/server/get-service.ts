import type { Core } from '@strapi/strapi';
import type { RegistryService } from './services/registry';
import type { NewsCodesService } from './services/news-codes';
import type { MaintenanceService } from './services/maintenance';
import type { NewDocumentsService } from './services/new-documents';

interface Services {
  registry: RegistryService;
  'news-codes': NewsCodesService;
  maintenance: MaintenanceService;
  'new-documents': NewDocumentsService;
}

export const getService = <Name extends keyof Services>(
  strapi: Core.Strapi,
  name: Name
): Services[Name] => strapi.plugin('persian-slug').service(name) as Services[Name];
