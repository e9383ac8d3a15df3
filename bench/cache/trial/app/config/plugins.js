'use strict';
/**
 * TRIAL_PLUGIN = none | rest-cache | strapi-cache ; TRIAL_PROVIDER = memory | redis.
 * Each plugin configured as its README/docs say, to cache GET /api/articles and /api/articles/:id.
 */
const PLUGINS = '/tmp/cache-trial/plugins';
module.exports = ({ env }) => {
  const plugin = env('TRIAL_PLUGIN', 'none');
  const provider = env('TRIAL_PROVIDER', 'memory');
  const config = { graphql: { enabled: true, config: { landingPage: false } } };
  if (plugin === 'rest-cache') {
    if (provider === 'redis') {
      // the Redis provider needs @strapi-community/plugin-redis, loaded before rest-cache
      config.redis = {
        enabled: true,
        resolve: `${PLUGINS}/redis`,
        config: {
          connections: { default: { connection: { host: '127.0.0.1', port: 6390, db: 7 } } },
        },
      };
    }
    config['rest-cache'] = {
      enabled: true,
      resolve: `${PLUGINS}/rest-cache`,
      config: {
        provider:
          provider === 'redis'
            ? { name: 'redis', options: { connection: 'default' } }
            : { name: 'memory', options: { max: env.int('TRIAL_MAX', 32767) } },
        strategy: {
          enableEtag: true,
          enableXCacheHeaders: true,
          contentTypes: ['api::article.article'],
        },
      },
    };
  }
  if (plugin === 'strapi-cache') {
    config['strapi-cache'] = {
      enabled: true,
      resolve: `${PLUGINS}/strapi-cache`,
      config: {
        debug: env.bool('TRIAL_DEBUG', false),
        max: env.int('TRIAL_MAX', 1000),
        ttl: 1000 * 60 * 60,
        size: env.int('TRIAL_SIZE', 1024 * 1024 * 10),
        provider,
        ...(provider === 'redis'
          ? { redisConfig: env('TRIAL_REDIS_URL', 'redis://127.0.0.1:6390/7') }
          : {}),
        cacheableRoutes: ['/api/articles'],
        autoPurgeCache: true,
        autoPurgeGraphQL: true,
        autoPurgeCacheOnStart: true,
      },
    };
  }
  return config;
};
