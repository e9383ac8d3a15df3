import { DEFAULT_OPTIONS, validateOptions, ResponseCacheOptions } from '../core';

/** `config/plugins.ts` → `'response-cache': { config }`; see core/options.ts and docs/cache.md. */
export default {
  default: (): ResponseCacheOptions =>
    JSON.parse(JSON.stringify(DEFAULT_OPTIONS)) as ResponseCacheOptions,
  validator: (config: ResponseCacheOptions) => {
    validateOptions(config);
  },
};
