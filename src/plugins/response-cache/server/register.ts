import type { Core } from '@strapi/strapi';
import { ResponseCacheOptions, uidMatcher } from '../core';
import { createRuntime, getRuntime } from './runtime';

const READS = new Set(['findMany', 'findFirst', 'findOne', 'count']);

/**
 * The document-service middleware that invalidates. Registered in the register phase by a plugin listed
 * before the other local plugins, so it is the outermost of theirs: the generation moves after their own
 * after-write work (slug history, news codes, footers, the search index) is done, and before the write
 * call returns to its caller.
 */
export const register = ({ strapi }: { strapi: Core.Strapi }): void => {
  const options = strapi.config.get('plugin::response-cache') as ResponseCacheOptions;
  const runtime = createRuntime(strapi, options);
  if (!runtime.enabled) return;

  strapi.documents.use(async (context, next) => {
    if (READS.has(context.action) || !runtime.watchesDocuments(context.uid)) return next();
    try {
      return await runtime.documentScope.run(true, () => next());
    } finally {
      // Also after a failed write: part of it may have been done outside its transaction.
      await runtime.invalidate(`${context.uid} ${context.action}`);
    }
  });
};

type LifecycleEvent = {
  action: string;
  model: { uid: string };
  result?: { key?: unknown } | null;
  params?: { data?: { key?: unknown }; where?: { key?: unknown } };
};

const CORE_STORE = 'strapi::core-store';

/**
 * Writes made without the document service (`strapi.db.query`), to models whose content shows in public
 * answers or decides who may read them. Writes done inside a document write are left to its middleware.
 */
export const subscribeLifecycles = (strapi: Core.Strapi): void => {
  const runtime = getRuntime(strapi);
  if (!runtime?.enabled) return;
  const watchesCoreStoreKey = uidMatcher(runtime.options.coreStoreKeys);
  const handler = async (event: LifecycleEvent) => {
    if (!runtime.watchesModels(event.model.uid) || runtime.documentScope.getStore()) return;
    if (event.model.uid === CORE_STORE) {
      const key = event.result?.key ?? event.params?.data?.key ?? event.params?.where?.key;
      // A write whose key is unknown (`updateMany`…) invalidates; a known key only if it is watched.
      if (typeof key === 'string' && !watchesCoreStoreKey(key)) return;
    }
    await runtime.invalidate(`${event.model.uid} ${event.action}`);
  };
  strapi.db.lifecycles.subscribe({
    afterCreate: handler,
    afterCreateMany: handler,
    afterUpdate: handler,
    afterUpdateMany: handler,
    afterDelete: handler,
    afterDeleteMany: handler,
  } as never);
};
