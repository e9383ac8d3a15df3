import type { Core } from '@strapi/strapi';
import { ResponseCacheOptions, uidMatcher } from '../core';
import { createRuntime, getRuntime } from './runtime';
import type { SaveStep, SaveStepsService } from '@pishkhan/save-pipeline';

/** Creates the cache in the register phase: the save pipeline's step and the lifecycles below use it. */
export const register = ({ strapi }: { strapi: Core.Strapi }): void => {
  createRuntime(strapi, strapi.config.get('plugin::response-cache') as ResponseCacheOptions);
};

/**
 * response-cache's part of the save pipeline: around every save to a watched content type, outermost,
 * so the generation moves after the other steps' work (slug history, news codes, footers, the search
 * index) is done and its transaction ended, before the write call returns to its caller.
 */
export const saveSteps = ({ strapi }: { strapi: Core.Strapi }): SaveStepsService => ({
  steps: (): SaveStep[] => [
    {
      name: 'response-cache.invalidate',
      phase: 'around',
      serves: (uid) => !!getRuntime(strapi)?.enabled && getRuntime(strapi)!.watchesDocuments(uid),
      async run({ uid, action }, save) {
        const runtime = getRuntime(strapi)!;
        try {
          return await runtime.documentScope.run(true, save);
        } finally {
          // Also after a failed write: part of it may have been done outside its transaction.
          await runtime.invalidate(`${uid} ${action}`);
        }
      },
    },
  ],
});

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
