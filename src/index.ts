import type { Core } from '@strapi/strapi';
import { CURSOR_HANDLERS } from './api/article/cursor-lists';
import { fitArticleListColumns } from './bootstrap/article-list-columns';
import { countListsFromCounters } from './bootstrap/list-counts';
import { ensureLinkOrderIndexes } from './bootstrap/link-order-indexes';
import { ensureListIndexes } from './bootstrap/list-indexes';
import { ensureDefaultLocale } from './bootstrap/locales';
import { registerPublishedOnlyReads } from './bootstrap/published-only-reads';
import {
  grantReaderActions,
  READER_ACTIONS,
  RETIRED_READER_ACTIONS,
  revokeRetiredActions,
} from './bootstrap/reader-permissions';
import { seedDemoContent } from './demo/seed-demo';
import { watchEventAudience } from './lib/event-audience';
import { giveTurnsBetweenStatements } from './lib/event-loop-turns';
import { registerCursorParam } from './lib/list-cursor';
import { tolerateLostConnectionRejections } from './lib/lost-connection-rejections';
import { serveReadsFromSecondConnection } from './lib/sqlite-read-connection';
import { registerSavePipeline } from './save-pipeline';
import { registerScheduleGraphql } from './scheduling/graphql';
import { Scheduler, startScheduler } from './scheduling/runner';
import { ensureScheduleTable } from './scheduling/table';

const untolerate = new WeakMap<Core.Strapi, () => void>();
const schedulers = new WeakMap<Core.Strapi, Scheduler>();

export default {
  register({ strapi }: { strapi: Core.Strapi }) {
    untolerate.set(
      strapi,
      tolerateLostConnectionRejections((message) => strapi.log.warn(message))
    );
    // Before any bootstrap: webhooks and plugins join the event hub there (the importer asks who listens).
    watchEventAudience(strapi);
    registerPublishedOnlyReads(strapi);
    registerSavePipeline(strapi);
    registerScheduleGraphql(strapi);
    // Keyset pages of the newest-first article list and archive (docs/api.md, "Deep pages").
    registerCursorParam(strapi, CURSOR_HANDLERS);
    giveTurnsBetweenStatements(strapi);
    serveReadsFromSecondConnection(strapi);
  },

  async bootstrap({ strapi }: { strapi: Core.Strapi }) {
    await ensureScheduleTable(strapi);
    await ensureDefaultLocale(strapi);
    await grantReaderActions(strapi, READER_ACTIONS);
    await revokeRetiredActions(strapi, RETIRED_READER_ACTIONS);
    await fitArticleListColumns(strapi);
    await ensureListIndexes(strapi);
    await countListsFromCounters(strapi);
    await ensureLinkOrderIndexes(strapi);
    if (process.env.SEED_DEMO !== 'false') await seedDemoContent(strapi);
    // SQLite writes one transaction at a time: more than one claim loop would only queue.
    const workers =
      strapi.db.config.connection.client === 'postgres'
        ? Number(process.env.SCHEDULER_WORKERS ?? 4)
        : 1;
    schedulers.set(
      strapi,
      startScheduler(strapi, {
        intervalMs: Number(process.env.SCHEDULER_INTERVAL_MS ?? 1000),
        workers,
      })
    );
  },

  async destroy({ strapi }: { strapi: Core.Strapi }) {
    await schedulers.get(strapi)?.stop();
    untolerate.get(strapi)?.();
  },
};
