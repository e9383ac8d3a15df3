import type { Core } from '@strapi/strapi';

const config = ({ env }: Core.Config.Shared.ConfigParams): Core.Config.Admin => ({
  auth: {
    secret: env('ADMIN_JWT_SECRET')!,
  },
  apiToken: {
    salt: env('API_TOKEN_SALT')!,
  },
  transfer: {
    token: {
      salt: env('TRANSFER_TOKEN_SALT')!,
    },
  },
  secrets: {
    encryptionKey: env('ENCRYPTION_KEY')!,
  },
  // No site to preview stories in yet: no story has a preview address, so the editor's side panel
  // shows no preview (unconfigured, Strapi answered the panel's every ask with 404).
  preview: {
    enabled: true,
    config: { handler: () => null },
  },
  // Strapi's own limit on admin logins and password resets (5 per 5 minutes per e-mail and address).
  // The browser tests log the one test editor in more often than that.
  rateLimit: {
    enabled: env.bool('ADMIN_RATE_LIMIT', true),
    max: env.int('ADMIN_RATE_LIMIT_MAX', 5),
  },
  flags: {
    nps: env.bool('FLAG_NPS', true),
    promoteEE: env.bool('FLAG_PROMOTE_EE', true),
    docLinks: env.bool('FLAG_DOC_LINKS', true),
  },
});

export default config;
