/** Strapi 5.54 names its content API token strategy `content-api-token` (earlier 5.x: `api-token`). */
const TOKEN_STRATEGIES = new Set(['content-api-token', 'api-token']);

/** Lets through only requests authenticated with an API token (Settings → API Tokens). */
export default (policyContext: { state?: { auth?: { strategy?: { name?: string } } } }): boolean =>
  TOKEN_STRATEGIES.has(policyContext.state?.auth?.strategy?.name ?? '');
