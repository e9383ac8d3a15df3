import type { Core } from '@strapi/strapi';
import { type CountParams, type ListCountKey, listCountKeyOf } from '../lib/list-count-key';
import { ensureListCounters, readListCount } from './list-counters';
import { listedTypes } from './listed-types';

type EntityManager = { count(uid: string, params?: CountParams): Promise<number> };
type Lifecycles = {
  run(action: string, uid: string, properties: object, states?: unknown): Promise<unknown>;
};

/**
 * The paged lists' counts from the maintained counters (list-counters.ts) instead of the table. Every
 * count of a list goes through the entity manager's `count` with the where clause the Document Service
 * built: the public REST list and GraphQL's `pageInfo`/`meta` (`documents.count`, the status forced to
 * published for readers by published-only-reads.ts), and the admin's list (the content manager's
 * `findPage`, drafts by default). Only a where clause that is exactly a locale and a state is answered
 * here; any other count (a filter, a search, a month of the archive, every locale) goes to the database as
 * before. Strapi's count lifecycles still run around the answer.
 */
export const countListsFromCounters = async (strapi: Core.Strapi): Promise<void> => {
  const uids = listedTypes(strapi);
  await ensureListCounters(strapi, uids);
  const counted = new Set(uids);
  const entityManager = strapi.db.entityManager as unknown as EntityManager;
  const lifecycles = strapi.db.lifecycles as unknown as Lifecycles;
  const count = entityManager.count.bind(entityManager);
  // The query layer's status filter is a function of the model (Strapi's convertStatusParams), called
  // here as the query builder calls it; one that needs more than the model (a query builder) is no list's.
  const keyOf = (uid: string, params: CountParams): ListCountKey | null => {
    if (!counted.has(uid)) return null;
    let { filters } = params;
    if (typeof filters === 'function')
      try {
        filters = filters({ uid, meta: strapi.db.metadata.get(uid), db: strapi.db });
      } catch {
        return null;
      }
    return listCountKeyOf({ ...params, filters });
  };
  entityManager.count = async (uid, params = {}) => {
    const key = keyOf(uid, params);
    if (!key) return count(uid, params);
    const states = await lifecycles.run('beforeCount', uid, { params });
    const result = await readListCount(strapi, uid, key);
    await lifecycles.run('afterCount', uid, { params, result }, states);
    return result;
  };
};
