import path from 'path';
import request from 'supertest';
import type { Core } from '@strapi/strapi';
import { createStrapi } from '@strapi/strapi';
import { applyTestEnv } from './test-env';
import { createTestDatabase, TestDatabase } from './database';
import { waitForIdleDatabase } from '../../src/lib/idle-database';
import { withContract } from './contract';

const appDir = path.resolve(__dirname, '..', '..');

export interface TestApp {
  strapi: Core.Strapi;
  http: () => request.Agent;
  close(): Promise<void>;
}

/**
 * Boots the compiled app on a database of its own (see database.ts), with the demo content unless
 * `seed: false`, and serves it in-process for supertest; every answer of `/api/…` must match docs/openapi.json.
 */
export const bootApp = async ({
  seed = true,
  env = {},
}: { seed?: boolean; env?: Record<string, string> } = {}): Promise<TestApp> => {
  applyTestEnv();
  const database: TestDatabase = await createTestDatabase();
  Object.assign(process.env, database.env, { SEED_DEMO: seed ? 'true' : 'false' }, env);

  const instance = createStrapi({
    appDir,
    distDir: path.join(appDir, 'dist'),
    autoReload: false,
    serveAdminPanel: false,
  });
  let strapi: Core.Strapi;
  try {
    strapi = await instance.load();
  } catch (error) {
    await instance.destroy().catch(() => undefined);
    await database.drop();
    throw error;
  }
  strapi.server.mount();

  return {
    strapi,
    // Every answer is checked against docs/openapi.json (contract.ts).
    http: () => withContract(request.agent(strapi.server.httpServer)),
    close: async () => {
      await waitForIdleDatabase(strapi);
      await strapi.destroy();
      await database.drop();
    },
  };
};
