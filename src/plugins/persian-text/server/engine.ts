import type { Core } from '@strapi/strapi';
import { searchEngineFor, SearchEngine } from './search-engines';

const engines = new WeakMap<Core.Strapi, SearchEngine>();

/** One engine per Strapi instance, chosen by its database client. */
export const getEngine = (strapi: Core.Strapi): SearchEngine => {
  let engine = engines.get(strapi);
  if (!engine) {
    engine = searchEngineFor(strapi);
    engines.set(strapi, engine);
  }
  return engine;
};
