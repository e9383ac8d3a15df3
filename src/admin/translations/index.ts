import { admin } from './fa/admin';
import { contentManagerFa } from './fa/content-manager';
import { i18nFa } from './fa/i18n';
import { uploadFa } from './fa/upload';
import { contentTypesEn, contentTypesFa } from './content-types';

/**
 * `config.translations` for app.tsx. Persian covers the screens an editor uses (see docs/admin.md);
 * any key missing here falls back to Strapi's English. English only gains our content-type labels and
 * hints. The plugins' own strings are registered by each plugin (`registerTrads`).
 */
export const translations = {
  fa: { ...admin, ...contentManagerFa, ...uploadFa, ...i18nFa, ...contentTypesFa },
  en: { ...contentTypesEn },
};

/** Every hint key we wrote, so the edit-view hook only replaces hints it can translate. */
export const knownKeys = new Set([
  ...Object.keys(translations.fa),
  ...Object.keys(translations.en),
]);
