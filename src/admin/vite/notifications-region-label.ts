import type { Plugin } from 'vite';

/**
 * Strapi renders sonner's `<Toaster>` without `containerAriaLabel`, so the notifications region is
 * announced as "Notifications alt+T" (sonner's English default and its shortcut) in any language. It is
 * given a message, `pishkhan.notifications.region`, translated in translations/fa/admin.ts; the
 * shortcut stays. The build fails if the module changed shape.
 */
export const translatedNotificationsRegion = (): Plugin => ({
  name: 'pishkhan:translated-notifications-region',
  enforce: 'pre',
  transform(code, id) {
    if (!/\/@strapi\/admin\/dist\/admin\/admin\/src\/features\/Notifications\.mjs$/.test(id.split('?')[0].replace(/\\/g, '/'))) return null;
    // The provider sits inside Strapi's LanguageProvider, and the module already imports useIntl.
    const patched = code.replace(
      /jsx\(Toaster, \{\s*position: "top-center"\s*\}\)/,
      `jsx(Toaster, { position: "top-center", containerAriaLabel: useIntl().formatMessage({ id: 'pishkhan.notifications.region', defaultMessage: 'Notifications' }) })`,
    );
    if (patched === code || !/import \{ useIntl \} from 'react-intl'/.test(code)) {
      this.error(`${id}: the notifications provider changed; cannot translate its region label`);
    }
    return { code: patched, map: null };
  },
});
